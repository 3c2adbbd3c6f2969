"""A database that may only be read (read-only folder or file, or damaged) says so in the
window title and status bar, and the writing actions are off (issue 10, items 5 and 8)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

import app.store.sqlite_file as sqlite_file
from app.store import Store
from app.store import db as dbmod
from tests.gui.gui_helpers import shown_window


@pytest.fixture
def read_only_window(qtbot, seed_db, settings, monkeypatch, tmp_path):
    monkeypatch.setattr(sqlite_file, "cannot_write", lambda path: sqlite_file.FOLDER_READ_ONLY)
    store = Store.open(seed_db)
    w = shown_window(qtbot, store, settings)
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
    monkeypatch.setattr("app.store.Store.remove_document", lambda *a: calls.append(a))
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


def _damaged_copy(db: Path, tmp_path: Path) -> Path:
    """`db` with 8 KB of random bytes in its middle, where SQLite's quick_check notices but
    opening the file does not (damage to the schema page itself fails every opening)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all in the file, still in WAL mode
    conn.close()
    data = db.read_bytes()
    rnd = random.Random(4)
    for offset in range(len(data) // 3, len(data) - 8192, 4096):
        bad = tmp_path / "bad.db"
        bad.write_bytes(data[:offset] + rnd.randbytes(8192) + data[offset + 8192:])
        found = dbmod.check_database(bad)
        for side in ("-wal", "-shm"):
            Path(f"{bad}{side}").unlink(missing_ok=True)
        if found and not found[0].startswith("cannot open"):
            return bad
    pytest.fail("no damage SQLite notices")


def test_damage_found_after_the_window_shows_reopens_read_only(qtbot, seed_db, settings,
                                                               tmp_path):
    """The window opens a database without waiting for the damage check (a big archive opens
    at once); the check runs on a thread, and a damaged file is then shown read-only."""
    from app.gui.dialogs.open_error_dialog import open_with_recovery
    from app.gui.main_window import MainWindow

    bad = _damaged_copy(seed_db, tmp_path)
    before = bad.read_bytes()
    store = open_with_recovery(bad)
    assert store is not None and not store.checked and not store.read_only
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.check_store()
    qtbot.waitUntil(lambda: bool(w.read_only), timeout=10000)
    assert "(read-only)" in w.windowTitle() and "damaged" in w.read_only_label.text()
    assert not w.import_action.isEnabled()
    w.close()
    w.store.close()
    assert bad.read_bytes() == before
