"""The timelines' date axis: no grid lines denser than the eye can use."""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as date_axis_module

MIN_SPACING_PX = 12  # a tick level denser than this carries no labels: its lines are noise
HOUR = date_axis_module.HOUR_SPACING


class LabelledDateAxis(pg.DateAxisItem):
    """pyqtgraph draws a full-height grid line for every tick of every level, and a timeline
    over twenty years has ~300 monthly ticks a few pixels apart beside ~25 labelled years:
    those blended lines were ~30 of the 35-45 ms each repaint of the Meetings plot cost
    (offscreen, 1,000 releases). A level whose ticks would be closer than MIN_SPACING_PX is
    left out; zoomed in, months and then days come back with their labels."""

    def tickValues(self, minVal, maxVal, size):
        if self.utcOffset is None:   # local time, its offsets changing with the date
            levels = super().tickValues(minVal, maxVal, size)
        else:
            levels = self._fixed_offset_ticks(minVal, maxVal, size)
        return [level for i, level in enumerate(levels)
                if i == 0 or len(level[1]) * MIN_SPACING_PX <= size]

    def _fixed_offset_ticks(self, minVal, maxVal, size):
        """pyqtgraph's ZoomLevel.tickValues for a fixed UTC offset. pyqtgraph moves each
        tick of a day or coarser level by that offset through two QDateTime conversions
        per tick (~25 us each: 16 of the 22 ms a Meetings repaint spent on its ticks at
        44,855 releases), whose answer is the offset itself; here it is added once."""
        self.setZoomLevelForDensity((maxVal - minVal) / size)
        level, spacing_min, offset = self.zoomLevel, self.minSpacing, self.utcOffset
        np = date_axis_module.np
        seen = np.array([])
        out = []
        for spec in level.tickSpecs:
            lo, hi = level.extendTimeRangeForSpacing(spec.spacing, minVal, maxVal)
            ticks, skip = spec.makeTicks(lo, hi, spacing_min)
            if len(ticks) and (spec.spacing > HOUR or (spec.spacing == HOUR and skip > 1)):
                ticks = ticks + offset
            else:   # hour and finer ticks: pyqtgraph's own way
                ticks = level.moveTicksToLocalTimeCoords(ticks, spec.spacing, skip)
            close = np.any(np.isclose(seen, ticks[:, np.newaxis], rtol=0,
                                      atol=spacing_min * 0.01), axis=-1)
            ticks = ticks[~close]
            seen = np.concatenate([seen, ticks])
            out.append((spec.spacing, ticks.tolist()))
            if skip > 1:
                break
        return out
