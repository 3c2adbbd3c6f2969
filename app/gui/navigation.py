"""Following links and search hits to the tab and row they name, widening what the tab shows
(Figures view, filters, time window) when the row is hidden."""

from __future__ import annotations

from urllib.parse import parse_qs

from PySide6 import QtCore, QtGui

FACT_TABLES = {"person": "people", "event": "meetings", "figure": "trade", "quantity": "trade",
               "culture": "culture", "document": "sources"}


def _int_or_none(query: dict, key: str) -> int | None:
    value = (query.get(key) or [None])[0]
    return int(value) if value not in (None, "None") else None


class LinkNavigator:
    def __init__(self, window):
        self.window = window

    def _say(self, text: str, msecs: int) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def navigate(self, table: str, row_id: int) -> bool:
        """Show the tab of `table` with row `row_id` selected; False if it does not exist."""
        name = "trade" if table in ("trade", "figures") else table
        if name not in self.window.tab_by_name:
            return False
        tab = self.window.show_tab(name)
        if tab.select_id(row_id):
            return True
        if name == "trade" and tab.table != "figures":
            tab.show_table("figures")
            if tab.select_id(row_id):
                return True
        if tab.has_filters():
            tab.clear_filters()
            if tab.select_id(row_id):
                self._say("The tab's filters hid that item; cleared them.", 6000)
                return True
        if any(self.window.time_window()):
            self.window.set_time_window(None, None)
            if tab.select_id(row_id):
                self._say("That item is outside the time window; cleared it.", 6000)
                return True
        return False

    def show_source(self, document_id, start, end) -> bool:
        tab = self.window.show_tab("sources")
        return tab.show_span(document_id, start, end)

    def go_to_hit(self, hit) -> None:
        kind = getattr(hit, "type", "")
        table = getattr(hit, "table", None) or FACT_TABLES.get(kind)
        if kind in ("sentence", "place", "organization") or table == "sources":
            if getattr(hit, "document_id", None) is not None:
                self.show_source(hit.document_id, hit.start, hit.end)
                return
        if table and hit.fact_id is not None and self.navigate(table, hit.fact_id):
            return
        if getattr(hit, "document_id", None) is not None:
            self.show_source(hit.document_id, hit.start, hit.end)

    def open_link(self, url: QtCore.QUrl) -> None:
        if url.scheme() != "fb":
            QtGui.QDesktopServices.openUrl(url)
            return
        kind = url.host()
        parts = [p for p in url.path().split("/") if p]
        query = parse_qs(url.query())
        try:
            if kind == "source":
                self.show_source(int(parts[0]), _int_or_none(query, "start"), _int_or_none(query, "end"))
            elif kind == "fact":
                self.open_fact(parts[0], int(parts[1]), (query.get("label") or [""])[0])
            elif kind in self.window.tab_by_name or kind == "figures":
                self.navigate(kind, int(parts[0]))
        except (ValueError, IndexError, KeyError):
            self._say(f"Cannot follow link {url.toString()}", 5000)

    def open_fact(self, fact_type: str, fact_id: int, label: str = "") -> None:
        table = FACT_TABLES.get(fact_type)
        if table and self.navigate(table, fact_id):
            return
        if fact_type == "place" and label:
            tab = self.window.show_tab("meetings")
            if tab.place_combo.select_value(label):
                return
        if label:
            search = self.window.search
            search.setText(label)
            search.setFocus()
            search.run_search()
