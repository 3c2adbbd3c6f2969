"""Counts under a time window from the kept counts and the edges' rows (window_counts.py),
and per month, kind or year under a text filter by walking a covering index: exactly what
one GROUP BY over the rows the filters keep answers, on generated releases plus rows made
to sit on every edge (undated, dated to the year or month only, spanning the window's
first or last day, ending before they start, a filter matching nothing or most rows)."""

import shutil

import pytest

from app.store import Filters, Store, window, window_counts
from app.store.where import where_clause

EVENTS = [  # (kind, status, date_start, date_end)
    ("talks", "held", None, None), ("talks", "held", "", None), ("visit", None, "c. 2010", None),
    ("talks", "held", "2009-12-20", "2010-01-05"), ("talks", "held", "2009-12-20", "2009-12-31"),
    ("visit", "planned", "2009", "2010"), ("visit", "held", "2010", None), ("visit", "held", "2010", "2010"),
    ("talks", None, "2010-01", "2010-01"), ("talks", "held", "2010-01-01", "2010-01-01"),
    (None, "held", "2010-02-14", "2010-02-14"), ("talks", "held", "2011-05-03", "2009-01-01"),
    ("talks", "held", "2011-05-04", "2009"), ("talks", "held", "2011-05-05", "2011-05-06"),
    ("forum", "held", "2011", "2011"), ("forum", "held", "2012-12", "2012-12"),
    ("forum", "held", "2012-12-31", "2013-01-02"), ("forum", "held", "2013-01-01", "2013-01-01"),
    ("forum", "held", "2012", "2012"), ("talks", "held", "2011-02-10", "2011-02-10"),
]
CULTURE = [(None, None), ("exhibition", ""), ("exhibition", "c. 2010"), ("festival", "2009"),
           ("festival", "2010"), ("festival", "2010-01"), ("festival", "2010-01-01"),
           ("concert", "2011-05-03"), (None, "2011-06"), ("concert", "2012"),
           ("concert", "2012-12-31"), ("concert", "2013-01"), ("festival", "2011-02-10")]
WINDOWS = [("2010-01-01", "2012-12-31"), ("2010", "2012"), (None, "2011-06-30"),
           ("2011-02-10", None), ("2011-03-15", "2011-04-20"), ("2010-01-02", "2012-12-30"),
           ("2011-05", "2011-05")]


@pytest.fixture(scope="module")
def db(generated_copy):
    path = generated_copy("wcounts")
    with Store.open(path, write=True) as store:
        conn = store.conn
        conn.executemany("INSERT INTO events(kind, status, date_start, date_end, summary) "
                         "VALUES (?, ?, ?, ?, 'zebra crossing talks')", EVENTS)
        conn.executemany("INSERT INTO culture_items(summary, summary_key, kind, date_start) "
                         "VALUES ('zebra festival', 'zebra festival ' || ?, ?, ?)",
                         [(i, k, d) for i, (k, d) in enumerate(CULTURE)])
    return path


def _where(table, filters):
    where, params = where_clause(table, filters)
    return where + (" AND " if where else " WHERE "), params


def _months(store, table, filters):
    where, params = _where(table, filters)
    status = "status" if table == "meetings" else "NULL"
    if filters is not None and filters.date_to:  # as the old read: a bound for the month index
        where += "substr(date_start, 1, 7) <= substr(?, 1, 7) || '~' AND "
        params.append(filters.date_to)
    return store.conn.execute(
        f"SELECT substr(date_start, 1, 7), kind, {status}, COUNT(*), MIN(id) FROM {table}"
        f"{where}date_start > '' GROUP BY substr(date_start, 1, 7), kind, {status}",
        params).fetchall()


def _kinds(store, table, filters):
    where, params = where_clause(table, filters)
    return store.conn.execute(f"SELECT kind, COUNT(*), MIN(id) FROM {table}{where} GROUP BY kind",
                              params).fetchall()


def _count(store, table, filters):
    where, params = where_clause(table, filters)
    return store.conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]


