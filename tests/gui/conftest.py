import json
import shutil
from pathlib import Path

import pytest
from PySide6 import QtCore

from app.store import Store, ensure_default_db

ROOT = Path(__file__).resolve().parents[2]
SEED_FACTS = ROOT / "tests" / "data" / "seed-facts.json"
CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture(scope="session")
def _gui_built_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("gui-built") / "seed.db"
    ensure_default_db(path)
    return path


@pytest.fixture
def seed_db(_gui_built_db, tmp_path):
    """A private copy of the database the app builds from its shipped corpus (the seed)."""
    dest = tmp_path / "seed.db"
    shutil.copy(_gui_built_db, dest)
    return dest


@pytest.fixture
def seed_facts():
    return json.loads(SEED_FACTS.read_text(encoding="utf-8"))


@pytest.fixture
def settings(tmp_path):
    return QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture
def store(seed_db):
    s = Store.open(seed_db)
    yield s
    s.close()


@pytest.fixture
def window(qtbot, store, settings):
    from app.gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.load_current_tab()
    yield w
    w.close()

