"""Sources: the releases, each one's text with every extracted fact highlighted by type."""

from __future__ import annotations

from urllib.parse import quote

from PySide6 import QtCore, QtGui, QtWidgets

from .. import timestamps as dates
from ..plots import theme
from .base_tab import BaseTab, esc

LEGEND = [("person", "Person"), ("organization", "Organisation"), ("place", "Place"),
          ("event", "Meeting / event"), ("quantity", "Figure"), ("culture", "Culture")]


def utf16_offsets(text: str) -> list[int]:
    """Map code-point offsets to the UTF-16 positions QTextDocument counts in."""
    out = [0] * (len(text) + 1)
    pos = 0
    for i, ch in enumerate(text):
        out[i] = pos
        pos += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = pos
    return out


def document_info_html(document: dict) -> str:
    """The line above a document's text: when it was published and how that is known, who
    published it and where, and what its import warned about."""
    from ..dialogs.import_dialog import gui_warning
    from ..dialogs.set_date_dialog import origin_text

    when = document.get("date")
    if when and document.get("time"):
        when += f" {document['time']}"
    parts = [f"<b>Published:</b> {esc(when)} ({esc(origin_text(document.get('date_origin')))})"
             if when else "<b>Published:</b> date unknown"]
    if document.get("outlet"):
        parts.append(f"<b>Outlet:</b> {esc(document['outlet'])}")
    if document.get("place"):
        parts.append(f"<b>Dateline:</b> {esc(document['place'])}")
    notes = [gui_warning(w) for w in document.get("warnings") or []]
    if not document.get("date") and not any(w.startswith("no publication date") for w in notes):
        notes.insert(0, "no publication date: its “today”, “on Tuesday” stay undated (Set "
                        "Publication Date… gives one)")
    if document.get("facts") == 0 and not any("no facts" in w for w in notes):
        notes.append("no facts found")
    html = " · ".join(parts)
    if notes:
        html += "<br><span style='color:#b26a00;'>" + esc("; ".join(notes)) + "</span>"
    return html


