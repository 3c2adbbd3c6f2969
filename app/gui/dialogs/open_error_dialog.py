"""A database that cannot be opened: say why, offer another file or the default database.

The user's file is never written to: a broken default database is moved aside (renamed, not
deleted) before a fresh default is built.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6 import QtWidgets

OPEN_ANOTHER = "open"
REBUILD = "rebuild"
QUIT = "quit"


def _reason(error: Exception) -> str:
    from ...store import MissingDatabase, NewerSchema, NotADatabase

    if isinstance(error, MissingDatabase):
        return "The file does not exist."
    if isinstance(error, NewerSchema):
        return "It was written by a newer version of Fact Browser; this version cannot read it safely."
    if isinstance(error, NotADatabase):
        return "It is not a Fact Browser database (not SQLite, or damaged)."
    return "It could not be opened."


class OpenErrorDialog(QtWidgets.QMessageBox):
    def __init__(self, path, error: Exception, parent=None):
        super().__init__(parent)
        self.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        self.setWindowTitle("Cannot open database")
        self.setText(f"Cannot open the database\n{path}")
        self.setInformativeText(f"{_reason(error)}\n\n{error}\n\nThe file has not been changed.")
        self.open_button = self.addButton("Open Another…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        self.rebuild_button = self.addButton("Rebuild Default", QtWidgets.QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton("Cancel", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.quit_button)
        self.choice = QUIT

    def exec(self) -> int:
        result = super().exec()
        clicked = self.clickedButton()
        self.choice = (OPEN_ANOTHER if clicked is self.open_button
                       else REBUILD if clicked is self.rebuild_button else QUIT)
        return result


def ask_database_file(parent=None) -> str | None:
    name, _ = QtWidgets.QFileDialog.getOpenFileName(
        parent, "Open Database", str(Path.home()), "Fact Browser database (*.db *.sqlite *.sqlite3);;All files (*)")
    return name or None


def rebuild_default(failed_path) -> Path:
    """Build (or reuse) the default database; a broken default is renamed aside first."""
    from ...store import default_db_path, ensure_default_db

    default = default_db_path()
    if failed_path is not None and Path(failed_path).resolve() == default.resolve() and default.exists():
        aside = default.with_name(f"{default.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        default.rename(aside)
    return ensure_default_db(default)


def upgrade(path, parent=None) -> Path | None:
    """Bring an older database up to date as an operation under a progress dialog with
    Cancel (never inside open, on the UI thread). The path to open, or None (and a message)
    when it was cancelled or failed: the file is then as it was."""
    from ..ops import StoreOp, run_modal

    try:
        from ...store import upgrade_database
    except ImportError:   # a store without the upgrade: say so rather than crash
        QtWidgets.QMessageBox.critical(parent, "Cannot upgrade", "This version of Fact Browser "
                                       "cannot upgrade databases; the file has not been changed.")
        return None
    op = StoreOp(upgrade_database, path=path, progress=True, cancel=True)
    run_modal(op, "Upgrading database", f"Reading the documents of {Path(path).name} again with "
              "this version of Fact Browser…", parent)
    if op.cancelled:
        QtWidgets.QMessageBox.information(
            parent, "Upgrade cancelled", f"{path} was not upgraded and has not been changed; "
            "open it again to upgrade it.")
        return None
    if op.error is not None:
        QtWidgets.QMessageBox.critical(parent, "Upgrade failed", f"{path} could not be upgraded: "
                                       f"{op.error}\nThe file has not been changed.")
        return None
    return Path(op.result or path)


def _rebuild_default(path, parent=None) -> Path | None:
    from ..ops import StoreOp, run_modal

    op = run_modal(StoreOp(rebuild_default, path=path), "Default database",
                   "Building the default database…", parent, cancellable=False)
    if op.error is not None:
        QtWidgets.QMessageBox.critical(parent, "Rebuild failed", op.error)
        return None
    return op.result


def open_with_recovery(path, parent=None, dialog_factory=OpenErrorDialog):
    """Open `path`; on failure loop through the dialog. Returns a Store, or None if cancelled."""
    from ...store import NeedsUpgrade, Store, StoreError

    upgraded: set[str] = set()
    while True:
        try:
            # the window checks the file for damage on a thread once it shows
            return Store.open(path, check=False)
        except StoreError as error:
            if isinstance(error, NeedsUpgrade) and str(path) not in upgraded:
                path = upgrade(path, parent)
                if path is None:
                    return None
                upgraded.add(str(path))   # still too old once upgraded: the dialog says so
                continue
            dialog = dialog_factory(path, error, parent)
            dialog.exec()
            if dialog.choice == OPEN_ANOTHER:
                path = ask_database_file(parent)
                if path is None:
                    return None
            elif dialog.choice == REBUILD:
                path = _rebuild_default(path, parent)
                if path is None:
                    return None
            else:
                return None


def choose_and_open(parent=None):
    path = ask_database_file(parent)
    if path is None:
        return None
    return open_with_recovery(path, parent)
