"""Search everywhere: a toolbar field whose results, grouped by type, appear as you type."""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from ..store import hit_line
from .search_hit_line import (  # noqa: F401  (tests take the roles from here)
    DATE_ROLE,
    HIT_ROLE,
    HTML_ROLE,
    hit_html,
)
from .search_popup import SearchPopup

GROUPS = [
    ("person", "People"), ("event", "Meetings"), ("figure", "Figures"),
    ("culture", "Culture"), ("place", "Places"), ("organization", "Organisations"),
    ("document", "Documents"), ("sentence", "Sentences"),
]


class SearchBox(QtWidgets.QLineEdit):
    hitActivated = QtCore.Signal(object)   # a SearchHit

    def __init__(self, main_window, parent=None):
        super().__init__(parent)
        self.main = main_window
        self.setPlaceholderText("Search everything (Ctrl+F)")
        self.setAccessibleName("Search")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaximumWidth(460)
        self.popup = SearchPopup(main_window)
        self.popup.itemClicked.connect(self._item_clicked)
        self.timer = QtCore.QTimer(self, singleShot=True, interval=200)
        self.timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _t: self.timer.start())
        self.returnPressed.connect(self.activate_current)
        self.hits: list = []

    # --- searching ----------------------------------------------------------------------
    def run_search(self) -> None:
        query = self.text().strip()
        self.popup.clear()
        self.hits = []
        if not query:
            self.popup.hide()
            return
        try:
            self.hits = list(self.main.store.search(query, limit=60))
        except Exception as exc:   # the store promises not to raise; the UI must not either
            self.hits = []
            self.main.statusBar().showMessage(f"Search failed: {exc}", 5000)
        grouped: dict[str, list] = {}
        for hit in self.hits:
            grouped.setdefault(getattr(hit, "type", "other") or "other", []).append(hit)
        order = [g for g, _ in GROUPS] + sorted(set(grouped) - {g for g, _ in GROUPS})
        labels = dict(GROUPS)
        bold = QtGui.QFont(self.popup.font())
        bold.setBold(True)
        first = None
        for group in order:
            hits = grouped.get(group)
            if not hits:
                continue
            header = QtWidgets.QTreeWidgetItem([f"{labels.get(group, group.capitalize())} ({len(hits)})"])
            header.setFont(0, bold)
            header.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            self.popup.addTopLevelItem(header)
            for hit in hits:
                # one line: the plain text is what a screen reader and the tests read
                line = hit_line(hit).split(None, 1)[-1] if hit.what else str(hit.label)
                item = QtWidgets.QTreeWidgetItem(["   " + str(hit.label)])
                item.setData(0, HIT_ROLE, hit)
                item.setData(0, HTML_ROLE, "&nbsp;&nbsp;&nbsp;" + hit_html(hit))
                item.setData(0, DATE_ROLE, hit.date or "")
                item.setData(0, QtCore.Qt.ItemDataRole.AccessibleTextRole, line)
                item.setToolTip(0, f"<p>{html.escape(line)}</p>")
                self.popup.addTopLevelItem(item)
                first = first or item
        if first is None:
            empty = QtWidgets.QTreeWidgetItem([f"No results for “{query}”"])
            empty.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            self.popup.addTopLevelItem(empty)
        else:
            self.popup.setCurrentItem(first)
        self._place_popup()

    def _place_popup(self) -> None:
        window = self.main
        pos = self.mapTo(window, QtCore.QPoint(0, self.height()))
        width = max(self.width() + 420, 720)
        x = min(pos.x(), max(0, window.width() - width - 4))
        rows = self.popup.topLevelItemCount()
        row_height = max(self.popup.sizeHintForRow(0), 18) if rows else 18
        height = min(rows * row_height + 8, max(window.height() - pos.y() - 40, 120))
        self.popup.setGeometry(x, pos.y() + 2, width, height)
        self.popup.show()
        self.popup.raise_()
        last = self.popup.topLevelItem(rows - 1) if rows else None
        if last is not None:
            needed = self.popup.visualItemRect(last).bottom() + 2 * self.popup.frameWidth() + 4
            if 0 < needed < height:
                self.popup.resize(width, needed)

    def result_labels(self) -> list[str]:
        return [self.popup.topLevelItem(i).text(0).strip()
                for i in range(self.popup.topLevelItemCount())
                if self.popup.topLevelItem(i).data(0, HIT_ROLE) is not None]

    # --- keys and activation ------------------------------------------------------------
    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        key = event.key()
        if self.popup.isVisible() and key in (QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_Up):
            self._move(1 if key == QtCore.Qt.Key.Key_Down else -1)
            return
        if key == QtCore.Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            return
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and self.timer.isActive():
            self.timer.stop()
            self.run_search()
        super().keyPressEvent(event)

    def _move(self, step: int) -> None:
        count = self.popup.topLevelItemCount()
        current = self.popup.indexOfTopLevelItem(self.popup.currentItem()) if self.popup.currentItem() else -1
        i = current
        for _ in range(count):
            i = (i + step) % count
            if self.popup.topLevelItem(i).data(0, HIT_ROLE) is not None:
                self.popup.setCurrentItem(self.popup.topLevelItem(i))
                return

    def activate_current(self) -> None:
        item = self.popup.currentItem() if self.popup.isVisible() else None
        hit = item.data(0, HIT_ROLE) if item is not None else None
        if hit is None and self.hits:
            hit = self.hits[0]
        if hit is not None:
            self.popup.hide()
            self.hitActivated.emit(hit)

    def _item_clicked(self, item: QtWidgets.QTreeWidgetItem, _column: int) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.popup.hide()
            self.hitActivated.emit(hit)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:
        # Clicking the popup doesn't move focus; anything else that does closes the list.
        if event.reason() not in (QtCore.Qt.FocusReason.PopupFocusReason,):
            QtCore.QTimer.singleShot(150, self._hide_if_unfocused)
        super().focusOutEvent(event)

    def _hide_if_unfocused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()
