"""The main window: toolbar (search, time window), the five fact tabs, status bar. Menus and
their actions, link navigation and the saved layout live in their own modules; the open
database is the StoreHub's, whose `store_changed` every tab listens to."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets

from .. import APP_NAME
from .after_first_paint import AfterFirstPaint, preload_plots
from .filters import make_filters
from .main_actions import MainActions
from .navigation import LinkNavigator
from .search_box import SearchBox
from .status_line import StatusLine
from .store_hub import StoreHub
from .tab_context import TabContext
from .time_window import WINDOW_RULE, DateField
from .window_state import WindowState


def _tab_classes():
    from .tabs.culture_tab import CultureTab
    from .tabs.meetings_tab import MeetingsTab
    from .tabs.people_tab import PeopleTab
    from .tabs.sources_tab import SourcesTab
    from .tabs.trade_tab import TradeTab

    return {"people": PeopleTab, "meetings": MeetingsTab, "trade": TradeTab,
            "culture": CultureTab, "sources": SourcesTab}


class MainWindow(QtWidgets.QMainWindow):
    timeWindowChanged = QtCore.Signal(object, object)

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.hub = StoreHub(store, self)
        self.settings = settings if settings is not None else QtCore.QSettings()
        self.window_state = WindowState(self, self.settings)
        self.navigator = LinkNavigator(self)
        self.menu_actions = MainActions(self)
        self._window: tuple[str | None, str | None] = (None, None)
        self._show_undated = False
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setAccessibleName("Fact tabs")
        self.tabs.setDocumentMode(True)
        self.tab_by_name: dict = {}
        context = self.tab_context()
        for name, cls in _tab_classes().items():
            tab = cls(context)
            self.tab_by_name[name] = tab
            self.tabs.addTab(tab, tab.title)
        self.setCentralWidget(self.tabs)

        self._build_toolbar()
        self.status_line = StatusLine(self.statusBar())
        for name in ("db_label", "read_only_label", "counts_label", "window_label"):
            setattr(self, name, getattr(self.status_line, name))
        self.menu_actions.build_menus()
        self.import_action = self.menu_actions.import_action
        self.window_state.restore_window()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.hub.store_changed.connect(self._store_changed)
        self._show_write_access()
        self.update_status()

    def tab_context(self) -> TabContext:
        return TabContext(
            hub=self.hub, time_window=self.time_window, show_undated=self.show_undated,
            set_time_window=self.set_time_window,
            show_message=lambda text, msecs=0: self.statusBar().showMessage(text, msecs),
            open_link=self.navigator.open_link, show_source=self.navigator.show_source,
            has_saved_header=self.window_state.has_saved_header,
            restore_tab_state=self.window_state.restore_tab_state,
            remove_document=self.menu_actions.remove_document)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Search and time window")
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.search = SearchBox(self)
        self.search.hitActivated.connect(self.navigator.go_to_hit)
        bar.addWidget(self.search)
        bar.addSeparator()
        label = QtWidgets.QLabel(" Time window: ")
        label.setToolTip(WINDOW_RULE)
        bar.addWidget(label)
        self.date_from = DateField("From")
        self.date_to = DateField("To")
        label.setBuddy(self.date_from)
        self.date_from.dateEdited.connect(self._dates_edited)
        self.date_to.dateEdited.connect(self._dates_edited)
        bar.addWidget(self.date_from)
        bar.addWidget(QtWidgets.QLabel(" – "))
        bar.addWidget(self.date_to)
        self.clear_window_action = QtGui.QAction("Clear", self)
        self.clear_window_action.setToolTip("Clear the time window (show all dates)")
        self.clear_window_action.triggered.connect(lambda: self.set_time_window(None, None))
        self.clear_window_action.setEnabled(False)
        bar.addAction(self.clear_window_action)
        self.undated_action = QtGui.QAction("Show undated", self)
        self.undated_action.setCheckable(True)
        self.undated_action.setToolTip("While a time window is set, rows with no date are hidden "
                                       "(each tab says how many); check to show them too")
        self.undated_action.toggled.connect(self.set_show_undated)
        self.undated_action.setEnabled(False)
        bar.addAction(self.undated_action)

    # --- the open database --------------------------------------------------------------
    @property
    def store(self):
        return self.hub.store

    @property
    def read_only(self) -> str | None:
        """Why the open database may only be read (None: it may be written)."""
        return self.hub.read_only

    def set_store(self, store) -> None:
        """Show another database; every view follows through the hub's store_changed."""
        self.hub.set_store(store)

    def _store_changed(self) -> None:
        # the tabs refresh themselves on the same signal (the visible one now, others when shown)
        self._show_write_access()
        if getattr(self, "_first_paint_seen", True):
            self.check_store()
        self.update_status()

    def _show_write_access(self) -> None:
        """Title, status bar and the writing actions say whether the database can be written."""
        reason = self.read_only
        name = Path(self.store.path).name + (" (read-only)" if reason else "")
        # Ends with the display name, so Qt does not append it again on X11 and Windows.
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.import_action.setEnabled(not reason)
        self.setAcceptDrops(not reason)
        self.status_line.show_read_only(reason)
        sources = self.tab_by_name.get("sources")
        if sources is not None and reason:
            sources.remove_button.setEnabled(False)

    def check_store(self) -> None:
        """A database opened without the damage check (so a big archive opens at once) is
        checked on a thread; a damaged one is then reopened read-only."""
        if (getattr(self.store, "checked", True) or getattr(self, "_check_op", None)
                or getattr(self, "_checked_store", None) is self.store):
            return
        from ..store import damage
        from .ops import StoreOp

        self._checked_store = self.store
        self._checking = Path(self.store.path)
        self._check_op = StoreOp(damage, hub=self.hub)
        self._check_op.succeeded.connect(self._store_checked)
        self._check_op.ended.connect(self._check_finished)
        self._check_op.start()

    def _check_finished(self) -> None:
        self._check_op = None
        self.check_store()  # another database may have been opened meanwhile

    def _store_checked(self, reason) -> None:
        checked = self._checking
        if not reason or Path(self.store.path) != checked or self.read_only:
            return
        from ..store import Store, StoreError

        try:
            store = Store.open(checked)  # the check's answer is known: read-only
        except StoreError as exc:
            self.statusBar().showMessage(f"The database is damaged: {exc}", 15000)
            return
        self.set_store(store)

    # --- tabs -----------------------------------------------------------------------------
    def current_tab(self):
        return self.tabs.currentWidget()

    def show_tab(self, name: str):
        tab = self.tab_by_name[name]
        self.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()
        return tab

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.ensure_loaded()
            self.window_state.remember_tab(tab)
            # Keyboard users land in the table of the tab they switched to (not while typing
            # in the search field, whose results may be what switched it).
            if not self.search.hasFocus():
                tab.view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_preload_armed", False):
            self._preload_armed = True
            AfterFirstPaint(self.tabs, preload_plots)

    def load_after_first_paint(self) -> None:
        """Read the visible tab's data (and import the plotting library) only once the
        window has been painted, so the user sees the window at once."""
        self._first_paint_seen = False
        AfterFirstPaint(self.tabs, self._first_paint)
        QtCore.QTimer.singleShot(400, self._first_paint)   # in case no paint arrives (hidden)

    def _first_paint(self) -> None:
        if getattr(self, "_first_paint_seen", True):
            return
        self._first_paint_seen = True
        self.load_current_tab()
        self.check_store()

    def load_current_tab(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.ensure_loaded()

    def refresh_all(self, recount: bool = True) -> None:
        """Refresh the visible tab (the others when next shown) and the status bar; the
        database's row counts only when they may have changed (recount)."""
        for tab in self.tab_by_name.values():
            if tab is self.current_tab():
                tab.refresh()
            else:
                tab.dirty = True
        self.update_status(recount)

    # --- time window ------------------------------------------------------------------------
    def time_window(self) -> tuple[str | None, str | None]:
        return self._window

    def show_undated(self) -> bool:
        """Whether rows with no date stay shown while a time window is set."""
        return self._show_undated

    def window_filters(self, **extra):
        date_from, date_to = self._window
        return make_filters(date_from=date_from, date_to=date_to,
                            undated=True if self._show_undated else None, **extra)

    def set_show_undated(self, shown: bool) -> None:
        shown = bool(shown)
        if shown == self._show_undated:
            return
        self._show_undated = shown
        if self.undated_action.isChecked() != shown:
            self.undated_action.setChecked(shown)
        self.status_line.show_window(self._window, self._show_undated)
        if any(self._window):
            self.refresh_all(recount=False)

    def set_time_window(self, date_from: str | None, date_to: str | None) -> None:
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        if (date_from, date_to) == self._window:
            return
        self._window = (date_from, date_to)
        self.date_from.set_iso(date_from)
        self.date_to.set_iso(date_to)
        self.clear_window_action.setEnabled(bool(date_from or date_to))
        self.undated_action.setEnabled(bool(date_from or date_to))
        # the status bar says the window before any tab redraws, so they agree whatever a
        # tab does next
        self.status_line.show_window(self._window, self._show_undated)
        self.timeWindowChanged.emit(date_from, date_to)
        self.refresh_all(recount=False)   # the status bar counts the whole database

    def _dates_edited(self) -> None:
        self.set_time_window(self.date_from.iso(), self.date_to.iso())

    def update_status(self, recount: bool = True) -> None:
        self.status_line.show_window(self._window, self._show_undated)
        self.status_line.show_database(self.store, recount)

    # --- what the menus, links and tests reach through the window ------------------------
    def navigate(self, table: str, row_id: int) -> bool:
        return self.navigator.navigate(table, row_id)

    def show_source(self, document_id, start, end) -> bool:
        return self.navigator.show_source(document_id, start, end)

    def open_link(self, url: QtCore.QUrl) -> None:
        self.navigator.open_link(url)

    def go_to_hit(self, hit) -> None:
        self.navigator.go_to_hit(hit)

    def import_dialog(self, paths: list[str] | None = None) -> None:
        self.menu_actions.import_dialog(paths)

    def remove_document(self, doc_id: int) -> None:
        self.menu_actions.remove_document(doc_id)

    def offer_import(self, paths: list[str]) -> None:
        self.menu_actions.offer_import(paths)

    # --- edit ---------------------------------------------------------------------------------
    def copy(self) -> None:
        focus = QtWidgets.QApplication.focusWidget()
        if isinstance(focus, (QtWidgets.QLineEdit, QtWidgets.QTextEdit)) and (
            focus.hasSelectedText() if isinstance(focus, QtWidgets.QLineEdit)
            else focus.textCursor().hasSelection()
        ):
            focus.copy()
            return
        tab = self.current_tab()
        text = tab.copy_tsv() if tab else ""
        if text:
            QtWidgets.QApplication.clipboard().setText(text)
            self.statusBar().showMessage(f"Copied {text.count(chr(10)) - 1} rows", 4000)

    def focus_search(self) -> None:
        self.search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- drops --------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        QtCore.QTimer.singleShot(0, lambda: self.offer_import(paths))

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.window_state.save()
        # Pending debounced refreshes must not run against a store about to be closed.
        for tab in self.tab_by_name.values():
            tab._filter_timer.stop()
            tab.wait_for_plots()
        self.search.timer.stop()
        for op in (getattr(self, "_check_op", None), self.menu_actions.remove_op):
            if op is not None:
                op.wait(5000)
        super().closeEvent(event)
