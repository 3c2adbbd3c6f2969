"""Meetings, visits, talks and sessions: table, filters, and a timeline with lanes."""

from __future__ import annotations

from dataclasses import replace

from PySide6 import QtWidgets

from .. import month_keys
from .. import timestamps as dates
from .base_tab import BaseTab, esc
from .lazy_combo import LazyCombo

MAX_PERSON_LANES = 14
NO_PARTICIPANT = "(no named participant)"
# Beyond this many dated meetings under the filters the timeline draws meetings per month
# (counted in SQL, said so in its title and legend) instead of a mark per meeting.
DETAIL_LIMIT = 3000


class MeetingsTab(BaseTab):
    _by_person = False
    table = "meetings"
    title = "Meetings"
    fact_type = "event"
    default_sort = "date_start"
    columns = ["id", "date_start", "date_end", "kind", "place", "participants", "status",
               "category", "summary", "sources", "source"]
    # The first source's title is in the details ("Sources" counts them): as a column it
    # would also be filtered on, and titles name people who were not at the meeting.
    hidden_columns = ("id", "source")

    def add_filter_widgets(self, row: QtWidgets.QHBoxLayout) -> None:
        store = lambda: self.ctx.store  # noqa: E731 - the store changes on File > Open
        self.person_combo = LazyCombo("Filter by person", "Any person",
                                      lambda: store().distinct("people", "name"))
        self.place_combo = LazyCombo("Filter by place", "Any place",
                                     lambda: store().distinct("meetings", "place"))
        self.kind_combo = LazyCombo("Filter by kind", "Any kind",
                                    lambda: store().distinct("meetings", "kind"))
        self.year_combo = LazyCombo("Filter by year", "Any year", lambda: store().years())
        for combo in self.combos():
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            row.addWidget(combo)

    def combos(self) -> list[LazyCombo]:
        return [self.person_combo, self.place_combo, self.kind_combo, self.year_combo]

    def reset_extra_filters(self) -> None:
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def forget_store_data(self) -> None:
        for combo in self.combos():
            combo.reset()
        super().forget_store_data()

    def extra_filters(self) -> dict:
        year = self.year_combo.currentData()
        return {
            "person": self.person_combo.currentData(),
            "place": self.place_combo.currentData(),
            "kind": self.kind_combo.currentData(),
            "year": int(year) if year else None,
        }

    def build_plots(self) -> None:
        from ..plots.timeline import TimelinePlot
        self.timeline = TimelinePlot("Meetings timeline")
        self.timeline.tip_for = self.tooltip_for
        self.lane_combo = QtWidgets.QComboBox()
        self.lane_combo.addItem("Lanes: kind", "kind")
        self.lane_combo.addItem("Lanes: person", "person")
        self.lane_combo.setAccessibleName("Timeline lanes")
        self.lane_combo.currentIndexChanged.connect(lambda _i: self.update_plots())
        self.timeline.add_header_widget(self.lane_combo)
        self.plot_layout.addWidget(self.timeline)
        self.timeline.pointClicked.connect(lambda mid: self.select_id(mid))
        from .zoom import ZoomDetail
        self.zoom = ZoomDetail(self, self.timeline, DETAIL_LIMIT, "meetings", self._zoomed_points,
                               self._set_title)
        self.timeline.windowChosen.connect(self.ctx.set_time_window)

    def plot_params(self) -> dict:
        return {**super().plot_params(), "by_person": self.lane_combo.currentData() == "person"}

    def plot_data(self, store, params: dict):
        buckets = store.month_buckets("meetings", params["filters"], "kind", "status")
        dated = sum(b.count for b in buckets)
        if dated <= DETAIL_LIMIT:
            return self._detail_points(store, params)
        points = month_keys.bucket_points(buckets, "meeting", "meetings", True)
        dated = sum(p.count for p in points)   # meetings whose date the timeline can place
        if params["by_person"]:
            top = [p.person_id for p in store.busiest_people(
                params["filters"], MAX_PERSON_LANES, 0).people]
            names = store.person_names(top)
            buckets = [replace(b, lane=NO_PARTICIPANT if b.lane is None else "others" if b.lane == -1
                               else names.get(b.lane) or str(b.lane))
                       for b in store.person_month_buckets(params["filters"], top)]
            points = month_keys.bucket_points(buckets, "meeting", "meetings", True)   # a meeting counts once in each of its lanes
        return points, self._lanes(points), dated, dated, True

    @staticmethod
    def _lanes(points) -> list[str]:
        lanes = sorted({p.lane for p in points},
                       key=lambda s: (s in ("others", NO_PARTICIPANT), s == "others", s.lower()))
        lanes.reverse()   # the first lane alphabetically sits at the top
        return lanes

    def _detail_points(self, store, params: dict):
        from ..plots.data import TimePoint

        # Timestamps come from SQL and tooltips are built on hover (tooltip_for): no Python
        # date parsing or string building per point.
        got = store.plot_columns(
            "meetings", params["filters"], ["date_start", "date_end", "kind", "status", "participants"],
            "date_start", stamps={"ts_start": ("date_start", False), "ts_end": ("date_end", True),
                                  "ts_start_end": ("date_start", True)})
        cols, rows, total = got.names, got.rows, got.total
        at = {c: i for i, c in enumerate(cols)}
        i_id, i_start, i_end, i_kind = at["id"], at["ts_start"], at["ts_end"], at.get("kind")
        i_start_end, i_status, i_part = at["ts_start_end"], at.get("status"), at.get("participants")
        i_ds, i_de = at.get("date_start"), at.get("date_end")
        by_person = params["by_person"]
        points: list[TimePoint] = []
        for r in rows:
            start = r[i_start]
            if start is None:
                if i_ds is None or not r[i_ds]:
                    continue
                start = dates.to_ts(r[i_ds])     # a date SQLite cannot read; Python may
                if start is None:
                    continue
            end = r[i_end] if (i_de is not None and r[i_de]) else r[i_start_end]
            if end is None:
                end = dates.to_ts((r[i_de] if i_de is not None else None) or r[i_ds], end=True) or start
            status = (r[i_status] if i_status is not None else None) or "held"
            if by_person:
                names = [n.strip() for n in ((r[i_part] if i_part is not None else None) or "").split(",")
                         if n.strip()]
                for name in names or [NO_PARTICIPANT]:
                    points.append(TimePoint(r[i_id], start, max(end, start), name, status))
            else:
                points.append(TimePoint(r[i_id], start, max(end, start),
                                        (r[i_kind] if i_kind is not None else None) or "other", status))
        if by_person:
            counts: dict[str, int] = {}
            for p in points:
                counts[p.lane] = counts.get(p.lane, 0) + 1
            top = set(sorted(counts, key=lambda n: -counts[n])[:MAX_PERSON_LANES])
            for p in points:
                if p.lane not in top:
                    p.lane = "others"
        return points, self._lanes(points), len(rows), total, False

    def tooltip_for(self, meeting_id: int) -> str:
        """The hovered point's tooltip, read from the database when it is asked for."""
        tip = self.ctx.store.meeting_tip(meeting_id)
        if tip is None:
            return ""
        ds, de, kind, place, status = tip.date_start, tip.date_end, tip.kind, tip.place, tip.status
        participants, summary = tip.participants, tip.summary
        return (f"{ds}{' – ' + de if de and de != ds else ''}"
                f"\n{kind or 'event'}{' in ' + place if place else ''} ({status or '?'})"
                f"\n{participants or ''}\n{summary or ''}").strip()

    def locate(self, ids: list[int]) -> list[tuple[str, str, str]]:
        """The (bucket, lane, status) of meetings, for marking them on a per-month timeline."""
        marks = self.ctx.store.meeting_marks(ids, self._by_person)
        if marks is None:   # a closed or changed store must not break selecting
            return []
        names = {m.id: list(m.participants) for m in marks if m.participants}
        lanes = set(self.timeline.lanes)
        out = []
        for eid, date_start, kind, status in ((m.id, m.date_start, m.kind, m.status) for m in marks):
            key = month_keys.month_key(date_start)
            if not key:
                continue
            if self._by_person:
                found = [n for n in names.get(eid, []) if n in lanes]
                others = len(found) < len(names.get(eid, []))
                keys = found + (["others"] if others else []) + ([] if eid in names else [NO_PARTICIPANT])
            else:
                keys = [kind or "other"]
            out += [(key, lane, status or "held") for lane in keys]
        return out

    def _zoomed_points(self, filters):
        points, lanes, *_rest = self._detail_points(self.ctx.store, {**self.plot_params(), "filters": filters})
        return points, lanes

    def _set_title(self, kind: str, shown: int, total: int) -> None:
        if kind == "months":
            title = f"<b>Meetings per month</b> ({total:,} dated; one mark each below {DETAIL_LIMIT:,})"
        elif kind == "zoomed":
            title = f"<b>Meetings timeline</b> ({shown:,} in view; zoom out for meetings per month)"
        else:
            title = "<b>Meetings timeline</b>" + (f" (latest {shown:,} of {total:,})" if total > shown else "")
        self.timeline.title_label.setText(title)
        self.timeline.title_label.setToolTip(
            f"With more than {DETAIL_LIMIT:,} dated meetings under the filters, each bar counts "
            "the meetings of one month (hover for the number). Zoom in, filter the table or "
            "narrow the time window to see each meeting." if kind != "rows" else "")

    def draw_plots(self, data) -> None:
        points, lanes, shown, total, aggregated = data
        self._by_person = self.lane_combo.currentData() == "person"
        self._set_title("months" if aggregated else "rows", shown, total)
        self.timeline.locate = self.locate
        self.timeline.set_points(points, lanes, aggregated=aggregated, unit="meetings")
        self.zoom.drawn(aggregated, points, lanes, total, total)
        self.timeline.show_window(*self.ctx.time_window())

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "timeline"):
            self.timeline.highlight(ids)

    def detail_html(self, row: dict) -> str:
        try:
            event = self.ctx.store.event(row["id"])
        except Exception:
            event = dict(row)
        when = row.get("date_start") or "undated"
        if row.get("date_end") and row.get("date_end") != row.get("date_start"):
            when += f" – {row.get('date_end')}"
        parts = [f"<h3>{esc((row.get('kind') or 'event').capitalize())}"
                 f"{' in ' + esc(row.get('place')) if row.get('place') else ''}</h3>",
                 f"<p><b>{esc(when)}</b> · {esc(row.get('status'))} · {esc(row.get('category'))}</p>"]
        if event.get("date_basis") == "publication" and row.get("date_start"):
            parts.append("<p><i>Dated by the release's publication date: the release gives no "
                         "date of its own for it.</i></p>")
        if row.get("summary"):
            parts.append(f"<p>{esc(row.get('summary'))}</p>")
        participants = event.get("participants") or []
        if participants:
            parts.append("<h4>Participants</h4><ul>")
            for p in participants:
                post = f" — {esc(p.get('post_at_date'))}" if p.get("post_at_date") else ""
                if p.get("person_id") is not None:
                    parts.append(f"<li><a href='fb://people/{p['person_id']}'>{esc(p.get('name'))}</a>{post}</li>")
                else:
                    parts.append(f"<li>{esc(p.get('name'))}{post}</li>")
            parts.append("</ul>")
        sources = event.get("sources")
        if not isinstance(sources, list):
            sources = self.provenance(row)
        parts.append(f"<h4>Sources ({len(sources)})</h4>")
        parts.append(self.sources_html(sources))
        return "".join(parts)
