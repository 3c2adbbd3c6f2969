"""The time window on figures tested once per distinct period (app/store/periods.py) keeps
exactly the rows the per-row test of window.py keeps: counts, pages, hidden undated rows and
the Trade tab's chart, alone and beside a partner pair, a text filter and "show undated"."""

import itertools

import pytest

from app.store import Filters, Store, periods, where, window

PERIODS = ["2011", "2011-03", "2011-03-15", "2011-Q2", "2011-H1", "2011-H2", "2010/2011",
           "2010-11/2011-02", "2009-2011", "2013-2014", "2008", "2012-Q4", "2012-12-31",
           "2013-01-01", "2009-12-31", "FY2011", "FY2010-2011", "FY2013", "FY2009-2010", "",
           None, "sometime", "2011 Q3", "201", "2010/", "abc/2011", "1999/2011-06", "2014-H2"]
PARTNERS = [None, "Belarus–Russia", "China–Russia", 'Côte d"Ivoire–Russia', "–", ""]
WINDOWS = [("2010-01-01", "2012-12-31"), ("2011-04-01", "2011-06-30"),
           ("2011-03-15", "2011-03-15"), (None, "2010-12-31"), ("2011-07-01", None),
           ("2012-12-31", "2013-01-01"), ("2011-02", "2011-02"), ("2030", "2031")]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("periods") / "p.db"
    with Store.open(path, create=True, write=True) as s:
        rows = []
        for i, (period, pair, word) in enumerate(itertools.product(
                PERIODS, PARTNERS, ("billion", "million"))):
            status = ("actual", "target", "forecast")[i % 3]
            unit, kind = (("USD", "trade turnover"), ("EUR", "trade turnover"),
                          ("percent", "growth"), ("percent", "currency share"))[i % 4]
            category = "other" if i % 7 == 0 else "trade"
            rows.append((1 + i * 1.5, unit, f"trade {kind}", period, category,
                         f"{i} {word} in {period}", pair, kind, status))
        s.conn.executemany(
            "INSERT INTO quantities(value, unit, measure, period, category, text, partners, "
            "measure_kind, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        s.conn.commit()
    with Store.open(path) as s:
        yield s


def _per_row(monkeypatch):
    """window.py's per-row test in place of the per-period one."""
    monkeypatch.setattr(periods, "overlap", lambda lo, hi, seek=True, conn=None: window.overlap("trade", lo, hi))
    monkeypatch.setattr(periods, "undated", lambda: window.undated("trade"))
    monkeypatch.setattr(periods, "undated_on", lambda conn: (window.undated("trade"), []))


def _reads(store, table, f):
    return (store.count(table, f), store.undated_hidden(table, f),
            [r["id"] for r in store.rows(table, f, order_by="period", descending=True)],
            [r["id"] for r in store.rows(table, f, order_by="period", descending=True, limit=7)],
            [r["id"] for r in store.rows(table, f, order_by="value", limit=5, offset=3)],
            store.trade_view(f) if table == "trade" else None,
            store.trade_partners(f) if table == "trade" else None)


FILTERS = [{}, {"partners": "Belarus–Russia"}, {"partners": "-"}, {"text": "billion"},
           {"text": "billion", "partners": "China–Russia"}, {"undated": True},
           {"text": "billion", "partners": 'Côte d"Ivoire–Russia'}, {"text": "million", "partners": "–"},
           {"text": "billion", "partners": "-"},
           {"undated": True, "partners": "Belarus–Russia", "text": "million"},
           {"text": "nomatchword"}]


@pytest.mark.parametrize("table", ["trade", "figures"])
@pytest.mark.parametrize("lo, hi", WINDOWS)
def test_the_same_rows_as_the_per_row_test(store, monkeypatch, table, lo, hi):
    for extra in FILTERS:
        f = Filters(date_from=lo, date_to=hi, **extra)
        new = _reads(store, table, f)
        with monkeypatch.context() as m:
            _per_row(m)
            old = _reads(store, table, f)
        assert new == old, (table, lo, hi, extra)


@pytest.mark.parametrize("lo, hi", WINDOWS)
def test_against_plain_sql(store, lo, hi):
    """The count beside a pair, against the per-row condition written out in plain SQL."""
    a, b = window.window_bounds(lo, hi)
    start, end = window.bound_sql("period"), window.bound_sql("period", True)
    conds = [f"{start} IS NOT NULL"] + ([f"{start} <= '{b}'"] if b else []) + (
        [f"{end} >= '{a}'"] if a else [])
    sql = f"SELECT id FROM trade WHERE partners = 'Belarus–Russia' AND {' AND '.join(conds)}"
    expected = sorted(r[0] for r in store.conn.execute(sql))
    f = Filters(date_from=lo, date_to=hi, partners="Belarus–Russia")
    assert sorted(r["id"] for r in store.rows("trade", f)) == expected
    assert store.count("trade", f) == len(expected)
    undated = store.conn.execute(f"SELECT count(*) FROM trade WHERE partners = 'Belarus–Russia' "
                                 f"AND {start} IS NULL").fetchone()[0]
    assert store.undated_hidden("trade", f) == undated > 0


def test_a_pairs_figures_in_a_window_are_sought_by_period(store):
    """Beside a pair, the window's periods are looked up in the pair's index, not each of
    the pair's figures tested (0.4-0.8 s per count at 50,000 releases)."""
    where_sql, params = where.where_clause(
        "trade", Filters(date_from="2010", date_to="2012", partners="Belarus–Russia"))
    plan = " ".join(r[-1] for r in store.conn.execute(
        f"EXPLAIN QUERY PLAN SELECT count(*) FROM trade{where_sql}", params))
    assert "partners=? AND period=?" in plan


@pytest.mark.parametrize("pair", ["Belarus–Russia", 'Côte d"Ivoire–Russia', "–"])
@pytest.mark.parametrize("text", ["billion", "million", "2011", "nomatchword"])
def test_a_text_filter_beside_the_view_needs_no_category_words(store, text, pair):
    """The trade view requires category = 'trade' itself: the text's matches read beside it
    are not narrowed by the category's word list (every trade figure), and the rows are the
    same as with it."""
    where_sql, params = where.where_clause("trade", Filters(text=text, partners=pair))
    assert not any('category : "trade"' in str(p) for p in params)
    narrowed = where._text_match("trade", text)
    assert 'category : "trade"' in narrowed     # counted alone, the matches are the trade rows'
    expected = [r[0] for r in store.conn.execute(
        "SELECT id FROM trade WHERE id IN (SELECT rowid FROM filter_quantities WHERE "
        "filter_quantities MATCH ?) AND partners = ? ORDER BY id", [narrowed, pair])]
    assert expected or text in ("nomatchword", "2011") or pair == "–"
    f = Filters(text=text, partners=pair)
    assert [r["id"] for r in store.rows("trade", f)] == expected
    assert store.count("trade", f) == len(expected)


def test_a_page_beside_a_pair_reads_no_category_words(store):
    """Whether a page under a text filter and a pair walks the period index is told from
    the word index's own count (the category's word list is every trade figure)."""
    read = []
    store.conn.set_trace_callback(read.append)
    rows = store.rows("trade", Filters(text="billion", partners="China–Russia"),
                      order_by="period", descending=True, limit=5)
    store.conn.set_trace_callback(None)
    assert rows and not any('category : "trade"' in sql for sql in read)


def test_a_windows_periods_are_walked_once_per_connection(store, tmp_path):
    """Every distinct period's first and last day is read once on a connection and each
    window's periods picked from them: the table's count, its undated rows and pages and
    the chart's reads under one window walk the periods once, a second window not at all;
    a write by another connection reads them again (and counts its rows)."""
    import shutil

    path = tmp_path / "copy.db"
    shutil.copy(store.path, path)
    walks = []

    def reads(s, lo, hi):
        s.conn.set_trace_callback(lambda sql: walks.append(sql) if "RECURSIVE" in sql else None)
        f = Filters(date_from=lo, date_to=hi, partners="Belarus–Russia")
        out = _reads(s, "trade", f)
        s.conn.set_trace_callback(None)
        return out

    with Store.open(path) as s, Store.open(path, write=True) as w:
        reads(s, "2010", "2012")
        assert len(walks) == 1
        second = reads(s, "2011-04-01", "2011-06-30")
        assert len(walks) == 1
        w.conn.execute("INSERT INTO quantities(value, unit, measure, period, category, partners) "
                       "VALUES (1, 'USD', 'trade', '2011-05', 'trade', 'Belarus–Russia')")
        again = reads(s, "2011-04-01", "2011-06-30")
        assert len(walks) == 2 and again[0] == second[0] + 1


def test_a_periods_days_in_python_are_sqls(store):
    """window.bounds gives bound_sql's first and last day for every shape and near miss."""
    odd = ["2011-13", "2011-1", "20111", "2011-Q5", "2011-Q", "2011-H3", "2011-h1", "/2011",
           "2011/", "a/b/c", "2010/2011/2012", "2010-02/x", "x/2011-02", "FY201", "FY2011-201",
           "FY2011-2012x", "fy2011", "2011-2012-2013", "2011-20", "２０１１", "2011\n", "\n/\n",
           "2011-Q1/2012-H2", "2010-01-01/2010-02-31", "2011 ", " 2011", "é/2011", "2011/é",
           "FY2011/FY2012", "2010-2011/2012", "0000", "9999-99-99", "2011-00-00", None, ""]
    import random

    pick = random.Random(14)
    shaped = ["".join(pick.choice("0123456789-/QHFY1é\n ") for _ in range(pick.randint(1, 13)))
              for _ in range(3000)]
    shaped += [f"{pick.choice(['19', '20', 'FY20', '2'])}{pick.randint(0, 99):02d}"
               f"{pick.choice(['', '-', '/', '-Q', '-H'])}{pick.randint(0, 40)}" for _ in range(3000)]
    values = sorted({*PERIODS, *odd, *shaped} - {None}) + [None]
    start, end = window.bound_sql("v"), window.bound_sql("v", True)
    for value in values:
        expected = store.conn.execute(f"SELECT {start}, {end} FROM (SELECT ? AS v)",
                                      (value,)).fetchone()
        assert window.bounds(value) == tuple(expected), value
