"""Cultural and memorial events and projects, dated or not."""

from __future__ import annotations

from PySide6 import QtWidgets

from app.gui import dates, queries
from app.gui.tabs.base_tab import BaseTab, esc


class CultureTab(BaseTab):
    table = "culture"
    title = "Culture"
    fact_type = "culture"
    columns = ["id", "summary", "kind", "date_start", "place", "source"]

    def build_plots(self) -> None:
        from app.gui.plots.bars import BarPlot
        from app.gui.plots.timeline import TimelinePlot
        self.timeline = TimelinePlot("Dated cultural items", status_legend=False)
        self.timeline.tip_for = self.tooltip_for
        self.kinds = BarPlot("Items by kind", "items (count)", horizontal=True, integer=True)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.kinds)
        splitter.setSizes([760, 440])
        self.plot_layout.addWidget(splitter)
        self.timeline.pointClicked.connect(lambda cid: self.select_id(cid))
        self.timeline.windowChosen.connect(self.main.set_time_window)
        self.kinds.idClicked.connect(lambda cid: self.select_id(cid))

    def plot_data(self, store, params: dict):
        from app.gui.plots.bars import Bar
        from app.gui.plots.timeline import TimePoint

        # Timestamps from SQL, tooltips on hover (tooltip_for): no per-row parsing or strings.
        _cols, rows, _total = queries.plot_columns(
            store, "culture", params["filters"], ["date_start", "kind"], "date_start",
            exprs={"ts": queries.ts_sql("date_start")})
        points = []
        by_kind: dict[str, list[int]] = {}
        for row_id, date_start, kind, ts in rows:
            kind = kind or "other"
            by_kind.setdefault(kind, []).append(row_id)
            start = ts if ts is not None else dates.to_ts(date_start)   # forms SQLite cannot read
            if start is None:
                continue
            points.append(TimePoint(row_id, start, start, kind, "held"))
        kinds = sorted(by_kind, key=lambda k: (len(by_kind[k]), k), reverse=True)[:20]
        kinds.reverse()   # horizontal bars draw bottom-up: the commonest kind on top
        bars = [Bar(k, len(by_kind[k]), by_kind[k], f"{k}: {len(by_kind[k])} items", group=i)
                for i, k in enumerate(kinds)]
        return points, len(rows), bars

    def tooltip_for(self, item_id: int) -> str:
        """The hovered point's tooltip, read from the database when it is asked for."""
        try:
            row = self.main.store.db.execute(
                "SELECT date_start, summary, place FROM culture WHERE id = ?", [int(item_id)]).fetchone()
        except Exception:  # a closed or changed store must not break hovering
            return ""
        if row is None:
            return ""
        date_start, summary, place = row
        return f"{date_start}\n{summary or ''}\n{place or ''}".strip()

    def draw_plots(self, data) -> None:
        points, total, bars = data
        self.timeline.set_points(points)
        self.timeline.show_window(*self.main.time_window())
        self.timeline.title_label.setText(
            f"<b>Dated cultural items</b> ({len(points):,} of {total:,} have a date)")
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
