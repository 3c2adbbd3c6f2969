"""Asking for a stored release's publication date (Sources: Set Publication Date…)."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from .date_table import DATE_FORMAT, EARLIEST, LATEST

ORIGIN_TEXT = {
    "header": "read from the release's header",
    "dateline": "read from the release's dateline",
    "page metadata": "read from the saved page's metadata",
    "file name": "read from the file name",
    "user": "given by you",
    "dataset": "given by the dataset it came from",
    "none": "none found",
}


def origin_text(origin: str | None) -> str:
    return ORIGIN_TEXT.get(origin or "none", origin or "")


class SetDateDialog(QtWidgets.QDialog):
    def __init__(self, title: str, current: str | None, origin: str | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Set Publication Date")
        now = f"{current} ({origin_text(origin)})" if current else "none found"
        intro = QtWidgets.QLabel(
            f"<b>{html.escape(title)}</b><br>Publication date now: {html.escape(now)}."
            "<br><br>Its “today”, “on Tuesday” and the reports that "
            "give no date of their own are dated again from the date you give; the document's "
            "facts are extracted again (it keeps its place in the database).")
        intro.setWordWrap(True)
        intro.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.editor = QtWidgets.QDateEdit()
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat(DATE_FORMAT)
        self.editor.setDateRange(EARLIEST, LATEST)
        self.editor.setAccessibleName("Publication date")
        start = QtCore.QDate.fromString(current or "", DATE_FORMAT)
        self.editor.setDate(start if start.isValid() else QtCore.QDate.currentDate())
        form = QtWidgets.QFormLayout()
        form.addRow("Publication date:", self.editor)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("Set Date")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def iso(self) -> str:
        return self.editor.date().toString(DATE_FORMAT)
