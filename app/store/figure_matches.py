"""A text filter's matches among the figures (the trade and figures views) beside another
filter (a partner pair, a time window), found once and kept on the connection while the
database stays the same: the table's count is their number and each page tests its rows
against them, instead of each statement asking the word index again. At 50,000 releases,
Belarus–Russia under "billion" (7,656 of its 20,011 figures): the count, the estimate of
whether to walk the period index and the first page searched the word index 19, 10 and
16 ms; the ids once 22 ms, then the count 0 and the page 3 ms.

A text filter alone is counted from the word index itself (Store._match_count) and is not
kept here, nor are more than MAX_IDS matches (then each statement searches as before)."""

from __future__ import annotations

from dataclasses import replace

from .sqlite_file import kept
from .where import FIGURES, where_clause

MAX_IDS = 20_000
KEEP = 16          # filters remembered per connection (a few are typed in a row)


def matches(conn, table: str, filters) -> tuple[int, str] | None:
    """(how many, their ids as a JSON array) of the rows of `table` under `filters`, when
    these hold a text filter beside another filter and match at most MAX_IDS rows (in the
    order the plan finds them: asked in id order, SQLite walked another index, 20 -> 29 ms
    for 7,656 figures at 50,000 releases)."""
    if (table not in FIGURES or filters is None or not (filters.text or "").strip()
            or filters.ids is not None):
        return None
    if not where_clause(table, replace(filters, text=None))[0]:
        return None
    where, params = where_clause(table, filters, conn)
    key = (table, where, tuple(params))
    memo = kept(conn, "_figure_matches", dict)
    if key not in memo:
        # one row (a JSON array made by SQLite) rather than a row per match to convert
        n, ids = conn.execute(f"SELECT count(*), json_group_array(id) FROM (SELECT id FROM "
                              f"{table}{where} LIMIT ?)",
                              [*params, MAX_IDS + 1]).fetchone()
        if len(memo) >= KEEP:
            memo.clear()
        memo[key] = (n, ids) if n <= MAX_IDS else None
    return memo[key]


def where(table: str, filters, ids: str, in_order: bool = False,
          conn=None) -> tuple[str, list]:
    """The condition (and parameters) keeping the rows of `ids` (matches) under `filters`:
    the filters but the text, and the ids. `in_order`: each row an index walks in order is
    tested against the ids (see where._text_condition)."""
    rest, params = where_clause(table, replace(filters, text=None), conn)
    return (f"{rest} AND {'+' if in_order else ''}id IN (SELECT value FROM json_each(?))",
            [*params, ids])
