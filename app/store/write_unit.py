"""What every write of one document shares: its identity (the hash of its text), its stored
columns and warnings, and the all-or-nothing unit it is written in."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import contextmanager
from functools import lru_cache

from .db import transaction
from .readers import identity_text


def text_hash(text: str) -> str:
    return hashlib.sha256(identity_text(text).encode("utf-8")).hexdigest()


def document_columns(info) -> tuple:
    """time, place, outlet, date_origin, warnings of a DocumentInfo as stored (warnings one
    per line: each is one line of text)."""
    warnings = [w.replace("\n", " ") for w in (getattr(info, "warnings", None) or [])]
    return (getattr(info, "time", None), getattr(info, "place", None),
            getattr(info, "outlet", None), getattr(info, "date_origin", None) or "none",
            "\n".join(warnings) or None)


def stored_warnings(conn: sqlite3.Connection, doc_id: int) -> tuple[list[str], int]:
    """A stored document's warnings, and its number of facts. Unless the extractor said so
    already, a document without a publication date or without facts is said to be."""
    row = conn.execute("SELECT warnings, facts, date FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    if row is None:
        return [], 0
    warnings = [w for w in (row[0] or "").split("\n") if w]
    if not row[2] and not any("no publication date" in w for w in warnings):
        warnings.insert(0, "no publication date found (give one with --date)")
    if not row[1] and not any("no facts" in w for w in warnings):
        warnings.append("no facts found")
    return warnings, row[1]


@contextmanager
def unit(conn: sqlite3.Connection):
    """All or nothing for one document: its own transaction, or inside a WriteBatch's
    transaction a savepoint, so a failing document leaves the others of the batch alone."""
    if not conn.in_transaction:
        with transaction(conn):
            yield
        return
    conn.execute("SAVEPOINT document")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # else SQLite itself rolled back (WriteBatch reports it)
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
        raise
    conn.execute("RELEASE document")


@lru_cache(maxsize=256)
def _insert_sql(table: str, cols: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in cols)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in cols)})"


def insert_row(conn: sqlite3.Connection, table: str, row: dict) -> int:
    return conn.execute(_insert_sql(table, tuple(row)), list(row.values())).lastrowid
