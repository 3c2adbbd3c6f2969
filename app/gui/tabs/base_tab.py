"""What every fact tab shares: filter field, sortable lazy table, detail pane, linked plots.

A tab is cheap to construct; its model and plots are made on first show (`ensure_loaded`),
which keeps start-up down to the one tab the user sees.
"""

from __future__ import annotations

import html
import math
from dataclasses import fields

from PySide6 import QtCore, QtGui, QtWidgets

from app.gui.models.table_model import NUMERIC, StoreTableModel
from app.gui.worker import Worker
from app.gui.worker import start as start_worker

ROW_ROLE = QtCore.Qt.ItemDataRole.UserRole
SIZE_SAMPLE_ROWS = 60    # rows the initial column widths are measured from
ASYNC_ROWS = 5_000      # tables bigger than this read their plot data on a worker thread


def _plot_data_in_thread(fn, db_path: str, params: dict, job: int):
    from app.store import Store

    store = Store.open(db_path)
    try:
        return job, fn(store, params)
    finally:
        store.close()


def esc(value) -> str:
    return html.escape("" if value is None else str(value))


def make_filters(**values):
    """A store Filters with only the fields it knows (the contract may grow)."""
    from app.store import Filters

    known = {f.name for f in fields(Filters)}
    return Filters(**{k: v for k, v in values.items() if k in known and v not in (None, "")})


