"""File ▸ Export Tables…: chosen tables, format, scope and folder; runs off the UI thread."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from ...store import Store
from ..ops import StoreOp, bind_progress

TABLE_LABELS = {"people": "People", "meetings": "Meetings", "trade": "Trade figures",
                "figures": "All figures", "culture": "Culture", "sources": "Sources (documents)"}
FORMATS = [("csv", "CSV"), ("json", "JSON"), ("xlsx", "Excel (XLSX)")]
SCOPES = [("all", "All rows"), ("shown", "Rows shown under the current filters"),
          ("selected", "Selected rows")]


class ExportDialog(QtWidgets.QDialog):
    exported = QtCore.Signal(object)    # ExportResult
    finished_run = QtCore.Signal()      # after success or failure

    def __init__(self, main_window):
        super().__init__(main_window)
        self.main = main_window
        self.setWindowTitle("Export Tables")
        self.setMinimumWidth(520)
        self.result_value = None
        self.error: str | None = None
        self.op: StoreOp | None = None

        tables_box = self._tables_box()
        scope_box = self._scope_box()
        form = self._target_form()

        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QtWidgets.QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QtWidgets.QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(tables_box)
        layout.addWidget(scope_box)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _target_form(self) -> QtWidgets.QFormLayout:
        """Format, folder and name, and the path they make."""
        self.format_combo = QtWidgets.QComboBox()
        self.format_combo.setAccessibleName("Export format")
        for key, label in FORMATS:
            self.format_combo.addItem(label, key)
        self.dest_edit = QtWidgets.QLineEdit(str(self._default_dest()))
        self.dest_edit.setAccessibleName("Destination folder")
        browse = QtWidgets.QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        dest_row = QtWidgets.QHBoxLayout()
        dest_row.addWidget(self.dest_edit, 1)
        dest_row.addWidget(browse)

        self.name_edit = QtWidgets.QLineEdit(f"factbrowser-export-{time.strftime('%Y%m%d-%H%M%S')}")
        self.name_edit.setAccessibleName("Export name")
        self.target_label = QtWidgets.QLabel()
        self.target_label.setWordWrap(True)
        self.target_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        for signal in (self.dest_edit.textChanged, self.name_edit.textChanged,
                       self.format_combo.currentIndexChanged):
            signal.connect(self._update_target)

        form = QtWidgets.QFormLayout()
        form.addRow("Format:", self.format_combo)
        form.addRow("Into folder:", dest_row)
        form.addRow("Name:", self.name_edit)
        form.addRow("Will write:", self.target_label)
        self._update_target()
        return form

    def _tables_box(self) -> QtWidgets.QGroupBox:
        """A check box per table; the current tab's is checked."""
        box = QtWidgets.QGroupBox("Tables")
        grid = QtWidgets.QGridLayout(box)
        self.table_checks: dict[str, QtWidgets.QCheckBox] = {}
        current = self.main.current_tab().table if self.main.current_tab() else "people"
        for i, table in enumerate(self._tables()):
            check = QtWidgets.QCheckBox(TABLE_LABELS.get(table, table.capitalize()))
            check.setChecked(table == current)
            self.table_checks[table] = check
            grid.addWidget(check, i // 2, i % 2)
        return box

    def _scope_box(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox("Rows")
        scope_layout = QtWidgets.QVBoxLayout(box)
        self.scope_buttons: dict[str, QtWidgets.QRadioButton] = {}
        for key, label in SCOPES:
            button = QtWidgets.QRadioButton(label)
            self.scope_buttons[key] = button
            scope_layout.addWidget(button)
        self.scope_buttons["all"].setChecked(True)
        return box

    def _tables(self) -> list[str]:
        tables = getattr(self.main.store, "TABLES", None) or tuple(TABLE_LABELS)
        return list(tables)

    def _default_dest(self) -> Path:
        saved = self.main.settings.value("exportDir")
        if saved:
            return Path(saved)
        docs = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs or Path.home()) / "Fact Browser export"

    def _browse(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(self, "Export to folder", self.dest_edit.text())
        if folder:
            self.dest_edit.setText(folder)

    def target(self) -> Path:
        """CSV writes a folder of files, JSON and XLSX one file; always a new name inside the
        chosen folder, so an export never replaces the folder the user picked."""
        name = self.name_edit.text().strip() or "factbrowser-export"
        name = "".join(ch if ch not in '/\\:*?"<>|' else "-" for ch in name)
        fmt = self.format_combo.currentData()
        base = Path(self.dest_edit.text().strip() or ".").expanduser()
        return base / (name if fmt == "csv" else f"{name}.{fmt}")

    def _update_target(self, *_args) -> None:
        fmt = self.format_combo.currentData()
        kind = "folder of CSV files" if fmt == "csv" else f"{fmt.upper()} file"
        self.target_label.setText(f"{self.target()}  ({kind})")

    # --- choices ------------------------------------------------------------------------
    def chosen_tables(self) -> list[str]:
        return [t for t, c in self.table_checks.items() if c.isChecked()]

    def scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def _tab_for(self, table: str):
        name = "trade" if table in ("trade", "figures") else table
        return self.main.tab_by_name.get(name)

    def filters_for(self, table: str):
        tab = self._tab_for(table)
        if tab is None:
            return self.main.window_filters()
        if table in ("trade", "figures") and tab.table != table:
            return self.main.window_filters()
        return tab.current_filters()

    def ids_for(self, table: str) -> list[int]:
        tab = self._tab_for(table)
        if tab is None or tab.table != table:
            return []
        return tab.selected_ids()

    # --- running ------------------------------------------------------------------------
    def start(self) -> None:
        tables = self.chosen_tables()
        if not tables:
            self.status.setText("Choose at least one table.")
            return
        dest = self.target()
        if dest.exists():
            self.status.setText(f"{dest} already exists; choose another name.")
            return
        fmt = self.format_combo.currentData()
        scope = self.scope()
        kwargs = {}
        if scope == "shown":
            kwargs["filters"] = {t: self.filters_for(t) for t in tables}
        elif scope == "selected":
            ids = {t: self.ids_for(t) for t in tables}
            if not any(ids.values()):
                self.status.setText("No rows are selected in the chosen tables.")
                return
            kwargs["ids"] = ids
        self.export_button.setEnabled(False)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.status.setText(f"Exporting {len(tables)} table(s)…")
        self.op = StoreOp(Store.export, tables, fmt, str(dest), hub=self.main.hub,
                          progress=True, own_store=True, parent=self, **kwargs)
        bind_progress(self.op, self.progress, self.status, keep_label_when_silent=True)
        self.op.succeeded.connect(self._done)
        self.op.failed.connect(self._failed)
        self.main.settings.setValue("exportDir", str(dest.parent))
        self.op.start()

    def _done(self, result) -> None:
        self.result_value = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        paths = [str(p) for p in getattr(result, "paths", [])]
        counts = getattr(result, "counts", {}) or {}
        lines = [f"{t}: {n:,} rows" for t, n in counts.items()]
        self.status.setText("Written:\n" + "\n".join(paths) + ("\n\n" + ", ".join(lines) if lines else ""))
        self.export_button.setEnabled(True)
        self.main.statusBar().showMessage(f"Exported to {paths[0] if len(paths) == 1 else Path(paths[0]).parent if paths else ''}", 10000)
        self.exported.emit(result)
        self.finished_run.emit()

    def _failed(self, message: str) -> None:
        self.error = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(f"<b>Export failed:</b> {message}<br>Nothing half-written was left behind.")
        self.export_button.setEnabled(True)
        self.finished_run.emit()

    def is_running(self) -> bool:
        return self.op is not None and not self.op.over

    def reject(self) -> None:
        if self.op is not None:
            self.op.wait(10000)
        super().reject()
