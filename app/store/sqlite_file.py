"""The database file itself: whether this process may write it, and opening it in the mode
that allows (read-write, read-only, or immutable on read-only media)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
FOLDER_READ_ONLY = "its folder is read-only"


class Connection(sqlite3.Connection):
    """An SQLite connection that knows whether, and why, it may only read."""

    read_only: str | None = None  # why nothing may be written (None: writable)
    damaged: bool = False
    checked: bool = True  # False: opened without the damage check (see `damage`)
    mode: str = "rw"  # rw, ro, or immutable (read-only media without a -shm file)


def sidecar(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def cannot_write(path: Path) -> str | None:
    """Why this process cannot write the database file where it is (None: it can)."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return FOLDER_READ_ONLY  # SQLite needs to create its journal or WAL files there
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def open_file(path: Path, mode: str) -> Connection:
    if mode == "rw":
        target, uri = str(path), False
    else:
        # mode=ro: SQLite itself refuses every write. immutable=1: no -shm is needed, which a
        # WAL database in a read-only folder cannot create (and no other process can write
        # there either).
        query = "mode=ro" if mode == "ro" else "mode=ro&immutable=1"
        target, uri = f"{path.resolve().as_uri()}?{query}", True
    conn = sqlite3.connect(target, uri=uri, factory=Connection, isolation_level=None,
                           check_same_thread=False, timeout=30)
    conn.mode = mode
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    # With WAL, NORMAL keeps every commit atomic and the file consistent after a crash or
    # kill; only a power cut can lose the last commits. It saves an fsync per document.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def read_only_mode(path: Path) -> str:
    if cannot_write(path) == FOLDER_READ_ONLY and not sidecar(path, "-shm").exists():
        return "immutable"
    return "ro"


def file_key(path: Path) -> tuple:
    """What changes when the file does (its name, inode, size and time, and its WAL's)."""
    keys: list = [str(path.resolve())]
    for p in (path, sidecar(path, "-wal")):
        try:
            st = p.stat()
            keys += [st.st_ino, st.st_size, st.st_mtime_ns]
        except OSError:
            keys.append(None)
    return tuple(keys)


def remove_sqlite_file(path: Path) -> None:
    """A database file and its -wal and -shm, whichever exist."""
    for suffix in ("", "-wal", "-shm"):
        sidecar(path, suffix).unlink(missing_ok=True)


def has(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the schema holds a table, index or trigger of this name (a database opened
    read-only or unchecked may lack what a checked opening adds)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def version(conn: sqlite3.Connection) -> tuple:
    """What changes whenever the database does: a commit by another connection (SQLite's
    data_version) or by this one (total_changes)."""
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def kept(conn: sqlite3.Connection, name: str, build):
    """`build()`'s value kept on the connection under `name` while the database stays the
    same (version); a plain sqlite3 connection holds no attributes: built each time."""
    now = version(conn)
    hit = getattr(conn, name, None)
    if hit is not None and hit[0] == now:
        return hit[1]
    value = build()
    try:
        setattr(conn, name, (now, value))
    except AttributeError:
        pass
    return value
