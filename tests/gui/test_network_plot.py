"""The contact network draws exactly what pyqtgraph's GraphItem and TextItem drew (its edges
recorded from plain lists, its names as labels.Label), pixel for pixel."""

from __future__ import annotations

import pyqtgraph as pg
import pytest

from app.gui.plots import network
from app.gui.plots.network import NetworkPlot


class _Before(NetworkPlot):
    """The network as drawn before: pyqtgraph's own edge loop and a TextItem per name."""

    def _label(self, text, colour, anchor, x, y):
        if self._used == len(self._labels):
            item = pg.TextItem("")
            self.plot.addItem(item, ignoreBounds=True)
            self._labels.append(item)
        item = self._labels[self._used]
        self._used += 1
        item.setText(text, color=colour)
        item.setAnchor(anchor)
        item.setPos(x, y)
        item.show()


def _grab(plot, qtbot, names, edges, selected=()):
    plot.resize(520, 380)
    qtbot.addWidget(plot)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_network(names, edges)
    plot.highlight(list(selected))
    return plot.grab().toImage()


@pytest.mark.parametrize("people", [16, 5, 2])
def test_the_network_is_drawn_as_before(qtbot, monkeypatch, people):
    names = {i: f"Person {'ABCDEFGHIJKLMNOP'[i % 16]} of {i}" for i in range(1, people + 1)}
    edges = [(a, b, (a * 7 + b * 3) % 11 + 1) for a in names for b in names if a < b]
    edges += [(1, 99, 4)]   # a person beyond the names: a node labelled by id
    now = _grab(NetworkPlot(max_nodes=16), qtbot, names, edges, [2])
    monkeypatch.setattr(network, "_Edges", pg.GraphItem)
    before = _grab(_Before(max_nodes=16), qtbot, names, edges, [2])
    assert now == before
    assert now != _grab(NetworkPlot(max_nodes=16), qtbot, names, edges[1:], [2])


def test_an_empty_network_still_says_so(qtbot):
    plot = NetworkPlot()
    _grab(plot, qtbot, {}, [])
    assert plot.caption.isVisible() and "No meetings" in plot.caption.toPlainText()
