"""Meetings and cultural items under a time window counted per (start month, kind, status)
from the kept counts (counts.py) for the months the window spans, and from rows only where
the kept counts cannot tell: the same groups and counts as the window's GROUP BY or
count(*) over the rows (window.overlap), at 50,000 releases tens of ms instead of hundreds.

Why it is exact: a start date s with A <= s < B, where A and B are YYYY-MM strings, is a
row of start month s[:7] with A <= s[:7] < B (a string and its first seven characters sort
alike against a seven-character string). A is the month of the window's first day and B
the month after its last, so every row the window keeps either starts in [A, B) or starts
before A and ends in the window (B is past the last day). The kept counts of [A, B) hold
every such row, and a few rows more: those starting before the first day or after the
last one in the window's edge months, and meetings ending before the first day (an end
before the start, or coarser than it). The months holding such a row are found in the
date index and read from rows; the rows starting before A from the date index too."""

from __future__ import annotations

import re
import sqlite3

from .counts import TABLE as KEPT_TABLE
from .sqlite_file import has
from .sqlite_file import kept as kept_on
from .window import ISO_SPANS, SPANNING, YEAR_GLOB, overlap

BASE = {"meetings": ("events", "status", "idx_events_date"),
        "culture": ("culture_items", None, "idx_culture_date")}
# the partial index of the rows that alone can sit across a window's edges (window.SPANNING)
SPANS = {"meetings": "idx_events_spans"}
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def spanned_months(lo: str | None, hi: str | None) -> tuple[str | None, str | None] | None:
    """(A, B): the window [lo, hi] starts in month A and ends before month B (None: open
    on that side), or None when it is not a window of whole days."""
    if (lo is None and hi is None) or any(v is not None and not _DAY.fullmatch(v)
                                          for v in (lo, hi)):
        return None
    b = None
    if hi is not None:
        year, month = int(hi[:4]), int(hi[5:7])
        year, month = (year + 1, 1) if month >= 12 else (year, month + 1)
        if year > 9999:
            return None
        b = f"{year:04d}-{month:02d}"
    return (lo[:7] if lo is not None else None), b


def _months(col: str, a: str | None, b: str | None) -> tuple[str, list]:
    """Condition: `col` (a start date or a kept start month) is dated and A <= it < B."""
    conds = [f"{col} GLOB {YEAR_GLOB}"] + ([f"{col} >= ?"] if a else []) + ([f"{col} < ?"] if b else [])
    return " AND ".join(conds), [x for x in (a, b) if x]


def _spans(conn, table: str) -> str | None:
    """The table's index of rows spanning months (SPANS), if this database has it."""
    name = SPANS.get(table)
    return name if name is not None and has(conn, name) else None


def _moved(conn, table: str, lo, hi, a, b, spans: str | None) -> set[str]:
    """The months in [A, B) holding a row the window drops (read from the date index)."""
    base, _status, index = BASE[table]
    drops, params = [], []
    if hi is not None:
        drops.append("date_start > ?")
        params.append(hi)
    if lo is not None:
        end = ISO_SPANS[table][1]
        drops.append(f"({end} < ? AND {end} < substr(?, 1, length({end})))")
        params += [lo, lo]
    span, bounds = _months("date_start", a, b)
    # the drops first: they reject nearly every entry with a comparison or two
    where, args = f"({' OR '.join(drops)}) AND {span}", [*params, *bounds]
    if spans is None:
        return {r[0] for r in conn.execute(f"SELECT DISTINCT substr(date_start, 1, 7) FROM "
                                           f"{base} INDEXED BY {index} WHERE {where}", args)}
    # A dropped row starts after the last day, or in the first month, or else ends in an
    # earlier month than it starts (in the spans index): three short ranges, not [A, B)
    ranges = ([("date_start > ?", [hi])] if hi is not None else []) + (
        [("date_start >= ? AND date_start < ? || '~'", [a, a])] if a is not None else [])
    sql = [f"SELECT substr(date_start, 1, 7) FROM {base} INDEXED BY {index} WHERE {r} AND "
           f"{where}" for r, _p in ranges]
    sql.append(f"SELECT substr(date_start, 1, 7) FROM {base} INDEXED BY {spans} WHERE "
               f"{SPANNING} AND {where}")
    return {r[0] for r in conn.execute(" UNION ".join(sql), [
        *(x for _r, p in ranges for x in [*p, *args]), *args])}


