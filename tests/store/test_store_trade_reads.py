"""The Trade tab's chart reads (app/store/trade.py) against plain SQL: under a text filter the
figures it matches are looked at once and only the latest of each kind read whole; the
result is exactly the latest figures of each kind in ORDER BY period DESC, id, as one
statement per kind over the filters' rows gives them (ties, NULL and undated periods, a unit
and measure of both kinds, a value that is not a number, no match)."""

import itertools

import pytest

from app.store import Filters, Store, trade, window
from app.store.where import where_clause

PERIODS = ["2011", "2011-Q2", "2010/2011", "FY2011", "", None, "sometime", "2012-12-31",
           "2009-2011", "2013"]
PAIRS = ["Belarus–Russia", "China–Russia", None]
# (unit, measure, measure_kind): volume, share, growth, both (no kind, "PCT", "trade
# share"), neither
KINDS = [("USD", "bilateral trade", "trade turnover"), ("EUR", "trade turnover", None),
         ("percent", "share of the rouble", "currency share"), ("%", "growth of trade", None),
         ("PCT", "trade share", None), ("pct", "increase", "growth"),
         ("tonnes", "grain exports", "exports"), ("RUB", "investment", "investment"),
         ("USD", None, None)]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("tradereads") / "t.db"
    with Store.open(path, create=True, write=True) as s:
        rows = []
        for i, (period, pair, kind, word) in enumerate(itertools.product(
                PERIODS, PAIRS, KINDS, ("billion", "million", "oil"))):
            unit, measure, measure_kind = kind
            value = "n/a" if i % 53 == 0 else 1 + i * 0.5   # a value stored as text
            rows.append((value, unit, measure, period, "other" if i % 11 == 0 else "trade",
                         f"{i} {word} {period}", pair, measure_kind,
                         ("actual", "target", "forecast")[i % 3], i % 5 == 0, i % 4))
        s.conn.executemany(
            "INSERT INTO quantities(value, unit, measure, period, category, text, partners, "
            "measure_kind, status, derived, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)", rows)
        s.conn.commit()
    with Store.open(path) as s:
        yield s


def _plain(conn, filters, extra: str, limit: int) -> list:
    """The latest `limit` figures of a kind: one plain statement over the filters' rows."""
    cols = ", ".join(f'"{c}"' for c in trade._COLUMNS)
    where, params = where_clause("trade", filters)
    rows = conn.execute(
        f"SELECT {cols}, {window.bound_sql('period')}, {window.bound_sql('period', True)} "
        f"FROM trade{where}{' AND ' if where else ' WHERE '}{extra} AND typeof(value) IN "
        "('integer', 'real') ORDER BY period DESC, id LIMIT ?", [*params, limit]).fetchall()
    figures = []
    for r in rows:
        d = dict(zip((*trade._COLUMNS, "start", "end"), r, strict=True))
        figures.append(trade.TradeFigure(**{
            **d, "value": float(d["value"]), "status": d["status"] or "actual",
            "derived": bool(d["derived"]), "conflict": bool(d["conflict"]),
            "sources": d["sources"] or 0}))
    return figures


FILTERS = [{"text": "billion"}, {"text": "billion", "partners": "Belarus–Russia"},
           {"text": "oil", "partners": "-"}, {"text": "nomatchword"},
           {"text": "nomatchword", "partners": "China–Russia"},
           {"text": "million", "date_from": "2011-01-01", "date_to": "2011-12-31"},
           {"text": "million", "date_from": "2011-04-01", "date_to": "2011-06-30",
            "partners": "Belarus–Russia", "undated": True},
           {"text": "billion", "date_to": "2010-12-31"}, {"text": "2011"},
           {"partners": "Belarus–Russia"}, {}]
# (BY_ID_MAX, BY_ID_SHARE): each way of finding the matches
PATHS = [(10**9, 10**9), (-1, 10**9), (-1, 0)]


@pytest.mark.parametrize("limit", [1, 4, 30, 400])
@pytest.mark.parametrize("by_id_max, by_id_share", PATHS)
def test_the_latest_of_each_kind_as_plain_sql_reads_them(store, monkeypatch, limit,
                                                         by_id_max, by_id_share):
    monkeypatch.setattr(trade, "BY_ID_MAX", by_id_max)
    monkeypatch.setattr(trade, "BY_ID_SHARE", by_id_share)
    kinds = (f"{trade.MONEY_SQL} AND {trade.VOLUME_SQL}",
             f"{trade.PERCENT_SQL} AND ({trade.SHARE_SQL} OR {trade.GROWTH_SQL})")
    seen = 0
    for extra in FILTERS:
        f = Filters(**extra)
        volume, percent = trade._figures(store.conn, f, limit)
        assert volume == _plain(store.conn, f, kinds[0], limit), (extra, limit)
        assert percent == _plain(store.conn, f, kinds[1], limit), (extra, limit)
        seen += len(volume) + len(percent)
    assert seen


