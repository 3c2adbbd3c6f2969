"""Plots on big tables: counts per month instead of a mark per row, and what they must keep.

The seed database is small, so the thresholds are lowered here to take the same code paths a
50,000-document archive takes.
"""

from collections import Counter

from gui_helpers import table_rows
from PySide6 import QtCore

from app.gui import month_keys


def _per_month(rows, lane_of, status_of=lambda r: "held"):
    out = Counter()
    for r in rows:
        if r.get("date_start"):
            out[(month_keys.month_key(r["date_start"]), lane_of(r), status_of(r))] += 1
    return out


def _aggregate(window, monkeypatch, name: str):
    import app.gui.tabs.culture_tab as culture_tab
    import app.gui.tabs.meetings_tab as meetings_tab

    monkeypatch.setattr(meetings_tab, "DETAIL_LIMIT", 1)
    monkeypatch.setattr(culture_tab, "DETAIL_LIMIT", 1)
    tab = window.show_tab(name)
    tab.refresh()
    assert tab.timeline.aggregated
    return tab


def test_meetings_per_month_count_every_dated_meeting(window, store, monkeypatch):
    tab = _aggregate(window, monkeypatch, "meetings")
    rows = store.rows("meetings")
    expected = _per_month(rows, lambda r: r.get("kind") or "other", lambda r: r.get("status") or "held")
    drawn = Counter({(p.key, p.lane, p.status): p.count for p in tab.timeline.points})
    assert drawn == expected
    assert "per month" in tab.timeline.title_label.text()
    assert "per month" in tab.timeline.legend_label.text()
    assert len(tab.timeline.scatter.points()) == 0      # no marks pretending to be meetings
    assert tab.timeline.buckets.items                   # the bars are drawn


