"""A text label at a point of a plot that keeps its size in pixels, as pyqtgraph's TextItem
draws it (the same Qt text item, font and margins, anchored the same way), but kept upright
and unscaled by Qt itself (ItemIgnoresTransformations): TextItem works out its transform in
Python for every label at every paint and every change of range, which for the 140 targets
a pair can have at 50,000 releases cost about 300 ms of CPU to open the Trade tab."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets


class Label(QtWidgets.QGraphicsTextItem):
    def __init__(self):
        super().__init__()
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)

    def show_at(self, text: str, colour, x: float, y: float, anchor: tuple[float, float]) -> None:
        """`anchor`: the point of the label's box at (x, y), (0, 0) its top left corner and
        (1, 1) its bottom right, as TextItem's."""
        if text != self.toPlainText():
            self.setPlainText(text)
        self.setDefaultTextColor(pg.mkColor(colour))
        box = self.boundingRect()
        self.setTransform(QtGui.QTransform.fromTranslate(-box.width() * anchor[0],
                                                         -box.height() * anchor[1]))
        self.setPos(x, y)
        self.show()
