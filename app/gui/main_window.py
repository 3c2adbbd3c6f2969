"""The main window: toolbar (search, time window), the five fact tabs, menus, status bar."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from PySide6 import QtCore, QtGui, QtWidgets

from app import APP_NAME
from app.gui.search import SearchBox
from app.gui.tabs.base_tab import BaseTab, make_filters
from app.gui.time_window import WINDOW_RULE, DateField

TAB_ORDER = ["people", "meetings", "trade", "culture", "sources"]
FACT_TABLES = {"person": "people", "event": "meetings", "figure": "trade", "quantity": "trade",
               "culture": "culture", "document": "sources"}


def _tab_classes():
    from app.gui.tabs.culture_tab import CultureTab
    from app.gui.tabs.meetings_tab import MeetingsTab
    from app.gui.tabs.people_tab import PeopleTab
    from app.gui.tabs.sources_tab import SourcesTab
    from app.gui.tabs.trade_tab import TradeTab

    return {"people": PeopleTab, "meetings": MeetingsTab, "trade": TradeTab,
            "culture": CultureTab, "sources": SourcesTab}


class _AfterFirstPaint(QtCore.QObject):
    """Calls `callback` from the event loop once, right after `widget` is first painted."""

    def __init__(self, widget: QtWidgets.QWidget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self.callback)
        return False


def preload_plots() -> None:
    """Import the plotting library (0.5-0.9 s) while the user looks at the first window,
    instead of when the first tab with a plot opens."""
    try:
        import app.gui.plots.bars  # noqa: F401
        import app.gui.plots.timeline  # noqa: F401
    except ImportError:
        pass   # the tab that needs it reports the error when it opens


class MainWindow(QtWidgets.QMainWindow):
    timeWindowChanged = QtCore.Signal(object, object)

    def __init__(self, store, settings: QtCore.QSettings | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.settings = settings if settings is not None else QtCore.QSettings()
        self._window: tuple[str | None, str | None] = (None, None)
        self._show_undated = False
        # Ends with the display name, so Qt does not append it again on X11 and Windows.
        self.setWindowTitle(f"{Path(store.path).name} — {APP_NAME}")
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setAccessibleName("Fact tabs")
        self.tabs.setDocumentMode(True)
        self.tab_by_name: dict[str, BaseTab] = {}
        for name, cls in _tab_classes().items():
            tab = cls(self)
            self.tab_by_name[name] = tab
            self.tabs.addTab(tab, tab.title)
        self.setCentralWidget(self.tabs)

        self._build_toolbar()
        self._build_status()
        self._build_menus()
        self._restore_window()
        self.tabs.currentChanged.connect(self._tab_changed)
        self._show_write_access()
        self.update_status()

    # --- construction -------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Search and time window")
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.search = SearchBox(self)
        self.search.hitActivated.connect(self.go_to_hit)
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

    def _build_status(self) -> None:
        status = self.statusBar()
        self.db_label = QtWidgets.QLabel()
        self.db_label.setAccessibleName("Database path")
        self.read_only_label = QtWidgets.QLabel()
        self.read_only_label.setAccessibleName("Read-only database")
        self.read_only_label.setContentsMargins(8, 0, 8, 0)
        self.counts_label = QtWidgets.QLabel()
        self.window_label = QtWidgets.QLabel()
        status.addPermanentWidget(self.read_only_label)
        status.addPermanentWidget(self.window_label)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.db_label)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self._action(file_menu, "&Open Database…", self.open_database_dialog, QtGui.QKeySequence.StandardKey.Open)
        self.import_action = self._action(file_menu, "&Import Press Releases…", self.import_dialog, "Ctrl+I")
        self.dataset_action = self._action(file_menu, "Import &Dataset…", self.dataset_import_dialog)
        self._action(file_menu, "&Export Tables…", self.export_dialog, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QtGui.QKeySequence.StandardKey.Quit)

        edit_menu = menu.addMenu("&Edit")
        self.copy_action = self._action(edit_menu, "&Copy", self.copy, QtGui.QKeySequence.StandardKey.Copy)
        self._action(edit_menu, "&Find…", self.focus_search, QtGui.QKeySequence.StandardKey.Find)

        view_menu = menu.addMenu("&View")
        for i, name in enumerate(TAB_ORDER):
            tab = self.tab_by_name[name]
            self._action(view_menu, tab.title, lambda _c=False, n=name: self.show_tab(n), f"Ctrl+{i + 1}")
        view_menu.addSeparator()
        self._action(view_menu, "Clear &Time Window", lambda: self.set_time_window(None, None))
        self._action(view_menu, "&Reset Layout", self.reset_layout)

        help_menu = menu.addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self.about)

    def _action(self, menu, text, slot, shortcut=None) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # --- tabs -----------------------------------------------------------------------------
    def current_tab(self) -> BaseTab:
        return self.tabs.currentWidget()

    def show_tab(self, name: str) -> BaseTab:
        tab = self.tab_by_name[name]
        self.tabs.setCurrentWidget(tab)
        tab.ensure_loaded()
        return tab

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.ensure_loaded()
            self.settings.setValue("lastTab", tab.table if tab.table != "figures" else "trade")
            # Keyboard users land in the table of the tab they switched to (not while typing
            # in the search field, whose results may be what switched it).
            if not self.search.hasFocus():
                tab.view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_preload_armed", False):
            self._preload_armed = True
            _AfterFirstPaint(self.tabs, preload_plots)

    def load_after_first_paint(self) -> None:
        """Read the visible tab's data (and import the plotting library) only once the
        window has been painted, so the user sees the window at once."""
        self._first_paint_seen = False
        self.tabs.installEventFilter(self)
        QtCore.QTimer.singleShot(400, self._first_paint)   # in case no paint arrives (hidden)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.tabs and event.type() == QtCore.QEvent.Type.Paint and not self._first_paint_seen:
            QtCore.QTimer.singleShot(0, self._first_paint)
        return super().eventFilter(obj, event)

    def _first_paint(self) -> None:
        if getattr(self, "_first_paint_seen", True):
            return
        self._first_paint_seen = True
        self.tabs.removeEventFilter(self)
        self.load_current_tab()
        self.check_store()

    def check_store(self) -> None:
        """A database opened without the damage check (so a big archive opens at once) is
        checked on a thread; a damaged one is then reopened read-only."""
        if (getattr(self.store, "checked", True) or getattr(self, "_check_thread", None)
                or getattr(self, "_checked_store", None) is self.store):
            return
        from app.gui.worker import Worker
        from app.gui.worker import start as start_worker
        from app.store import damage

        self._checked_store = self.store
        self._checking = Path(self.store.path)
        self._check_worker = Worker(damage, self._checking)
        self._check_worker.done.connect(self._store_checked)
        self._check_thread = start_worker(self._check_worker, self)
        self._check_thread.finished.connect(self._check_finished)

    def _check_finished(self) -> None:
        self._check_thread = None
        self.check_store()  # another database may have been opened meanwhile

    def _store_checked(self, reason) -> None:
        if not reason or Path(self.store.path) != self._checking or self.read_only:
            return
        from app.store import Store, StoreError

        try:
            store = Store.open(self._checking)  # the check's answer is known: read-only
        except StoreError as exc:
            self.statusBar().showMessage(f"The database is damaged: {exc}", 15000)
            return
        self.set_store(store)

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

    @property
    def read_only(self) -> str | None:
        """Why the open database may only be read (None: it may be written)."""
        return getattr(self.store, "read_only", None)

    def _show_write_access(self) -> None:
        """Title, status bar and the writing actions say whether the database can be written."""
        reason = self.read_only
        name = Path(self.store.path).name + (" (read-only)" if reason else "")
        # Ends with the display name, so Qt does not append it again on X11 and Windows.
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.import_action.setEnabled(not reason)
        self.setAcceptDrops(not reason)
        damaged = bool(reason) and reason.startswith("damaged")
        self.read_only_label.setText("<b>Read-only: damaged</b>" if damaged else "<b>Read-only</b>")
        self.read_only_label.setToolTip(
            f"Nothing can be imported or removed: {reason}."
            + (" Run factbrowser recover -o NEW.db to rebuild what can be read." if damaged else "")
            if reason else "")
        self.read_only_label.setVisible(bool(reason))
        sources = self.tab_by_name.get("sources")
        if sources is not None and reason:
            sources.remove_button.setEnabled(False)
        if reason:
            self.statusBar().showMessage(f"Opened read-only: {reason}", 15000)

    def set_store(self, store) -> None:
        old = self.store
        self.store = store
        self._show_write_access()
        if getattr(self, "_first_paint_seen", True):
            self.check_store()
        for tab in self.tab_by_name.values():
            tab.set_store(store)
        self.refresh_all()
        if old is not None and old is not store:
            try:
                old.close()
            except Exception:
                pass

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
        self._update_window_label()
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
        self._update_window_label()
        self.timeWindowChanged.emit(date_from, date_to)
        self.refresh_all(recount=False)   # the status bar counts the whole database

    def _dates_edited(self) -> None:
        self.set_time_window(self.date_from.iso(), self.date_to.iso())

    # --- navigation ---------------------------------------------------------------------------
    def navigate(self, table: str, row_id: int) -> bool:
        """Show the tab of `table` with row `row_id` selected, widening what it shows (Figures
        view, filters, time window) when the row is hidden; False if it does not exist."""
        name = "trade" if table in ("trade", "figures") else table
        if name not in self.tab_by_name:
            return False
        tab = self.show_tab(name)
        if tab.select_id(row_id):
            return True
        if name == "trade" and tab.table != "figures":
            tab.show_table("figures")
            if tab.select_id(row_id):
                return True
        if tab.has_filters():
            tab.clear_filters()
            if tab.select_id(row_id):
                self.statusBar().showMessage("The tab's filters hid that item; cleared them.", 6000)
                return True
        if any(self._window):
            self.set_time_window(None, None)
            if tab.select_id(row_id):
                self.statusBar().showMessage("That item is outside the time window; cleared it.", 6000)
                return True
        return False

    def show_source(self, document_id, start, end) -> bool:
        tab = self.show_tab("sources")
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
                start = int(query["start"][0]) if query.get("start") and query["start"][0] != "None" else None
                end = int(query["end"][0]) if query.get("end") and query["end"][0] != "None" else None
                self.show_source(int(parts[0]), start, end)
            elif kind == "fact":
                self.open_fact(parts[0], int(parts[1]), (query.get("label") or [""])[0])
            elif kind in self.tab_by_name or kind == "figures":
                self.navigate(kind, int(parts[0]))
        except (ValueError, IndexError, KeyError):
            self.statusBar().showMessage(f"Cannot follow link {url.toString()}", 5000)

    def open_fact(self, fact_type: str, fact_id: int, label: str = "") -> None:
        table = FACT_TABLES.get(fact_type)
        if table and self.navigate(table, fact_id):
            return
        if fact_type == "place" and label:
            tab = self.show_tab("meetings")
            if tab.place_combo.select_value(label):
                return
        if label:
            self.search.setText(label)
            self.search.setFocus()
            self.search.run_search()

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

    # --- status -------------------------------------------------------------------------------
    def update_status(self, recount: bool = True) -> None:
        self.db_label.setText(f"Database: {self.store.path}")
        self.db_label.setToolTip(str(self.store.path))
        self._update_window_label()
        if not recount and getattr(self, "_counted", False):
            return
        self._counted = True
        try:
            counts = self.store.counts()
        except Exception as exc:
            counts = {}
            self.statusBar().showMessage(f"Cannot count rows: {exc}", 5000)
        shown = [("people", "person", "people"), ("meetings", "meeting", "meetings"),
                 ("trade", "trade figure", "trade figures"),
                 ("culture", "cultural item", "cultural items"), ("sources", "document", "documents")]
        self._counts_text = " · ".join(
            f"{counts.get(k, 0):,} {one if counts.get(k, 0) == 1 else many}" for k, one, many in shown)
        self._show_counts()

    def _show_counts(self) -> None:
        # the whole database's rows: said so while a window is set, as the tabs count within it
        text = getattr(self, "_counts_text", "")
        self.counts_label.setText(f"in the whole database: {text}" if any(self._window) else text)
        self.counts_label.setToolTip("Rows in the whole database; each tab counts the rows in "
                                     "the time window" if any(self._window) else "")

    def _update_window_label(self) -> None:
        self._show_counts()
        date_from, date_to = self._window
        if date_from or date_to:
            undated = "undated shown" if self._show_undated else "undated hidden"
            self.window_label.setText(f"<b>Time window: {date_from or '…'} – {date_to or '…'}</b>"
                                      f" ({undated})")
            self.window_label.show()
        else:
            self.window_label.setText("All dates")

    # --- dialogs --------------------------------------------------------------------------------
    def open_database_dialog(self) -> None:
        from app.gui.dialogs.open_error_dialog import choose_and_open

        store = choose_and_open(self)
        if store is not None:
            self.set_store(store)

    def import_dialog(self, paths: list[str] | None = None) -> None:
        from app.gui.dialogs.import_dialog import ImportDialog, choose_import_paths

        if self.read_only:
            QtWidgets.QMessageBox.information(
                self, "Read-only database", f"Nothing can be imported into this database: {self.read_only}.")
            return
        if not paths:
            paths = choose_import_paths(self)
        if not paths:
            return
        dialog = ImportDialog(self.store.path, paths, self)
        dialog.finished_import.connect(lambda _results: self.after_import())
        dialog.exec()   # the files and their dates first; Import starts it

    def dataset_import_dialog(self, path: str | None = None) -> None:
        from app.gui.dialogs.dataset_import_dialog import DatasetImportDialog

        dialog = DatasetImportDialog(self.store.path, path, self)
        dialog.finished_import.connect(lambda _result: self.after_import())
        dialog.exec()

    def after_import(self) -> None:
        from app.store import Store

        # Reopen so the window's connection sees what the worker's connection wrote.
        try:
            store = Store.open(self.store.path, check=False)  # checked on a thread
        except Exception:
            self.refresh_all()
            return
        self.set_store(store)

    def export_dialog(self) -> None:
        from app.gui.dialogs.export_dialog import ExportDialog

        ExportDialog(self).exec()

    def remove_document(self, doc_id: int) -> None:
        if self.read_only:
            self.statusBar().showMessage(f"Read-only database: nothing can be removed ({self.read_only}).", 8000)
            return
        try:
            self.store.remove_document(doc_id)
        except Exception as exc:
            QtWidgets.QMessageBox.warning(self, "Remove failed", f"The document was not removed: {exc}")
            return
        self.statusBar().showMessage("Document removed.", 6000)
        self.after_import()

    def about(self) -> None:
        from app.gui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).exec()

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

    def offer_import(self, paths: list[str]) -> None:
        names = "\n".join(Path(p).name for p in paths[:10])
        more = f"\n…and {len(paths) - 10} more" if len(paths) > 10 else ""
        answer = QtWidgets.QMessageBox.question(
            self, "Import dropped files", f"Import these into the database?\n\n{names}{more}")
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.import_dialog(paths)

    # --- settings -------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if state is not None:
            self.restoreState(state)
        last = self.settings.value("lastTab")
        if last in self.tab_by_name:
            self.tabs.setCurrentWidget(self.tab_by_name[last])

    def restore_tab_state(self, tab: BaseTab) -> None:
        key = tab.objectName()
        for name, splitter in (("splitter", tab.splitter), ("top", tab.top_splitter)):
            value = self.settings.value(f"{key}/{name}")
            if value is not None:
                splitter.restoreState(value)
        header = self.settings.value(f"{key}/header")
        if header is not None:
            tab.view.horizontalHeader().restoreState(header)

    def has_saved_header(self, tab: BaseTab) -> bool:
        return self.settings.value(f"{tab.objectName()}/header") is not None

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        for tab in self.tab_by_name.values():
            if not tab.loaded:
                continue
            key = tab.objectName()
            self.settings.setValue(f"{key}/splitter", tab.splitter.saveState())
            self.settings.setValue(f"{key}/top", tab.top_splitter.saveState())
            self.settings.setValue(f"{key}/header", tab.view.horizontalHeader().saveState())
        self.settings.sync()

    def reset_layout(self) -> None:
        for key in self.settings.allKeys():
            if key in ("geometry", "windowState") or "/" in key:
                self.settings.remove(key)
        self.resize(1280, 800)
        for tab in self.tab_by_name.values():
            tab.splitter.setSizes([330, 330])
            tab.top_splitter.setSizes([760, 480])
            if tab.loaded:
                tab._columns_sized = False
                tab._resize_columns_once()
        self.statusBar().showMessage("Layout reset.", 4000)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_settings()
        # Pending debounced refreshes must not run against a store about to be closed.
        for tab in self.tab_by_name.values():
            tab._filter_timer.stop()
            tab.wait_for_plots()
        self.search.timer.stop()
        thread = getattr(self, "_check_thread", None)
        if thread is not None:
            thread.wait(5000)
        super().closeEvent(event)
