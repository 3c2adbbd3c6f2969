"""A progress dialog for a StoreOp that has no dialog of its own (upgrade, removal): its bar
follows the operation and Cancel asks the operation to stop."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


class OpProgressDialog(QtWidgets.QProgressDialog):
    def __init__(self, op, title: str, text: str, parent=None, cancellable: bool = True):
        super().__init__(text, "Cancel" if cancellable else "", 0, 0, parent)
        self.op = op
        self.text = text
        self.setWindowTitle(title)
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        if not cancellable:
            self.setCancelButton(None)
        self.canceled.connect(self._cancel)
        op.progressed.connect(self._progress)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.setRange(0, max(total, 1))
        self.setValue(done)
        self.setLabelText(message or self.text)

    def _cancel(self) -> None:
        if self.op.over:
            return    # closing the dialog once the work has ended cancels nothing
        self.op.cancel()
        self.setLabelText("Cancelling…")
        self.show()   # QProgressDialog hides itself on Cancel; the work is still ending
