"""Schema changes done in SQL when a database is opened: columns added since it was made,
steps between schema versions that only recompute stored columns, and word indexes rebuilt
over the columns shown now. Seconds, where re-extracting an archive would take hours; an
older schema with no such step needs `upgrade_database` (re-extraction) instead."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .added_columns import ensure_columns
from .errors import StoreError
from .filter_index import (
    FILTER_REBUILD_SQL,
    FILTER_SQL,
    filter_rebuild_sql,
    stale_filter_indexes,
)
from .schema import SCHEMA_VERSION

MIGRATIONS = {
    # 3 -> 4: a person's first and last dates are those of their events, not of the documents.
    3: """
    UPDATE persons SET
      first_date = (SELECT min(e.date_start) FROM event_participants ep
                    JOIN events e ON e.id = ep.event_id WHERE ep.person_id = persons.id),
      last_date = (SELECT max(coalesce(e.date_end, e.date_start)) FROM event_participants ep
                   JOIN events e ON e.id = ep.event_id WHERE ep.person_id = persons.id);
    """,
    # 4 -> 5: word indexes for the tables' text filters, filled from the rows (seconds, no
    # re-extraction).
    4: FILTER_SQL + FILTER_REBUILD_SQL,
}


def migratable(version: int) -> bool:
    """Whether every step from `version` up to the current schema is done in SQL."""
    return all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION))


def statements(script: str):
    """The SQL statements of a script (a trigger body's own semicolons included)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending
            pending = ""


def migrate_in_place(conn: sqlite3.Connection, version: int) -> bool:
    """Apply the SQL migrations from `version` up, in one transaction; False (and nothing
    changed) when some step between has none, so the caller rebuilds instead."""
    if not migratable(version):
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        for v in range(version, SCHEMA_VERSION):
            # statement by statement: executescript would commit the open transaction
            for statement in statements(MIGRATIONS[v]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"cannot upgrade the database in place ({exc})") from exc
    return True


def refresh_filter_indexes(conn: sqlite3.Connection) -> None:
    """Rebuild, in one transaction, the text-filter word indexes an earlier version made over
    other columns (the columns shown changed): seconds, no re-extraction; a no-op after."""
    stale = stale_filter_indexes(conn)
    if not stale:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for base in stale:
            for statement in statements(filter_rebuild_sql(base)):
                conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def add_new_columns(conn: sqlite3.Connection, path: Path) -> None:
    """Columns added since the database was made (added_columns.ADDED_COLUMNS)."""
    try:
        ensure_columns(conn)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc).replace(" ", "").lower():
            return  # read-only media: the views show what the file has
        conn.close()
        raise StoreError(f"cannot add the new columns to {path} ({exc})") from exc
