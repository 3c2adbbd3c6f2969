"""A bar plot switched between orientations with a different number of bars redraws (the
other orientation's positions used to stay and not fit: a ValueError from pyqtgraph)."""

from __future__ import annotations

from app.gui.plots.bars import Bar, BarPlot


def _bars(n: int) -> list[Bar]:
    return [Bar(f"label {i}", float(i + 1)) for i in range(n)]


def test_switching_orientation_with_other_bars_redraws(qtbot):
    plot = BarPlot("Volume", horizontal=True)
    qtbot.addWidget(plot)
    plot.set_bars(_bars(8))
    plot.set_horizontal(False)
    plot.set_bars(_bars(3))
    x0, y0, x1, y1 = plot.item._getNormalizedCoords()
    assert [round(float(c), 6) for c in x0 + (x1 - x0) / 2] == [0, 1, 2]
    assert list(y0) == [0, 0, 0]
    assert list(y1) == [1, 2, 3]
    plot.set_horizontal(True)
    plot.set_bars(_bars(5))
    x0, y0, x1, y1 = plot.item._getNormalizedCoords()
    assert list(x0) == [0] * 5 and list(x1) == [1, 2, 3, 4, 5]
