"""The aggregates the plots and details draw, read headless from the store (no Qt): each is
checked against the rows Store.rows gives, so a schema change that breaks one shows here."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from app.store import Store
from app.store import aggregates as agg
from app.store.queries import Filters


def _dated(rows):
    return [r for r in rows if r.get("date_start")]


def test_aggregates_import_no_qt_nor_pyqtgraph():
    code = ("import sys, app.store.aggregates; "
            "bad = [m for m in ('PySide6', 'pyqtgraph') if m in sys.modules]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_month_buckets_count_every_dated_meeting(seed_db):
    with Store.open(seed_db) as store:
        rows = _dated(store.rows("meetings", Filters(), limit=None))
        buckets = agg.month_buckets(store, "meetings", Filters(), "kind", "status")
        assert rows and sum(b[3] for b in buckets) == len(rows)
        want = Counter((r["date_start"][:7], r["kind"], r["status"]) for r in rows)
        assert {(m, k, s): n for m, k, s, n, _first in buckets} == dict(want)


def test_year_and_kind_counts_agree_with_the_rows(seed_db):
    with Store.open(seed_db) as store:
        rows = store.rows("meetings", Filters(), limit=None)
        years = {y: n for y, n, _first in agg.year_counts(store, "meetings", Filters(), "date_start")}
        assert years == dict(Counter(r["date_start"][:4] for r in _dated(rows)))
        kinds = {k: n for k, n, _first in agg.kind_counts(store, "meetings", Filters())}
        assert kinds == dict(Counter(r["kind"] for r in rows))
        assert set(agg.years(store)) == {int(y) for y in years}


def test_busiest_people_agree_with_dated_meetings_per_person(seed_db):
    with Store.open(seed_db) as store:
        top, edges = agg.busiest_people(store, Filters(), 5, 5)
        assert top and top == agg.dated_meetings_per_person(store, Filters(), 5)
        assert all(a < b and n > 0 for a, b, n in edges)
        names = agg.person_names(store, [p for p, _n in top])
        assert len(names) == len(top) and all(names.values())


def test_plot_columns_and_position_follow_the_rows(seed_db):
    with Store.open(seed_db) as store:
        cols, data, total = agg.plot_columns(store, "meetings", Filters(), ["date_start"], "date_start")
        assert cols == ["id", "date_start"] and total == store.count("meetings") == len(data)
        ordered = [r["id"] for r in store.rows("meetings", Filters(), order_by="date_start",
                                                   descending=True, limit=None)]
        for i, row_id in enumerate(ordered):
            assert agg.position(store, "meetings", Filters(), "date_start", True, row_id) == i


def test_tooltip_and_locate_lookups_read_the_rows_they_name(seed_db):
    with Store.open(seed_db) as store:
        meeting = store.rows("meetings", Filters(), limit=1)[0]
        row = agg.meeting_tooltip_row(store, meeting["id"])
        assert row[0] == meeting["date_start"] and row[2] == meeting["kind"]
        assert agg.meeting_tooltip_row(store, 10**9) is None
        found, names = agg.meeting_marks(store, [meeting["id"]], True)
        assert found == [(meeting["id"], meeting["date_start"], meeting["kind"], meeting["status"])]
        assert agg.max_meeting_id(store) >= meeting["id"]
        doc = store.rows("sources", Filters(), limit=1)[0]
        assert agg.source_dates(store, [doc["id"]]) == [doc["date"]]
        assert agg.distinct(store, "meetings", "kind")
        version = agg.data_version(store)
        assert version == agg.data_version(store)


def test_a_closed_store_gives_nothing_rather_than_failing(seed_db):
    store = Store.open(seed_db)
    store.close()
    assert agg.meeting_tooltip_row(store, 1) is None
    assert agg.meeting_marks(store, [1], True) is None
    assert agg.max_meeting_id(store) is None
    assert agg.source_dates(store, [1]) == [] and agg.culture_dates_kinds(store, [1]) == []
    assert agg.data_version(store) != agg.data_version(store)
