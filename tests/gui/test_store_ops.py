"""The GUI's one background-operation pattern: StoreOp runs off the UI thread, reports
progress, can be cancelled, ends in success or a one-line failure, and a writing op's end
reaches every view through StoreHub.store_changed."""

import hashlib
import threading
import time

import pytest
from PySide6 import QtCore, QtWidgets

import app.store
from app.gui.ops import StoreOp
from app.gui.store_hub import StoreHub
from app.store import NeedsUpgrade, StoreError


class FakeStore:
    def __init__(self, path):
        self.path = path

    def close(self):
        pass


@pytest.fixture
def hub(qtbot, tmp_path):
    return StoreHub(FakeStore(tmp_path / "x.db"))


def test_success_runs_off_the_ui_thread_and_tells_the_views(qtbot, hub):
    seen = {}

    def work(path, n, progress=None):
        seen["thread"] = threading.current_thread()
        for i in range(n):
            progress(i + 1, n, f"step {i + 1}")
        return f"{path}:{n}"

    changes, steps = [], []
    hub.store_changed.connect(lambda: changes.append(1))
    op = StoreOp(work, 3, hub=hub, writes=True, progress=True)
    op.progressed.connect(lambda d, t, m: steps.append((d, t, m)))
    with qtbot.waitSignal(op.succeeded, timeout=10000) as got:
        op.start()
    assert got.args == [f"{hub.path}:3"]
    assert seen["thread"] is not threading.main_thread()
    assert steps == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    assert changes == [1] and op.over and not op.cancelled


def test_a_read_does_not_signal_a_change(qtbot, hub):
    changes = []
    hub.store_changed.connect(lambda: changes.append(1))
    op = StoreOp(lambda path: 42, hub=hub)
    with qtbot.waitSignal(op.ended, timeout=10000):
        op.start()
    assert op.result == 42 and changes == []


def test_failure_is_one_clear_line_and_no_success(qtbot, hub):
    def broken(path):
        raise StoreError(f"{path} is locked by another program")

    succeeded = []
    op = StoreOp(broken, hub=hub)
    op.succeeded.connect(succeeded.append)
    with qtbot.waitSignal(op.failed, timeout=10000) as got:
        op.start()
    assert got.args == [f"{hub.path} is locked by another program"]
    assert op.error == got.args[0] and "\n" not in op.error and succeeded == []


def test_cancel_stops_the_work_and_it_still_ends(qtbot, hub):
    started = threading.Event()

    def long_work(path, cancel=None):
        started.set()
        for i in range(1000):
            if cancel():
                return i
            time.sleep(0.01)
        return 1000

    op = StoreOp(long_work, hub=hub, cancel=True)
    with qtbot.waitSignal(op.ended, timeout=10000):
        op.start()
        assert started.wait(5)
        op.cancel()
    assert op.cancelled and op.result < 1000


def test_own_store_gives_the_function_a_store_of_its_own_thread(qtbot, seed_db):
    from app.store import Store

    store = Store.open(seed_db)
    hub = StoreHub(store)
    op = StoreOp(lambda s: (threading.current_thread(), s.count("sources"), s is store),
                 hub=hub, own_store=True)
    with qtbot.waitSignal(op.succeeded, timeout=10000):
        op.start()
    thread, documents, same = op.result
    assert thread is not threading.main_thread() and documents == 1 and not same
    store.close()


def test_a_removal_reaches_every_tab(qtbot, window):
    for name in window.tab_by_name:
        assert window.show_tab(name).model.rowCount() > 0   # every tab loaded, with rows
    window.show_tab("sources")
    heard = []
    for tab in window.tab_by_name.values():
        tab.ctx.store_changed.connect(lambda t=tab: heard.append(t))
    with qtbot.waitSignal(window.hub.store_changed, timeout=60000):
        window.remove_document(1)    # the seed's only release: its facts go with it
    assert set(heard) == set(window.tab_by_name.values())
    assert window.tab_by_name["sources"].model.rowCount() == 0     # shown: refreshed at once
    for name, tab in window.tab_by_name.items():
        if name != "sources":
            assert tab.dirty     # the others read again when shown
            assert window.show_tab(name).model.rowCount() == 0, name
    assert "0 documents" in window.counts_label.text()


