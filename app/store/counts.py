"""Counts kept, not recomputed: meetings and cultural items per (start month, kind, status)
with the smallest id of each group, so that a timeline or a kind list of the whole archive
reads a few hundred kept rows instead of regrouping every fact.

The counts are kept by triggers on the fact tables, so every write (import, batch import,
re-extraction, removal, a document's new date, upgrade, rebuild) changes them in its own
transaction and they are never stale: nothing in the write path has to remember them. A
trigger's work is one indexed update of one kept row per changed fact; only deleting the
smallest id of a group reads that group again (one range of the month index).

`month` is the start date's first seven characters (YYYY-MM, or YYYY for a year), '' for a
row without a start date (still counted per kind). An existing database gains the table on
a checked, writable opening (db.connect), filled in one pass; a reader of a database that
lacks it (read-only, or opened unchecked) gets the recount (reads fall back to it)."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from . import counts_pairs, counts_people, counts_trade

TABLE = "kept_month_counts"
# view name -> (base table, status column or None)
KEPT = {"meetings": ("events", "status"), "culture": ("culture_items", None)}

TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    tbl TEXT NOT NULL,
    month TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    n INTEGER NOT NULL,
    min_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_{TABLE} ON {TABLE}(tbl, month, kind, status);
"""


def _key(row: str) -> str:
    return f"CASE WHEN {row}.date_start > '' THEN substr({row}.date_start, 1, 7) ELSE '' END"


def _group(view: str, row: str, status: str | None) -> str:
    st = f"{row}.{status}" if status else "NULL"
    return (f"tbl = '{view}' AND month = {_key(row)} AND kind IS {row}.kind "
            f"AND status IS {st}")


def _add(view: str, base: str, status: str | None) -> str:
    """Statements counting the row `new` into its group."""
    st = f"new.{status}" if status else "NULL"
    where = _group(view, "new", status)
    return (f"UPDATE {TABLE} SET n = n + 1, min_id = min(min_id, new.id) WHERE {where};\n"
            f"INSERT INTO {TABLE}(tbl, month, kind, status, n, min_id) SELECT '{view}', "
            f"{_key('new')}, new.kind, {st}, 1, new.id WHERE NOT EXISTS "
            f"(SELECT 1 FROM {TABLE} WHERE {where});\n")


def _take(view: str, base: str, status: str | None) -> str:
    """Statements counting the row `old` out of its group (the row is gone or changed)."""
    where = _group(view, "old", status)
    same = "kind IS old.kind" + (f" AND {status} IS old.{status}" if status else "")
    smallest = (f"CASE WHEN old.date_start > '' THEN (SELECT min(id) FROM {base} WHERE "
                f"substr(date_start, 1, 7) = substr(old.date_start, 1, 7) AND "
                f"date_start > '' AND {same}) ELSE (SELECT min(id) FROM {base} WHERE "
                f"(date_start IS NULL OR date_start = '') AND {same}) END")
    return (f"UPDATE {TABLE} SET n = n - 1, min_id = CASE WHEN min_id = old.id THEN "
            f"coalesce({smallest}, 0) ELSE min_id END WHERE {where};\n"
            f"DELETE FROM {TABLE} WHERE {where} AND n <= 0;\n")


def _triggers(view: str) -> str:
    base, status = KEPT[view]
    cols = "date_start, kind" + (f", {status}" if status else "")
    moved = (f"{_key('old')} IS NOT {_key('new')} OR old.kind IS NOT new.kind"
             + (f" OR old.{status} IS NOT new.{status}" if status else ""))
    name = f"{TABLE}_{base}"
    return (f"CREATE TRIGGER IF NOT EXISTS {name}_ai AFTER INSERT ON {base} BEGIN\n"
            f"{_add(view, base, status)}END;\n"
            f"CREATE TRIGGER IF NOT EXISTS {name}_ad AFTER DELETE ON {base} BEGIN\n"
            f"{_take(view, base, status)}END;\n"
            f"CREATE TRIGGER IF NOT EXISTS {name}_au AFTER UPDATE OF {cols} ON {base} "
            f"WHEN {moved} BEGIN\n{_take(view, base, status)}{_add(view, base, status)}END;\n")


def _recount_sql(view: str) -> str:
    """(month, kind, status, n, min_id) per group, counted from the fact table."""
    base, status = KEPT[view]
    month = "CASE WHEN date_start > '' THEN substr(date_start, 1, 7) ELSE '' END"
    st = status or "NULL"
    return (f"SELECT {month}, kind, {st}, count(*), min(id) FROM {base} "
            f"GROUP BY {month}, kind, {st}")


def _fill_sql(view: str) -> str:
    return (f"INSERT INTO {TABLE}(tbl, month, kind, status, n, min_id) "
            f"SELECT '{view}', * FROM ({_recount_sql(view)})")


def _statements(script: str) -> list[str]:
    """A script statement by statement (executescript would commit an open transaction)."""
    out, part = [], ""
    for line in script.splitlines(keepends=True):
        part += line
        if sqlite3.complete_statement(part):
            out.append(part.strip())
            part = ""
    return out


def _parts() -> list[tuple[list[str], list[str]]]:
    """Each kept table with its index and triggers, and the statements filling it: a
    database that lacks one part (an older one, or one a newer part was added to) gets that
    part alone, not all of them again (at 50,000 releases all take ~20 s)."""
    months = TABLE_SQL + "".join(_triggers(v) for v in KEPT)
    return [(_statements(months), [_fill_sql(v) for v in KEPT]),
            (_statements(counts_people.script()), counts_people.fill_sql()),
            (_statements(counts_trade.script()), counts_trade.fill_sql()),
            (_statements(counts_pairs.script()), counts_pairs.fill_sql())]


def kept_sql() -> list[str]:
    """The kept tables and their triggers, statement by statement."""
    return [statement for made, _fill in _parts() for statement in made]


def _names_of(statements: list[str]) -> frozenset[str]:
    return frozenset(re.findall(r"IF NOT EXISTS (\w+)", "\n".join(statements)))


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """The kept tables, indexes and triggers (every name starts with kept_ or idx_kept_)."""
    return _names_of(kept_sql())


def _present(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE name LIKE 'kept%' OR name LIKE 'idx_kept%'")}


def missing(conn: sqlite3.Connection) -> bool:
    return not _names() <= _present(conn)


def _remake(conn: sqlite3.Connection, made: list[str], fill: list[str]) -> None:
    names = _names_of(made)
    # the triggers belong to the fact tables: dropping a kept table keeps them
    for kind, name in conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') "
            "AND name LIKE 'kept%'").fetchall():
        if name in names:
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    for statement in made + fill:
        conn.execute(statement)


def ensure(conn: sqlite3.Connection) -> None:
    """Make and fill the kept counts a database lacks (each part whole: a part found
    incomplete is made again), in one transaction; nothing happens when they are there."""
    if not missing(conn):
        return
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        present = _present(conn)  # again: another process may have made them meanwhile
        for made, fill in _parts():
            if not _names_of(made) <= present:
                _remake(conn, made, fill)
    except BaseException:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")


def groups(conn: sqlite3.Connection, view: str, recount: bool = False) -> list[tuple]:
    """(month, kind, status, n, min_id) of every group, as kept or (recount) counted again
    from the fact table: tests compare the two."""
    if recount:
        rows = conn.execute(_recount_sql(view)).fetchall()
    else:
        rows = conn.execute(f"SELECT month, kind, status, n, min_id FROM {TABLE} "
                            "WHERE tbl = ?", (view,)).fetchall()
    return sorted(rows, key=repr)
