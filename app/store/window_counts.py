"""Meetings and cultural items under a time window counted per (start month, kind, status)
from the kept counts (counts.py) for the months wholly inside the window, and from rows
only at its edges: the same groups the window's GROUP BY over every kept row gives
(window.overlap), at 50,000 releases ~30 ms instead of ~300.

Why it is exact: a start date s with A <= s < B, where A and B are YYYY-MM strings, is a
row of start month s[:7] with A <= s[:7] < B (a string and its first seven characters sort
alike against a seven-character string). With A the month after the window's first day and
B the month of its last day, such an s lies after the first day and before the last, so
the window keeps the row unless it ends before the first day: only a meeting's end can
(its end date before its start, or coarser than it). Those months are read from rows."""

from __future__ import annotations

import re
import sqlite3

from .counts import TABLE as KEPT_TABLE
from .window import ISO_SPANS, YEAR_GLOB, overlap

BASE = {"meetings": ("events", "status", "idx_events_date"),
        "culture": ("culture_items", None, "idx_culture_date")}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def inside_months(lo: str | None, hi: str | None) -> tuple[str | None, str | None] | None:
    """(A, B): the start months A <= month < B lie wholly inside the window [lo, hi] (A None:
    from the first, B None: to the last), or None when the window is not of whole days."""
    if (lo is None and hi is None) or any(v is not None and not _DAY.fullmatch(v)
                                          for v in (lo, hi)):
        return None
    a = None
    if lo is not None:
        year, month = int(lo[:4]), int(lo[5:7])
        year, month = (year + 1, 1) if month >= 12 else (year, month + 1)
        if year > 9999:
            return None
        a = f"{year:04d}-{month:02d}"
    b = hi[:7] if hi is not None else None
    if a is not None and b is not None and a >= b:
        return None
    return a, b


def _sort_key(group: tuple):
    """GROUP BY's order: NULL first, then numbers, then text (BINARY: code points)."""
    return tuple((0, 0) if v is None else (1, v) if isinstance(v, (int, float)) else (2, v)
                 for v in group[:3])


def _months(col: str, a: str | None, b: str | None) -> tuple[str, list]:
    """Condition: `col` (a start date or a kept start month) is dated and A <= it < B."""
    conds = [f"{col} GLOB {YEAR_GLOB}"] + ([f"{col} >= ?"] if a else []) + ([f"{col} < ?"] if b else [])
    return " AND ".join(conds), [x for x in (a, b) if x]


def _edges(table: str, lo: str | None, hi: str | None, a: str | None,
           b: str | None) -> tuple[list[str], list]:
    """SQL for the ids the window keeps among the rows starting before month A or from
    month B on, read from the date index alone."""
    base, _status, index = BASE[table]
    cond, params = overlap(table, lo, hi)
    end = ISO_SPANS[table][1]
    parts, out = [], []
    if a:
        # An end on or after the first day is at least its year (or shorter than a year):
        # a cheap test first, so the exact one runs on few index entries. A cultural item
        # ends where it starts, so its range starts at that year.
        first = ("date_start >= ? AND " if table == "culture" else
                 f"({end} >= ? OR length({end}) < 4) AND ")
        parts.append(f"SELECT id FROM {base} INDEXED BY {index} WHERE date_start < ? AND "
                     f"{first}{cond}")
        out += [a, lo[:4], *params]
    if b:
        parts.append(f"SELECT id FROM {base} INDEXED BY {index} WHERE date_start >= ? AND {cond}")
        out += [b, *params]
    return parts, out


def groups(conn: sqlite3.Connection, table: str, lo: str | None,
           hi: str | None) -> list[tuple] | None:
    """(month, kind, status, n, min_id) of the rows the window [lo, hi] keeps, in GROUP BY
    order, or None when the kept counts cannot answer (read the rows then)."""
    split = inside_months(lo, hi) if table in BASE else None
    if split is None:
        return None
    a, b = split
    base, status, index = BASE[table]
    kept_cond, bounds = _months("month", a, b)
    try:
        moved: set = set()
        if table == "meetings" and lo is not None:  # ends before the first day: read those months
            end = ISO_SPANS[table][1]
            span, _ = _months("date_start", a, b)
            moved = {r[0] for r in conn.execute(
                f"SELECT DISTINCT substr(date_start, 1, 7) FROM {base} INDEXED BY {index} "
                f"WHERE {span} AND {end} < ? AND {end} < substr(?, 1, length({end}))",
                [*bounds, lo, lo])}
        kept = [r for r in conn.execute(
            f"SELECT month, kind, {'status' if status else 'NULL'}, n, min_id FROM {KEPT_TABLE} "
            f"WHERE tbl = ? AND {kept_cond}", [table, *bounds]) if r[0] not in moved]
        parts, params = _edges(table, lo, hi, a, b)
        if moved:
            cond, cond_params = overlap(table, lo, hi)
            parts.append(f"SELECT id FROM {base} WHERE substr(date_start, 1, 7) IN "
                         f"({', '.join('?' for _ in moved)}) AND {cond}")
            params += [*sorted(moved), *cond_params]
        rows = conn.execute(
            f"SELECT substr(date_start, 1, 7), kind, {status or 'NULL'}, COUNT(*), MIN(id) "
            f"FROM {base} WHERE id IN ({' UNION ALL '.join(parts)}) GROUP BY 1, 2, 3",
            params).fetchall() if parts else []
    except sqlite3.OperationalError:  # no kept counts or no date index in this database
        return None
    return sorted(kept + rows, key=_sort_key)


def kinds(groups_: list[tuple]) -> list[tuple]:
    """(kind, n, min_id) per kind of these groups, in GROUP BY kind's order."""
    out: dict = {}
    for _month, kind, _status, n, first in groups_:
        had = out.get(kind)
        out[kind] = (n, first) if had is None else (had[0] + n, min(had[1], first))
    return sorted(((k, n, first) for k, (n, first) in out.items()),
                  key=lambda g: _sort_key((g[0], None, None)))
