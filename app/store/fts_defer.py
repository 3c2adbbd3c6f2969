"""The word indexes (FTS5, external content) filled once per batch of a bulk import instead of
through a trigger for every row written.

Every base table with an FTS5 index keeps it in step through three triggers (schema.py). For
a batch, inside its transaction, `suspend` drops them and puts connection-local TEMP triggers
in their place that act only on rows that existed when the batch began (rowid <= the mark):
an indexed row that is updated or deleted still takes its old words out at once, as FTS5's
external content needs the old values. Rows added during the batch (rowid > mark) are
indexed by `resume` in one INSERT ... SELECT of their final values, before the triggers are
put back exactly as they were and the batch commits. Everything happens in the batch's
transaction: a kill or a rollback leaves the schema and the indexes as they were, and a
release rolled back to its savepoint takes its rows, and so their words, with it.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

_OPTION = re.compile(r"""\b(content|content_rowid)\s*=\s*['"]?([A-Za-z_][A-Za-z0-9_]*)""")


@dataclass
class _Index:
    fts: str
    base: str
    rowid: str
    cols: tuple[str, ...]
    mark: int = 0


@dataclass
class Suspended:
    indexes: list[_Index] = field(default_factory=list)
    triggers: list[tuple[str, str]] = field(default_factory=list)  # (name, sql) as stored


def _indexes(conn: sqlite3.Connection) -> list[_Index]:
    out = []
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                  "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name"):
        opts = dict(m.groups() for m in _OPTION.finditer(sql))
        if "content" not in opts:
            continue  # an index holding its own text: no base table to fill it from
        cols = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
        out.append(_Index(name, opts["content"], opts.get("content_rowid", "rowid"), cols))
    return out


def _temp_triggers(ix: _Index) -> str:
    names = ", ".join(ix.cols)
    new = ", ".join(f"new.{c}" for c in ix.cols)
    old = ", ".join(f"old.{c}" for c in ix.cols)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in ix.cols)
    t, r, m = f"defer_{ix.fts}", ix.rowid, ix.mark
    return f"""
CREATE TEMP TRIGGER {t}_ai AFTER INSERT ON main.{ix.base} WHEN new.{r} <= {m} BEGIN
    INSERT INTO {ix.fts}(rowid, {names}) VALUES (new.{r}, {new});
END;
CREATE TEMP TRIGGER {t}_ad AFTER DELETE ON main.{ix.base} WHEN old.{r} <= {m} BEGIN
    INSERT INTO {ix.fts}({ix.fts}, rowid, {names}) VALUES ('delete', old.{r}, {old});
END;
CREATE TEMP TRIGGER {t}_au AFTER UPDATE ON main.{ix.base} WHEN old.{r} <= {m} AND ({changed})
BEGIN
    INSERT INTO {ix.fts}({ix.fts}, rowid, {names}) VALUES ('delete', old.{r}, {old});
    INSERT INTO {ix.fts}(rowid, {names}) VALUES (new.{r}, {new});
END;"""


def suspend(conn: sqlite3.Connection) -> Suspended | None:
    """Inside an open transaction: the index triggers off, their deferred stand-ins on.
    None when there is nothing to defer (no index kept by triggers)."""
    indexes = _indexes(conn)
    if not indexes:
        return None
    bases = {ix.base for ix in indexes}
    fts_names = {ix.fts for ix in indexes}
    triggers = [(n, sql) for n, tbl, sql in conn.execute(
        "SELECT name, tbl_name, sql FROM main.sqlite_master WHERE type = 'trigger' ORDER BY name")
        if tbl in bases and any(re.search(rf"\b{f}\b", sql) for f in fts_names)]
    for ix in indexes:
        ix.mark = conn.execute(f'SELECT coalesce(max("{ix.rowid}"), 0) FROM "{ix.base}"'
                               ).fetchone()[0]
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER main."{name}"')
    for ix in indexes:  # one by one: executescript would commit the transaction first
        for statement in _temp_triggers(ix).split("END;")[:-1]:
            conn.execute(statement + "END;")
    return Suspended(indexes, triggers)


def resume(conn: sqlite3.Connection, state: Suspended | None) -> None:
    """Inside the same transaction, before it commits: the rows added since `suspend`
    indexed, the stand-ins dropped and the triggers back as they were."""
    if state is None:
        return
    for ix in state.indexes:
        cols = ", ".join(ix.cols)
        conn.execute(f"INSERT INTO {ix.fts}(rowid, {cols}) SELECT {ix.rowid}, {cols} "
                     f"FROM main.{ix.base} WHERE {ix.rowid} > ? ORDER BY {ix.rowid}", (ix.mark,))
        for suffix in ("ai", "ad", "au"):
            conn.execute(f"DROP TRIGGER IF EXISTS temp.defer_{ix.fts}_{suffix}")
    for _name, sql in state.triggers:
        conn.execute(sql)
