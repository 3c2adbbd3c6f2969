"""Opening an existing database and showing the window import neither sqlite-utils nor
pandas (pandas alone costs ~0.4 s of start-up), in every entry point, with no
`sys.modules` trick (issue 13, deliverable 3)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = "sorted({m.split('.')[0] for m in sys.modules} & {'sqlite_utils', 'pandas'})"


def _run(code: str, *args) -> str:
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_pandas_is_installed_so_the_check_means_something():
    pytest.importorskip("pandas")
    pytest.importorskip("sqlite_utils")


def test_store_open_imports_neither_sqlite_utils_nor_pandas(seed_db):
    _run("import sys\n"
         "from app.store import Store\n"
         "with Store.open(sys.argv[1]) as store:\n"
         "    assert store.count('sources') == 1\n"
         f"loaded = {HEAVY}\n"
         "assert not loaded, loaded\n"
         "assert sys.modules.get('pandas', 0) is not None, 'pandas hidden by a trick'", seed_db)


def test_window_start_path_imports_neither(seed_db):
    # the path `factbrowser --db X` takes up to the window's first data (app.gui.main.run,
    # without its event loop)
    _run("import sys\n"
         "from app.gui.main import make_app, open_store\n"
         "from app.gui.main_window import MainWindow\n"
         "app = make_app()\n"
         "store = open_store(sys.argv[1])\n"
         "window = MainWindow(store)\n"
         "window.show()\n"
         "window.load_after_first_paint()\n"
         "app.processEvents()\n"
         f"loaded = {HEAVY}\n"
         "assert not loaded, loaded\n"
         "assert sys.modules.get('pandas', 0) is not None, 'pandas hidden by a trick'\n"
         "window.close(); store.close()", seed_db)


def test_bare_factbrowser_command_imports_neither(seed_db):
    # the console script's whole path (app.cli.main -> app.gui.main.run), its event loop
    # replaced by a few rounds of events so that the process ends
    out = _run("import sys\n"
               "from PySide6 import QtWidgets\n"
               "def rounds(app):\n"
               "    for _ in range(20):\n"
               "        app.processEvents()\n"
               f"    loaded = {HEAVY}\n"
               "    assert not loaded, loaded\n"
               "    print('WINDOW', [type(w).__name__ for w in app.topLevelWidgets() if w.isVisible()])\n"
               "    return 0\n"
               "QtWidgets.QApplication.exec = rounds\n"
               "from app.cli import main\n"
               "sys.exit(main(['--db', sys.argv[1]]))", seed_db)
    assert "MainWindow" in out


def test_screenshot_command_imports_neither(seed_db, tmp_path):
    out = tmp_path / "shot.png"
    _run("import sys\n"
         "from app.cli import main\n"
         "code = main(['screenshot', '--db', sys.argv[1], '-o', sys.argv[2]])\n"
         f"loaded = {HEAVY}\n"
         "assert code == 0 and not loaded, (code, loaded)", seed_db, out)
    assert out.stat().st_size > 0


def test_python_dash_m_app_version_imports_neither():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "app", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert " sqlite_utils" not in proc.stderr and " pandas" not in proc.stderr
