"""Events on a UTC date axis, one lane per kind (or per person).

Held events are filled dots, planned ones hollow, recurring ones diamonds; a date range is a
bar from start to end. Shift+drag (or dragging the shaded region) chooses the app-wide time
window; clicking a point emits its row id.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from .. import timestamps as dates
from . import theme
from .buckets import BucketBars, tooltip_at
from .data import TimePoint  # noqa: F401  (as bars.Bar)
from .date_axis import LabelledDateAxis
from .panel import PlotPanel
from .window_view_box import WindowViewBox

DAY = 86400.0


class TimelinePlot(PlotPanel):
    pointClicked = QtCore.Signal(int)
    windowChosen = QtCore.Signal(object, object)   # ISO from, ISO to
    viewSettled = QtCore.Signal(float, float)       # x range the user zoomed or panned to

    def __init__(self, title: str = "Timeline", parent=None, status_legend: bool = True):
        self.view_box = WindowViewBox()
        super().__init__(title, parent, view_box=self.view_box)
        self.axis = LabelledDateAxis(orientation="bottom", utcOffset=0)
        self.plot.setAxisItems({"bottom": self.axis})
        self.plot.setLabel("bottom", "Date (UTC)")
        self.restyle()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.view_box.setMouseEnabled(x=True, y=False)
        self.points: list[TimePoint] = []
        self.lanes: list[str] = []
        self._selected: set[int] = set()
        self.aggregated = False     # points are buckets (counts per month or year), not rows
        self.unit = "items"         # what a bucket counts, for its tooltip and the legend
        self.locate = None          # optional callable(ids) -> [(bucket key, lane, status)]

        # Thick antialiased paths are the slowest thing pyqtgraph draws; spans do not need it.
        self.spans = pg.PlotCurveItem(connect="pairs", antialias=False)
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip, size=12)
        self.ring = pg.ScatterPlotItem(size=22, symbol="o")
        self.ring.setZValue(20)
        self.scatter.setZValue(10)
        self.plot.addItem(self.spans)
        self.plot.addItem(self.scatter)
        self.plot.addItem(self.ring)
        self.scatter.sigClicked.connect(self._clicked)
        self.buckets = BucketBars(self.plot)
        scene = self.plot_widget.scene()
        scene.sigMouseMoved.connect(self._bucket_hover)
        scene.sigMouseClicked.connect(self._bucket_click)

        self.region = pg.LinearRegionItem(orientation="vertical", movable=True)
        self.region.setZValue(-10)
        self.region.hide()
        self.plot.addItem(self.region, ignoreBounds=True)
        self.region.sigRegionChangeFinished.connect(self._region_moved)
        self.view_box.swept.connect(self._swept)
        self._setting_region = False
        # A zoom or pan is reported once it stops (a tab may then draw what is in view in
        # more detail); ranges the plot sets itself are not.
        self._settle_timer = QtCore.QTimer(self, singleShot=True, interval=300)
        self._settle_timer.timeout.connect(lambda: self.viewSettled.emit(*self.plot.viewRange()[0]))
        self._ranging = False
        self.view_box.sigXRangeChanged.connect(
            lambda *_a: None if self._ranging else self._settle_timer.start())

        # The legend lives in the header, where it cannot cover a point.
        self.status_legend = status_legend
        self.legend_label = QtWidgets.QLabel()
        self.legend_label.setAccessibleName(f"{title} legend")
        self.add_header_widget(self.legend_label)
        self.empty_text = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_text, ignoreBounds=True)
        hint = QtWidgets.QLabel("Shift+drag: time window")
        hint.setToolTip("Hold Shift and drag across the plot to show only that period in every "
                        "tab; drag the shaded band to move it; Clear in the toolbar removes it.")
        hint.setEnabled(False)   # drawn in the palette's dimmed text colour
        self.add_header_widget(hint)

    # --- data -------------------------------------------------------------------------
    def set_points(self, points: list[TimePoint], lanes: list[str] | None = None,
                   aggregated: bool = False, unit: str = "items", keep_range: bool = False) -> None:
        """Draw points, one per row; with aggregated=True each point is a bucket of rows
        (TimePoint.count rows from start to end), drawn as a bar of that height. keep_range:
        stay where the user zoomed to."""
        self.aggregated = aggregated
        self.unit = unit
        self.points = [p for p in points if p.start is not None]
        if lanes is None:
            lanes = sorted({p.lane for p in self.points})
        self.lanes = lanes
        self.redraw()
        if keep_range:
            self.plot.setYRange(-0.7, max(len(self.lanes), 1) - 0.3, padding=0)
        else:
            self.autorange()
        # Laid out and moved to the new range now, not in the next paint: a lane axis of
        # another width relays the plot out and the new range moves its items, and each would
        # ask for another paint of the whole plot after the first (a filter: 3 paints -> 1)
        self.plot.layout.activate()
        self.plot_widget.scene().prepareForPaint()

    def autorange(self) -> None:
        self._ranging = True
        try:
            self._autorange()
        finally:
            self._ranging = False

    def _autorange(self) -> None:
        if not self.points:
            self.plot.setXRange(dates.to_ts("2024-01-01"), dates.to_ts("2024-12-31"))
            return
        lo = min(p.start for p in self.points)
        hi = max(p.end for p in self.points)
        pad = max((hi - lo) * 0.05, 30 * DAY)   # wide enough for month labels
        self.plot.setXRange(lo - pad, hi + pad, padding=0)
        self.plot.setYRange(-0.7, max(len(self.lanes), 1) - 0.3, padding=0)

    def _lane_y(self) -> dict[str, int]:
        return {lane: i for i, lane in enumerate(self.lanes)}

    def redraw(self) -> None:
        if not hasattr(self, "scatter"):
            return
        fg = theme.foreground()
        bg = theme.background()
        ys = self._lane_y()
        # One pen and brush object per lane and status, shared by all its points: pyqtgraph
        # then renders each symbol once instead of once per point.
        styles: dict[tuple[str, str], tuple] = {}
        for i, lane in enumerate(self.lanes):
            colour = QtGui.QColor(theme.series(i))
            pen = pg.mkPen(colour, width=2.2)
            for status in ("held", "planned", "recurring"):
                brush = pg.mkBrush(bg if status == "planned" else colour)
                styles[(lane, status)] = (pen, brush, "d" if status == "recurring" else "o")
        fallback = styles.get((self.lanes[0], "held")) if self.lanes else (
            pg.mkPen(fg), pg.mkBrush(fg), "o")
        if self.aggregated:
            self.buckets.draw(self.points, ys, self.lanes)
            points: list[TimePoint] = []
        else:
            self.buckets.clear()
            points = self.points
        n = len(points)
        xs = np.empty(n)
        ys_arr = np.empty(n)
        ids = np.empty(n, dtype=np.int64)
        pens, brushes, symbols = [], [], []
        span_x: list[float] = []
        span_y: list[float] = []
        for k, p in enumerate(points):
            y = ys.get(p.lane, 0)
            pen, brush, symbol = styles.get((p.lane, p.status), fallback)
            xs[k], ys_arr[k], ids[k] = p.start, y, p.id
            pens.append(pen)
            brushes.append(brush)
            symbols.append(symbol)
            if p.end > p.start:
                span_x += [p.start, p.end]
                span_y += [y, y]
        self.scatter.setData(x=xs, y=ys_arr, data=ids, pen=pens, brush=brushes, symbol=symbols)
        if span_x:
            self.spans.setData(np.array(span_x), np.array(span_y), pen=pg.mkPen(fg, width=3))
        else:
            self.spans.setData([], [])
        axis = self.plot.getAxis("left")
        axis.setTicks([[(i, self._short(lane)) for i, lane in enumerate(self.lanes)], []])
        metrics = QtGui.QFontMetrics(axis.font() if hasattr(axis, "font") else QtGui.QFont())
        width = max([metrics.horizontalAdvance(self._short(lane)) for lane in self.lanes] + [30])
        axis.setWidth(min(width + 14, 190))
        self._update_legend(fg, bg)
        self._draw_ring()

    def largest_bucket(self) -> int:
        return max((p.count for p in self.points), default=0)

    @staticmethod
    def _short(text: str, limit: int = 26) -> str:
        text = text or "—"
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def _update_legend(self, fg: QtGui.QColor, bg: QtGui.QColor) -> None:
        present = {p.status for p in self.points}
        samples = [("held", "●"), ("planned", "○"), ("recurring", "◆")]
        parts = [f"{mark} {status}" for status, mark in samples if status in present]
        text = "   ".join(parts) + "   " if self.status_legend and parts else ""
        if self.aggregated and self.points:
            split = ", held above the line, planned below" if self.status_legend and "planned" in present else ""
            text = f"bar height: {self.unit} per month{split} (tallest {self.largest_bucket():,})   "
        self.legend_label.setText(text)
        if self.points:
            self.empty_text.hide()
        else:
            self.empty_text.setText("Nothing dated under the current filters", color=fg)
            lo, hi = self.plot.viewRange()[0]
            self.empty_text.setPos((lo + hi) / 2, (len(self.lanes) - 1) / 2 if self.lanes else 0)
            self.empty_text.show()

    tip_for = None   # optional callable(point id) -> tooltip, for points built without one

    def _tip(self, x, y, data) -> str:
        for p in self.points:
            if p.id == data:
                if self.aggregated:
                    return p.tip
                if not p.tip and self.tip_for is not None:
                    text = self.tip_for(p.id)
                    if text:
                        return text
                return p.tip or f"{dates.from_ts(p.start)} {p.lane}"
        return ""

    def _bucket_hover(self, scene_pos) -> None:
        if not self.aggregated:
            return
        tip = tooltip_at(self.buckets, scene_pos, self.view_box)
        if tip:
            QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), tip, self.plot_widget)
        else:
            QtWidgets.QToolTip.hideText()

    def _bucket_click(self, ev) -> None:
        if not self.aggregated or ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        if not self.view_box.sceneBoundingRect().contains(ev.scenePos()):
            return
        pos = self.view_box.mapSceneToView(ev.scenePos())
        p = self.buckets.at(pos.x(), pos.y())
        if p is not None:
            self.pointClicked.emit(int(p.id))

    # --- selection ---------------------------------------------------------------------
    def _clicked(self, _item, points, _ev=None) -> None:
        if len(points):
            self.pointClicked.emit(int(points[0].data()))

    def highlight(self, ids) -> None:
        if set(ids or []) == self._selected:
            # the ring shows this selection (redraw draws it again with new points); setting
            # it anew repaints the whole plot (a tab's refresh clears an empty selection)
            return
        self._selected = set(ids or [])
        self._draw_ring()

    def _draw_ring(self) -> None:
        ys = self._lane_y()
        if self.aggregated:
            # The buckets holding the selected rows (asked of the tab: a bucket keeps counts,
            # not the ids of its rows).
            where = set(self.locate(sorted(self._selected))) if self.locate and self._selected else set()
            pos = [self.buckets.anchor(p, ys) for p in self.points
                   if p.id in self._selected or (p.key, p.lane, p.status) in where]
        else:
            pos = [(p.start, ys.get(p.lane, 0)) for p in self.points if p.id in self._selected]
        self.ring.setData(pos=pos, brush=None, pen=pg.mkPen(theme.foreground(), width=2.5),
                          size=22)

    def selected_positions(self) -> list[tuple[float, float]]:
        return [tuple(map(float, p)) for p in zip(*self.ring.getData(), strict=False)]

    # --- time window -------------------------------------------------------------------
    def _swept(self, x0: float, x1: float, finished: bool) -> None:
        self._setting_region = True
        self.region.setRegion((x0, x1))
        self.region.show()
        self._setting_region = False
        if finished and x1 - x0 > DAY / 2:
            self.windowChosen.emit(dates.from_ts(x0), dates.from_ts(x1))

    def _region_moved(self) -> None:
        if self._setting_region or not self.region.isVisible():
            return
        x0, x1 = self.region.getRegion()
        self.windowChosen.emit(dates.from_ts(x0), dates.from_ts(x1))

    def show_window(self, date_from: str | None, date_to: str | None) -> None:
        """Reflect the app-wide time window (None, None hides the region)."""
        self._setting_region = True
        if date_from or date_to:
            lo = dates.to_ts(date_from) if date_from else self.plot.viewRange()[0][0]
            hi = dates.to_ts(date_to, end=True) if date_to else self.plot.viewRange()[0][1]
            self.region.setRegion((lo, hi))
            self.region.show()
        else:
            self.region.hide()
        self._setting_region = False
