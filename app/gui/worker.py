"""Run a blocking function on a QThread, reporting progress and the result by signal."""

from __future__ import annotations

import traceback

from PySide6 import QtCore


class Worker(QtCore.QObject):
    progress = QtCore.Signal(int, int, str)
    done = QtCore.Signal(object)
    failed = QtCore.Signal(str)

    def __init__(self, fn, *args, **kwargs):
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def is_cancelled(self) -> bool:
        return self.cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self.progress.emit(int(done), int(total), str(message or ""))

    @QtCore.Slot()
    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:   # shown to the user; the thread must end cleanly
            traceback.print_exc()
            self.failed.emit(str(exc) or exc.__class__.__name__)
            return
        self.done.emit(result)


def start(worker: Worker, parent: QtCore.QObject) -> QtCore.QThread:
    """Move the worker to a new thread owned by parent and start it."""
    thread = QtCore.QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.done.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.start()
    return thread
