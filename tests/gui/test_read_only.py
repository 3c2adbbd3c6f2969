"""A database that may only be read (read-only folder or file, or damaged) says so in the
window title and status bar, and the writing actions are off (issue 10, items 5 and 8)."""

from __future__ import annotations

import pytest

from app.store import Store
from app.store import db as dbmod


@pytest.fixture
def read_only_window(qtbot, seed_db, settings, monkeypatch, tmp_path):
    from app.gui.main_window import MainWindow

    monkeypatch.setattr(dbmod, "_cannot_write", lambda path: dbmod.FOLDER_READ_ONLY)
    store = Store.open(seed_db)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.load_current_tab()
    yield w
    w.close()
    store.close()


def test_read_only_database_is_shown_and_writes_are_off(read_only_window, qtbot, monkeypatch):
    w = read_only_window
    assert "(read-only)" in w.windowTitle()
    assert w.read_only_label.isVisible() and "Read-only" in w.read_only_label.text()
    assert "folder is read-only" in w.read_only_label.toolTip()
    assert not w.import_action.isEnabled()
    assert not w.acceptDrops()
    sources = w.show_tab("sources")
    assert sources.select_id(1)
    assert not sources.remove_button.isEnabled()
    # even when asked directly (a shortcut, a drop), nothing is written
    calls = []
    monkeypatch.setattr("app.store.ingest.remove_document", lambda *a: calls.append(a))
    w.remove_document(1)
    assert calls == [] and "Read-only" in w.statusBar().currentMessage()
    w.grab().save(str(w.store.path.parent / "read-only.png"))


def test_writable_database_has_writes_on(window):
    assert "(read-only)" not in window.windowTitle()
    assert not window.read_only_label.isVisible()
    assert window.import_action.isEnabled()
    sources = window.show_tab("sources")
    assert sources.select_id(1)
    assert sources.remove_button.isEnabled()
