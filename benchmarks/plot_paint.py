"""What one repaint of each timeline costs, with the date axis's dense tick levels left out
(the app) and with every level drawn (pyqtgraph's DateAxisItem), alternating in one process.

    .venv/bin/python benchmarks/plot_paint.py DB [--rounds 7]

Offscreen; CPU time of `grab()` of every plot widget of the Meetings, Culture and People tabs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--rounds", type=int, default=7)
    a = ap.parse_args(argv)
    import pyqtgraph as pg
    from PySide6 import QtCore, QtWidgets

    from app.gui.main_window import MainWindow
    from app.gui.plots.date_axis import LabelledDateAxis
    from app.store import Store

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    ini = Path(tempfile.mkdtemp(prefix="fb-paint-")) / "settings.ini"
    win = MainWindow(Store.open(a.db), QtCore.QSettings(str(ini), QtCore.QSettings.Format.IniFormat))
    win.resize(1400, 900)
    win.show()
    ours = LabelledDateAxis.tickValues
    results: dict[tuple[str, str], list[float]] = {}
    for name in ("meetings", "culture", "people"):
        tab = win.show_tab(name)
        end = time.monotonic() + 5
        while time.monotonic() < end:  # the tab's plot reads arrive
            app.processEvents()
            time.sleep(0.01)
        plots = tab.findChildren(pg.PlotWidget)
        for _ in range(a.rounds):
            for side, values in (("app", ours), ("every level", pg.DateAxisItem.tickValues)):
                LabelledDateAxis.tickValues = values
                for plot in plots:
                    plot.getPlotItem().getAxis("bottom").picture = None  # redrawn, not replayed
                cpu = time.process_time()
                for plot in plots:
                    plot.grab()
                results.setdefault((name, side), []).append(1000 * (time.process_time() - cpu))
        LabelledDateAxis.tickValues = ours
    for (name, side), values in results.items():
        print(f"{name:9} {side:12} {statistics.median(values):6.1f} ms CPU a repaint "
              f"({min(values):.1f}-{max(values):.1f})")
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
