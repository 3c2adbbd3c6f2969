"""Category bars (vertical or horizontal) with hover tooltips and click-to-select."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from . import theme
from .clickable_bars import ClickableBars
from .data import Bar  # noqa: F401  (plots and tests name it here too)
from .panel import PlotPanel


def nice_step(raw: float) -> int:
    """A whole-number tick step of 1, 2 or 5 times a power of ten, at least raw."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if step * m >= raw:
                return step * m
        step *= 10


class BarPlot(PlotPanel):
    barClicked = QtCore.Signal(int)     # bar index
    idClicked = QtCore.Signal(int)      # first row id of the clicked bar

    def __init__(self, title: str, value_label: str = "", horizontal: bool = False, parent=None,
                 integer: bool = False):
        super().__init__(title, parent)
        self.horizontal = horizontal
        self.integer = integer     # counts: whole-number ticks only
        self.value_label = value_label
        self.bars: list[Bar] = []
        self._selected: set[int] = set()
        self._matched: set[int] = set()
        # Bars standing for more rows than they list (counts from SQL) say which bars hold
        # the selected ids: callable(ids) -> bar indexes.
        self.match = None
        self.item: ClickableBars | None = None
        self.empty_text = pg.TextItem("", anchor=(0.5, 0.5))
        self.plot.addItem(self.empty_text, ignoreBounds=True)
        self.view_box = self.plot.getViewBox()
        self.view_box.setMouseEnabled(x=not horizontal, y=horizontal)
        self._value_labels: list[pg.TextItem] = []
        self.barClicked.connect(self._emit_id)
        self._set_axis_labels()

    def _set_axis_labels(self) -> None:
        if self.horizontal:
            self.plot.setLabel("bottom", self.value_label)
            self.plot.setLabel("left", "")
            self.plot.showGrid(x=True, y=False, alpha=0.2)
        else:
            self.plot.setLabel("left", self.value_label)
            self.plot.showGrid(x=False, y=True, alpha=0.2)

    def set_horizontal(self, horizontal: bool) -> None:
        """Switch orientation (many long category labels read better down the left axis)."""
        if horizontal == self.horizontal:
            return
        self.horizontal = horizontal
        self.plot.getAxis("bottom").setTicks(None)
        self.plot.getAxis("left").setTicks(None)
        self.plot.getAxis("left").setWidth(None)
        self.plot.getAxis("bottom" if horizontal else "left").setTickSpacing()
        self.view_box.setMouseEnabled(x=not horizontal, y=horizontal)
        self.plot.setLabel("left", "")
        self.plot.setLabel("bottom", "")
        self._set_axis_labels()

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self._matched = set(self.match(sorted(self._selected))) if self.match and self._selected else set()
        self.redraw()
        self.autorange()

    def autorange(self) -> None:
        n = len(self.bars)
        top = max([b.value for b in self.bars] + [0]) or 1
        if self.integer:
            step = nice_step(top / 5)
            self.plot.getAxis("bottom" if self.horizontal else "left").setTickSpacing(step, step)
        low = min([b.value for b in self.bars] + [0])
        if self.horizontal:
            self.plot.setYRange(-0.6, max(n, 1) - 0.4, padding=0)
            self.plot.setXRange(low, top * 1.2, padding=0)   # room for the value labels
        else:
            self.plot.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
            self.plot.setYRange(low, top * 1.2, padding=0)   # room for the value labels

    def redraw(self) -> None:
        if not hasattr(self, "bars"):
            return
        fg = theme.foreground()
        axis = self.plot.getAxis("left" if self.horizontal else "bottom")
        axis.setTicks([[(i, self._short(b.label)) for i, b in enumerate(self.bars)], []])
        if self.horizontal:
            metrics = QtGui.QFontMetrics(QtGui.QFont())
            width = max([metrics.horizontalAdvance(self._short(b.label)) for b in self.bars] + [30])
            axis.setWidth(min(width + 14, 230))
        if self.item is None:
            # One item for the plot's lifetime: redraws swap data in place instead of
            # adding and removing graphics items, which is what costs most in pyqtgraph.
            self.item = ClickableBars(self, x=[], height=[], width=0.7)
            self.plot.addItem(self.item)
        if not self.bars:
            self.empty_text.setText("No data under the current filters", color=fg)
            # the middle of the empty plot's range (autorange), in either orientation
            self.empty_text.setPos(*((0.6, 0) if self.horizontal else (0, 0.6)))
            self.empty_text.show()
            self.item.hide()
            self._draw_value_labels(fg)
            return
        self.empty_text.hide()
        self.item.show()
        brushes, pens = [], []
        for i, b in enumerate(self.bars):
            colour = QtGui.QColor(theme.series(b.group))
            if b.derived:
                brush = QtGui.QBrush(colour, QtCore.Qt.BrushStyle.BDiagPattern)
            else:
                brush = pg.mkBrush(colour)
            brushes.append(brush)
            if self._is_selected(i, b):
                brushes[-1] = pg.mkBrush(colour.lighter(140))
                pens.append(pg.mkPen(fg, width=3))
            else:
                pens.append(pg.mkPen(colour.darker(130), width=1))
        positions = list(range(len(self.bars)))
        values = [b.value for b in self.bars]
        # Every coordinate is given each time: setOpts keeps the ones not given, and the
        # other orientation's positions (of another number of bars) would stay behind.
        if self.horizontal:
            opts = dict(x=None, x0=0, x1=None, y=positions, y0=None, y1=None, height=0.7,
                        width=values)
        else:
            opts = dict(x=positions, x0=None, x1=None, y=None, y0=0, y1=None, height=values,
                        width=0.7)
        self.item.setOpts(brushes=brushes, pens=pens, **opts)
        self._draw_value_labels(fg)

    def _draw_value_labels(self, fg: QtGui.QColor) -> None:
        """The value at the end of each bar (pooled text items, reused across redraws)."""
        shown = self.bars if len(self.bars) <= 40 else []
        while len(self._value_labels) < len(shown):
            item = pg.TextItem("")
            self.plot.addItem(item, ignoreBounds=True)
            self._value_labels.append(item)
        for i, item in enumerate(self._value_labels):
            if i >= len(shown):
                item.hide()
                continue
            value = shown[i].value
            item.setText(f"{value:,.1f}".rstrip("0").rstrip("."), color=fg)
            if self.horizontal:
                item.setAnchor((0, 0.5))
                item.setPos(value, i)
            else:
                item.setAnchor((0.5, 1))
                item.setPos(i, value)
            item.show()

    @staticmethod
    def _short(text: str, limit: int = 32) -> str:
        text = str(text or "—")
        if len(text) <= limit:
            return text
        tail = " (derived)" if text.endswith(" (derived)") else ""   # never elide the marker
        return text[: limit - 1 - len(tail)] + "…" + tail

    def _emit_id(self, index: int) -> None:
        if 0 <= index < len(self.bars) and self.bars[index].ids:
            self.idClicked.emit(self.bars[index].ids[0])

    def _is_selected(self, index: int, bar: Bar) -> bool:
        return index in self._matched or not self._selected.isdisjoint(bar.ids)

    def highlight(self, ids) -> None:
        if set(ids or []) == self._selected:
            return      # set_bars already drew this selection
        self._selected = set(ids or [])
        self._matched = set(self.match(sorted(self._selected))) if self.match and self._selected else set()
        self.redraw()

    def highlighted_bars(self) -> list[int]:
        return [i for i, b in enumerate(self.bars) if self._is_selected(i, b)]