class SourcesTab(BaseTab):
    table = "sources"
    title = "Sources"
    fact_type = ""
    default_sort = "date"
    columns = ["id", "title", "date", "date_origin", "outlet", "place", "ref", "facts", "added",
               "path"]

    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.document_id: int | None = None
        self.text = self.detail
        self.detail_title.setText("<b>Text</b>")
        self.text.setAccessibleName("Source text")
        self.text.setPlaceholderText("Select a document to read it with its facts highlighted.")
        self.show_source_button.hide()
        self.remove_button = QtWidgets.QPushButton("Remove Document…")
        self.remove_button.setToolTip("Remove this document and the facts only it supports")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_document)
        self.date_button = QtWidgets.QPushButton("Set Publication Date…")
        self.date_button.setToolTip("Give or correct this release's publication date: its "
                                    "'today', 'on Tuesday' and undated reports are dated again")
        self.date_button.setEnabled(False)
        self.date_button.clicked.connect(self.ask_publication_date)
        self.filter_row.addWidget(self.date_button)
        self.filter_row.addWidget(self.remove_button)
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.date_op = None
        self.doc_info = QtWidgets.QLabel()
        self.doc_info.setAccessibleName("Document date, outlet and notes")
        self.doc_info.setWordWrap(True)
        self.doc_info.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.doc_info.hide()
        self.legend = QtWidgets.QWidget()
        legend_row = QtWidgets.QHBoxLayout(self.legend)
        legend_row.setContentsMargins(0, 0, 0, 0)
        legend_row.addWidget(QtWidgets.QLabel("Highlights:"))
        for kind, label in LEGEND:
            swatch = QtWidgets.QLabel(f"<span style='background:{theme.FACT_COLOURS[kind]};'>"
                                      f"&nbsp;&nbsp;&nbsp;&nbsp;</span> {label}")
            swatch.setAccessibleName(f"Legend: {label}")
            legend_row.addWidget(swatch)
        legend_row.addStretch(1)
        self.text.parentWidget().layout().insertWidget(1, self.legend)
        self.text.parentWidget().layout().insertWidget(2, self.doc_info)
        self.link = QtWidgets.QLabel()  # where a dataset says the release was published
        self.link.setOpenExternalLinks(True)
        self.link.setAccessibleName("Published at")
        self.link.hide()
        self.text.parentWidget().layout().insertWidget(3, self.link)
        self._highlights: list[dict] = []
        self._offsets: list[int] = [0]
        self.top_splitter.setSizes([460, 780])

    TIMELINE_MAX = 150   # beyond this many releases, dots merge into a bar: count per year

    def build_plots(self) -> None:
        from ..plots.bars import BarPlot
        from ..plots.timeline import TimelinePlot

        self.timeline = TimelinePlot("Releases by date", status_legend=False)
        self.timeline.pointClicked.connect(lambda did: self.select_id(did))
        self.timeline.windowChosen.connect(self.ctx.set_time_window)
        self.years = BarPlot("Releases per year", "releases (count)", integer=True)
        self.years.idClicked.connect(lambda did: self.select_id(did))
        self.years.match = self._year_bars
        self.plot_stack = QtWidgets.QStackedWidget()
        self.plot_stack.addWidget(self.timeline)
        self.plot_stack.addWidget(self.years)
        self.plot_layout.addWidget(self.plot_stack)
        self.splitter.setSizes([480, 180])

    def plot_data(self, store, params: dict):
        from ..plots.data import Bar, TimePoint

        # counted here, not taken from the table: on a big database the read starts before
        # the table has counted the rows under the new filters (BaseTab.refresh)
        if store.count("sources", params["filters"]) > self.TIMELINE_MAX:
            return "years", [Bar(year, n, [first], f"{year}: {n:,} releases")
                             for year, n, first in ((y.year, y.count, y.first_id)
                                                     for y in store.year_counts("sources", params["filters"], "date"))]
        rows = store.plot_rows("sources", params["filters"], ["date", "title", "facts"], "date").rows
        points = []
        for r in rows:
            start = dates.to_ts(r.get("date"))
            if start is None:
                continue
            tip = f"{r.get('date')}\n{r.get('title') or ''}\n{r.get('facts') or 0} facts"
            points.append(TimePoint(r["id"], start, start, "releases", "held", tip))
        return "timeline", points

    def _year_bars(self, ids: list[int]) -> list[int]:
        """The per-year bars holding these documents."""
        years = {str(d)[:4] for d in self.ctx.store.source_dates(ids) if d}
        return [i for i, b in enumerate(self.years.bars) if b.label in years]

    def draw_plots(self, data) -> None:
        kind, items = data
        if kind == "years":
            self.years.set_bars(items)
            self.plot_stack.setCurrentWidget(self.years)
        else:
            self.timeline.set_points(items, ["releases"])
            self.timeline.show_window(*self.ctx.time_window())
            self.plot_stack.setCurrentWidget(self.timeline)

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "timeline"):
            self.timeline.highlight(ids)
            self.years.highlight(ids)

    # --- text with highlights -----------------------------------------------------------
    def _show_detail(self, row: dict | None) -> None:
        self.remove_button.setEnabled(row is not None and not self.ctx.read_only)
        self.date_button.setEnabled(row is not None and not self.is_dating()
                                    and not self.ctx.read_only)
        if row is None:
            self.document_id = None
            self.text.clear()
            self._offsets = [0]
            self.doc_info.hide()
            return
        if row.get("id") != self.document_id:
            self.load_document(row["id"])

    def load_document(self, doc_id: int) -> None:
        store = self.ctx.store
        document = store.document(doc_id)
        text = document.get("text") or ""
        self.document_id = doc_id
        self.doc_info.setText(document_info_html(document))
        self.doc_info.show()
        self.text.setPlainText(text)
        self._show_link(doc_id)
        self._offsets = utf16_offsets(text)
        try:
            self._highlights = store.highlights(doc_id) or []
        except Exception:
            self._highlights = []
        cursor = QtGui.QTextCursor(self.text.document())
        # Longer spans first so the facts inside them (people in an event) stay visible.
        for h in sorted(self._highlights, key=lambda h: -((h.get("end") or 0) - (h.get("start") or 0))):
            start, end = h.get("start"), h.get("end")
            if start is None or end is None or not 0 <= start < end <= len(text):
                continue
            colour = QtGui.QColor(theme.FACT_COLOURS.get(h.get("type"), "#999999"))
            colour.setAlpha(110 if h.get("type") == "event" else 150)
            fmt = QtGui.QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"fb://fact/{h.get('type')}/{h.get('fact_id')}"
                              f"?label={quote(h.get('label') or '', safe='')}")
            fmt.setToolTip(f"{h.get('type')}: {h.get('label') or ''}")
            cursor.setPosition(self._offsets[start])
            cursor.setPosition(self._offsets[end], QtGui.QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        self.text.setExtraSelections([])

    def _show_link(self, doc_id: int) -> None:
        from html import escape

        url = self.ctx.store.document_url(doc_id)
        safe = url if url and url.lower().startswith(("http://", "https://")) else None
        self.link.setText(f"Published at: <a href='{escape(safe, quote=True)}'>{escape(safe)}</a>"
                          if safe else "")
        self.link.setToolTip(safe or "")
        self.link.setVisible(bool(safe))

    def show_span(self, doc_id: int, start: int | None, end: int | None) -> bool:
        """Open a document and select (and scroll to) the characters start..end."""
        self.ensure_loaded()
        if doc_id is None:
            return False
        if self.document_id != doc_id or not self.selected_ids() or self.selected_ids()[0] != doc_id:
            if not self.select_id(doc_id):
                # Hidden by the filters or the time window: show it anyway.
                self.view.clearSelection()
                self.load_document(doc_id)
        if start is None or end is None:
            return True
        text_len = len(self._offsets) - 1
        start, end = max(0, min(start, text_len)), max(0, min(end, text_len))
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets[start])
        cursor.setPosition(self._offsets[end], QtGui.QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        mark = QtWidgets.QTextEdit.ExtraSelection()
        mark.cursor = QtGui.QTextCursor(cursor)
        fmt = QtGui.QTextCharFormat()
        fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(theme.highlight())
        fmt.setFontWeight(QtGui.QFont.Weight.DemiBold)
        mark.format = fmt
        self.text.setExtraSelections([mark])
        self.text.ensureCursorVisible()
        QtCore.QTimer.singleShot(0, self.text.ensureCursorVisible)
        return True

    def highlighted_sentence(self) -> str:
        return self.text.textCursor().selectedText().replace("\u2029", "\n")

    # --- publication date -----------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        if self.current_row() is None:
            return
        menu = QtWidgets.QMenu(self)
        menu.addAction("Set Publication Date…", self.ask_publication_date).setEnabled(
            not self.is_dating())
        menu.addAction("Remove Document…", self.remove_document)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def ask_publication_date(self) -> None:
        from ..dialogs.set_date_dialog import SetDateDialog

        row = self.current_row()
        if row is None or self.is_dating():
            return
        dialog = SetDateDialog(row.get("title") or row.get("path") or f"Document {row['id']}",
                               row.get("date"), row.get("date_origin"), self)
        if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self.set_publication_date(row["id"], dialog.iso())

    def set_publication_date(self, doc_id: int, date: str) -> None:
        """Re-extract the document against `date` as an operation (its own connection); the
        views refresh through store_changed when it is done."""
        from ...store import Store
        from ..ops import StoreOp

        self.date_op = StoreOp(Store.set_document_date, doc_id, date, hub=self.ctx.hub,
                               own_store=True, writes=True, parent=self)
        self.date_op.succeeded.connect(self._dated)
        self.date_op.failed.connect(self._dating_failed)
        self.date_button.setEnabled(False)
        self.ctx.show_message(f"Dating document {doc_id} {date} and extracting its facts again…")
        self.date_op.start()

    def is_dating(self) -> bool:
        return self.date_op is not None and not self.date_op.over

    def forget_store_data(self) -> None:
        self.document_id = None  # the document shown may have new facts or a new date
        super().forget_store_data()

    def _dated(self, out: dict) -> None:
        self.select_id(out["id"])
        self.ctx.show_message(
            f"Document {out['id']} dated {out['date']} (was {out['old_date'] or 'undated'}): "
            f"{out['facts']} facts (were {out['old_facts']}).", 10000)
        self.date_button.setEnabled(self.current_row() is not None)

    def _dating_failed(self, message: str) -> None:
        self.date_button.setEnabled(self.current_row() is not None)
        self.ctx.show_message("")
        QtWidgets.QMessageBox.warning(self, "Date not set",
                                      f"The publication date was not changed: {message}")

    def wait_for_plots(self, msecs: int = 10000) -> None:
        super().wait_for_plots(msecs)
        if self.date_op is not None:
            self.date_op.wait(msecs)

    # --- removal ------------------------------------------------------------------------
    def remove_document(self) -> None:
        row = self.current_row()
        if row is None:
            return
        answer = QtWidgets.QMessageBox.question(
            self, "Remove document",
            f"Remove “{row.get('title') or row.get('path')}” from the database?\n\n"
            "Its facts are removed too, except those other documents also support.",
        )
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        self.ctx.remove_document(row["id"])