def _years(store, filters):
    where, params = _where("sources", filters)
    return store.conn.execute(f"SELECT substr(date, 1, 4), COUNT(*), MIN(id) FROM sources{where}"
                              "date > '' GROUP BY 1 ORDER BY 1", params).fetchall()


def _filters():
    out = [Filters(date_from=lo, date_to=hi) for lo, hi in WINDOWS]
    out += [Filters(date_from="2010", date_to="2012", undated=True),
            Filters(date_from="2010", date_to="2012", kind="talks"),
            Filters(text="zebra", date_from="2010", date_to="2012"),
            Filters(text="zebra"), Filters(text="talks"), Filters(text="festival"),
            Filters(text="qqqnomatch"), Filters(text="qqqnomatch", date_from="2010"),
            Filters(text="minister"), Filters(text="visit"), Filters(), None]
    return out


@pytest.mark.parametrize("spans", [True, False], ids=["spans index", "no spans index"])
@pytest.mark.parametrize("filters", _filters(), ids=repr)
def test_the_same_groups_as_one_group_by_over_the_rows(db, filters, spans, monkeypatch):
    if not spans:   # a database without the index (read where it cannot be added)
        monkeypatch.setattr(window_counts, "SPANS", {"meetings": "idx_no_such_index"})
    with Store.open(db) as store:
        for table in ("meetings", "culture"):
            months = store.month_buckets(table, filters, "kind",
                                         "status" if table == "meetings" else None)
            assert [tuple(vars(b).values()) for b in months] == _months(store, table, filters)
            kinds = store.kind_counts(table, filters)
            assert [tuple(vars(k).values()) for k in kinds] == _kinds(store, table, filters)
            assert store.count(table, filters) == _count(store, table, filters)
        years = store.year_counts("sources", filters, "date")
        assert [tuple(vars(y).values()) for y in years] == _years(store, filters)
        assert store.count("sources", filters) == _count(store, "sources", filters)


def test_the_edges_are_there_to_count(db):
    # the cases above reach every path: inside months, a month moved out because a meeting
    # ends before the window, rows before and after it, undated rows left out
    with Store.open(db) as store:
        groups = window_counts.groups(store.conn, "meetings", "2010-01-01", "2012-12-31")
        months = {g[0] for g in groups}
        assert {"2009-12", "2010", "2010-01", "2010-02", "2011-05", "2012", "2012-12"} <= months
        assert "2013-01" not in months and "" not in months and "c. 2010" not in months
        may = sum(g[3] for g in groups if g[0] == "2011-05")
        kept = store.conn.execute("SELECT sum(n) FROM kept_month_counts WHERE tbl = 'meetings' "
                                  "AND month = '2011-05'").fetchone()[0]
        assert may == kept - 2   # the two meetings that end in 2009
        assert window_counts.groups(store.conn, "meetings", "2011-03-15", "2011-04-20") == \
            _months(store, "meetings", Filters(date_from="2011-03-15", date_to="2011-04-20"))
        assert window_counts.groups(store.conn, "meetings", "2011", "2012") is None  # not days


def test_window_counts_read_the_kept_counts(db, tmp_path):
    # a kept count changed behind the store's back shows inside the window, not at its edges
    path = tmp_path / "c.db"
    shutil.copy(db, path)
    with Store.open(path) as store:
        window = Filters(date_from="2010-01-01", date_to="2012-12-31")
        before = store.count("meetings", window)
        store.conn.execute("UPDATE kept_month_counts SET n = n + 1000 WHERE rowid = (SELECT "
                           "min(rowid) FROM kept_month_counts WHERE tbl = 'meetings' AND "
                           "month = '2011-02')")
        assert store.count("meetings", window) == before + 1000
        store.kept_counts = False
        assert store.count("meetings", window) == before


