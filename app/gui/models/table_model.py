"""A read-only table model over one user-facing store view, fetched in windows.

Only the pages the view actually paints are read (through Store.rows: the page after one
already read continues from its last row, others by LIMIT/OFFSET), so a table of 50,000 rows
opens as fast as one of 50. Sorting is done by SQL, not in Python.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from typing import Any

from PySide6 import QtCore, QtGui

PAGE = 200
MAX_PAGES = 64

HEADERS = {
    "id": "ID", "name": "Name", "post": "Post", "country": "Country", "mentions": "Mentions",
    "meetings": "Meetings", "first_date": "First date", "last_date": "Last date",
    "date_start": "Date", "date_end": "Until", "kind": "Kind", "place": "Place",
    "participants": "Participants", "status": "Status", "category": "Category",
    "summary": "Summary", "sources": "Sources", "source": "Source", "measure": "Measure",
    "value": "Value", "unit": "Unit", "period": "Period", "qualifier": "Qualifier",
    "text": "Text", "derived": "Derived", "conflict": "Conflict", "formula": "Formula", "title": "Title",
    "date": "Date", "ref": "Ref", "path": "Path", "facts": "Facts", "added": "Added",
}

HEADER_TIPS = {
    "first_date": "First dated event the person appears in",
    "last_date": "Last dated event the person appears in",
    "mentions": "Times the person is mentioned in the sources",
    "derived": "Computed from other figures (see Formula), not stated in a release",
    "sources": "Number of documents reporting it",
    "conflict": "Other sources give a different value for the same measure and period",
}

NUMERIC = {"id", "mentions", "meetings", "sources", "value", "facts"}
_R = QtCore.Qt.ItemDataRole
ROLES = {_R.DisplayRole, _R.ToolTipRole, _R.TextAlignmentRole, _R.FontRole, _R.UserRole}
# Looked up once: each `QtCore.Qt.ItemDataRole.X` costs an enum attribute lookup, and Qt
# asks for data a dozen times per cell per paint.
_DISPLAY, _TIP, _ALIGN, _FONT, _USER = (_R.DisplayRole, _R.ToolTipRole, _R.TextAlignmentRole,
                                        _R.FontRole, _R.UserRole)
_RIGHT = int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)


def format_value(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "derived":
        return "derived" if value else ""
    if column == "conflict":
        return "conflict" if value else ""
    if column == "value" and isinstance(value, (int, float)):
        for scale, suffix in ((1e9, "bn"), (1e6, "m")):
            if abs(value) >= scale:
                return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {suffix}"
        return f"{value:,g}"
    return str(value)


class StoreTableModel(QtCore.QAbstractTableModel):
    """Rows of `table` under `filters`, ordered by one column, read a page at a time."""

    def __init__(self, store, table: str, columns: list[str] | None = None, parent=None,
                 filters=None):
        super().__init__(parent)
        self.store = store
        self.table = table
        available = store.columns(table)
        self.columns = [c for c in (columns or available) if c in available]
        self.filters = filters  # counted at once: a whole big table's count can cost 150 ms
        self.order_by: str | None = None
        self.descending = False
        self._count = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self.reload()

    # --- loading -------------------------------------------------------------------
    def set_store(self, store) -> None:
        self.store = store
        self.reload()

    def set_filters(self, filters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self.store.count(self.table, self.filters)
        self.endResetModel()

    def _page(self, number: int) -> list[dict]:
        page = self._pages.get(number)
        if page is None:
            # Next to a page read before, a page continues from its last (or first) row:
            # rows another process imports meanwhile cannot shift it and show a row twice.
            previous, following = self._pages.get(number - 1), self._pages.get(number + 1)
            keys = {}
            if previous and len(previous) == PAGE:
                keys["after"] = previous[-1]
            elif following:
                keys["before"] = following[0]
            page = self.store.rows(self.table, self.filters, order_by=self.order_by,
                                   descending=self.descending, limit=PAGE, offset=number * PAGE,
                                   **keys)
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page

    def row_dict(self, row: int) -> dict | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE)
        offset = row % PAGE
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        data = self.row_dict(row)
        return None if data is None else data.get("id")

    def row_of_id(self, row_id: int) -> int | None:
        """Row number of an id under the current filters and order, or None if not shown."""
        for number, page in self._pages.items():
            for i, data in enumerate(page):
                if data.get("id") == row_id:
                    return number * PAGE + i
        if hasattr(self.store, "position"):
            row = self.store.position(self.table, self.filters, self.order_by, self.descending, row_id)
            if row is not None and self.id_at(row) == row_id:
                return row
        # Fallback (stores without SQL access, or an order the count cannot reproduce).
        for number in range((self._count + PAGE - 1) // PAGE):
            for i, data in enumerate(self._page(number)):
                if data.get("id") == row_id:
                    return number * PAGE + i
        return None

    # --- Qt model ------------------------------------------------------------------
    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else self._count

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=QtCore.Qt.ItemDataRole.DisplayRole):
        if orientation == QtCore.Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == QtCore.Qt.ItemDataRole.DisplayRole:
                return HEADERS.get(column, column.replace("_", " ").capitalize())
            if role == QtCore.Qt.ItemDataRole.ToolTipRole:
                return HEADER_TIPS.get(column, f"Sort by {HEADERS.get(column, column)}")
        return None

    def data(self, index, role=_DISPLAY):
        # Qt asks for a dozen roles per cell per paint: the ones this model never answers
        # return before any row lookup.
        if role not in ROLES or not index.isValid():
            return None
        row = self.row_dict(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        value = row.get(column)
        if role == _DISPLAY:
            if column == "date_end" and value == row.get("date_start"):
                return ""   # a one-day event: "Until" would only repeat the date
            return format_value(column, value)
        if role == _TIP:
            text = format_value(column, value)
            if column in ("value", "derived") and row.get("derived"):
                return f"Derived, not stated: {row.get('formula') or ''}"
            if len(text) <= 30:
                return None
            # Rich text, so Qt wraps a long summary instead of one line across the screen;
            # the cell itself is cut (elided) to its column, the tooltip shows every word.
            return f"<p>{html.escape(text)}</p>" if len(text) > 80 else text
        if role == _ALIGN and column in NUMERIC:
            return _RIGHT
        if role == _FONT and row.get("derived"):
            font = QtGui.QFont()
            font.setItalic(True)
            return font
        if role == _USER:
            return row.get("id")
        return None

    def sort(self, column: int, order=QtCore.Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self.order_by = self.columns[column]
        self.descending = order == QtCore.Qt.SortOrder.DescendingOrder
        self._pages.clear()
        self.layoutChanged.emit()

    # --- text ----------------------------------------------------------------------
    def as_tsv(self, rows: list[int]) -> str:
        def clean(text: str) -> str:
            return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

        lines = ["\t".join(self.headerData(c, QtCore.Qt.Orientation.Horizontal) or ""
                           for c in range(len(self.columns)))]
        for row in sorted(rows):
            data = self.row_dict(row) or {}
            lines.append("\t".join(
                "" if data.get(c) is None else clean(str(data.get(c))) for c in self.columns))
        return "\n".join(lines) + "\n"