def _rows(table: str, lo, hi, a, moved: set[str], cols: str = "id",
          spans: str | None = None) -> tuple[str, list]:
    """SQL for the ids (`cols`) the window keeps that the kept counts of [A, B) less the
    moved months miss: rows starting before A (from the date index alone) and rows of the
    moved months."""
    base, _status, index = BASE[table]
    cond, params = overlap(table, lo, hi)
    parts, out = [], []
    if a:
        # An end on or after the first day is at least its year (or shorter than a year):
        # a cheap test first, so the exact one runs on few index entries. A cultural item
        # ends where it starts, so its range starts at that year; a meeting starting before
        # A and in the window spans months (window.SPANNING): those are in their own index.
        end = ISO_SPANS[table][1]
        first = ("date_start >= ?" if table == "culture" else f"({end} >= ? OR length({end}) < 4)")
        if spans is not None:
            first, index = f"{SPANNING} AND {first}", spans
        parts.append(f"SELECT {cols} FROM {base} INDEXED BY {index} WHERE date_start < ? AND "
                     f"{first} AND {cond}")
        out += [a, lo[:4], *params]
    if moved:
        parts.append(f"SELECT {cols} FROM {base} WHERE substr(date_start, 1, 7) IN "
                     f"({', '.join('?' for _ in moved)}) AND {cond}")
        out += [*sorted(moved), *params]
    return " UNION ALL ".join(parts), out


def _parts(conn, table: str, lo, hi, cols: str = "id"):
    """(kept groups of the window's months less the moved ones, SQL and parameters of the
    ids (`cols`) to read from rows, A), or None when the kept counts cannot answer."""
    split = spanned_months(lo, hi) if table in BASE else None
    if split is None:
        return None
    a, b = split
    kept_cond, bounds = _months("month", a, b)
    spans = _spans(conn, table)
    moved = _moved(conn, table, lo, hi, a, b, spans)
    kept = [r for r in conn.execute(
        f"SELECT month, kind, {'status' if BASE[table][1] else 'NULL'}, n, min_id FROM "
        f"{KEPT_TABLE} WHERE tbl = ? AND {kept_cond}", [table, *bounds]) if r[0] not in moved]
    return kept, _rows(table, lo, hi, a, moved, cols, spans), a


def _sort_key(group: tuple):
    """GROUP BY's order: NULL first, then numbers, then text (BINARY: code points)."""
    return tuple((0, 0) if v is None else (1, v) if isinstance(v, (int, float)) else (2, v)
                 for v in group[:3])


def groups(conn: sqlite3.Connection, table: str, lo: str | None,
           hi: str | None) -> list[tuple] | None:
    """(month, kind, status, n, min_id) of the rows the window [lo, hi] keeps, in GROUP BY
    order, or None when the kept counts cannot answer (read the rows then)."""
    try:
        parts = _parts(conn, table, lo, hi)
        if parts is None:
            return None
        kept, (ids, params), _a = parts
        base, status, _index = BASE[table]
        rows = conn.execute(
            f"SELECT substr(date_start, 1, 7), kind, {status or 'NULL'}, COUNT(*), MIN(id) "
            f"FROM {base} WHERE id IN ({ids}) GROUP BY 1, 2, 3",
            params).fetchall() if ids else []
    except sqlite3.OperationalError:  # no kept counts or no date index in this database
        return None
    return sorted(kept + rows, key=_sort_key)


def count(conn: sqlite3.Connection, table: str, lo: str | None, hi: str | None) -> int | None:
    """How many rows the window [lo, hi] keeps (as groups, without reading kinds). Keeps
    the earliest start among them on the connection for `floor`, read on the way."""
    floors = kept_on(conn, "_window_floors", dict)
    try:
        parts = _parts(conn, table, lo, hi, "id, date_start AS s")
        if parts is None:
            return None
        kept, (ids, params), a = parts
        rows, first = conn.execute(f"SELECT count(*), min(s) FROM ({ids})",
                                   params).fetchone() if ids else (0, None)
    except sqlite3.OperationalError:
        return None
    if a is not None:
        # every row the window keeps starts at or after A but those read here (before A)
        floors[(table, lo, hi)] = a if first is None or first >= a else first
    return sum(g[3] for g in kept) + rows


def floor(conn: sqlite3.Connection, table: str, lo: str | None, hi: str | None) -> str | None:
    """A start date no row of the window [lo, hi] starts before, known when `count` has
    counted that window on this connection with the data as it is now (else None). As an
    extra `date_start >= floor` a window's first page seeks the date index instead of
    walking every earlier meeting (at 44,855 releases 22 -> 1.3 ms for 2010-2012)."""
    return kept_on(conn, "_window_floors", dict).get((table, lo, hi))


def kinds(groups_: list[tuple]) -> list[tuple]:
    """(kind, n, min_id) per kind of these groups, in GROUP BY kind's order."""
    out: dict = {}
    for _month, kind, _status, n, first in groups_:
        had = out.get(kind)
        out[kind] = (n, first) if had is None else (had[0] + n, min(had[1], first))
    return sorted(((k, n, first) for k, (n, first) in out.items()),
                  key=lambda g: _sort_key((g[0], None, None)))
