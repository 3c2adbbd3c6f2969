"""A dialog that runs one StoreOp with its own progress bar: Cancel, Esc or closing the
dialog while it runs asks the operation to stop (what it finished is kept) instead of
closing; the views refresh through the hub when it ends."""

from __future__ import annotations

from PySide6 import QtWidgets

from ..ops import StoreOp, bind_progress


class StoreOpDialog(QtWidgets.QDialog):
    cancelling_text = "Cancelling…"

    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self.hub = hub
        self.db_path = str(hub.path)
        self.op: StoreOp | None = None

    def run_op(self, fn, *args, bar, label, **kwargs) -> StoreOp:
        """Start fn(store, *args, progress=, cancel=, **kwargs) as a writing op: fn is a
        Store method, called on a Store the worker thread opens for itself."""
        self.op = StoreOp(fn, *args, hub=self.hub, writes=True, progress=True, cancel=True,
                          own_store=True, parent=self, **kwargs)
        bind_progress(self.op, bar, label)
        self.op.succeeded.connect(self._done)
        self.op.failed.connect(self._failed)
        return self.op.start()

    def _done(self, result) -> None:
        raise NotImplementedError

    def _failed(self, message: str) -> None:
        raise NotImplementedError

    def status_label(self) -> QtWidgets.QLabel:
        raise NotImplementedError

    def cancel(self) -> None:
        if self.is_running():
            self.op.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label().setText(self.cancelling_text)
        else:
            self.reject()

    def is_running(self) -> bool:
        return self.op is not None and not self.op.over

    def reject(self) -> None:
        if self.is_running():
            self.cancel()
            return
        super().reject()
