"""What every fact tab shares: filter field, sortable lazy table, detail pane, linked plots.

A tab is cheap to construct; its model and plots are made on first show (`ensure_loaded`),
which keeps start-up down to the one tab the user sees.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from ..filters import make_filters  # noqa: F401  (the tabs and tests take it from here)
from ..models.table_model import StoreTableModel
from .column_sizing import size_columns
from .plot_reader import PlotReader
from .tab_builders import (
    build_detail_pane,
    build_filter_row,
    build_splitters,
    build_table_view,
)

ASYNC_ROWS = 5_000      # tables bigger than this read their plot data on a worker thread


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


class BaseTab(QtWidgets.QWidget):
    table = ""              # store view shown in the table
    title = ""
    fact_type = ""          # provenance type of the rows (person, event, quantity, culture)
    columns: list[str] | None = None
    hidden_columns: tuple[str, ...] = ("id",)
    default_sort: str | None = None      # column the table is sorted by until the user sorts
    default_order = QtCore.Qt.SortOrder.AscendingOrder

    selectionIdsChanged = QtCore.Signal(list)

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.ctx = context
        self.model: StoreTableModel | None = None
        self.plot_reader = PlotReader(self)
        self.loaded = False
        self.dirty = True
        self.setObjectName(f"{self.table or self.title}_tab")
        build_filter_row(self)
        build_table_view(self)
        build_splitters(self, build_detail_pane(self))
        context.store_changed.connect(self._store_changed)

    # --- hooks for subclasses --------------------------------------------------------
    def add_filter_widgets(self, row: QtWidgets.QHBoxLayout) -> None:
        """Add tab-specific filter widgets to the filter row."""

    def extra_filters(self) -> dict:
        return {}

    def build_plots(self) -> None:
        """Create plots and add them to self.plot_layout."""

    def plot_params(self) -> dict:
        """UI state the plot data depends on, read on the UI thread."""
        return {"filters": self.model.filters, "window": self.ctx.window_filters()}

    def plot_data(self, store, params: dict):
        """The plots' data under params: SQL and arithmetic only, no widgets, so it can run
        on a worker thread with its own store connection."""
        return None

    def draw_plots(self, data) -> None:
        """Put plot_data's result on screen (UI thread)."""

    def update_plots(self) -> None:
        """Redraw plots for the current filters; on big tables the data is read off the UI
        thread and drawn when it arrives (a newer request supersedes an older one)."""
        params = self.plot_params()
        key = (id(self.ctx.store), self._data_version(), params)
        self.plot_reader.update(key, params, self.plots_in_thread())

    def plots_in_thread(self) -> bool:
        """Whether the plot data is read on a worker thread (while the table counts and
        paints): for a big table whatever its filters, so that the read can start before the
        table counts the rows they keep (refresh)."""
        return self.ctx.store.count(self.model.table) > ASYNC_ROWS

    def _data_version(self):
        """Changes whenever the database does (a commit by any connection)."""
        return self.ctx.store.data_version()  # unknown: a fresh object, so the plots are redrawn

    def wait_for_plots(self, msecs: int = 10000) -> None:
        """Let running plot reads end (before the window or the store goes away)."""
        self.plot_reader.wait(msecs)

    def highlight_plots(self, ids: list[int]) -> None:
        """Mark the selected rows in the plots."""

    def detail_html(self, row: dict) -> str:
        return "<br>".join(f"<b>{esc(k)}</b>: {esc(v)}" for k, v in row.items())

    def provenance(self, row: dict) -> list[dict]:
        if not self.fact_type or row.get("id") is None:
            return []
        try:
            return self.ctx.store.provenance(self.fact_type, row["id"]) or []
        except Exception:  # a fact without provenance must not break the pane
            return []

    # --- loading -----------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self.loaded:
            if self.dirty:
                self.refresh()
            return
        self.loaded = True
        self.model = StoreTableModel(self.ctx.store, self.table, self.columns, self,
                                     filters=self.current_filters())
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        for column in self.hidden_columns:
            if column in self.model.columns:
                self.view.setColumnHidden(self.model.columns.index(column), True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, QtCore.Qt.SortOrder.AscendingOrder)
        self.build_plots()
        if self.default_sort in self.model.columns and not self.ctx.has_saved_header(self):
            self.view.sortByColumn(self.model.columns.index(self.default_sort), self.default_order)
        self.ctx.restore_tab_state(self)
        self.refresh()

    def _store_changed(self) -> None:
        """Rows were written or another database opened: read again (now if shown)."""
        if self.model is not None:
            self.model.store = self.ctx.store
        self.forget_store_data()
        self.dirty = True
        if self.loaded and self.isVisible():
            self.refresh()

    def forget_store_data(self) -> None:
        """Drop what the tab keeps from the database (subclasses add theirs)."""
        self.plot_reader.forget()

    def has_filters(self) -> bool:
        return bool(self.filter_edit.text().strip()) or any(
            v not in (None, "") for v in self.extra_filters().values())

    def clear_filters(self) -> None:
        """Drop the tab's own filters (not the app-wide time window) and refresh."""
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self._filter_timer.stop()
        self.reset_extra_filters()
        self.refresh()

    def reset_extra_filters(self) -> None:
        """Subclasses put their filter widgets back to "any"."""

    def current_filters(self):
        date_from, date_to = self.ctx.time_window()
        undated = True if self.ctx.show_undated() else None
        return make_filters(text=self.filter_edit.text().strip() or None,
                            date_from=date_from, date_to=date_to, undated=undated,
                            columns=self.shown_columns(), **self.extra_filters())

    def shown_columns(self) -> tuple[str, ...]:
        """The table's columns on screen: the text filter reads these and no others."""
        if self.model is None:
            return tuple(c for c in self.columns or () if c not in self.hidden_columns)
        return tuple(c for i, c in enumerate(self.model.columns) if not self.view.isColumnHidden(i))

    def _header_menu(self, pos: QtCore.QPoint) -> None:
        if self.model is None:
            return
        menu = QtWidgets.QMenu(self)
        for action in self.column_actions():
            menu.addAction(action)
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))

    def column_actions(self) -> list[QtGui.QAction]:
        """One checkable action per column (but the id) that shows or hides it."""
        out = []
        for i, column in enumerate(self.model.columns):
            if column == "id":
                continue
            action = QtGui.QAction(str(self.model.headerData(
                i, QtCore.Qt.Orientation.Horizontal) or column), self)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_shown(i, on))
            out.append(action)
        return out

    def set_column_shown(self, index: int, shown: bool) -> None:
        self.view.setColumnHidden(index, not shown)
        if self.filter_edit.text().strip():
            self.refresh()   # the filter reads the columns on screen

    def refresh(self) -> None:
        if not self.loaded:
            self.dirty = True
            return
        keep = self.selected_ids()
        filters = self.current_filters()
        if self.plots_in_thread():
            # The plot read starts first, on its worker, and overlaps the table's count of
            # the rows the filters keep (a window's: 30-90 ms at 50,000 releases).
            self.model.filters = filters
            self.update_plots()
            self.model.reload()
        else:
            self.model.set_filters(filters)
            self.update_plots()
        self.dirty = False
        self._resize_columns_once()
        total = self.model.rowCount()
        text = f"{total:,} {'row' if total == 1 else 'rows'}"
        hidden = self.undated_hidden()
        if hidden:
            text += f" · {hidden:,} undated hidden"
        self.count_label.setText(text)
        self.count_label.setToolTip(
            "Rows with no date are hidden while a time window is set; “Show undated” in the "
            "toolbar shows them" if hidden else "")
        # A reset model drops the selection silently: reselect, or clear a stale detail pane.
        if not (keep and self.select_id(keep[0], scroll=True)):
            self._show_detail(None)
            self.highlight_plots([])

    def undated_hidden(self) -> int:
        """Rows the time window hides because they state no date."""
        try:
            return self.ctx.store.undated_hidden(self.model.table, self.model.filters)
        except Exception:  # an older store or database: nothing to say rather than a crash
            return 0

    def _resize_columns_once(self) -> None:
        if getattr(self, "_columns_sized", False) or self.model.rowCount() == 0:
            return
        self._columns_sized = True
        if not self.ctx.has_saved_header(self):
            size_columns(self.view, self.model)

    # --- selection -----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        if self.model is None or self.view.selectionModel() is None:
            return []
        return sorted({i.row() for i in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        return [i for i in (self.model.id_at(r) for r in self.selected_rows()) if i is not None]

    def current_row(self) -> dict | None:
        rows = self.selected_rows()
        return self.model.row_dict(rows[0]) if rows and self.model else None

    def select_id(self, row_id: int, scroll: bool = True) -> bool:
        self.ensure_loaded()
        row = self.model.row_of_id(row_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QtCore.QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.view.scrollTo(index, QtWidgets.QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        self._show_detail(self.current_row())
        self.highlight_plots(ids)
        self.selectionIdsChanged.emit(ids)

    def _show_detail(self, row: dict | None) -> None:
        self.show_source_button.setEnabled(row is not None)
        if row is None:
            self.detail.clear()
            return
        self.detail.setHtml(self.detail_html(row))

    def show_in_source(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        spans = self.provenance(row)
        if not spans:
            self.ctx.show_message("No source sentence is recorded for this fact.", 6000)
            return False
        span = spans[0]
        return self.ctx.show_source(span.get("document_id"),
                                     span.get("sentence_start", span.get("start")),
                                     span.get("sentence_end", span.get("end")))

    # --- text ----------------------------------------------------------------------------
    def copy_tsv(self) -> str:
        rows = self.selected_rows()
        return self.model.as_tsv(rows) if rows and self.model else ""

    def sources_html(self, spans: list[dict], limit: int = 20) -> str:
        parts = []
        for span in spans[:limit]:
            link = (f"fb://source/{span.get('document_id')}?start={span.get('sentence_start', span.get('start'))}"
                    f"&end={span.get('sentence_end', span.get('end'))}")
            parts.append(f"<li>“{esc(span.get('sentence'))}” "
                         f"<a href='{link}'>{esc(span.get('title') or 'source')}</a></li>")
        more = f"<p>…and {len(spans) - limit} more</p>" if len(spans) > limit else ""
        return f"<ul>{''.join(parts)}</ul>{more}" if parts else "<p><i>No source recorded.</i></p>"
