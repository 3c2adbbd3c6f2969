"""The bars of a BarPlot: a click or hover on bar i reaches the plot as its index."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore


class ClickableBars(pg.BarGraphItem):
    def __init__(self, owner, **opts):
        super().__init__(**opts)
        self.owner = owner
        self.setAcceptHoverEvents(True)

    def _index_at(self, pos: QtCore.QPointF) -> int | None:
        coord = pos.y() if self.owner.horizontal else pos.x()
        i = int(round(coord))
        if 0 <= i < len(self.owner.bars) and abs(coord - i) <= 0.4:
            return i
        return None

    def mouseClickEvent(self, ev):
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        i = self._index_at(ev.pos())
        if i is not None:
            ev.accept()
            self.owner.barClicked.emit(i)

    def hoverEvent(self, ev):
        if ev.isExit():
            self.setToolTip("")
            return
        i = self._index_at(ev.pos())
        if i is not None:
            bar = self.owner.bars[i]
            self.setToolTip(bar.tip or f"{bar.label}: {bar.value:g}")
