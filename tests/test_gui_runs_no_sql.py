"""The GUI is a layer over the store: no SQL runs in app/gui (issue 13). The aggregates the
views need are Store methods (app/store/reads_*.py), where a headless user reaches them too."""

from __future__ import annotations

import re
from pathlib import Path

GUI = Path(__file__).resolve().parents[1] / "app" / "gui"
SQL = re.compile(r"\.execute(many|script)?\(|^\s*import sqlite3|^\s*from sqlite3|\bsqlite3\.", re.M)


def offenders(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        for m in SQL.finditer(path.read_text(encoding="utf-8")):
            line = path.read_text(encoding="utf-8").count("\n", 0, m.start()) + 1
            found.append(f"{path.relative_to(root.parent.parent)}:{line}: {m.group(0).strip()}")
    return found


def test_app_gui_runs_no_sql():
    assert offenders(GUI) == []


def test_the_check_finds_sql_where_there_is_some(tmp_path):
    pkg = tmp_path / "app" / "gui"
    pkg.mkdir(parents=True)
    (pkg / "clean.py").write_text("from app.store import Store\n", encoding="utf-8")
    (pkg / "tab.py").write_text("import sqlite3\n\ndef f(store):\n"
                                "    return store.db.execute('SELECT 1')\n", encoding="utf-8")
    assert [o.split(": ")[1] for o in offenders(pkg)] == ["import sqlite3", ".execute("]


def test_plot_data_classes_load_without_qt_or_pyqtgraph():
    import subprocess
    import sys

    code = ("import sys; from app.gui.plots.data import Bar, PlanPoint, TimePoint, VolumeBar; "
            "print([m for m in ('PySide6', 'pyqtgraph') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
