"""A titled pyqtgraph plot with an export button and context-menu export (PNG/SVG)."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from . import theme
from .plot_files import ExportError, export_plot

pg.setConfigOptions(antialias=True)


class PlotPanel(QtWidgets.QWidget):
    """Header row (title, extra controls, export button) above a PlotWidget."""

    def __init__(self, title: str, parent=None, view_box: pg.ViewBox | None = None):
        super().__init__(parent)
        self.title = title
        self.plot_widget = pg.PlotWidget(viewBox=view_box) if view_box else pg.PlotWidget()
        self.plot_widget.setAccessibleName(f"{title} plot")
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot.hideButtons()
        self.plot.setMenuEnabled(True)
        self.plot.showGrid(x=False, y=True, alpha=0.2)
        self._drop_broken_exporter()

        self.title_label = QtWidgets.QLabel(f"<b>{title}</b>")
        self.header = QtWidgets.QHBoxLayout()
        self.header.setContentsMargins(4, 2, 4, 0)
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.export_button = QtWidgets.QToolButton()
        self.export_button.setText("Export…")
        self.export_button.setToolTip("Save this plot as PNG or SVG")
        self.export_button.setAccessibleName(f"Export {title} plot")
        self.export_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QtWidgets.QMenu(self.export_button)
        menu.addAction("Save as PNG…", lambda: self.save_dialog("png"))
        menu.addAction("Save as SVG…", lambda: self.save_dialog("svg"))
        self.export_button.setMenu(menu)
        self.header.addWidget(self.export_button)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(self.plot_widget, 1)

        vb_menu = self.plot.getViewBox().menu
        if vb_menu is not None:
            vb_menu.addSeparator()
            vb_menu.addAction("Save plot as PNG…", lambda: self.save_dialog("png"))
            vb_menu.addAction("Save plot as SVG…", lambda: self.save_dialog("svg"))
        self.restyle()

    def _drop_broken_exporter(self) -> None:
        # The scene's own "Export..." entry leads to pyqtgraph's SVG exporter, which fails on
        # this Qt version; our menu entries replace it.
        scene = self.plot_widget.scene()
        if hasattr(scene, "contextMenu"):
            scene.contextMenu = []

    def add_header_widget(self, widget: QtWidgets.QWidget) -> None:
        self.header.insertWidget(self.header.count() - 1, widget)

    def restyle(self) -> None:
        theme.style_plot(self.plot, self.plot_widget)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.PaletteChange:
            self.restyle()
            self.redraw()
        super().changeEvent(event)

    def redraw(self) -> None:
        """Subclasses redraw their items with the current palette."""

    def export(self, path: str | Path) -> Path:
        return export_plot(self.plot_widget, path, self.title)

    def save_dialog(self, fmt: str) -> None:
        default = str(Path.home() / f"{self.title.lower().replace(' ', '-')}.{fmt}")
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, f"Save {self.title} as {fmt.upper()}", default, f"{fmt.upper()} (*.{fmt})"
        )
        if not name:
            return
        if not name.lower().endswith(f".{fmt}"):
            name += f".{fmt}"
        try:
            written = self.export(name)
        except ExportError as exc:
            QtWidgets.QMessageBox.warning(self, "Export failed", str(exc))
            return
        window = self.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(f"Plot saved to {written}", 8000)
