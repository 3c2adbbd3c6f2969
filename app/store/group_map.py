"""A text filter's rows counted per month, kind and status (or per year) without reading them.

Grouping the matches of a text filter in SQL looks each match up in its table: at 44,855
releases "talks" keeps 23,198 meetings spread over most of the events table's 118 MB, and
their month grouping costs ~55-65 ms with the file in the OS's cache (217-277 ms measured
when it was not). Instead, each row's group is kept on the connection while the database
stays the same (sqlite_file.kept): one read of the table's month (or date) index, as one
list of ids per group, into an array id -> group (~90-110 ms for 427,000 meetings, ~17 for
51,914 cultural items, ~11-16 for 44,855 releases; once per change of the data). A filter's
groups are then its match ids from the word index and a count per group (Meetings ~6-20
ms). The map costs about two plain groupings of a small share, so it is built at a
connection's second text filter of a table on the same data, or at the first when the
filter matches so large a share that SQL would walk the whole index anyway (reads_plots.
WALK_SHARE, which costs about the build). Needs numpy (installed with pyqtgraph); without
it, or when anything is unusual (negative or huge ids, a change of the data between two
reads), the callers count in SQL."""

from __future__ import annotations

import sqlite3

from .sqlite_file import kept, version

# table -> (base table, the grouping expressions, the rows grouped, keys added to each
# group's): exactly the reads the callers make in SQL (reads_plots.py) over the same rows
SPECS = {
    "meetings": ("events", ("substr(date_start, 1, 7)", "kind", "status"), "date_start > ''", ()),
    # a constant among the grouping terms would make SQLite sort instead of walking the index
    "culture": ("culture_items", ("substr(date_start, 1, 7)", "kind"), "", (None,)),
    "sources": ("documents", ("substr(date, 1, 4)",), "date > ''", ()),
}
# table -> an index on the id first and every column SPECS reads (schema.py): a first filter's
# matches are looked up in it (15 MB at 50,000 releases) rather than in the table's rows
# (131 MB; a page of them per match when the file is not in the OS's cache)
BY_ID = {"meetings": "idx_events_groups"}
# the array holds 4 bytes per id up to the largest: 80 MB at most (427,000 meetings at
# 50,000 releases: 1.7 MB)
MAX_ID = 20_000_000


def _numpy():
    try:
        import numpy
    except ImportError:   # the store alone, without the GUI's packages: SQL counts
        return None
    return numpy


def _build(conn: sqlite3.Connection, table: str, np):
    """(the groups' keys in SQLite's order of them, array id -> group number or -1)."""
    base, keys, where, extra = SPECS[table]
    cols = ", ".join(keys)
    at = ", ".join(str(i + 1) for i in range(len(keys)))
    # two subqueries: SQLite finds a lone min() or max() at an end of the b-tree, but scans
    # the table for both in one
    low, top = conn.execute(f"SELECT (SELECT min(id) FROM {base}), (SELECT max(id) FROM {base})"
                            ).fetchone()
    if low is not None and (low < 0 or top > MAX_ID):
        return None   # an id cannot index the array, or the array would be too big
    rows = conn.execute(f"SELECT {cols}, group_concat(id) FROM {base}"
                        f"{' WHERE ' + where if where else ''} GROUP BY {at} ORDER BY {at}"
                        ).fetchall()
    code = np.full((top or 0) + 1, -1, dtype=np.int32)
    for g, row in enumerate(rows):
        code[_ids(np, row[-1])] = g
    return [(*r[:-1], *extra) for r in rows], code


def _counted(conn: sqlite3.Connection, table: str, match: tuple[str, list]) -> list[tuple] | None:
    """What `groups` answers, counted in SQL from the table's index by id (BY_ID); None
    without one. SQLite would look the ids up in the table itself, whose rows are 9x the
    index's entries: the index is named."""
    index = BY_ID.get(table)
    if index is None:
        return None
    base, keys, where, extra = SPECS[table]
    at = ", ".join(str(i + 1) for i in range(len(keys)))
    sql, params = match
    rows = conn.execute(f"SELECT {', '.join(keys)}, count(*), min(id) FROM {base} INDEXED BY "
                        f"{index} WHERE id IN ({sql}){' AND ' + where if where else ''} "
                        f"GROUP BY {at} ORDER BY {at}", list(params)).fetchall()
    return [(*r[:-2], *extra, *r[-2:]) for r in rows]


def _ids(np, text: str | None):
    if not text:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


def _built(conn, name: str, now: tuple) -> bool:
    hit = getattr(conn, name, None)
    return hit is not None and hit[0] == now


def _asked_before(conn, table: str) -> bool:
    """Whether this connection has counted a text filter of the table on this data before.
    The first time it is counted in SQL: the map costs about two such counts to build
    (~130 ms against ~65 for "talks" at 44,855 releases, the file in the OS's cache), and
    pays from the next filter on, each then ~6 ms."""
    asked = kept(conn, f"_group_map_{table}_asked", lambda: [0])
    asked[0] += 1
    return asked[0] > 1


def ready(conn: sqlite3.Connection, table: str) -> bool:
    """Whether the table's map is built for the data as it is now."""
    try:
        return _built(conn, f"_group_map_{table}", version(conn))
    except sqlite3.Error:
        return False


def groups(conn: sqlite3.Connection, table: str, match: tuple[str, list],
           build: bool = False) -> list[tuple] | None:
    """(*group keys, count, smallest id) of the rows whose ids `match` (SQL selecting ids,
    and its parameters) selects, per group of SPECS[table], in the order of the group keys;
    None when this cannot answer (the callers then count in SQL). `build`: build the map
    now, even at the first filter (it costs what the SQL would)."""
    np = _numpy()
    if np is None or table not in SPECS:
        return None
    try:
        before = version(conn)
        name = f"_group_map_{table}"
        asked = _asked_before(conn, table)
        if not _built(conn, name, before) and not (asked or build):
            return _counted(conn, table, match)
        built = kept(conn, name, lambda: _build(conn, table, np))
        if built is None:
            return None
        sql, params = match
        text = conn.execute(f"SELECT group_concat(id) FROM ({sql})", list(params)).fetchone()[0]
        if version(conn) != before:
            return None   # the data changed between the two reads
    except sqlite3.Error:
        return None
    keys, code = built
    ids = _ids(np, text)
    ids = ids[(ids >= 0) & (ids < len(code))]
    g = code[ids]
    ids, g = ids[g >= 0], g[g >= 0]
    n = np.bincount(g, minlength=len(keys))
    low = np.full(len(keys), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(low, g, ids)
    return [(*keys[i], int(n[i]), int(low[i])) for i in np.flatnonzero(n)]
