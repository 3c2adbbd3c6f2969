"""The calendar editor of a publication date cell, and what a valid date is."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

DATE_FORMAT = "yyyy-MM-dd"
EARLIEST, LATEST = QtCore.QDate(1900, 1, 1), QtCore.QDate(2100, 12, 31)  # as pubdate.check_date


def valid_iso(text: str | None) -> str | None:
    """`text` when it is a date the store accepts (YYYY-MM-DD within its years), else None."""
    day = QtCore.QDate.fromString((text or "").strip(), DATE_FORMAT)
    return day.toString(DATE_FORMAT) if day.isValid() and EARLIEST <= day <= LATEST else None


class DateDelegate(QtWidgets.QStyledItemDelegate):
    """A calendar date editor for the date column; it can only produce valid dates."""

    def __init__(self, table):
        super().__init__(table)
        self.table = table

    def createEditor(self, parent, option, index):
        editor = QtWidgets.QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(DATE_FORMAT)
        editor.setDateRange(EARLIEST, LATEST)
        editor.setAccessibleName("Publication date")
        return editor

    def setEditorData(self, editor, index) -> None:
        value = valid_iso(index.data(QtCore.Qt.ItemDataRole.EditRole)) or self.table.nearby_date(
            index.row())
        editor.setDate(QtCore.QDate.fromString(value, DATE_FORMAT))

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if not option.text and index.flags() & QtCore.Qt.ItemFlag.ItemIsEditable:
            # an empty date cell says what it is for
            option.text = "give a date…"
            option.font.setItalic(True)
            colour = option.palette.color(QtGui.QPalette.ColorRole.PlaceholderText)
            option.palette.setColor(QtGui.QPalette.ColorRole.Text, colour)

    def setModelData(self, editor, model, index) -> None:
        self.table.set_date(index.row(), editor.date().toString(DATE_FORMAT))
