"""One pattern for work on the database (in the spirit of Anki's CollectionOp): a StoreOp
runs a function of the database path, or of a Store it opens for itself, on a worker thread;
it reports progress, can be cancelled, ends in exactly one of `succeeded` or `failed` (a
one-line message), and an operation that writes tells the StoreHub, whose `store_changed`
makes every view read again."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from .worker import Worker
from .worker import start as start_worker


def _with_own_store(fn, path, *args, **kwargs):
    # Not the UI thread's connection: a Store lent to this worker alone, kept open between
    # reads so its page cache stays warm (see app/store/store_pool.py).
    from ..store import reader_stores

    with reader_stores.lend(path) as store:
        return fn(store, *args, **kwargs)


class StoreOp(QtCore.QObject):
    """`fn(path, *args, **kwargs)` (or `fn(store, ...)` with `own_store=True`) off the UI
    thread. `progress=True` passes `progress=` (done, total, message), `cancel=True` passes
    `cancel=` (a callable the function polls). `writes=True`: after it ends (success, cancel
    or failure, since what was committed before a failure is kept) the hub's views refresh."""

    progressed = QtCore.Signal(int, int, str)
    succeeded = QtCore.Signal(object)
    failed = QtCore.Signal(str)
    ended = QtCore.Signal()

    def __init__(self, fn, *args, hub=None, path=None, writes: bool = False,
                 own_store: bool = False, progress: bool = False, cancel: bool = False,
                 parent: QtCore.QObject | None = None, **kwargs):
        super().__init__(parent if parent is not None else hub)
        self.hub = hub
        self.path = str(path if path is not None else hub.path)
        self.writes = writes
        self.worker = Worker(_with_own_store if own_store else fn,
                             *((fn,) if own_store else ()), self.path, *args, **kwargs)
        if progress:
            self.worker.kwargs["progress"] = self.worker.report
        if cancel:
            self.worker.kwargs["cancel"] = self.worker.is_cancelled
        self.thread: QtCore.QThread | None = None
        self.result = None
        self.error: str | None = None
        self.over = False
        # bound methods of an object of the UI thread: queued there, never run on the worker
        self.worker.progress.connect(self.progressed)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)

    def start(self) -> StoreOp:
        self.thread = start_worker(self.worker, self)
        return self

    def cancel(self) -> None:
        self.worker.cancel()

    @property
    def cancelled(self) -> bool:
        return self.worker.cancelled

    def is_running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def wait(self, msecs: int = 10000) -> bool:
        return self.thread is None or self.thread.wait(msecs)

    def _join(self) -> None:
        # The worker has returned: end its thread now, so that whoever drops the op once it
        # has ended never destroys a running QThread (which aborts the process).
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()

    def _done(self, result) -> None:
        self._join()
        self.result = result
        self._tell_views()
        self.over = True
        self.succeeded.emit(result)
        self.ended.emit()

    def _failed(self, message: str) -> None:
        self._join()
        self.error = message
        self._tell_views()
        self.over = True
        self.failed.emit(message)
        self.ended.emit()

    def _tell_views(self) -> None:
        if self.writes and self.hub is not None:
            self.hub.notify_changed()


def bind_progress(op: StoreOp, bar: QtWidgets.QProgressBar, label: QtWidgets.QLabel | None,
                  keep_label_when_silent: bool = False) -> None:
    """Show an operation's progress in a dialog's own bar and label."""
    def show(done: int, total: int, message: str) -> None:
        bar.setRange(0, max(total, 1))
        bar.setValue(done)
        if label is not None and (message or not keep_label_when_silent):
            label.setText(message or f"{done} of {total}")

    op.progressed.connect(show)


def run_modal(op: StoreOp, title: str, text: str, parent=None, cancellable: bool = True):
    """Start `op` under a modal progress dialog (Cancel asks it to stop) and return once it
    has ended: the UI keeps painting meanwhile. Returns the op (result, error, cancelled)."""
    from .dialogs.op_progress_dialog import OpProgressDialog

    dialog = OpProgressDialog(op, title, text, parent, cancellable)
    loop = QtCore.QEventLoop()
    op.ended.connect(loop.quit)
    op.start()
    dialog.show()
    if not op.over:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    return op

