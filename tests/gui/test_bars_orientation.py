"""A bar chart turning between horizontal and vertical with another number of bars."""

import pytest

from app.gui.plots.bars import Bar, BarPlot


def _bars(n):
    return [Bar(f"bar {i}", float(i + 1), [i + 1]) for i in range(n)]


@pytest.mark.parametrize("first, then", [(True, False), (False, True)])
def test_orientation_change_with_fewer_bars_draws_the_new_bars(qtbot, first, then):
    plot = BarPlot("Volume", "USD billion", horizontal=first)
    qtbot.addWidget(plot)
    plot.set_bars(_bars(8))
    plot.set_horizontal(then)
    plot.set_bars(_bars(3))     # raised "operands could not be broadcast" before
    x0, y0, x1, y1 = plot.item._getNormalizedCoords()
    along, across = (y0, x1) if then else (x0, y1)
    # three bars at positions 0, 1, 2 (centred), each as long as its value
    assert [round(float(v) + 0.35, 6) for v in along] == [0.0, 1.0, 2.0]
    assert [float(v) for v in across] == [1.0, 2.0, 3.0]
    plot.set_horizontal(first)
    plot.set_bars([])
    plot.set_bars(_bars(5))
    assert len(plot.item._getNormalizedCoords()[0]) == 5
