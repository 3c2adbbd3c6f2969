"""Trade volume over time: actual figures as bars spanning their period (a year, a quarter,
a month range) on a time axis in years, targets and forecasts as marked points at their
target period, labelled with it. One unit per chart: nothing is converted."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from . import theme
from .data import PlanPoint, VolumeBar, year_position  # noqa: F401  (as bars.Bar)
from .labels import Label
from .panel import PlotPanel
from .volume_bars import VolumeBars

SYMBOLS = {"target": "star", "forecast": "d"}
PLAN_LABELS = 12   # more targets than this, and their labels pile up on the same years


def _dot_symbol(group: int) -> str:
    """Another shape each time the colours run out, so no two pairs look alike."""
    return ("o", "s", "t", "p")[group // len(theme.SERIES) % 4]


class VolumePlot(PlotPanel):
    idClicked = QtCore.Signal(int)

    def __init__(self, title: str = "Trade volume", parent=None):
        super().__init__(title, parent)
        self.bars: list[VolumeBar] = []
        self.plans: list[PlanPoint] = []
        self.legend_names: dict[int, str] = {}
        self._drawn: list[tuple[float, float, VolumeBar]] = []
        self._selected: set[int] = set()
        self._styles: dict[tuple, object] = {}
        self._legend_key = None
        # a row can be selected (and highlighted here) before the first data arrives from a
        # worker thread: until then the chart is blank, not "no volume"
        self.empty_message = ""
        self.bar_item = VolumeBars(self, x0=[], width=[], height=[])
        self.plot.addItem(self.bar_item)
        self.dots = False
        self.span_item = pg.PlotCurveItem(connect="pairs")
        self.plot.addItem(self.span_item)
        self.dot_item = pg.ScatterPlotItem(hoverable=True, tip=self._plan_tip)
        self.dot_item.sigClicked.connect(self._plan_clicked)
        self.plot.addItem(self.dot_item)
        self.plan_item = pg.ScatterPlotItem(hoverable=True, tip=self._plan_tip)
        self.plan_item.sigClicked.connect(self._plan_clicked)
        self.plot.addItem(self.plan_item)
        self.empty_text = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_text, ignoreBounds=True)
        self._labels: list[Label] = []
        self.legend = self.plot.addLegend(offset=(8, 4), labelTextSize="8pt")
        self.plot.getViewBox().setMouseEnabled(x=True, y=False)
        self.plot.setLabel("bottom", "year")

    # --- data -----------------------------------------------------------------------
    def set_data(self, bars: list[VolumeBar], plans: list[PlanPoint], axis_label: str,
                 legend: dict[int, str] | None = None, empty: str = "", dots: bool = False) -> None:
        """`dots`: each actual as a dot at its value with a line across its period, instead of
        a bar (several pairs at once, whose periods of different lengths would overlap)."""
        self.bars, self.plans, self.dots = list(bars), list(plans), dots
        self.legend_names = dict(legend or {})
        self.empty_message = empty or "No trade volume under the current filters"
        self.plot.setLabel("left", axis_label)
        self.redraw()
        self.autorange()

    def autorange(self) -> None:
        xs = [b.start for b in self.bars] + [b.end for b in self.bars] + \
             [p.at - 0.5 for p in self.plans] + [p.at + 0.5 for p in self.plans]
        ys = [b.value for b in self.bars] + [p.value for p in self.plans]
        if not xs:
            self.plot.setXRange(0, 1, padding=0)
            self.plot.setYRange(0, 1, padding=0)
            return
        lo, hi = min(xs), max(xs)
        view_lo, view_hi = lo - 0.3, hi + 0.3
        self.plot.setXRange(view_lo, view_hi, padding=0)
        # room above the highest value for its label and the legend's rows
        entries = len(self.legend_names) + len({p.status for p in self.plans})
        rows = -(-entries // 3) if len(self.legend_names) > 4 else entries
        self.plot.setYRange(min(ys + [0]), max(ys + [0]) * (1.25 + 0.1 * rows) or 1, padding=0)
        # each year's name under the middle of its part in view, a tick at each year's start
        first, last = int(lo // 1), int(hi // 1)
        span = last - first
        step = 1 if span <= 12 else 2 if span <= 24 else 5 if span <= 60 else 10
        years = range(first - first % step, last + 1, step)
        self.plot.getAxis("bottom").setTicks([
            [((max(y, view_lo) + min(y + 1, view_hi)) / 2, str(y)) for y in years],
            [(y, "") for y in range(first, last + 2)]])

    def redraw(self) -> None:
        if not hasattr(self, "bar_item"):
            return
        fg = theme.foreground()
        self._drawn = []
        # bars sharing a period (several pairs) stand side by side within it
        slots: dict[tuple[float, float], list[VolumeBar]] = {}
        for bar in ([] if self.dots else self.bars):
            slots.setdefault((bar.start, bar.end), []).append(bar)
        for (start, end), group in slots.items():
            width = (end - start) * 0.84 / len(group)
            for i, bar in enumerate(group):
                x0 = start + (end - start) * 0.08 + i * width
                self._drawn.append((x0, x0 + width, bar))
        brushes, pens = [], []
        for _x0, _x1, bar in self._drawn:
            colour = QtGui.QColor(theme.series(bar.group))
            brushes.append(QtGui.QBrush(colour, QtCore.Qt.BrushStyle.BDiagPattern) if bar.derived
                           else pg.mkBrush(colour))
            selected = not self._selected.isdisjoint(bar.ids)
            pens.append(pg.mkPen(fg, width=3) if selected else pg.mkPen(colour.darker(130)))
        # (pyqtgraph fails on an empty list of pens: none are given then)
        self.bar_item.setOpts(x=None, x0=[d[0] for d in self._drawn], x1=None, y=None, y0=0,
                              y1=None, width=[d[1] - d[0] for d in self._drawn],
                              height=[d[2].value for d in self._drawn],
                              brushes=brushes or None, pens=pens or None)
        self.bar_item.setVisible(bool(self._drawn))
        self._draw_dots(fg)
        spots = []
        for p in self.plans:
            selected = not self._selected.isdisjoint(p.ids)
            colour = QtGui.QColor(theme.series(3 if p.status == "target" else 4))
            spots.append({"pos": (p.at, p.value), "symbol": SYMBOLS.get(p.status, "o"),
                          "size": 16 if selected else 13, "brush": self._brush(colour),
                          "pen": self._pen(fg, 2 if selected else 1), "data": p})
        self.plan_item.setData(spots)
        self._draw_labels(fg)
        self._draw_legend(fg)
        if self.bars or self.plans:
            self.empty_text.hide()
        else:
            self.empty_text.setText(self.empty_message, color=fg)
            self.empty_text.setPos(0.5, 0.5)
            self.empty_text.show()

    def _draw_legend(self, fg) -> None:
        """The pairs' and the statuses' entries, built again only when they change (a
        redraw for a new filter or a selection mostly keeps them: 3 of a redraw's 9 ms)."""
        statuses = sorted({p.status for p in self.plans})
        key = (sorted(self.legend_names.items()), self.dots, statuses, fg.rgba())
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        self.legend.setColumnCount(3 if len(self.legend_names) > 4 else 1)
        self.legend.setLabelTextColor(fg)
        for group, name in sorted(self.legend_names.items()):
            self.legend.addItem(pg.ScatterPlotItem(symbol=_dot_symbol(group), brush=theme.series(group),
                                                   pen=pg.mkPen(fg), size=9) if self.dots
                                else pg.BarGraphItem(x=[0], height=[0], width=0,
                                                     brush=theme.series(group)), name)
        for status in statuses:
            colour = theme.series(3 if status == "target" else 4)
            self.legend.addItem(pg.ScatterPlotItem(symbol=SYMBOLS.get(status, "o"), brush=colour,
                                                   pen=pg.mkPen(fg), size=10), status)

    def _draw_dots(self, fg) -> None:
        dots = self.bars if self.dots else []
        xs, ys, spots = [], [], []
        pens = []
        for bar in dots:
            colour = QtGui.QColor(theme.series(bar.group))
            selected = not self._selected.isdisjoint(bar.ids)
            xs += [bar.start, bar.end]
            ys += [bar.value, bar.value]
            pens.append(colour)
            spots.append({"pos": ((bar.start + bar.end) / 2, bar.value), "symbol": _dot_symbol(bar.group),
                          "size": 12 if selected else 9,
                          "brush": self._brush(colour.lighter(120) if bar.derived else colour),
                          "pen": self._pen(fg, 2 if selected else 1),
                          "data": PlanPoint((bar.start + bar.end) / 2, bar.value, "actual",
                                            bar.label, bar.ids, bar.tip)})
        self.span_item.setData(xs, ys, pen=pg.mkPen(fg, width=2))
        self.dot_item.setData(spots)

    def _pen(self, colour, width: int):
        return self._style("pen", colour, width)

    def _brush(self, colour):
        return self._style("brush", colour, 0)

    def _style(self, kind: str, colour, width: int):
        """One pen or brush object per colour and width: a scatter plot renders each
        symbol once per (symbol, size, pen object, brush object), so a new object per point
        rendered every point again (138 targets: 14 ms of a redraw at 50,000 releases)."""
        key = (kind, QtGui.QColor(colour).rgba(), width)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = (pg.mkPen(colour, width=width) if kind == "pen"
                                         else pg.mkBrush(colour))
        return style

    def _draw_labels(self, fg) -> None:
        texts = [(f"{(x0 + x1) / 2}", bar.label, (x0 + x1) / 2, bar.value, (0.5, 1))
                 for x0, x1, bar in self._drawn if bar.label and len(self._drawn) <= 30]
        if self.dots and len(self.bars) <= 8:
            texts += [("", b.label, (b.start + b.end) / 2, b.value, (0.5, 1.2)) for b in self.bars]
        texts += [("", p.label, p.at, p.value, (0.5, 1.4)) for p in self._labelled_plans()]
        while len(self._labels) < len(texts):
            item = Label()
            self.plot.addItem(item, ignoreBounds=True)
            self._labels.append(item)
        for i, item in enumerate(self._labels):
            if i >= len(texts):
                item.hide()
                continue
            _key, text, x, y, anchor = texts[i]
            item.show_at(text, fg, x, y, anchor)

    def _labelled_plans(self) -> list[PlanPoint]:
        """Every target and forecast labelled while the labels stay readable; past
        PLAN_LABELS, the highest of each year and the selected ones (each keeps its tooltip)."""
        if len(self.plans) <= PLAN_LABELS:
            return self.plans
        top: dict[float, PlanPoint] = {}
        for p in self.plans:
            if p.at not in top or p.value > top[p.at].value:
                top[p.at] = p
        kept = {id(p) for p in top.values()}
        return [p for p in self.plans if id(p) in kept or not self._selected.isdisjoint(p.ids)]

    # --- interaction -----------------------------------------------------------------
    @staticmethod
    def _plan_tip(x, y, data) -> str:
        return data.tip if isinstance(data, PlanPoint) else ""

    def _plan_clicked(self, _item, points, *_args) -> None:
        if points is not None and len(points) and isinstance(points[0].data(), PlanPoint):
            ids = points[0].data().ids
            if ids:
                self.idClicked.emit(ids[0])

    def highlight(self, ids) -> None:
        if set(ids or []) == self._selected:
            return
        self._selected = set(ids or [])
        self.redraw()

    def drawn_ids(self) -> set[int]:
        """The figures on the chart, as bars, dots or marked points."""
        return {i for b in self.bars for i in b.ids} | {i for p in self.plans for i in p.ids}

    def highlighted(self) -> list[int]:
        """Indexes (bars first, then plans) drawn as selected."""
        out = [i for i, (_a, _b, bar) in enumerate(self._drawn) if not self._selected.isdisjoint(bar.ids)]
        out += [len(self._drawn) + i for i, p in enumerate(self.plans)
                if not self._selected.isdisjoint(p.ids)]
        return out
