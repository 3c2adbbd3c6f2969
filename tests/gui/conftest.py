import json
from pathlib import Path

import pytest
from PySide6 import QtCore

from app.store import Store
from tests.gui.gui_helpers import shown_window

ROOT = Path(__file__).resolve().parents[2]
SEED_FACTS = ROOT / "tests" / "data" / "seed-facts.json"
CORPUS = ROOT / "tests" / "data" / "corpus"


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
    w = shown_window(qtbot, store, settings)
    yield w
    w.close()

