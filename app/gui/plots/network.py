"""Who met whom: people as nodes on a circle, edges as wide as their meetings together."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from . import theme
from .labels import Label
from .panel import PlotPanel


class _Edges(pg.GraphItem):
    """pyqtgraph's GraphItem recording its edges with the same pens (mkPen) read from plain
    lists: its own loop indexes the pen records and compares each with the last one in numpy,
    ~5 ms for the 120 edges of 16 people against ~1.5 ms."""

    def generatePicture(self):
        pen = self.pen
        if (not isinstance(pen, np.ndarray) or pen.dtype.fields is None or self.pos is None
                or self.adjacency is None):
            return super().generatePicture()
        self.picture = QtGui.QPicture()
        painter = QtGui.QPainter(self.picture)
        try:
            last = None
            fields = pen[["red", "green", "blue", "alpha", "width"]].tolist()
            for (a, b), (red, green, blue, alpha, width) in zip(
                    self.pos[self.adjacency].tolist(), fields, strict=True):
                if (red, green, blue, alpha, width) != last:
                    last = (red, green, blue, alpha, width)
                    painter.setPen(pg.mkPen(color=(red, green, blue, alpha), width=width))
                painter.drawLine(QtCore.QPointF(*a), QtCore.QPointF(*b))
        finally:
            painter.end()


class NetworkPlot(PlotPanel):
    nodeClicked = QtCore.Signal(int)    # person id

    def __init__(self, title: str = "Contact network", parent=None, max_nodes: int = 40):
        super().__init__(title, parent)
        self.max_nodes = max_nodes
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.showGrid(x=False, y=False)
        self.plot.setAspectLocked(True)
        self.graph = _Edges()
        # Hundreds of wide, translucent, antialiased edges cost ~20 ms a paint: drawn once
        # into a pixmap per change of data or size, and repaints (the table under a new
        # filter, a hover) copy it.
        self.graph.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.graph)
        self.graph.scatter.sigClicked.connect(self._clicked)
        self.names: dict[int, str] = {}
        self.edges: list[tuple[int, int, int]] = []
        self.nodes: list[int] = []
        self._labels: list[Label] = []
        self._selected: set[int] = set()
        self.caption = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.caption, ignoreBounds=True)
        key = QtWidgets.QLabel("edge width = meetings together   ")
        key.setAccessibleName("Contact network legend")
        self.add_header_widget(key)

    def set_network(self, names: dict[int, str], edges: list[tuple[int, int, int]]) -> None:
        self.names = dict(names)
        degree: dict[int, int] = {}
        for a, b, w in edges:
            degree[a] = degree.get(a, 0) + w
            degree[b] = degree.get(b, 0) + w
        # Busy graphs keep their best-connected people so the picture stays legible.
        nodes = sorted(degree, key=lambda n: (-degree[n], self.names.get(n, "")))[: self.max_nodes]
        keep = set(nodes)
        self.nodes = sorted(nodes, key=lambda n: self.names.get(n, str(n)))
        self.edges = [(a, b, w) for a, b, w in edges if a in keep and b in keep]
        self.redraw()

    def _positions(self) -> np.ndarray:
        n = len(self.nodes)
        return np.array([
            (math.cos(2 * math.pi * i / n + math.pi / 2), math.sin(2 * math.pi * i / n + math.pi / 2))
            for i in range(n)
        ]) if n else np.zeros((0, 2))

    def redraw(self) -> None:
        if not hasattr(self, "graph"):
            return
        for label in self._labels:
            label.hide()
        self._used = 0
        fg = theme.foreground()
        if not self.nodes:
            self.graph.setData(pos=np.zeros((0, 2)), adj=np.zeros((0, 2), dtype=int))
            self.caption.setText("No meetings with two or more known participants", color=fg)
            self.caption.setPos(0, 0)
            self.caption.show()
            return
        self.caption.hide()
        pos = self._positions()
        index = {n: i for i, n in enumerate(self.nodes)}
        adj = np.array([(index[a], index[b]) for a, b, _ in self.edges], dtype=int).reshape(-1, 2)
        top = max([w for _, _, w in self.edges] + [1])
        edge_colour = fg.name()
        pens = np.array(
            [(*pg.mkColor(edge_colour).getRgb()[:3], 150, 1.0 + 5.0 * w / top)
             for _, _, w in self.edges],
            dtype=[("red", np.ubyte), ("green", np.ubyte), ("blue", np.ubyte),
                   ("alpha", np.ubyte), ("width", float)],
        )
        brushes = [pg.mkBrush(theme.series(1) if n in self._selected else theme.series(0))
                   for n in self.nodes]
        node_pens = [pg.mkPen(fg, width=2.5) if n in self._selected else pg.mkPen(fg, width=1)
                     for n in self.nodes]
        sizes = [22 if n in self._selected else 16 for n in self.nodes]
        self.graph.setData(
            pos=pos, adj=adj if len(adj) else None, pen=pens if len(adj) else None,
            size=sizes, symbol="o", symbolBrush=brushes, symbolPen=node_pens, pxMode=True,
            data=np.array(self.nodes), hoverable=True, tip=self._tip,
        )
        for (x, y), node in zip(pos, self.nodes, strict=True):
            anchor = (0 if x > 0.05 else 1 if x < -0.05 else 0.5, 0.5 if abs(y) < 0.95 else (1 if y > 0 else 0))
            self._label(self.names.get(node, str(node)), fg, anchor, x * 1.08, y * 1.08)
        # Weights as numbers only while they stay legible; the widths carry them otherwise.
        for a, b, w in (self.edges if len(self.edges) <= 25 else []):
            if w > 1:
                (xa, ya), (xb, yb) = pos[index[a]], pos[index[b]]
                self._label(str(w), fg, (0.5, 0.5), (xa + xb) / 2, (ya + yb) / 2)
        self.plot.setXRange(-1.9, 1.9, padding=0)
        self.plot.setYRange(-1.25, 1.25, padding=0)

    def _label(self, text: str, colour, anchor, x: float, y: float) -> None:
        """Reuse text items rather than adding and removing them on every redraw; drawn as
        TextItem draws them, kept unscaled by Qt (labels.py: 16 TextItems cost ~18 ms to
        make and place when the tab opens)."""
        if self._used == len(self._labels):
            item = Label()
            self.plot.addItem(item, ignoreBounds=True)
            self._labels.append(item)
        item = self._labels[self._used]
        self._used += 1
        item.show_at(text, colour, x, y, anchor)

    def _tip(self, x, y, data) -> str:
        node = int(data)
        partners = []
        for a, b, w in self.edges:
            if node in (a, b):
                other = b if a == node else a
                partners.append(f"{self.names.get(other, other)} ({w})")
        return f"{self.names.get(node, node)}\nmet: " + (", ".join(partners) or "—")

    def _clicked(self, _item, points, _ev=None) -> None:
        if len(points):
            self.nodeClicked.emit(int(points[0].data()))

    def highlight(self, ids) -> None:
        if set(ids or []) == self._selected:
            return      # set_network already drew this selection
        self._selected = set(ids or [])
        self.redraw()
