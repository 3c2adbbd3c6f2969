"""The window's menus and the actions behind them: open, import (files, dataset), export,
remove a document, about. Whatever writes the database runs as a StoreOp, whose end tells
every view through the StoreHub."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui, QtWidgets

from .. import APP_NAME

TAB_ORDER = ["people", "meetings", "trade", "culture", "sources"]


class MainActions:
    def __init__(self, window):
        self.window = window
        self.hub = window.hub
        self.remove_op = None

    def _action(self, menu, text, slot, shortcut=None) -> QtGui.QAction:
        action = QtGui.QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QtGui.QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def build_menus(self) -> None:
        w = self.window
        keys = QtGui.QKeySequence.StandardKey
        file_menu = w.menuBar().addMenu("&File")
        self._action(file_menu, "&Open Database…", self.open_database_dialog, keys.Open)
        self.import_action = self._action(file_menu, "&Import Press Releases…",
                                          lambda: self.import_dialog(), "Ctrl+I")
        self.dataset_action = self._action(file_menu, "Import &Dataset…",
                                           lambda: self.dataset_import_dialog())
        self._action(file_menu, "&Export Tables…", self.export_dialog, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", w.close, keys.Quit)

        edit_menu = w.menuBar().addMenu("&Edit")
        self.copy_action = self._action(edit_menu, "&Copy", w.copy, keys.Copy)
        self._action(edit_menu, "&Find…", w.focus_search, keys.Find)

        view_menu = w.menuBar().addMenu("&View")
        for i, name in enumerate(TAB_ORDER):
            self._action(view_menu, w.tab_by_name[name].title,
                         lambda _c=False, n=name: w.show_tab(n), f"Ctrl+{i + 1}")
        view_menu.addSeparator()
        self._action(view_menu, "Clear &Time Window", lambda: w.set_time_window(None, None))
        self._action(view_menu, "&Reset Layout", w.window_state.reset_layout)

        help_menu = w.menuBar().addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self.about)

    # --- dialogs ----------------------------------------------------------------------------
    def open_database_dialog(self) -> None:
        from .dialogs.open_error_dialog import choose_and_open

        store = choose_and_open(self.window)
        if store is not None:
            self.window.set_store(store)

    def _refuse_if_read_only(self, what: str) -> bool:
        reason = self.hub.read_only
        if reason:
            QtWidgets.QMessageBox.information(
                self.window, "Read-only database", f"Nothing can be {what} this database: {reason}.")
        return bool(reason)

    def import_dialog(self, paths: list[str] | None = None) -> None:
        from .dialogs.import_dialog import ImportDialog, choose_import_paths

        if self._refuse_if_read_only("imported into"):
            return
        if not paths:
            paths = choose_import_paths(self.window)
        if not paths:
            return
        ImportDialog(self.hub, paths, self.window).exec()  # the files and dates first

    def dataset_import_dialog(self, path: str | None = None) -> None:
        from .dialogs.dataset_import_dialog import DatasetImportDialog

        DatasetImportDialog(self.hub, path, self.window).exec()

    def export_dialog(self) -> None:
        from .dialogs.export_dialog import ExportDialog

        ExportDialog(self.window).exec()

    def about(self) -> None:
        from .dialogs.about_dialog import AboutDialog

        AboutDialog(self.window).exec()

    def remove_document(self, doc_id: int) -> None:
        """Remove a document (the caller has asked the user) as an operation; the views
        refresh through store_changed when it ends."""
        from ..store import Store
        from .ops import StoreOp

        status = self.window.statusBar()
        if self.hub.read_only:
            status.showMessage(f"Read-only database: nothing can be removed ({self.hub.read_only}).", 8000)
            return
        op = StoreOp(Store.remove_document, doc_id, hub=self.hub, writes=True, own_store=True)
        op.succeeded.connect(lambda _r: status.showMessage("Document removed.", 6000))
        op.failed.connect(lambda message: QtWidgets.QMessageBox.warning(
            self.window, "Remove failed", f"The document was not removed: {message}"))
        status.showMessage(f"Removing document {doc_id}…")
        self.remove_op = op.start()

    def offer_import(self, paths: list[str]) -> None:
        names = "\n".join(Path(p).name for p in paths[:10])
        more = f"\n…and {len(paths) - 10} more" if len(paths) > 10 else ""
        answer = QtWidgets.QMessageBox.question(
            self.window, "Import dropped files", f"Import these into the database?\n\n{names}{more}")
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            self.import_dialog(paths)