def test_unfiltered_totals_are_counted_once_per_change(db, tmp_path):
    path = tmp_path / "t.db"
    shutil.copy(db, path)
    with Store.open(path, write=True) as store:
        n = store.count("culture")
        assert n == store.count("culture", Filters(columns=("summary",))) == _count(store, "culture", None)
        zebra = Filters(text="zebra")
        months = store.month_buckets("culture", zebra, "kind")
        kinds = store.kind_counts("culture", zebra)
        store.conn.execute("INSERT INTO culture_items(summary, summary_key, kind, date_start) "
                           "VALUES ('zebra x', 'x-new', 'zoo', '2020-05-01')")
        assert store.count("culture") == n + 1
        assert store.month_buckets("culture", zebra, "kind") != months
        assert [tuple(vars(k).values()) for k in store.kind_counts("culture", zebra)] == \
            _kinds(store, "culture", zebra) != [tuple(vars(k).values()) for k in kinds]
        assert store.count("culture", Filters(ids=[])) == 0


def test_a_windows_groups_are_read_once_for_months_and_kinds(db, tmp_path, monkeypatch):
    path = tmp_path / "w.db"
    shutil.copy(db, path)
    calls = []
    real = window_counts.groups
    monkeypatch.setattr(window_counts, "groups", lambda *a: calls.append(a[1:]) or real(*a))
    window = Filters(date_from="2010-01-01", date_to="2012-12-31")
    with Store.open(path, write=True) as store:
        store.month_buckets("culture", window, "kind")
        kinds = store.kind_counts("culture", window)
        assert calls == [("culture", "2010-01-01", "2012-12-31")]
        store.conn.execute("INSERT INTO culture_items(summary, summary_key, kind, date_start) "
                           "VALUES ('zebra y', 'y-new', 'zoo', '2011-05-01')")
        after = store.kind_counts("culture", window)
        assert len(calls) == 2 and after != kinds
        assert [tuple(vars(k).values()) for k in after] == _kinds(store, "culture", window)


@pytest.mark.parametrize("filters", _filters()[:9] + [
    Filters(text="zebra", date_from="2010-01-01", date_to="2012-12-31"),
    Filters(date_from="2010-01-01", date_to="2012-12-31", undated=True)], ids=repr)
def test_a_windows_pages_in_date_order_start_at_its_earliest_row(db, filters):
    # count() keeps the earliest start of the window's rows; pages in date order then
    # begin there: the same rows, in the same order, as without it
    with Store.open(db) as store:
        for table in ("meetings", "culture"):
            store.kept_counts = True
            store.count(table, Filters(date_from=filters.date_from, date_to=filters.date_to))
            pages = []
            for kept in (True, False):
                store.kept_counts = kept
                got = []
                for descending in (False, True):
                    first = store.rows(table, filters, "date_start", descending, limit=4, offset=1)
                    got += [first, store.rows(table, filters, "date_start", descending, limit=3,
                                              after=first[-1]) if first else []]
                    got.append(store.rows(table, filters, "date_start", descending))
                pages.append(got)
            assert pages[0] == pages[1]
            assert [r["id"] for r in pages[0][2]] == [r[0] for r in store.conn.execute(
                f"SELECT id FROM {table}{where_clause(table, filters)[0]} "
                "ORDER BY date_start, id", where_clause(table, filters)[1])]
            bounds = window.window_bounds(filters.date_from, filters.date_to)
            if (window_counts.spanned_months(*bounds) or [None])[0]:   # a first month
                assert window_counts.floor(store.conn, table, *bounds) is not None


def test_a_windows_edges_are_read_from_the_meetings_spanning_months(db):
    # Only a meeting whose end is in another month than its start (or is coarser than a
    # month) can start before the window's first month and be in it, or start after that
    # month and end before the window: the edges are read from their index (and the date
    # index's first month and days after the window), not from every meeting before it
    windows = {window.window_bounds(*w) for w in WINDOWS}
    with Store.open(db) as store:
        for lo, hi in windows:
            read = []
            store.conn.set_trace_callback(read.append)
            window_counts.groups(store.conn, "meetings", lo, hi)
            window_counts.count(store.conn, "meetings", lo, hi)
            store.conn.set_trace_callback(None)
            plans = [" ".join(r[-1] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
                     for sql in read if sql.startswith("SELECT") and " events " in sql]
            assert plans and all("SCAN events" not in p for p in plans)
            # neither every meeting before the window nor every one in it
            assert all("idx_events_date (date_start<?)" not in p for p in plans)
            assert any("idx_events_spans" in p for p in plans)
