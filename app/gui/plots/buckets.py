"""Counts per month (or year) drawn in a timeline's lanes: a small histogram per lane.

What a timeline shows when it has too many rows to draw one mark each: each lane becomes a
histogram of its rows per month, bar height proportional to the count (one scale for all
lanes, so lanes compare), held rows above the lane's line and planned ones below it. Rows dated only
to the year are a hatched bar across their year.
"""

from __future__ import annotations

import bisect

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from . import theme

HALF = 0.44          # a bar's tallest extent from its lane's line (lanes are 1 apart)
MIN_HEIGHT = 0.04    # a bucket of one row stays visible next to one of thousands


def below(status: str) -> bool:
    return status == "planned"


class BucketBars:
    """Owns the bar items of the per-month view of a TimelinePlot and finds the bucket
    under the mouse."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.items: list[pg.BarGraphItem] = []     # the items drawing the current bars
        self._pool: list[pg.BarGraphItem] = []     # every item made, shown or hidden
        self.points: list = []
        self.top = 0
        self._lane_y: dict[str, int] = {}
        self._index: dict[tuple[int, bool], tuple[list[float], list]] | None = {}

    def clear(self) -> None:
        # Items are hidden and given new bars at the next draw, not removed and made anew:
        # adding and removing graphics items is what costs most in pyqtgraph.
        for item in self.items:
            item.hide()
        self.items = []
        self.points = []
        self._index = {}

    def draw(self, points: list, lane_y: dict[str, int], lanes: list[str]) -> None:
        """Draw TimePoint buckets (count rows from start to end) in their lanes."""
        self.clear()
        self.points = points
        self._lane_y = lane_y
        self._index = None   # built at the first hover or click (at): most draws get none
        self.top = max((p.count for p in points), default=0)
        if not points:
            return
        fg = theme.foreground()
        brushes, pens = {}, {}
        for i, lane in enumerate(lanes):
            colour = QtGui.QColor(theme.series(i))
            brushes[(lane, False)] = pg.mkBrush(colour)
            faint = QtGui.QColor(colour)
            faint.setAlpha(70)
            brushes[(lane, True)] = pg.mkBrush(faint)
            pens[lane] = pg.mkPen(colour, width=1)
            # rows dated only to the year: one hatched bar across their year
            brushes[(lane, "year")] = QtGui.QBrush(colour, QtCore.Qt.BrushStyle.BDiagPattern)
        fallback_brush, fallback_pen = pg.mkBrush(fg), pg.mkPen(fg)
        stacked: dict[tuple[str, str, bool], float] = {}
        # One item per lane and style: an item of one pen and brush draws all its bars in a
        # single call, one of mixed colours bar by bar.
        groups: dict[tuple[str, str | bool], tuple[list, list, list, list]] = {}
        top, year = self.top, 40 * 86400.0
        for p in sorted(points, key=lambda p: p.status != "held"):
            lane, start, end = p.lane, p.start, p.end
            y = lane_y.get(lane, 0)
            down = p.status == "planned"   # below()
            h = HALF * max(p.count / top, MIN_HEIGHT)
            at = (lane, p.key, down)
            base = stacked.get(at, 0.0)   # recurring stacks on held
            stacked[at] = base + h
            style = (lane, "year" if end - start > year else down)
            group = groups.get(style)
            if group is None:
                group = groups[style] = ([], [], [], [])
            group[0].append(start)
            group[1].append(end)
            group[2].append(y - base - h if down else y + base)
            group[3].append(h)
        for n, ((lane, style), (x0, x1, y0, height)) in enumerate(groups.items()):
            if n == len(self._pool):
                item = pg.BarGraphItem(x0=[], x1=[], y0=[], height=[])
                item.setZValue(5)
                self.plot.addItem(item)
                self._pool.append(item)
            item = self._pool[n]
            item.setOpts(x0=x0, x1=x1, y0=y0, height=height,
                         brush=brushes.get((lane, style), fallback_brush),
                         pen=pens.get(lane, fallback_pen))
            item.show()
            self.items.append(item)

    def _built_index(self) -> dict:
        if self._index is None:
            self._index = {}
            for p in sorted(self.points, key=lambda p: p.start):
                starts, found = self._index.setdefault(
                    (self._lane_y.get(p.lane, 0), below(p.status)), ([], []))
                starts.append(p.start)
                found.append(p)
        return self._index

    def at(self, x: float, y: float):
        """The bucket drawn at view position (x, y), or None."""
        lane = int(round(y))
        if abs(y - lane) > HALF + 0.02:
            return None
        entry = self._built_index().get((lane, y < lane))
        if entry is None:
            return None
        starts, found = entry
        i = bisect.bisect_right(starts, x) - 1
        # the buckets that begin at or before x (a month and, after it, its year) and cover it
        while i >= 0 and starts[i] > x - 370 * 86400.0:
            p = found[i]
            if p.start <= x <= p.end:
                return p
            i -= 1
        return None

    def anchor(self, p, lane_y: dict[str, int]) -> tuple[float, float]:
        """Where a bucket's selection mark goes: the middle of its bar."""
        y = lane_y.get(p.lane, 0)
        return (p.start + p.end) / 2, y - HALF / 2 if below(p.status) else y + HALF / 2


def tooltip_at(buckets: BucketBars, scene_pos: QtCore.QPointF, view_box) -> str:
    if not buckets.points or not view_box.sceneBoundingRect().contains(scene_pos):
        return ""
    pos = view_box.mapSceneToView(scene_pos)
    p = buckets.at(pos.x(), pos.y())
    return p.tip if p is not None else ""
