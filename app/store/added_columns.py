"""Columns the base tables gained after databases were made with them, added on opening
(additive and idempotent, so they need no schema number and merge with other such additions),
and the views showing them made again. Rows stored before get the column's default."""

from __future__ import annotations

from .schema import VIEWS_SQL

# Columns added after schema 5 without a version step, so that other additive changes merge
# beside them: each is added to a database that lacks it (PRAGMA table_info), then the views
# showing it are made again. (table, column, type, NOT NULL default or None, SQL filling
# existing rows.)
ADDED_COLUMNS = [
    ("documents", "time", "TEXT", None, None),
    ("documents", "place", "TEXT", None, None),
    ("documents", "outlet", "TEXT", None, None),
    # The reader of those databases took a date only from the release's header line.
    ("documents", "date_origin", "TEXT", "none",
     "UPDATE documents SET date_origin = 'header' WHERE date IS NOT NULL"),
    ("documents", "warnings", "TEXT", None, None),
    ("events", "date_basis", "TEXT", None, None),
    ("event_sources", "date_basis", "TEXT", None, None),
    ("culture_items", "source_count", "INTEGER", 0,
     "UPDATE culture_items SET source_count = (SELECT count(DISTINCT document_id) FROM "
     "mentions WHERE fact_type = 'culture' AND fact_id = culture_items.id)"),
    # figures' partners, what they measure, direction and status (facts of the extraction:
    # stored documents gain them when re-extracted, `factbrowser build --reextract`)
    ("quantities", "partners", "TEXT", None, None),
    ("quantities", "measure_kind", "TEXT", None, None),
    ("quantities", "direction", "TEXT", None, None),
    ("quantities", "status", "TEXT", "actual", None),
]
# view -> a column it must show (else it is made again from VIEWS_SQL)
VIEW_NEEDS = {"sources": "date_origin", "meetings": "date_basis", "culture": "sources",
              "figures": "partners", "trade": "partners"}


def _view_select(name: str) -> str:
    start = VIEWS_SQL.index(f"CREATE VIEW {name} AS") + len(f"CREATE VIEW {name} AS")
    return VIEWS_SQL[start:VIEWS_SQL.index(";", start)].strip()


def missing_columns(conn) -> tuple[list[tuple], list[str]]:
    """The ADDED_COLUMNS a database lacks, and the views to make again."""
    have: dict[str, set[str]] = {}
    for table, *_rest in ADDED_COLUMNS:
        if table not in have:
            have[table] = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    columns = [c for c in ADDED_COLUMNS if c[1] not in have[c[0]]]
    views = [v for v, col in VIEW_NEEDS.items()
             if col not in {r[1] for r in conn.execute(f"PRAGMA table_info({v})")}]
    return columns, views


def ensure_columns(conn) -> None:
    """Add the columns and view columns a database made before them lacks, in one
    transaction (nothing happens when it has them all). Adding a column rewrites no row;
    only the stated date origin of existing documents is filled in."""
    if missing_columns(conn) == ([], []):
        return
    # sqlite-utils does this job (column types, quoted defaults, replacing a view); it is
    # imported only here, when an older database is opened, never on an ordinary opening.
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    conn.execute("BEGIN IMMEDIATE")
    try:
        columns, views = missing_columns(conn)  # again: another process may have added them
        for table, column, col_type, not_null_default, fill in columns:
            db[table].add_column(column, col_type, not_null_default=not_null_default)
            if fill:
                conn.execute(fill)
        for view in views:
            db.create_view(view, _view_select(view), replace=True)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
