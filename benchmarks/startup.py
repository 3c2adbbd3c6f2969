"""Start-up time: process start to first painted window, Fact Browser vs a bare window.

Each run starts a fresh Python process (the same interpreter, the same Qt platform) and
times, from just before the process is spawned, until the process reports the first paint
of its main window. Fact Browser also reports when the visible tab's data was on screen
(it is read right after the first paint). The bare baseline imports PySide6 and pyqtgraph
and shows a QMainWindow holding one PlotWidget.

    .venv/bin/python benchmarks/startup.py [--db PATH] [--runs 7] [--platform offscreen]

--screenshot times whole processes instead, spawn to exit: `factbrowser screenshot` (the
console script's code path, saving a PNG of the window) against a bare PySide6 + pyqtgraph
window that is shown, grabbed and saved the same way, interleaved run by run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = r'''
import sys, time
from PySide6 import QtCore, QtWidgets

class Probe(QtCore.QObject):
    def __init__(self):
        super().__init__()
        self.painted = False
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint and not self.painted:
            if isinstance(obj, QtWidgets.QWidget) and isinstance(obj.window(), QtWidgets.QMainWindow):
                self.painted = True
                print("PAINT", flush=True)
                QtCore.QTimer.singleShot(0, self.after_paint)
        return False
    def after_paint(self):
        window = next((w for w in QtWidgets.QApplication.topLevelWidgets()
                       if isinstance(w, QtWidgets.QMainWindow)), None)
        tab = getattr(window, "current_tab", lambda: None)() if window else None
        if tab is None or getattr(tab, "loaded", True):
            QtWidgets.QApplication.processEvents()
            window.repaint() if window else None
            print("READY", flush=True)
            QtCore.QTimer.singleShot(0, QtWidgets.QApplication.quit)
        else:
            QtCore.QTimer.singleShot(5, self.after_paint)

app = QtWidgets.QApplication(sys.argv[:1])
probe = Probe()
app.installEventFilter(probe)
'''

APP = PROBE + r'''
from PySide6 import QtCore as _QtCore
_QtCore.QCoreApplication.setOrganizationName("FactBrowserBenchmark")
from app.cli import main   # what the `factbrowser` console script calls
sys.exit(main(["--db", sys.argv[1]]))
'''

BARE = PROBE + r'''
import pyqtgraph as pg
window = QtWidgets.QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
'''


SHOT = r'''
import sys
from app.cli import main   # what the `factbrowser` console script calls
sys.exit(main(["screenshot", "--db", sys.argv[1], "-o", sys.argv[2]]))
'''

BARE_SHOT = r'''
import sys
from PySide6 import QtWidgets
import pyqtgraph as pg
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QMainWindow()
window.setCentralWidget(pg.PlotWidget())
window.resize(1280, 800)
window.show()
for _ in range(5):
    app.processEvents()
if not window.grab().save(sys.argv[2], "PNG"):
    sys.exit(1)
'''


def whole_run(code: str, args: list[str], env: dict) -> float:
    """Seconds from spawning the process to its exit (nan when it fails)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT), timeout=120)
    took = time.perf_counter() - start
    return took if proc.returncode == 0 else float("nan")


def measure_screenshot(db: str, runs: int = 7, platform: str | None = None) -> dict:
    """Whole-process seconds of `factbrowser screenshot` and of the bare window's grab,
    interleaved (after one warm-up of each); medians and the ratio of the medians."""
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    env = dict(os.environ, QT_QPA_PLATFORM=platform or os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONDONTWRITEBYTECODE="1", XDG_CONFIG_HOME=str(tmp / "factbrowser-startup-config"))
    out = str(tmp / f"factbrowser-startup-{os.getpid()}.png")
    whole_run(BARE_SHOT, [db, out], env)
    whole_run(SHOT, [db, out], env)
    bare, shot = [], []
    for _ in range(runs):
        bare.append(whole_run(BARE_SHOT, [db, out], env))
        shot.append(whole_run(SHOT, [db, out], env))
    Path(out).unlink(missing_ok=True)
    res = {"bare_s": statistics.median(bare), "shot_s": statistics.median(shot), "runs": runs,
           "samples": {"bare": bare, "shot": shot}}
    res["ratio"] = res["shot_s"] / res["bare_s"]
    return res


def one_run(code: str, args: list[str], env: dict) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=str(ROOT))
    paint = ready = float("nan")
    for line in proc.stdout:
        now = time.perf_counter() - start
        if line.startswith("PAINT"):
            paint = now
        elif line.startswith("READY"):
            ready = now
            break
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    return paint, ready


def measure(db: str, runs: int = 7, platform: str | None = None) -> dict:
    """Medians in seconds: bare window first paint, app first paint, app data shown; ratios."""
    tmp = Path(os.environ.get("TMPDIR", "/tmp"))
    env = dict(os.environ, QT_QPA_PLATFORM=platform or os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONDONTWRITEBYTECODE="1", XDG_CONFIG_HOME=str(tmp / "factbrowser-startup-config"))
    # one warm-up of each so both start from a warm file cache
    one_run(BARE, [], env)
    one_run(APP, [db], env)
    bare, paint, ready = [], [], []
    for _ in range(runs):
        bare.append(one_run(BARE, [], env)[0])
        p, r = one_run(APP, [db], env)
        paint.append(p)
        ready.append(r)
    med = {"bare_s": statistics.median(bare), "app_paint_s": statistics.median(paint),
           "app_ready_s": statistics.median(ready)}
    med["ratio"] = med["app_paint_s"] / med["bare_s"]
    med["ratio_ready"] = med["app_ready_s"] / med["bare_s"]
    med.update(runs=runs, samples={"bare": bare, "paint": paint, "ready": ready})
    return med


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="database to open (default: build one from the shipped corpus)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--screenshot", action="store_true",
                        help="whole process: factbrowser screenshot vs a bare window's grab")
    args = parser.parse_args(argv)

    db = args.db
    if db is None:
        sys.path.insert(0, str(ROOT))
        from app.store import ensure_default_db

        db = str(ensure_default_db(Path(os.environ.get("TMPDIR", "/tmp")) / "factbrowser-startup.db"))
    if args.screenshot:
        return _report_screenshot(db, args)
    res = measure(db, args.runs, args.platform)
    print(f"database: {db}   platform: {args.platform}   runs: {args.runs}")
    print(f"{'':34}{'median s':>10}{'min s':>9}{'max s':>9}{'ratio':>8}")
    for name, key, med in (("bare PySide6+pyqtgraph window", "bare", res["bare_s"]),
                           ("factbrowser first paint", "paint", res["app_paint_s"]),
                           ("factbrowser tab data shown", "ready", res["app_ready_s"])):
        values = res["samples"][key]
        print(f"{name:34}{med:10.3f}{min(values):9.3f}{max(values):9.3f}{med / res['bare_s']:8.2f}")
    return 0


def _report_screenshot(db: str, args) -> int:
    res = measure_screenshot(db, args.runs, args.platform)
    print(f"database: {db}   platform: {args.platform}   runs: {args.runs} (interleaved)")
    print(f"{'whole process, spawn to exit':34}{'median s':>10}{'min s':>9}{'max s':>9}{'ratio':>8}")
    for name, key in (("bare PySide6+pyqtgraph grab", "bare"), ("factbrowser screenshot", "shot")):
        values = res["samples"][key]
        med = statistics.median(values)
        print(f"{name:34}{med:10.3f}{min(values):9.3f}{max(values):9.3f}{med / res['bare_s']:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
