"""Import press releases off the UI thread: progress, Cancel, and a per-file summary."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from app.gui import worker as workers

STATUS_TEXT = {"added": "Added", "present": "Already present", "failed": "Failed"}


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


class ImportDialog(QtWidgets.QDialog):
    finished_import = QtCore.Signal(list)

    def __init__(self, db_path, paths: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Import Press Releases")
        self.setMinimumSize(640, 380)
        self.db_path = str(db_path)
        self.paths = [str(p) for p in paths]
        self.results: list = []
        self.error: str | None = None
        self._thread = None

        self.label = QtWidgets.QLabel(f"Importing {len(self.paths)} item(s)…")
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName("Import progress")
        self.summary = QtWidgets.QTableWidget(0, 3)
        self.summary.setHorizontalHeaderLabels(["File", "Result", "Details"])
        self.summary.horizontalHeader().setStretchLastSection(True)
        self.summary.verticalHeader().hide()
        self.summary.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary.setAccessibleName("Import summary")
        self.totals = QtWidgets.QLabel("")
        self.buttons = QtWidgets.QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        from app.store.ingest import ingest_paths

        self.worker = workers.Worker(ingest_paths, self.db_path, self.paths)
        self.worker.kwargs["progress"] = self.worker.report
        self.worker.kwargs["cancel"] = self.worker.is_cancelled
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self._thread = workers.start(self.worker, self)

    def cancel(self) -> None:
        if self.is_running():
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText("Cancelling… (the document being read is left out)")
        else:
            self.reject()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.label.setText(message or f"{done} of {total}")

    def _done(self, results) -> None:
        self.results = list(results or [])
        self.summary.setRowCount(len(self.results))
        counts = {"added": 0, "present": 0, "failed": 0}
        for i, r in enumerate(self.results):
            status = getattr(r, "status", "failed")
            counts[status] = counts.get(status, 0) + 1
            details = getattr(r, "message", "") or ""
            prefix = f"{r.path}: "
            if details.startswith(prefix):   # the file is named in the first column already
                details = details[len(prefix):]
            if (getattr(r, "encoding", None) and r.encoding.lower() not in details.lower()
                    and r.encoding.lower().replace("-", "") not in ("utf8", "ascii")):
                details = f"{details} (encoding {r.encoding})".strip()
            for col, text in enumerate([Path(str(r.path)).name, STATUS_TEXT.get(status, status), details]):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(str(r.path) if col == 0 else text)
                self.summary.setItem(i, col, item)
        self.summary.resizeColumnsToContents()
        cancelled = self.worker.cancelled
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.label.setText("Import cancelled; documents already imported are kept." if cancelled else "Import finished.")
        self.totals.setText(f"{counts['added']} added · {counts['present']} already present · {counts['failed']} failed")
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
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

    def reject(self) -> None:
        if self.is_running():
            self.cancel()
            return
        super().reject()
