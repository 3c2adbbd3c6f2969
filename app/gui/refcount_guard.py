"""Keep None/True/False alive under PySide6 6.12 on Python 3.11.

Shiboken 6.12 drops one reference to the returned object each time Qt calls a Python
override of a virtual function that returns None or a bool (paintEvent, itemChange,
QGraphicsItem.paint, ...). pyqtgraph overrides many of these, so every repaint takes ~150
references from None and a few from True. From Python 3.12 these singletons are immortal and
the stray decrements are harmless; on 3.11 the count reaches zero after a few hundred plot
redraws and the interpreter aborts ("none_dealloc: deallocating None").

The guard gives those references back: a timer tops the singletons' reference counts up
whenever they fall below a floor. Raising ob_refcnt directly costs no memory and only
undoes decrements Qt already made.
"""

from __future__ import annotations

import ctypes
import sys

FLOOR = 1 << 22
TOP_UP = 1 << 26
_SINGLETONS = (None, True, False)
_timer = None


def needed() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def top_up() -> None:
    if not needed():
        return
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < FLOOR:
            ctypes.c_ssize_t.from_address(id(obj)).value += TOP_UP


def install() -> None:
    """Top up now and every 200 ms while the Qt application runs (idempotent)."""
    global _timer
    if not needed():
        return
    top_up()
    if _timer is not None:
        return
    from PySide6 import QtCore

    app = QtCore.QCoreApplication.instance()
    if app is None:
        return
    _timer = QtCore.QTimer(app)
    _timer.setInterval(200)
    _timer.timeout.connect(top_up)
    _timer.start()
    app.destroyed.connect(_forget)


def _forget(*_args) -> None:
    global _timer
    _timer = None
