"""Plot colours that follow the application palette (light or dark)."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

# Colour-blind-safe qualitative set (Okabe-Ito, with wine for its yellow, which vanishes on white).
SERIES = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#882255", "#999999"]

# Fact-type colours shared by the Sources tab highlights and its legend.
FACT_COLOURS = {
    "person": "#56B4E9",
    "organization": "#CC79A7",
    "place": "#009E73",
    "event": "#E69F00",
    "quantity": "#D55E00",
    "culture": "#F0E442",
}


def palette() -> QtGui.QPalette:
    app = QtWidgets.QApplication.instance()
    return app.palette() if app is not None else QtGui.QPalette()


def background() -> QtGui.QColor:
    return palette().color(QtGui.QPalette.ColorRole.Base)


def foreground() -> QtGui.QColor:
    return palette().color(QtGui.QPalette.ColorRole.Text)


def highlight() -> QtGui.QColor:
    return palette().color(QtGui.QPalette.ColorRole.Highlight)


def series(i: int) -> str:
    return SERIES[i % len(SERIES)]


def style_plot(plot, widget=None) -> None:
    """Apply the current palette to a plot's background, axes and labels."""
    import pyqtgraph as pg

    fg = foreground()
    if widget is not None:
        widget.setBackground(background())
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        if axis is None:
            continue
        axis.setPen(pg.mkPen(fg))
        axis.setTextPen(pg.mkPen(fg))
    title = plot.titleLabel
    if title is not None:
        title.setAttr("color", fg.name())
        if title.text:
            title.setText(title.text)
