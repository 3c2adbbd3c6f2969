"""Databases that cannot be opened give the dialog and are never changed."""

import hashlib
import sqlite3

import pytest

from app.gui.dialogs import open_error_dialog as oed


class RecordingDialog:
    """Stands in for the modal dialog: records what it was shown and answers a choice."""

    shown: list = []
    answer = oed.QUIT

    def __init__(self, path, error, parent=None):
        self.path, self.error, self.choice = path, error, None
        self.real = oed.OpenErrorDialog(path, error, parent)

    def exec(self):
        RecordingDialog.shown.append(self)
        self.choice = RecordingDialog.answer
        return 0


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def _reset():
    RecordingDialog.shown = []
    RecordingDialog.answer = oed.QUIT


def _corrupt(tmp_path):
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    return path


def _not_sqlite(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 20)
    return path


def _newer(tmp_path):
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("make", [_corrupt, _not_sqlite, _newer])
def test_bad_database_gives_the_dialog_and_leaves_the_file_untouched(qtbot, tmp_path, make):
    path = make(tmp_path)
    before = _digest(path)
    store = oed.open_with_recovery(path, None, dialog_factory=RecordingDialog)
    assert store is None
    assert len(RecordingDialog.shown) == 1
    dialog = RecordingDialog.shown[0].real
    qtbot.addWidget(dialog)
    assert str(path) in dialog.text()
    assert "not been changed" in dialog.informativeText()
    assert dialog.open_button.text() == "Open Another…"
    assert dialog.rebuild_button.text() == "Rebuild Default"
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_missing_database_is_explained(qtbot, tmp_path):
    path = tmp_path / "gone.db"
    assert oed.open_with_recovery(path, None, dialog_factory=RecordingDialog) is None
    assert "does not exist" in RecordingDialog.shown[0].real.informativeText()
    assert not path.exists()


def test_rebuild_default_opens_a_fresh_default_and_keeps_the_users_file(qtbot, tmp_path, monkeypatch):
    import app.store

    default = tmp_path / "data" / "factbrowser.db"
    default.parent.mkdir()
    monkeypatch.setattr(app.store, "default_db_path", lambda: default)
    path = _corrupt(tmp_path)
    before = _digest(path)
    RecordingDialog.answer = oed.REBUILD
    store = oed.open_with_recovery(path, None, dialog_factory=RecordingDialog)
    try:
        assert store is not None and store.path == default
        assert store.count("sources") >= 1
    finally:
        store.close()
    assert _digest(path) == before


def test_broken_default_is_moved_aside_not_overwritten(qtbot, tmp_path, monkeypatch):
    import app.store

    default = tmp_path / "factbrowser.db"
    default.write_bytes(b"garbage" * 100)
    before = _digest(default)
    monkeypatch.setattr(app.store, "default_db_path", lambda: default)
    RecordingDialog.answer = oed.REBUILD
    store = oed.open_with_recovery(default, None, dialog_factory=RecordingDialog)
    store.close()
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and _digest(aside[0]) == before
