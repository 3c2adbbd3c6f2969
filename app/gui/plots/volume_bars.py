"""The bars of a VolumePlot: a click selects the first row a bar stands for, a hover shows
its tip."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore


class VolumeBars(pg.BarGraphItem):
    def __init__(self, owner, **opts):
        super().__init__(**opts)
        self.owner = owner
        self.setAcceptHoverEvents(True)

    def _index_at(self, pos: QtCore.QPointF) -> int | None:
        for i, (x0, x1, bar) in enumerate(self.owner._drawn):
            if x0 <= pos.x() <= x1 and 0 <= pos.y() <= max(bar.value, 0) * 1.02 + 1e-9:
                return i
        return None

    def mouseClickEvent(self, ev):
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            i = self._index_at(ev.pos())
            if i is not None and self.owner._drawn[i][2].ids:
                ev.accept()
                self.owner.idClicked.emit(self.owner._drawn[i][2].ids[0])

    def hoverEvent(self, ev):
        if ev.isExit():
            self.setToolTip("")
            return
        i = self._index_at(ev.pos())
        self.setToolTip(self.owner._drawn[i][2].tip if i is not None else "")
