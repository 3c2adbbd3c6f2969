"""The status bar's permanent labels: read-only flag, time window, row counts, database."""

from __future__ import annotations

from PySide6 import QtWidgets

SHOWN_COUNTS = [("people", "person", "people"), ("meetings", "meeting", "meetings"),
                ("trade", "trade figure", "trade figures"),
                ("culture", "cultural item", "cultural items"), ("sources", "document", "documents")]


class StatusLine:
    def __init__(self, status: QtWidgets.QStatusBar):
        self.status = status
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
        self.counts_text = ""
        self.counted = False
        self.window: tuple = (None, None)
        self.undated_shown = False

    def show_database(self, store, recount: bool = True) -> None:
        self.db_label.setText(f"Database: {store.path}")
        self.db_label.setToolTip(str(store.path))
        self.show_window(self.window, self.undated_shown)
        if not recount and self.counted:
            return
        self.counted = True
        try:
            counts = store.counts()
        except Exception as exc:
            counts = {}
            self.status.showMessage(f"Cannot count rows: {exc}", 5000)
        self.counts_text = " · ".join(
            f"{counts.get(k, 0):,} {one if counts.get(k, 0) == 1 else many}"
            for k, one, many in SHOWN_COUNTS)
        self._show_counts()

    def _show_counts(self) -> None:
        # the whole database's rows: said so while a window is set, as the tabs count within it
        windowed = any(self.window)
        self.counts_label.setText(f"in the whole database: {self.counts_text}" if windowed
                                  else self.counts_text)
        self.counts_label.setToolTip("Rows in the whole database; each tab counts the rows in "
                                     "the time window" if windowed else "")

    def show_window(self, window: tuple, undated_shown: bool) -> None:
        self.window, self.undated_shown = window, undated_shown
        self._show_counts()
        date_from, date_to = window
        if date_from or date_to:
            undated = "undated shown" if undated_shown else "undated hidden"
            self.window_label.setText(f"<b>Time window: {date_from or '…'} – {date_to or '…'}</b>"
                                      f" ({undated})")
            self.window_label.show()
        else:
            self.window_label.setText("All dates")

    def show_read_only(self, reason: str | None) -> None:
        damaged = bool(reason) and reason.startswith("damaged")
        self.read_only_label.setText("<b>Read-only: damaged</b>" if damaged else "<b>Read-only</b>")
        self.read_only_label.setToolTip(
            f"Nothing can be imported or removed: {reason}."
            + (" Run factbrowser recover -o NEW.db to rebuild what can be read." if damaged else "")
            if reason else "")
        self.read_only_label.setVisible(bool(reason))
        if reason:
            self.status.showMessage(f"Opened read-only: {reason}", 15000)
