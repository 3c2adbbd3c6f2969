"""PySide6 6.12 drops a reference to None/True/False on each call of a Python override that
returns them; on Python 3.11 the guard gives them back so long sessions do not abort."""

import sys

import pytest

from app.gui import refcount_guard


@pytest.mark.skipif(not refcount_guard.needed(), reason="None/True/False are immortal on 3.12+")
def test_repaints_take_references_and_the_guard_returns_them(qtbot):
    import pyqtgraph as pg

    refcount_guard.install()
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    refcount_guard.top_up()
    before = sys.getrefcount(None)
    for i in range(50):
        item = pg.TextItem(str(i))
        widget.addItem(item)
        widget.removeItem(item)
        widget.repaint()
    lost = before - sys.getrefcount(None)
    assert lost > 50          # the Qt binding really does drop references (the reason for the guard)
    for _ in range(200):      # far more than the unguarded counts of True (~2,000) could take
        item = pg.TextItem("x")
        widget.addItem(item)
        widget.removeItem(item)
        widget.setXRange(0, 10)
        widget.repaint()
        qtbot.wait(0)
        refcount_guard.top_up()
    for obj in (None, True, False):
        assert sys.getrefcount(obj) >= refcount_guard.FLOOR
