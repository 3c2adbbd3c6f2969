"""The timelines' date axis: no grid lines denser than the eye can use."""

from __future__ import annotations

import pyqtgraph as pg

MIN_SPACING_PX = 12  # a tick level denser than this carries no labels: its lines are noise


class LabelledDateAxis(pg.DateAxisItem):
    """pyqtgraph draws a full-height grid line for every tick of every level, and a timeline
    over twenty years has ~300 monthly ticks a few pixels apart beside ~25 labelled years:
    those blended lines were ~30 of the 35-45 ms each repaint of the Meetings plot cost
    (offscreen, 1,000 releases). A level whose ticks would be closer than MIN_SPACING_PX is
    left out; zoomed in, months and then days come back with their labels."""

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        return [level for i, level in enumerate(levels)
                if i == 0 or len(level[1]) * MIN_SPACING_PX <= size]