class BaseTab(QtWidgets.QWidget):
    table = ""              # store view shown in the table
    title = ""
    fact_type = ""          # provenance type of the rows (person, event, quantity, culture)
    columns: list[str] | None = None
    hidden_columns: tuple[str, ...] = ("id",)
    default_sort: str | None = None      # column the table is sorted by until the user sorts
    default_order = QtCore.Qt.SortOrder.AscendingOrder

    selectionIdsChanged = QtCore.Signal(list)

    def __init__(self, main_window, parent=None):
        super().__init__(parent)
        self.main = main_window
        self.model: StoreTableModel | None = None
        self._plot_job = 0
        self._workers: list = []
        self._threads: list = []
        self.loaded = False
        self.dirty = True
        self.setObjectName(f"{self.table or self.title}_tab")

        self.filter_edit = QtWidgets.QLineEdit()
        self.filter_edit.setPlaceholderText(f"Filter {self.title.lower()}…")
        self.filter_edit.setAccessibleName(f"Filter {self.title}")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(
            "Shows the rows where each word you type begins a word of a column the table "
            "shows (text and dates), in any order, case and accents ignored (\u201cmin lav\u201d "
            "finds Minister Lavrov).\nWords joined by punctuation stay together: 2.5, "
            "2010-2012, Al-Thani. Hidden columns are not searched (right-click the header to "
            "show or hide columns).")
        self._filter_timer = QtCore.QTimer(self, singleShot=True, interval=250)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter_edit.textChanged.connect(lambda _t: self._filter_timer.start())
        self.count_label = QtWidgets.QLabel()
        self.count_label.setAccessibleName(f"{self.title} row count")

        self.filter_row = QtWidgets.QHBoxLayout()
        self.filter_row.setContentsMargins(0, 0, 0, 0)
        self.filter_row.addWidget(self.filter_edit, 2)
        self.add_filter_widgets(self.filter_row)
        self.filter_row.addStretch(1)
        self.filter_row.addWidget(self.count_label)

        self.view = QtWidgets.QTableView()
        self.view.setAccessibleName(f"{self.title} table")
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(
            QtGui.QFontMetrics(self.view.font()).height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(60)   # size columns from a sample, not every row
        header.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.setTabKeyNavigation(False)

        self.show_source_button = QtWidgets.QPushButton("Show in source")
        self.show_source_button.setToolTip("Open the Sources tab on the sentence this fact comes from")
        self.show_source_button.setEnabled(False)
        self.show_source_button.clicked.connect(self.show_in_source)
        self.detail = QtWidgets.QTextBrowser()
        self.detail.setAccessibleName(f"{self.title} details")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self.main.open_link)
        self.detail.setPlaceholderText("Select a row to see its details.")
        detail_box = QtWidgets.QWidget()
        detail_layout = QtWidgets.QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        button_row = QtWidgets.QHBoxLayout()
        self.detail_title = QtWidgets.QLabel("<b>Details</b>")
        button_row.addWidget(self.detail_title)
        button_row.addStretch(1)
        button_row.addWidget(self.show_source_button)
        detail_layout.addLayout(button_row)
        detail_layout.addWidget(self.detail, 1)

        self.top_splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.top_splitter.setObjectName(f"{self.objectName()}_top")
        self.top_splitter.addWidget(self.view)
        self.top_splitter.addWidget(detail_box)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 2)
        self.top_splitter.setSizes([800, 460])

        self.plot_area = QtWidgets.QWidget()
        self.plot_layout = QtWidgets.QHBoxLayout(self.plot_area)
        self.plot_layout.setContentsMargins(0, 0, 0, 0)

        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter.setObjectName(f"{self.objectName()}_main")
        self.splitter.addWidget(self.top_splitter)
        self.splitter.addWidget(self.plot_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 330])

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.splitter, 1)

    # --- hooks for subclasses --------------------------------------------------------
    def add_filter_widgets(self, row: QtWidgets.QHBoxLayout) -> None:
        """Add tab-specific filter widgets to the filter row."""

    def extra_filters(self) -> dict:
        return {}

    def build_plots(self) -> None:
        """Create plots and add them to self.plot_layout."""

    def plot_params(self) -> dict:
        """UI state the plot data depends on, read on the UI thread."""
        return {"filters": self.model.filters, "window": self.main.window_filters()}

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
        key = (id(self.main.store), self._data_version(), params)
        if key == getattr(self, "_plotted", None):
            return  # same data under the same parameters: the plots on screen are right
        self._plotted = key
        self._plot_job += 1
        if not self.plots_in_thread():
            self.draw_plots(self.plot_data(self.main.store, params))
            self.highlight_plots(self.selected_ids())
            return
        # Signals reach these bound methods through the tab's (UI) thread: queued, never run
        # on the worker thread, which must not touch widgets.
        worker = Worker(_plot_data_in_thread, self.plot_data, str(self.main.store.path), params,
                        self._plot_job)
        worker.done.connect(self._plots_ready)
        worker.failed.connect(self._plots_failed)
        self._workers.append(worker)
        thread = start_worker(worker, self)
        thread.finished.connect(self._reap_workers)
        self._threads.append(thread)
        self.plot_area.setToolTip("Reading the plot data…")

    def plots_in_thread(self) -> bool:
        """Whether the plot data is read on a worker thread (while the table paints)."""
        return self.model.rowCount() > ASYNC_ROWS

    def _plots_ready(self, result) -> None:
        job, data = result
        if job != self._plot_job:
            return      # superseded by a newer request
        self.plot_area.setToolTip("")
        self.draw_plots(data)
        self.highlight_plots(self.selected_ids())

    def _data_version(self):
        """Changes whenever the database does (a commit by any connection)."""
        return self.main.store.data_version()  # unknown: a fresh object, so the plots are redrawn

    def _plots_failed(self, message: str) -> None:
        self._plotted = None
        self.main.statusBar().showMessage(f"Could not draw the {self.title} plots: {message}", 8000)

    def _reap_workers(self) -> None:
        for thread, worker in list(zip(self._threads, self._workers, strict=False)):
            if thread.isFinished():
                self._threads.remove(thread)
                self._workers.remove(worker)
                thread.deleteLater()

    def wait_for_plots(self, msecs: int = 10000) -> None:
        """Let running plot workers end (before the window or the store goes away)."""
        for thread in list(self._threads):
            thread.wait(msecs)

    def highlight_plots(self, ids: list[int]) -> None:
        """Mark the selected rows in the plots."""

    def detail_html(self, row: dict) -> str:
        return "<br>".join(f"<b>{esc(k)}</b>: {esc(v)}" for k, v in row.items())

    def provenance(self, row: dict) -> list[dict]:
        if not self.fact_type or row.get("id") is None:
            return []
        try:
            return self.main.store.provenance(self.fact_type, row["id"]) or []
        except Exception:  # a fact without provenance must not break the pane
            return []

    # --- loading -----------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self.loaded:
            if self.dirty:
                self.refresh()
            return
        self.loaded = True
        self.model = StoreTableModel(self.main.store, self.table, self.columns, self)
        self.model.filters = self.current_filters()
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        for column in self.hidden_columns:
            if column in self.model.columns:
                self.view.setColumnHidden(self.model.columns.index(column), True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSortIndicator(-1, QtCore.Qt.SortOrder.AscendingOrder)
        self.build_plots()
        if self.default_sort in self.model.columns and not self.main.has_saved_header(self):
            self.view.sortByColumn(self.model.columns.index(self.default_sort), self.default_order)
        self.main.restore_tab_state(self)
        self.refresh()

    def set_store(self, store) -> None:
        if self.model is not None:
            self.model.store = store
        self.dirty = True
        if self.isVisible():
            self.refresh()

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
        date_from, date_to = self.main.time_window()
        undated = True if getattr(self.main, "show_undated", lambda: False)() else None
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
        self.model.set_filters(self.current_filters())
        self.dirty = False
        self._resize_columns_once()
        self.update_plots()
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
            return self.main.store.undated_hidden(self.model.table, self.model.filters)
        except Exception:  # an older store or database: nothing to say rather than a crash
            return 0

    def _resize_columns_once(self) -> None:
        if getattr(self, "_columns_sized", False) or self.model.rowCount() == 0:
            return
        self._columns_sized = True
        if self.main.has_saved_header(self):
            return
        # Sized from the display text of the first rows ourselves: Qt's resizeColumnToContents
        # asks the model for every role of every sampled cell through Python (30-100 ms a tab).
        header = self.view.horizontalHeader()
        metrics = QtGui.QFontMetricsF(self.view.font())
        style = self.view.style()
        pad = 2 * (style.pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1)
        pad += 1 if self.view.showGrid() else 0
        sample = min(self.model.rowCount(), SIZE_SAMPLE_ROWS)
        wanted: dict[int, int] = {}   # column -> the width its sampled text needs
        display = QtCore.Qt.ItemDataRole.DisplayRole
        for c, column in enumerate(self.model.columns):
            if self.view.isColumnHidden(c):
                continue
            widest = 0
            for r in range(sample):
                text = self.model.data(self.model.index(r, c), display)
                if text:
                    widest = max(widest, metrics.horizontalAdvance(text))
            width = max(math.ceil(widest) + pad, header.sectionSizeHint(c))
            cap = 80 if column in NUMERIC else 210
            header.resizeSection(c, min(width, cap))
            wanted[c] = width
        # A summary gets the width the other columns leave (up to its text), rather than the
        # last column (a count, when the source title is hidden) stretching over it.
        if "summary" in self.model.columns:
            c = self.model.columns.index("summary")
            last = max((i for i in range(len(self.model.columns)) if not self.view.isColumnHidden(i)),
                       default=c)
            used = sum(header.sectionSize(i) for i in range(len(self.model.columns))
                       if not self.view.isColumnHidden(i) and i != last)
            free = self.view.viewport().width() - used - max(wanted.get(last, 0), 60)
            if c != last and c in wanted and free > 0:
                header.resizeSection(c, min(wanted[c], header.sectionSize(c) + free))

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
            self.main.statusBar().showMessage("No source sentence is recorded for this fact.", 6000)
            return False
        span = spans[0]
        return self.main.show_source(span.get("document_id"),
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
