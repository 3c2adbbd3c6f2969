"""The time window on figures (the trade and figures views), tested on each distinct period
rather than on each row: what a period covers (window.bound_sql) depends on its text alone,
and a few hundred distinct periods stand for hundreds of thousands of figures.

A condition here is `period IN (the periods that pass)`: the passing periods are found by
walking the period index once per distinct value (each step one seek, "the smallest period
after this one") and testing each with window.bound_sql, and the figures are then read by
period from the indexes that hold it (a partner pair's, the category's). Testing the
period's first and last day on every row instead cost 0.4-0.8 s per count at 50,000
releases (the expression index on them serves the first day's range only, and not with a
partner pair). The rows kept are exactly those of window.overlap and window.undated.

On a connection (`conn`), every distinct period's first and last day is read once while the
database stays the same and each window's periods are picked from them here: the condition
is then `period IN` a JSON array of them. The walk and the two day expressions per period
cost ~4.5 ms in each statement that used them (at 50,000 releases five of a Trade window's:
the table's count, its undated rows and first page, the chart's two reads); the days are
worked out in Python (window.bounds): for 392 periods 0.9 ms with the walk, not 4 ms.
"""

from __future__ import annotations

import json

from .sqlite_file import kept as keep_on
from .window import bound_sql, bounds

_START, _END = bound_sql("_p"), bound_sql("_p", True)


def _periods(test: str) -> str:
    """A subquery: every distinct non-NULL period of the figures passing `test` (SQL on the
    period's first day _START and last day _END)."""
    return ("(WITH RECURSIVE _periods(_p) AS (SELECT min(period) FROM quantities UNION ALL "
            "SELECT (SELECT min(period) FROM quantities WHERE period > _periods._p) "
            "FROM _periods WHERE _periods._p IS NOT NULL) "
            f"SELECT _p FROM _periods WHERE _p IS NOT NULL AND {test})")


def _bounds(conn) -> list[tuple]:
    """(period, first day, last day) of every distinct non-NULL period, kept on the
    connection while the database stays the same (the days worked out by window.bounds,
    or by SQL for a value that is not text)."""
    def build() -> list[tuple]:
        found = [p for (p,) in conn.execute(f"SELECT _p FROM {_periods('1')} AS p")]
        return [(p, *bounds(p)) if isinstance(p, str) else conn.execute(
            f"SELECT _p, {_START}, {_END} FROM (SELECT ? AS _p)", (p,)).fetchone()
            for p in found]
    return keep_on(conn, "_fb_period_bounds", build)


def _known(periods: list) -> tuple[str, list]:
    return "(SELECT value FROM json_each(?))", [json.dumps(periods)]


def overlap(lo: str | None, hi: str | None, seek: bool = True,
            conn=None) -> tuple[str, list]:
    """SQL condition (and parameters) keeping the figures whose period overlaps [lo, hi]
    (window.overlap's meaning); figures without a readable period fail it. `seek`: SQLite
    may look the figures up by period; else (+period) each figure another condition finds
    is tested against the periods (with a text filter, a lookup per period and per match
    would cost seconds). `conn`: the periods picked from those kept on it (_bounds)."""
    if conn is not None:
        # the SQL test below, in Python: a missing first or last day (NULL) fails it, and
        # str order is SQLite's (BINARY: UTF-8 bytes sort as code points do)
        inside = [p for p, start, end in _bounds(conn) if start is not None
                  and (not hi or start <= hi) and (not lo or (end is not None and end >= lo))]
        sql, params = _known(inside)
        return f"{'' if seek else '+'}period IN {sql}", params
    kept = [(sql, bound) for sql, bound in ((f"{_START} <= ?", hi), (f"{_END} >= ?", lo)) if bound]
    test = " AND ".join([f"{_START} IS NOT NULL", *(sql for sql, _bound in kept)])
    return f"{'' if seek else '+'}period IN {_periods(test)}", [bound for _sql, bound in kept]


def undated() -> str:
    """SQL condition: the figure states no readable period (window.undated's meaning)."""
    return f"(period IS NULL OR period IN {_periods(f'{_START} IS NULL')})"


def undated_on(conn) -> tuple[str, list]:
    """undated's condition (and parameters), its periods picked from those kept on `conn`."""
    if conn is None:
        return undated(), []
    unreadable = [p for p, start, _end in _bounds(conn) if start is None]
    if not unreadable:  # alone, a seek in a period index (with the IN, a walk of the pair's)
        return "(period IS NULL)", []
    sql, params = _known(unreadable)
    return f"(period IS NULL OR period IN {sql})", params
