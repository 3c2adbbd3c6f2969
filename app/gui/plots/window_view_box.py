"""The timeline's view box, where Shift+drag sweeps out a time window."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore


class WindowViewBox(pg.ViewBox):
    """A ViewBox where Shift+drag sweeps out a time window instead of panning."""

    swept = QtCore.Signal(float, float, bool)

    def mouseDragEvent(self, ev, axis=None):
        if (ev.button() == QtCore.Qt.MouseButton.LeftButton
                and ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier):
            ev.accept()
            x0 = self.mapSceneToView(ev.buttonDownScenePos()).x()
            x1 = self.mapSceneToView(ev.scenePos()).x()
            self.swept.emit(min(x0, x1), max(x0, x1), ev.isFinish())
            return
        super().mouseDragEvent(ev, axis)
