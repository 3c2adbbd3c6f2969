"""The Store's aggregate reads the plots and details draw, read headless (no Qt): each is
checked against the rows Store.rows gives, so a schema change that breaks one shows here."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections import Counter
from datetime import UTC

import pytest

from app.store import Filters, Store


def _dated(rows):
    return [r for r in rows if r.get("date_start")]


def test_the_store_imports_no_qt_nor_pyqtgraph():
    code = ("import sys; from app.store import Store; Store.month_buckets; "
            "bad = [m for m in ('PySide6', 'pyqtgraph') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_month_buckets_count_every_dated_meeting(seed_db):
    with Store.open(seed_db) as store:
        rows = _dated(store.rows("meetings", Filters(), limit=None))
        buckets = store.month_buckets("meetings", Filters(), "kind", "status")
        assert rows and sum(b.count for b in buckets) == len(rows)
        want = Counter((r["date_start"][:7], r["kind"], r["status"]) for r in rows)
        assert {(b.month, b.lane, b.status): b.count for b in buckets} == dict(want)
        with pytest.raises(dataclasses.FrozenInstanceError):
            buckets[0].count = 0


def test_year_and_kind_counts_agree_with_the_rows(seed_db):
    with Store.open(seed_db) as store:
        rows = store.rows("meetings", Filters(), limit=None)
        years = {y.year: y.count for y in store.year_counts("meetings", Filters(), "date_start")}
        assert years == dict(Counter(r["date_start"][:4] for r in _dated(rows)))
        kinds = {k.kind: k.count for k in store.kind_counts("meetings", Filters())}
        assert kinds == dict(Counter(r["kind"] for r in rows))
        assert set(store.years()) == {int(y) for y in years}


def test_busiest_people_agree_with_dated_meetings_per_person(seed_db):
    with Store.open(seed_db) as store:
        busiest = store.busiest_people(Filters(), 5, 5)
        assert busiest.people and busiest.people == store.dated_meetings_per_person(Filters(), 5)
        assert all(c.a < c.b and c.meetings > 0 for c in busiest.contacts)
        # the filtered path (a time window) counts the same people as the unfiltered one
        windowed = store.busiest_people(Filters(date_from="0001-01-01", date_to="9999-12-31"), 5, 5)
        assert windowed.people == busiest.people
        together = {(c.a, c.b): c.meetings for c in store.contacts(Filters())}
        assert all(together[(c.a, c.b)] == c.meetings for c in busiest.contacts)
        names = store.person_names([p.person_id for p in busiest.people])
        assert len(names) == len(busiest.people) and all(names.values())


def test_person_month_buckets_give_every_meeting_a_lane(seed_db):
    with Store.open(seed_db) as store:
        top = [p.person_id for p in store.busiest_people(Filters(), 3, 0).people]
        buckets = store.person_month_buckets(Filters(), top)
        assert {b.lane for b in buckets} - {None, -1} <= set(top)
        first = {b.first_id for b in buckets}
        dated = {r["id"] for r in _dated(store.rows("meetings", Filters(), limit=None))}
        assert first <= dated


def test_plot_columns_and_position_follow_the_rows(seed_db):
    with Store.open(seed_db) as store:
        got = store.plot_columns("meetings", Filters(), ["date_start"], "date_start")
        assert got.names == ["id", "date_start"]
        assert got.total == store.count("meetings") == len(got.rows)
        ordered = [r["id"] for r in store.rows("meetings", Filters(), order_by="date_start",
                                                   descending=True, limit=None)]
        for i, row_id in enumerate(ordered):
            assert store.position("meetings", Filters(), "date_start", True, row_id) == i


def test_plot_columns_stamps_and_dated_rows(seed_db):
    with Store.open(seed_db) as store:
        got = store.plot_columns("culture", Filters(), ["date_start"], "date_start",
                                 stamps={"ts": ("date_start", False)}, dated=True)
        assert got.names == ["id", "date_start", "ts"]
        assert all(r[1] for r in got.rows)
        assert len(got.rows) == len(_dated(store.rows("culture", Filters(), limit=None)))
        day = next(r for r in got.rows if len(r[1]) == 10)
        from datetime import datetime
        assert day[2] == datetime.fromisoformat(day[1]).replace(tzinfo=UTC).timestamp()
        rows = store.plot_rows("sources", Filters(), ["date"], "date")
        assert rows.total == store.count("sources") and rows.rows[0].keys() == {"id", "date"}


def test_tooltip_and_locate_lookups_read_the_rows_they_name(seed_db):
    with Store.open(seed_db) as store:
        meeting = store.rows("meetings", Filters(), limit=1)[0]
        tip = store.meeting_tip(meeting["id"])
        assert tip.date_start == meeting["date_start"] and tip.kind == meeting["kind"]
        assert store.meeting_tip(10**9) is None
        marks = store.meeting_marks([meeting["id"]], True)
        assert [(m.id, m.date_start, m.kind, m.status) for m in marks] == \
            [(meeting["id"], meeting["date_start"], meeting["kind"], meeting["status"])]
        assert store.max_meeting_id() >= meeting["id"]
        doc = store.rows("sources", Filters(), limit=1)[0]
        assert store.source_dates([doc["id"]]) == [doc["date"]]
        assert store.distinct("meetings", "kind")
        item = store.rows("culture", Filters(), limit=1)[0]
        assert store.culture_tip(item["id"]).summary == item["summary"]
        assert [m.kind for m in store.culture_marks([item["id"]])] == [item["kind"]]
        version = store.data_version()
        assert version == store.data_version()


def test_a_closed_store_gives_nothing_rather_than_failing(seed_db):
    store = Store.open(seed_db)
    store.close()
    assert store.meeting_tip(1) is None
    assert store.meeting_marks([1], True) is None
    assert store.max_meeting_id() is None
    assert store.source_dates([1]) == [] and store.culture_marks([1]) == []
    assert store.data_version() != store.data_version()
