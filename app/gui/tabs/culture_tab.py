"""Cultural and memorial events and projects, dated or not."""

from __future__ import annotations

from PySide6 import QtWidgets

from .. import month_keys
from .. import timestamps as dates
from .base_tab import BaseTab, esc

# Beyond this many dated items under the filters the timeline draws items per month (counted
# in SQL, said so in its title and legend) instead of a mark per item.
DETAIL_LIMIT = 3000
MAX_KINDS = 20


class CultureTab(BaseTab):
    table = "culture"
    title = "Culture"
    fact_type = "culture"
    columns = ["id", "summary", "kind", "date_start", "place", "sources", "source"]
    # the first source's title is in the details; as a column it would also be filtered on
    hidden_columns = ("id", "source")

    def build_plots(self) -> None:
        from ..plots.bars import BarPlot
        from ..plots.timeline import TimelinePlot
        self.timeline = TimelinePlot("Dated cultural items", status_legend=False)
        self.timeline.tip_for = self.tooltip_for
        self.kinds = BarPlot("Items by kind", "items (count)", horizontal=True, integer=True)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.kinds)
        splitter.setSizes([760, 440])
        self.plot_layout.addWidget(splitter)
        self.timeline.pointClicked.connect(lambda cid: self.select_id(cid))
        self.timeline.windowChosen.connect(self.ctx.set_time_window)
        self.kinds.idClicked.connect(lambda cid: self.select_id(cid))
        self.kinds.match = self._kind_bars
        self.timeline.locate = self.locate
        from .zoom import ZoomDetail
        self.zoom = ZoomDetail(self, self.timeline, DETAIL_LIMIT, "items",
                               lambda f: (self._detail_points(self.ctx.store, f), None), self._set_title)

    def plot_data(self, store, params: dict):
        from ..plots.data import Bar

        filters = params["filters"]
        counts = [(c.kind, c.count, c.first_id) for c in store.kind_counts("culture", filters)]
        total = sum(n for _k, n, _first in counts)
        kinds = sorted(counts, key=lambda c: (c[1], c[0] or "other"), reverse=True)[:MAX_KINDS]
        kinds.reverse()   # horizontal bars draw bottom-up: the commonest kind on top
        bars = [Bar(k or "other", n, [first], f"{k or 'other'}: {n:,} items", group=i)
                for i, (k, n, first) in enumerate(kinds)]
        buckets = store.month_buckets("culture", filters, "kind")
        dated = sum(b.count for b in buckets)
        if dated > DETAIL_LIMIT:
            points = month_keys.bucket_points(buckets, "item", "items", False)
            return points, sum(p.count for p in points), total, bars, True
        points = self._detail_points(store, filters)
        return points, len(points), total, bars, False

    @staticmethod
    def _detail_points(store, filters) -> list:
        from ..plots.data import TimePoint

        # Timestamps from SQL, tooltips on hover (tooltip_for): no per-row parsing or strings.
        rows = store.plot_columns("culture", filters, ["date_start", "kind"], "date_start",
                                  stamps={"ts": ("date_start", False)}, dated=True).rows
        points = []
        for row_id, date_start, kind, ts in rows:
            start = ts if ts is not None else dates.to_ts(date_start)   # forms SQLite cannot read
            if start is not None:
                points.append(TimePoint(row_id, start, start, kind or "other", "held"))
        return points

    def _kind_bars(self, ids: list[int]) -> list[int]:
        """The kinds bars holding these items."""
        kinds = {m.kind or "other" for m in self.ctx.store.culture_marks(ids)}
        return [i for i, b in enumerate(self.kinds.bars) if b.label in kinds]

    def locate(self, ids: list[int]) -> list[tuple[str, str, str]]:
        """The (month, kind, status) buckets of these items, for the per-month timeline."""
        marks = self.ctx.store.culture_marks(ids)
        return [(month_keys.month_key(m.date_start), m.kind or "other", "held")
                for m in marks if m.date_start]

    def tooltip_for(self, item_id: int) -> str:
        """The hovered point's tooltip, read from the database when it is asked for."""
        tip = self.ctx.store.culture_tip(item_id)
        if tip is None:
            return ""
        date_start, summary, place = tip.date_start, tip.summary, tip.place
        return f"{date_start}\n{summary or ''}\n{place or ''}".strip()

    def _set_title(self, kind: str, shown: int, total: int) -> None:
        if kind == "months":
            title = f"<b>Cultural items per month</b> ({shown:,} of {total:,} dated)"
        elif kind == "zoomed":
            title = f"<b>Dated cultural items</b> ({shown:,} in view; zoom out for items per month)"
        else:
            title = f"<b>Dated cultural items</b> ({shown:,} of {total:,} have a date)"
        self.timeline.title_label.setText(title)
        self.timeline.title_label.setToolTip(
            f"With more than {DETAIL_LIMIT:,} dated items under the filters, each bar counts the "
            "items of one month (hover for the number). Zoom in, filter the table or narrow the "
            "time window to see each item." if kind != "rows" else "")

    def draw_plots(self, data) -> None:
        points, dated, total, bars, aggregated = data
        self.timeline.set_points(points, aggregated=aggregated, unit="items")
        self.zoom.drawn(aggregated, points, self.timeline.lanes, dated, total)
        self.timeline.show_window(*self.ctx.time_window())
        self._set_title("months" if aggregated else "rows", dated, total)
        self.kinds.set_bars(bars)

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "timeline"):
            self.timeline.highlight(ids)
            self.kinds.highlight(ids)

    def detail_html(self, row: dict) -> str:
        parts = [f"<h3>{esc(row.get('summary'))}</h3>",
                 f"<p>{esc(row.get('kind') or 'item')}"
                 f"{' · ' + esc(row.get('date_start')) if row.get('date_start') else ' · undated'}"
                 f"{' · ' + esc(row.get('place')) if row.get('place') else ''}</p>",
                 "<h4>Sources</h4>", self.sources_html(self.provenance(row))]
        return "".join(parts)
