"""Entry point for the window: `factbrowser` with no subcommand calls run()."""

from __future__ import annotations

import sys

from PySide6 import QtWidgets

from .. import APP_ID, APP_NAME, __version__


def make_app(argv: list[str] | None = None) -> QtWidgets.QApplication:
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("FactBrowser")
    app.setOrganizationDomain(APP_ID)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    _set_icon(app)
    return app


def _set_icon(app: QtWidgets.QApplication) -> None:
    from PySide6 import QtGui

    from ..resources import icons_dir

    icon = QtGui.QIcon()
    for path in sorted(icons_dir().glob("factbrowser-*.png")):
        icon.addFile(str(path))   # bitmaps: no SVG renderer needed at start-up
    if icon.isNull() and (icons_dir() / "factbrowser.svg").exists():
        icon = QtGui.QIcon(str(icons_dir() / "factbrowser.svg"))
    if not icon.isNull():
        app.setWindowIcon(icon)


def open_store(db_path: str | None, parent=None):
    """The Store to show, via the recovery dialog when the file cannot be opened."""
    from .dialogs.open_error_dialog import open_with_recovery

    if db_path is None:
        from ..store import StoreError, ensure_default_db

        try:
            db_path = ensure_default_db()
        except StoreError:
            from ..store import default_db_path

            db_path = default_db_path()   # the recovery dialog below says what is wrong
        except OSError as exc:
            QtWidgets.QMessageBox.critical(parent, "Default database", f"Cannot create the default database: {exc}")
            return None
    return open_with_recovery(db_path, parent)


def run(db_path: str | None = None) -> int:
    app = make_app()
    store = open_store(db_path)
    if store is None:
        return 1
    from .main_window import MainWindow

    window = MainWindow(store)
    window.show()
    window.load_after_first_paint()
    code = app.exec()
    store.close()
    return code