def test_a_figure_of_both_kinds_is_read_as_both(store):
    volume, percent = trade._figures(store.conn, Filters(text="billion"))
    both = {f.id for f in volume} & {f.id for f in percent}
    assert both and all(f.unit == "PCT" for f in volume if f.id in both)


def test_under_a_text_filter_the_matches_are_looked_at_once(store):
    """One statement finds the matches of a text filter beside a pair (with their kinds)
    and reads the kept figures whole: the matches are not read again per kind."""
    read = []
    store.conn.set_trace_callback(read.append)
    view = store.trade_view(Filters(text="billion", partners="Belarus–Russia"))
    store.conn.set_trace_callback(None)
    assert view.bars and view.shares and view.growth
    read = [sql for sql in read if not sql.startswith("--")]   # not the word index's own
    assert len(read) == 1 and "MATCH" in read[0], read


TABLE_FILTERS = [f for f in FILTERS if f.get("text")] + [
    {"text": "billion", "partners": "China–Russia", "columns": ("text", "measure")}]


@pytest.mark.parametrize("table", ["trade", "figures"])
@pytest.mark.parametrize("order_by, descending", [("period", True), ("value", False),
                                                  ("id", False), ("unit", True)])
def test_the_tables_count_and_pages_as_plain_sql(store, table, order_by, descending):
    """A text filter beside a pair or a window: the count and every page (by offset, after
    a row, before a row) are those of the filters' plain condition."""
    direction = "DESC" if descending else "ASC"
    for extra in TABLE_FILTERS:
        f = Filters(**extra)
        where, params = where_clause(table, f)
        expected = [r[0] for r in store.conn.execute(
            f'SELECT id FROM {table}{where} ORDER BY "{order_by}" {direction}, id {direction}',
            params)]
        assert store.count(table, f) == len(expected), extra
        pages = [[r["id"] for r in store.rows(table, f, order_by=order_by,
                                              descending=descending, limit=7, offset=o)]
                 for o in range(0, len(expected) + 7, 7)]
        assert [i for p in pages for i in p] == expected, extra
        if len(expected) > 7:
            after = store.rows(table, f, order_by=order_by, descending=descending, limit=7)[-1]
            assert [r["id"] for r in store.rows(table, f, order_by=order_by, limit=7,
                                                descending=descending, after=after)] == pages[1]
            before = store.rows(table, f, order_by=order_by, descending=descending, limit=7,
                                offset=7)[0]
            assert [r["id"] for r in store.rows(table, f, order_by=order_by, limit=7,
                                                descending=descending, before=before)] == pages[0]


def test_the_word_index_is_searched_once_for_the_count_and_the_pages(store):
    f = Filters(text="billion", partners="Belarus–Russia")
    read = []
    with Store.open(store.path) as fresh:
        fresh.conn.set_trace_callback(read.append)
        n = fresh.count("trade", f)
        first = fresh.rows("trade", f, order_by="period", descending=True, limit=5)
        fresh.rows("trade", f, order_by="period", descending=True, limit=5, after=first[-1])
    assert n > 10 and sum("MATCH" in sql for sql in read) == 1, read


def test_the_kept_matches_follow_a_change_of_the_database(tmp_path):
    path = tmp_path / "w.db"
    insert = ("INSERT INTO quantities(value, unit, measure, period, category, text, partners) "
              "VALUES (1, 'USD', 'trade', '2011', 'trade', 'one billion', 'Belarus–Russia')")
    f = Filters(text="billion", partners="Belarus–Russia")
    with Store.open(path, create=True, write=True) as s:
        s.conn.execute(insert)
        s.conn.commit()
        assert s.count("trade", f) == 1
        s.conn.execute(insert)      # this connection's own change
        s.conn.commit()
        assert s.count("trade", f) == 2
        with Store.open(path) as other:     # another connection's
            other.conn.execute(insert)
            other.conn.commit()
        assert s.count("trade", f) == len(s.rows("trade", f)) == 3


def test_the_chart_from_the_tables_kept_matches_is_the_same(store):
    """The Trade tab hands the chart's worker the matches its table found on the UI
    thread's connection: the chart drawn from them is the one found without them."""
    for extra in FILTERS:
        f = Filters(**extra)
        matches = store.kept_matches("trade", f)
        assert (matches is not None) == bool(extra.get("text") and len(extra) > 1), extra
        if matches is not None:
            with Store.open(store.path) as worker:
                assert worker.trade_view(f, matches=matches) == store.trade_view(f), extra
