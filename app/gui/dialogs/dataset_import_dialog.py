"""Import a dataset of releases (CSV/TSV, JSON Lines, Parquet): choose which column holds the
text, date, URL and title (prefilled with the guess from the columns' names) while looking at
the first rows, then import off the UI thread with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from .store_op_dialog import StoreOpDialog

FILE_FILTER = "Datasets (*.csv *.tsv *.jsonl *.ndjson *.parquet);;All files (*)"
NONE = "(none)"
ROLE_LABELS = {"text": "Text (required)", "date": "Publication date", "url": "URL",
               "title": "Title"}
PREVIEW_ROWS = 5
CELL_CHARS = 120  # a preview cell shows the start of a long text


def choose_dataset_path(parent=None) -> str:
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Import a Dataset of Releases",
                                                    str(Path.home()), FILE_FILTER)
    return name


class DatasetImportDialog(StoreOpDialog):
    finished_import = QtCore.Signal(object)

    cancelling_text = "Cancelling after the current row; rows already imported are kept…"

    def __init__(self, hub, path: str | None = None, parent=None):
        super().__init__(hub, parent)
        self.setWindowTitle("Import Dataset")
        self.setMinimumSize(760, 520)
        self.path: str | None = None
        self.result = None
        self.error: str | None = None

        self.file_label = QtWidgets.QLabel("No file chosen")
        self.file_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QtWidgets.QPushButton("Choose File…")
        choose.clicked.connect(self._choose)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)

        form = self._column_form()
        self.guess_note = QtWidgets.QLabel("")
        self.guess_note.setWordWrap(True)

        self.preview = QtWidgets.QTableWidget(0, 0)
        self.preview.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setAccessibleName("First rows of the dataset")
        self.preview.setWordWrap(False)

        self.status = QtWidgets.QLabel("Rows whose text is already stored are skipped, so an "
                                       "import can be run again to resume it.")
        self.status.setWordWrap(True)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setAccessibleName("Import progress")

        self.buttons = QtWidgets.QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.guess_note)
        layout.addWidget(QtWidgets.QLabel("<b>First rows</b>"))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        if path:
            self.load(path)

    def _column_form(self) -> QtWidgets.QFormLayout:
        """One combo per role (text, date, URL, title) naming the column that holds it."""
        form = QtWidgets.QFormLayout()
        self.combos: dict[str, QtWidgets.QComboBox] = {}
        for role, label in ROLE_LABELS.items():
            combo = QtWidgets.QComboBox()
            combo.setAccessibleName(f"{label} column")
            combo.currentIndexChanged.connect(self._update_buttons)
            self.combos[role] = combo
            form.addRow(f"{label}:", combo)
        return form

    # --- choosing the file and columns --------------------------------------------------------
    def _choose(self) -> None:
        name = choose_dataset_path(self)
        if name:
            self.load(name)

    def load(self, path: str) -> bool:
        """Read the columns and first rows of a dataset; False (and a message) if it cannot
        be read."""
        from ...store import StoreError, guess_columns, preview

        try:
            columns, rows = preview(path, PREVIEW_ROWS)
        except StoreError as exc:
            self.path = None
            self.status.setText(str(exc))
            self._fill([], [])
            self._update_buttons()
            return False
        self.path = str(path)
        self.file_label.setText(str(path))
        self.file_label.setToolTip(str(path))
        self._fill(columns, rows)
        guess = guess_columns(columns)
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NONE)
            combo.addItems(columns)
            if guess.get(role):
                combo.setCurrentText(guess[role])
            combo.blockSignals(False)
        found = [f"{role} = {col}" for role, col in guess.items() if col]
        self.guess_note.setText(("Guessed from the column names: " + ", ".join(found) + ". "
                                 if found else "No column has a usual name; choose them. ")
                                + "Check them against the first rows below.")
        self.status.setText(f"{len(columns)} columns. The date column gives each release's "
                            "publication date.")
        self._update_buttons()
        return True

    def _fill(self, columns: list[str], rows: list[dict]) -> None:
        self.preview.clear()
        self.preview.setColumnCount(len(columns))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(columns)
        for r, row in enumerate(rows):
            for c, name in enumerate(columns):
                value = row.get(name)
                text = "" if value is None else " ".join(str(value).split())
                item = QtWidgets.QTableWidgetItem(
                    text if len(text) <= CELL_CHARS else text[:CELL_CHARS] + "…")
                item.setToolTip(text[:2000])
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c in range(len(columns)):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 320))

    def columns(self) -> dict:
        return {role: (None if combo.currentText() in ("", NONE) else combo.currentText())
                for role, combo in self.combos.items()}

    def _update_buttons(self) -> None:
        running = self.is_running()
        self.import_button.setEnabled(bool(self.path) and bool(self.columns()["text"])
                                      and not running and self.result is None)

    # --- importing ----------------------------------------------------------------------------
    def start(self) -> None:
        from ...store import Store

        if not self.path or not self.columns()["text"]:
            return
        for combo in self.combos.values():
            combo.setEnabled(False)
        self.import_button.setEnabled(False)
        self.status.setText("Importing…")
        self.run_op(Store.import_dataset, self.path, self.columns(), bar=self.progress, label=self.status)

    def status_label(self) -> QtWidgets.QLabel:
        return self.status

    def _done(self, result) -> None:
        self.result = result
        head = ("Import cancelled; the rows imported are kept (import again to resume)."
                if result.cancelled else f"Import finished in {result.seconds:.0f} s.")
        lines = [head, result.summary() + "."]
        if result.errors:
            lines.append("First problem: " + result.errors[0])
        self.status.setText("\n".join(lines))
        if not result.cancelled:
            self.progress.setValue(self.progress.maximum())
        self._finish()
        self.finished_import.emit(result)

    def _failed(self, message: str) -> None:
        self.error = message
        self.status.setText(f"Import failed: {message}\nRows imported before it are kept.")
        self._finish()
        self.finished_import.emit(None)

    def _finish(self) -> None:
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)