def test_a_bucket_click_selects_a_meeting_of_it_and_a_selected_row_marks_its_bucket(qtbot, window, monkeypatch):
    tab = _aggregate(window, monkeypatch, "meetings")
    timeline = tab.timeline
    bucket = max(timeline.points, key=lambda p: p.count)
    x, y = timeline.buckets.anchor(bucket, timeline._lane_y())
    assert timeline.buckets.at(x, y) is bucket
    vb = timeline.plot.getViewBox()
    pos = timeline.plot_widget.mapFromScene(vb.mapViewToScene(QtCore.QPointF(x, y)))
    qtbot.mouseClick(timeline.plot_widget.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    row = tab.current_row()
    assert row is not None
    assert month_keys.month_key(row["date_start"]) == bucket.key
    assert (row.get("kind") or "other") == bucket.lane
    # the reverse: the selected row's bucket carries the ring
    assert timeline.selected_positions() == [(x, y)]


def test_person_lanes_per_month_keep_every_dated_meeting(window, store, monkeypatch):
    tab = _aggregate(window, monkeypatch, "meetings")
    tab.lane_combo.setCurrentIndex(tab.lane_combo.findData("person"))
    lanes = set(tab.timeline.lanes)
    assert any("Lavrov" in lane for lane in lanes)
    dated = [r for r in store.rows("meetings") if r.get("date_start")]
    # each meeting is counted once in each lane it belongs to: at least once overall
    assert sum(p.count for p in tab.timeline.points) >= len(dated)
    lavrov = next(lane for lane in lanes if "Lavrov" in lane)
    with_lavrov = [r for r in dated if "Sergey Lavrov" in (r.get("participants") or "")]
    assert sum(p.count for p in tab.timeline.points if p.lane == lavrov) == len(with_lavrov)


def test_culture_per_month_counts_every_dated_item(window, store, monkeypatch):
    tab = _aggregate(window, monkeypatch, "culture")
    expected = _per_month(store.rows("culture"), lambda r: r.get("kind") or "other")
    drawn = Counter({(p.key, p.lane, p.status): p.count for p in tab.timeline.points})
    assert drawn == expected
    kinds = Counter(r.get("kind") or "other" for r in store.rows("culture"))
    assert {b.label: b.value for b in tab.kinds.bars} == dict(kinds)


def test_time_window_narrows_the_buckets(window, store, monkeypatch):
    tab = _aggregate(window, monkeypatch, "meetings")
    dated = sorted(r["date_start"] for r in store.rows("meetings") if r.get("date_start"))
    first = dated[0][:7]
    window.set_time_window(f"{first}-01", f"{first}-28")
    shown = {r["id"] for r in table_rows(tab) if r.get("date_start")}
    assert sum(p.count for p in tab.timeline.points) == len(shown)
    assert {p.key for p in tab.timeline.points} <= {first}


def test_people_plots_agree_with_the_stores_counts(window, store):
    from app.gui.tabs.base_tab import make_filters

    tab = window.show_tab("people")
    dated = [r for r in store.rows("meetings") if r.get("date_start")]
    years = sorted({r["date_start"][:4] for r in dated})
    for date_from, date_to in ((None, None), (f"{years[0]}-01-01", f"{years[-1]}-06-30")):
        window.set_time_window(date_from, date_to)
        filters = make_filters(date_from=date_from, date_to=date_to)
        expected = [(p.person_id, p.meetings) for p in
                    store.dated_meetings_per_person(filters, len(tab.bars.bars))]
        assert [(b.ids[0], b.value) for b in reversed(tab.bars.bars)] == expected
        nodes = set(tab.network.nodes)
        assert nodes
        together = sorted((c.a, c.b, c.meetings) for c in store.contacts(filters)
                          if c.a in nodes and c.b in nodes)
        assert sorted(tab.network.edges) == together


def test_zooming_in_on_the_per_month_view_shows_each_meeting_in_view(window, store, monkeypatch):
    from app.gui import timestamps as dates

    tab = _aggregate(window, monkeypatch, "meetings")
    timeline = tab.timeline
    lo, hi = timeline.plot.viewRange()[0]
    assert not timeline._settle_timer.isActive()      # its own ranges are not zooms
    per_month = Counter()
    for p in timeline.points:
        per_month[p.key] += p.count
    month = next(p for p in timeline.points if p.key == max(per_month, key=per_month.get))
    tab.zoom.limit = per_month[month.key]
    timeline.plot.setXRange(month.start, month.end, padding=0)
    timeline.viewSettled.emit(month.start, month.end)
    assert not timeline.aggregated
    start, end = dates.from_ts(month.start), dates.from_ts(month.end)
    from app.gui.tabs.base_tab import make_filters

    # the meetings the time window would keep for that range (coarse dates included)
    expected = {r["id"] for r in store.rows("meetings", make_filters(date_from=start, date_to=end))
                if r.get("date_start")}
    assert expected
    assert {int(p.data()) for p in timeline.scatter.points()} == expected
    assert "in view" in timeline.title_label.text()
    # zooming back out returns to the counts per month
    timeline.plot.setXRange(lo, hi, padding=0)
    timeline.viewSettled.emit(lo, hi)
    assert timeline.aggregated
    assert "per month" in timeline.title_label.text()


def test_trade_plots_under_a_text_filter_draw_only_the_rows_it_keeps(store):
    import app.gui.tabs.trade_tab as trade_tab
    from app.gui.tabs.base_tab import make_filters

    words = Counter(w for r in store.rows("trade") for w in str(r.get("measure") or "").split()
                    if w.isalpha())
    assert words
    tab = trade_tab.TradeTab.__new__(trade_tab.TradeTab)
    for word, _n in words.most_common(3):
        filters = make_filters(text=word)
        kept = {r["id"] for r in store.rows("trade", filters, limit=None)}
        drawn = tab.plot_data(store, {"filters": filters, "window": None, "table": "trade"})
        ids = {i for b in drawn["bars"] for i in b.ids} | {i for p in drawn["plans"] for i in p.ids}
        ids |= {i for b in drawn["percent"] for i in b.ids}
        assert ids and ids <= kept
