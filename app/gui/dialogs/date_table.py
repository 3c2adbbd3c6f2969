"""The files of an import with the publication date found in each, editable before the import
starts: a release's date is what its "today", "on Tuesday" and undated reports are dated by."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from .date_delegate import (  # noqa: F401  (set_date_dialog takes them from here)
    DATE_FORMAT,
    EARLIEST,
    LATEST,
    DateDelegate,
    valid_iso,
)

NO_DATE_PROMPT = "No publication date found — give one so that 'today', 'on Tuesday' can be dated"
COLUMNS = ["File", "Publication date", "Date from", "Title", "Notes"]
FILE, DATE, ORIGIN, TITLE, NOTES = range(len(COLUMNS))


def missing_colour() -> QtGui.QColor:
    """An amber that reads on light and dark bases alike."""
    return QtGui.QColor(255, 180, 0, 80)


class DateTable(QtWidgets.QTableWidget):
    """One row per file: name, date (editable), where the date came from, title, notes.
    `given_dates()` holds the dates a person typed: only those override the text."""

    datesChanged = QtCore.Signal()

    def __init__(self, paths: list[str], parent=None):
        super().__init__(len(paths), len(COLUMNS), parent)
        self.paths = list(paths)
        self.found: dict[int, str | None] = {}  # row -> the date the file itself gives
        self.given: dict[int, str] = {}
        self.origins: dict[int, str] = {}  # row -> where the file's own date comes from
        self._notes: dict[int, tuple[str | None, list[str]]] = {}  # row -> error, warnings
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setAccessibleName("Files to import with their publication dates")
        self.verticalHeader().hide()
        self.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(False)
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                             | QtWidgets.QAbstractItemView.EditTrigger.SelectedClicked
                             | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
                             | QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setItemDelegateForColumn(DATE, DateDelegate(self))
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        self.horizontalHeaderItem(DATE).setToolTip(
            "The release's publication date: double-click to give or correct it")
        for row, path in enumerate(self.paths):
            for col in range(len(COLUMNS)):
                item = QtWidgets.QTableWidgetItem("")
                if col != DATE:
                    item.setFlags(item.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
                self.setItem(row, col, item)
            self.item(row, FILE).setText(Path(path).name)
            self.item(row, FILE).setToolTip(path)
            self.item(row, NOTES).setText("Reading…")
        self.resizeColumnToContents(FILE)
        self.setColumnWidth(DATE, 120)
        self.setColumnWidth(ORIGIN, 110)
        self.setColumnWidth(TITLE, 260)

    # --- filling and editing -------------------------------------------------------------
    def fill(self, row: int, preview) -> None:
        """What the file gives (a pubdate.FilePreview); a date typed meanwhile stays."""
        self.found[row] = preview.date
        self.item(row, TITLE).setText(preview.title or "")
        self.item(row, TITLE).setToolTip(preview.title or "")
        self.origins[row] = preview.date_origin if preview.date else "none"
        error = preview.error
        if error and error.startswith(f"{preview.path}: "):  # the row names the file already
            error = "cannot be imported: " + error[len(preview.path) + 2:]
        self._notes[row] = (error, [w for w in preview.warnings
                                            if not w.startswith("no publication date")])
        if row not in self.given:
            self._show(row, preview.date, self.origins[row])
        else:
            self._show(row, self.given[row], "you")

    def set_date(self, row: int, iso: str | None) -> None:
        """A date a person gave (None or "" takes it back: the file's own date counts)."""
        iso = valid_iso(iso)
        if iso is None or iso == self.found.get(row):
            self.given.pop(row, None)
            self._show(row, self.found.get(row), self.origins.get(row, "none"))
        else:
            self.given[row] = iso
            self._show(row, iso, "you")
        self.datesChanged.emit()

    def _show(self, row: int, iso: str | None, origin: str) -> None:
        date_item, origin_item = self.item(row, DATE), self.item(row, ORIGIN)
        date_item.setText(iso or "")
        origin_item.setText("given by you" if origin == "you" else origin)
        error, warnings = self._notes.get(row, (None, []))
        if error:  # this file cannot be imported: nothing to date
            date_item.setFlags(date_item.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
            origin_item.setText("")
        missing = not iso and error is None
        notes = [error] if error else ([NO_DATE_PROMPT] if missing else []) + warnings
        self.item(row, NOTES).setText("; ".join(notes))
        self.item(row, NOTES).setToolTip("\n".join(notes))
        date_item.setToolTip(NO_DATE_PROMPT if missing else
                             "Double-click to give or correct the publication date")
        brush = QtGui.QBrush(missing_colour()) if missing else QtGui.QBrush()
        for col in range(len(COLUMNS)):
            self.item(row, col).setBackground(brush)

    def nearby_date(self, row: int) -> str:
        """Where a date editor opens on a row without one: the closest row's date, else
        today (releases imported together are mostly from the same days)."""
        for other in sorted(range(self.rowCount()), key=lambda r: abs(r - row)):
            value = valid_iso(self.item(other, DATE).text())
            if value:
                return value
        return QtCore.QDate.currentDate().toString(DATE_FORMAT)

    def keyPressEvent(self, event) -> None:
        # Delete takes back a date typed in the selected rows
        if event.key() in (QtCore.Qt.Key.Key_Delete, QtCore.Qt.Key.Key_Backspace) and \
                self.state() != QtWidgets.QAbstractItemView.State.EditingState:
            for row in {i.row() for i in self.selectedIndexes()}:
                self.set_date(row, None)
            return
        super().keyPressEvent(event)

    # --- reading -------------------------------------------------------------------------
    def given_dates(self) -> dict[str, str]:
        """file path -> the date a person gave it."""
        return {self.paths[row]: iso for row, iso in sorted(self.given.items())}

    def undated_rows(self) -> list[int]:
        return [row for row in range(self.rowCount())
                if row in self.found and not self.item(row, DATE).text()
                and self._notes.get(row, (None,))[0] is None]
