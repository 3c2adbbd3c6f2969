"""Help ▸ About: version, what the data is and where it comes from."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from ... import APP_NAME, __version__


class AboutDialog(QtWidgets.QMessageBox):
    def __init__(self, main_window):
        super().__init__(main_window)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setTextFormat(QtCore.Qt.TextFormat.RichText)
        store = main_window.store
        try:
            documents = store.counts().get("sources", 0)
        except Exception:
            documents = "?"
        self.setText(f"<h3>{APP_NAME} {__version__}</h3>")
        self.setInformativeText(
            "<p>Browse the facts of diplomatic press releases — people and their posts, "
            "meetings and visits, trade and other figures, cultural and memorial items — "
            "each with the sentence it comes from.</p>"
            "<p><b>Data sources:</b> the press releases imported into this database "
            f"({documents} {'document' if documents == 1 else 'documents'}; the default database starts from the Russian Foreign "
            "Ministry press release shipped with the app). Facts are extracted by rules from "
            "the text; derived values are marked as such with their formula.</p>"
            f"<p><b>Database:</b> {store.path}</p>"
            "<p>Built with PySide6 (Qt), pyqtgraph and sqlite-utils. MIT licence.</p>"
        )
        self.setStandardButtons(QtWidgets.QMessageBox.StandardButton.Ok)
