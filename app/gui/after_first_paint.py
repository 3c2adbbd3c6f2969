"""Run something from the event loop once, right after a widget is first painted."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


class AfterFirstPaint(QtCore.QObject):
    """Calls `callback` from the event loop once, right after `widget` is first painted."""

    def __init__(self, widget: QtWidgets.QWidget, callback):
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self.callback)
        return False


def preload_plots() -> None:
    """Import the plotting library (0.5-0.9 s) while the user looks at the first window,
    instead of when the first tab with a plot opens."""
    try:
        from .plots import (
            bars,  # noqa: F401
            timeline,  # noqa: F401
        )
    except ImportError:
        pass   # the tab that needs it reports the error when it opens
