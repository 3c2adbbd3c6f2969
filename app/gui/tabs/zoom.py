"""A per-month timeline that shows each row again once the user zooms in far enough.

Past a tab's detail limit its timeline draws rows per month (counted in SQL). When a zoom or
pan leaves few enough rows in view, the rows in view are read and drawn one mark each; zooming
back out past the limit returns to the counts. Only the plot is narrowed: the table keeps its
filters and the app-wide time window.
"""

from __future__ import annotations

from dataclasses import replace

from .. import timestamps as dates


class ZoomDetail:
    """Attach to a tab's TimelinePlot. `detail(filters)` returns (points, lanes) one per row
    under filters narrowed to the view; `title(kind, shown, total)` sets the plot's title for
    kind "months", "zoomed" or "rows"."""

    def __init__(self, tab, timeline, limit: int, unit: str, detail, title):
        self.tab = tab
        self.unit = unit
        self.timeline = timeline
        self.limit = limit
        self.detail = detail
        self.title = title
        self.months = None      # (points, lanes, rows drawn, rows) of the per-month view
        self.zoomed = False
        timeline.viewSettled.connect(self.view_settled)

    def drawn(self, aggregated: bool, points, lanes, shown: int, rows: int) -> None:
        """The tab drew a fresh view (new filters): forget any zoomed detail."""
        self.months = (points, lanes, shown, rows) if aggregated else None
        self.zoomed = False

    def view_settled(self, lo: float, hi: float) -> None:
        if self.months is None or self.tab.model is None:
            return
        points, lanes, shown, rows = self.months
        in_view = sum(p.count for p in points if p.end >= lo and p.start <= hi)
        if in_view <= self.limit:
            filters = self.tab.model.filters
            try:
                date_from, date_to = dates.from_ts(lo), dates.from_ts(hi)
            except (OverflowError, OSError, ValueError):
                return      # zoomed out past the calendar: nothing to read
            if filters.date_from and filters.date_from > date_from:
                date_from = filters.date_from
            if filters.date_to and filters.date_to < date_to:
                date_to = filters.date_to
            marks, mark_lanes = self.detail(replace(filters, date_from=date_from, date_to=date_to))
            self.timeline.set_points(marks, mark_lanes, keep_range=True)
            self.zoomed = True
            self.title("zoomed", len(marks), shown)
        elif self.zoomed:
            self.timeline.set_points(points, lanes, aggregated=True, unit=self.unit, keep_range=True)
            self.zoomed = False
            self.title("months", shown, rows)