def test_opening_another_database_reaches_every_tab(qtbot, window, tmp_path, seed_db):
    import shutil

    from app.store import Store

    window.show_tab("people")
    copy = tmp_path / "copy.db"
    shutil.copy(seed_db, copy)
    other = Store.open(copy)
    window.set_store(other)
    for tab in window.tab_by_name.values():
        assert tab.model is None or tab.model.store is other
    assert "copy.db" in window.windowTitle()


# --- upgrade on open ---------------------------------------------------------------------

def _fake_open(monkeypatch, old):
    """Store.open refuses `old` (NeedsUpgrade), opens anything else."""
    real_open = app.store.Store.open

    def fake_open(path, *args, **kwargs):
        if str(path) == str(old):
            raise NeedsUpgrade(f"{path} needs an upgrade", path=path, version=1)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(app.store.Store, "open", staticmethod(fake_open))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_that_needs_an_upgrade_is_upgraded_off_the_ui_thread(qtbot, monkeypatch, tmp_path, seed_db):
    from app.gui.dialogs import open_error_dialog as oed

    old = tmp_path / "old.db"
    old.write_bytes(seed_db.read_bytes())
    _fake_open(monkeypatch, old)
    calls = []

    def fake_upgrade(path, progress=None, cancel=None):
        calls.append((str(path), threading.current_thread()))
        progress(1, 2, "re-extracting")
        progress(2, 2, "re-extracting")
        return seed_db

    monkeypatch.setattr(app.store, "upgrade_database", fake_upgrade, raising=False)
    store = oed.open_with_recovery(old)
    assert store is not None and str(store.path) == str(seed_db)
    assert calls and calls[0][0] == str(old) and calls[0][1] is not threading.main_thread()
    store.close()


def test_cancelling_the_upgrade_says_so_and_changes_nothing(qtbot, monkeypatch, tmp_path, seed_db):
    from app.gui.dialogs import open_error_dialog as oed
    from app.gui.dialogs.op_progress_dialog import OpProgressDialog

    old = tmp_path / "old.db"
    old.write_bytes(seed_db.read_bytes())
    before = _digest(old)
    _fake_open(monkeypatch, old)

    def slow_upgrade(path, progress=None, cancel=None):
        for i in range(500):
            progress(i, 500, "re-extracting")
            if cancel():
                raise StoreError("upgrade cancelled")
            time.sleep(0.01)
        return path

    def press_cancel():
        dialogs = [w for w in QtWidgets.QApplication.topLevelWidgets()
                   if isinstance(w, OpProgressDialog) and w.isVisible()]
        if dialogs:
            dialogs[0].findChild(QtWidgets.QPushButton, "").click()   # its Cancel button
        else:
            QtCore.QTimer.singleShot(20, press_cancel)

    told = []
    monkeypatch.setattr(app.store, "upgrade_database", slow_upgrade, raising=False)
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", lambda *a: told.append(a[1:]))
    monkeypatch.setattr(QtWidgets.QMessageBox, "critical", lambda *a: told.append(("critical",) + a[1:]))
    QtCore.QTimer.singleShot(50, press_cancel)
    assert oed.open_with_recovery(old) is None
    assert len(told) == 1 and told[0][0] == "Upgrade cancelled"
    assert "not been changed" in told[0][1]
    assert _digest(old) == before


def test_a_failed_upgrade_gives_one_clear_message(qtbot, monkeypatch, tmp_path, seed_db):
    from app.gui.dialogs import open_error_dialog as oed

    old = tmp_path / "old.db"
    old.write_bytes(seed_db.read_bytes())
    _fake_open(monkeypatch, old)

    def failing(path, progress=None, cancel=None):
        raise StoreError("the disk is full")

    told = []
    monkeypatch.setattr(app.store, "upgrade_database", failing, raising=False)
    monkeypatch.setattr(QtWidgets.QMessageBox, "critical", lambda *a: told.append(a[1:]))
    assert oed.open_with_recovery(old) is None
    assert told and told[0][0] == "Upgrade failed" and "the disk is full" in told[0][1]
