"""Import press releases off the UI thread: progress, Cancel, and a per-file summary."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from .. import worker as workers
from .date_table import DateTable, missing_colour
from .store_op_dialog import StoreOpDialog

STATUS_TEXT = {"added": "Added", "present": "Already present", "failed": "Failed"}


def gui_warning(text: str) -> str:
    """A warning as the app says it: the command line's option is not where the user is."""
    return text.replace("(give one with --date)", "(give one with Set Publication Date…)")


def choose_import_paths(parent=None) -> list[str]:
    box = QtWidgets.QMessageBox(parent)
    box.setWindowTitle("Import Press Releases")
    box.setText("Import single files or a whole folder of releases (text or saved web pages)?")
    files = box.addButton("Files…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton("Folder…", QtWidgets.QMessageBox.ButtonRole.ActionRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is files:
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(
            parent, "Import Press Releases", str(Path.home()),
            "Press releases (*.txt *.html *.htm);;All files (*)")
        return names
    if box.clickedButton() is folder:
        name = QtWidgets.QFileDialog.getExistingDirectory(parent, "Import a folder of releases", str(Path.home()))
        return [name] if name else []
    return []


class ImportDialog(StoreOpDialog):
    """First the files with the publication date found in each (editable), then, once
    Import is pressed, the import itself with progress and a per-file summary."""

    finished_import = QtCore.Signal(list)
    PREVIEW_CHUNK = 40   # files whose dates are read per background step (rows fill as they come)
    cancelling_text = "Cancelling… (the document being read is left out)"

    def __init__(self, hub, paths: list[str], parent=None):
        from ...store import files_to_import

        super().__init__(hub, parent)
        self.setWindowTitle("Import Press Releases")
        self.setMinimumSize(760, 420)
        self.paths = files_to_import(paths)
        self.results: list = []
        self.error: str | None = None
        self._preview_thread = None
        self._preview_from = 0
        self._stopped = False
        self.started = False

        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._running_page())
        self.buttons = QtWidgets.QDialogButtonBox()
        self.buttons.addButton(self.import_button, QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._read_dates()

    def _review_page(self) -> QtWidgets.QWidget:
        """The files with their publication dates, before Import is pressed."""
        self.dates = DateTable(self.paths)
        self.dates.datesChanged.connect(self._update_prompt)
        self.prompt = QtWidgets.QLabel(
            f"{len(self.paths)} file(s) to import. Each release's publication date dates its "
            "“today”, “on Tuesday” and the reports that give no date of their own: check it, "
            "and double-click a date to give or correct it.")
        self.prompt.setWordWrap(True)
        self.import_button = QtWidgets.QPushButton("Import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start)
        review = QtWidgets.QWidget()
        review_layout = QtWidgets.QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.prompt)
        review_layout.addWidget(self.dates, 1)
        return review

    def _running_page(self) -> QtWidgets.QWidget:
        """Progress, then a row per file."""
        self.label = QtWidgets.QLabel(f"Importing {len(self.paths)} item(s)…")
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Import progress")
        self.summary = QtWidgets.QTableWidget(0, 4)
        self.summary.setHorizontalHeaderLabels(["File", "Result", "Details", "Notes"])
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.summary.verticalHeader().hide()
        self.summary.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setAccessibleName("Import summary")
        self.totals = QtWidgets.QLabel("")
        self.totals.setWordWrap(True)
        running = QtWidgets.QWidget()
        running_layout = QtWidgets.QVBoxLayout(running)
        running_layout.setContentsMargins(0, 0, 0, 0)
        running_layout.addWidget(self.label)
        running_layout.addWidget(self.progress)
        running_layout.addWidget(self.summary, 1)
        running_layout.addWidget(self.totals)
        return running

    # --- the dates the files give --------------------------------------------------------
    def _read_dates(self) -> None:
        """Read the next files' dates off the UI thread; rows fill in as each step ends."""
        from ...store import preview_files

        start = self._preview_from
        chunk = self.paths[start:start + self.PREVIEW_CHUNK]
        if not chunk or self.started or self._stopped:   # the table is no longer shown
            self._update_prompt()
            return
        self.preview_worker = workers.Worker(preview_files, chunk)
        self.preview_worker.kwargs["cancel"] = self.preview_worker.is_cancelled
        # bound methods, not lambdas: Qt then runs them on this dialog's (UI) thread
        self.preview_worker.done.connect(self._dates_read)
        self.preview_worker.failed.connect(self._dates_failed)
        self._preview_thread = workers.start(self.preview_worker, self)

    def _dates_read(self, found) -> None:
        start = self._preview_from
        for i, preview in enumerate(found or []):
            self.dates.fill(start + i, preview)
        self._preview_from = start + self.PREVIEW_CHUNK
        self._read_dates()

    def _dates_failed(self, message: str) -> None:
        self.prompt.setText(f"Could not read the files' dates ({message}); the import reads "
                            "them itself, and the dates you give still count.")

    def dates_ready(self) -> bool:
        """Every file's own date has been read (or reading was stopped)."""
        return self._preview_from >= len(self.paths) and not self.is_previewing()

    def is_previewing(self) -> bool:
        return self._preview_thread is not None and self._preview_thread.isRunning()

    def _update_prompt(self) -> None:
        if self._preview_from < len(self.paths) or self._stopped:
            return
        missing = len(self.dates.undated_rows())
        base = f"{len(self.paths)} file(s) to import."
        if missing:
            self.prompt.setText(
                f"{base} <b>{missing} without a publication date</b> (highlighted): give one so "
                "that “today”, “on Tuesday” and reports without a date of their own can be dated "
                "(double-click the date). Without one they are imported undated.")
        else:
            self.prompt.setText(f"{base} Every release has a publication date; double-click a "
                                "date to correct it.")

    def given_dates(self) -> dict[str, str]:
        """file path -> the publication date a person gave it in the table."""
        return self.dates.given_dates()

    # --- the import ----------------------------------------------------------------------
    def start(self) -> None:
        from ...store import Store

        if self.started:
            return
        self.started = True
        self.pages.setCurrentIndex(1)
        self.import_button.hide()
        self.run_op(Store.ingest, self.paths, dates=self.given_dates(),
                    bar=self.progress, label=self.label)

    def status_label(self) -> QtWidgets.QLabel:
        return self.label

    def _done(self, results) -> None:
        self.results = list(results or [])
        self.summary.setRowCount(len(self.results))
        counts = {"added": 0, "present": 0, "failed": 0}
        undated = no_facts = 0
        for i, r in enumerate(self.results):
            status = getattr(r, "status", "failed")
            counts[status] = counts.get(status, 0) + 1
            warnings = [gui_warning(w) for w in getattr(r, "warnings", None) or []]
            undated += any(w.startswith("no publication date") for w in warnings)
            no_facts += any(w.startswith("no facts found") for w in warnings)
            details = getattr(r, "message", "") or ""
            prefix = f"{r.path}: "
            if details.startswith(prefix):   # the file is named in the first column already
                details = details[len(prefix):]
            for w in getattr(r, "warnings", None) or []:  # the notes have their own column
                details = details.replace(f"; {w}", "")
            if (getattr(r, "encoding", None) and r.encoding.lower() not in details.lower()
                    and r.encoding.lower().replace("-", "") not in ("utf8", "ascii")):
                details = f"{details} (encoding {r.encoding})".strip()
            cells = [Path(str(r.path)).name, STATUS_TEXT.get(status, status), details,
                     "; ".join(warnings)]
            for col, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(str(r.path) if col == 0 else text)
                if warnings:
                    item.setBackground(missing_colour())
                self.summary.setItem(i, col, item)
        self.summary.resizeColumnsToContents()
        cancelled = self.op.cancelled
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.label.setText("Import cancelled; documents already imported are kept." if cancelled else "Import finished.")
        totals = f"{counts['added']} added · {counts['present']} already present · {counts['failed']} failed"
        if undated:
            totals += f" · {undated} without a publication date (Sources: Set Publication Date…)"
        if no_facts:
            totals += f" · {no_facts} with no facts found"
        self.totals.setText(totals)
        self._finish()
        self.finished_import.emit(self.results)

    def _failed(self, message: str) -> None:
        self.error = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.label.setText(f"Import failed: {message}\nThe database is unchanged for documents not completed.")
        self._finish()
        self.finished_import.emit([])

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def done(self, result: int) -> None:
        self.stop_reading_dates()
        super().done(result)

    def closeEvent(self, event) -> None:
        self.stop_reading_dates()
        super().closeEvent(event)

    def stop_reading_dates(self) -> None:
        """The thread reading the dates belongs to this dialog: it ends before the dialog."""
        self._stopped = True
        if self.is_previewing():
            self.preview_worker.cancel()
            self._preview_thread.wait(10000)
