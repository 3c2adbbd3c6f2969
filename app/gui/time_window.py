"""Date fields for the app-wide time window; the earliest date means "not set"."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

UNSET = QtCore.QDate(1900, 1, 1)

# What the window does, in every tab (app/store/window.py); the fields' and label's tooltip.
WINDOW_RULE = (
    "Every tab keeps the rows whose date or period overlaps the window: a day by the day, "
    "a month by its days,\na quarter (2024-Q1) or half-year by its months, a year by its "
    "year, a month range (2021-01/2021-11)\nor fiscal year (FY2023-2024) by its span, a "
    "meeting from its first to its last day; a person when they\ntook part in a meeting in "
    "it or a release dated in it mentions them (their Mentions and Meetings\nare counted "
    "within the window). Rows with no date are hidden while a window is set (each tab says "
    "how many);\n“Show undated” shows them too.")


class DateField(QtWidgets.QDateEdit):
    dateEdited = QtCore.Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(f"Time window {name.lower()}")
        self.setToolTip(f"{name} date of the time window (empty: open)\n\n{WINDOW_RULE}")
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(UNSET)
        self.setSpecialValueText(f"{name}…")
        self.setDate(UNSET)
        self.setMinimumWidth(110)
        self._quiet = False
        self.editingFinished.connect(self._edited)
        self.calendarWidget().clicked.connect(lambda _d: self._edited())
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        # An unset field would open its calendar on January 1900; open it on this month.
        if obj is self.calendarWidget() and event.type() == QtCore.QEvent.Type.Show and self.iso() is None:
            today = QtCore.QDate.currentDate()
            QtCore.QTimer.singleShot(0, lambda: obj.setCurrentPage(today.year(), today.month()))
        return super().eventFilter(obj, event)

    def _edited(self) -> None:
        if not self._quiet:
            self.dateEdited.emit()

    def iso(self) -> str | None:
        d = self.date()
        return None if d <= UNSET else d.toString("yyyy-MM-dd")

    def set_iso(self, value: str | None) -> None:
        self._quiet = True
        date = QtCore.QDate.fromString(value[:10], "yyyy-MM-dd") if value else UNSET
        self.setDate(date if date.isValid() else UNSET)
        self._quiet = False
