"""Opening and creating a database file: `connect` checks it, brings an older schema up to
date where SQL can (app/store/migrations.py), and raises NeedsUpgrade where only
re-extracting its documents can (app/store/upgrade.py does that, as a long operation of its
own). Imports neither sqlite-utils nor the importer: opening an archive stays fast."""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from . import counts, integrity, leftovers, sqlite_file
from .added_columns import missing_columns
from .errors import (
    DamagedDatabase,
    MissingDatabase,
    NeedsUpgrade,
    NewerSchema,
    NotADatabase,
    ReadOnlyDatabase,
    StoreError,
)
from .integrity import QUICK_CHECK_SECONDS, check_database, damage, quick_check
from .migrations import (
    MIGRATIONS,
    add_new_columns,
    migrate_in_place,
    refresh_filter_indexes,
)
from .schema import INDEXES_SQL, SCHEMA_VERSION, create_schema, ensure_indexes
from .sqlite_file import (
    FOLDER_READ_ONLY,
    SQLITE_MAGIC,
    Connection,
    open_file,
    read_only_mode,
)

__all__ = [
    "FOLDER_READ_ONLY", "MIGRATIONS", "QUICK_CHECK_SECONDS", "RECOVER_HINT", "SQLITE_MAGIC",
    "Connection", "check_database", "connect", "damage", "default_db_path", "open_file",
    "quick_check", "read_only_mode", "transaction",
]

RECOVER_HINT = "factbrowser recover -o NEW.db saves what can be read"
_INDEX_NAMES = frozenset(re.findall(r"INDEX IF NOT EXISTS (\w+)", INDEXES_SQL))


def default_db_path() -> Path:
    # platformdirs only here: opening a named database (--db) does not load it
    from platformdirs import user_data_dir

    return Path(user_data_dir("factbrowser", appauthor=False)) / "factbrowser.db"


def connect(path: Path | str, create: bool = False, write: bool = False,
            check: bool = True) -> Connection:
    """A checked connection in autocommit mode (transactions are explicit: see `transaction`).
    A database that is damaged, or that this process cannot write (read-only file or folder),
    opens read-only (its `read_only` says why); with write=True it is refused instead.
    check=False (for reading only) skips the damage check unless its answer is known, and
    opens the file so that SQLite refuses to write it: the window opens a big archive without
    waiting for the check, and runs it on a thread (see `damage`).
    An older schema that SQL cannot bring up to date raises NeedsUpgrade: opening never
    re-extracts (the caller runs `upgrade_database`, with progress, and opens again)."""
    path = Path(path)
    exists, reason = _file_state(path, create, write)
    if exists and not check and not write and not integrity.known(path):
        conn = _open_unchecked(path, reason)
        if conn is not None:
            return conn
    conn, version, tables = _open_checked(path, exists, reason, write)
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchema(
            f"{path} was written by a newer Fact Browser (schema {version}, this app knows "
            f"{SCHEMA_VERSION}); update the app")
    if version >= 4 and not conn.read_only:
        # before the migrations and indexes below, which may name the added columns
        add_new_columns(conn, path)
    if version == 0:
        _create(conn, path, tables, create)
    elif version < SCHEMA_VERSION:
        _bring_up_to_date(conn, path, version)
    elif not conn.read_only:
        leftovers.remove_stale(path, "upgrade")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            ensure_indexes(conn)
            refresh_filter_indexes(conn)
            counts.ensure(conn)
        except sqlite3.OperationalError:
            pass  # read-only media: readers still work in the existing journal mode
    return conn


def _file_state(path: Path, create: bool, write: bool) -> tuple[bool, str | None]:
    """(whether the database exists, why this process cannot write it): the errors a look
    at the file alone can tell, before SQLite opens it."""
    if path.is_dir():
        raise NotADatabase(f"{path} is a directory, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise MissingDatabase(
            f"no database at {path} (create one with: factbrowser build --db {path})")
    reason = None
    if exists:
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise NotADatabase(f"cannot read {path}: {exc.strerror or exc}") from exc
        if head != SQLITE_MAGIC:
            raise NotADatabase(f"{path} is not an SQLite database")
        reason = sqlite_file.cannot_write(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    if reason and write:
        raise ReadOnlyDatabase(f"{path} is read-only here ({reason}); nothing was written")
    return exists, reason


def _read_head(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return version, {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def _open_checked(path: Path, exists: bool, reason: str | None,
                  write: bool) -> tuple[Connection, int, set[str]]:
    """(connection, schema version, table names) after the damage check; a damaged file is
    reopened read-only (refused when writing)."""
    mode = read_only_mode(path) if reason else "rw"
    conn = None
    try:
        try:
            conn = open_file(path, mode)
            version, tables = _read_head(conn)
        except sqlite3.OperationalError:
            if mode != "ro":
                raise
            if conn is not None:
                conn.close()
            mode = "immutable"  # e.g. the -shm file cannot be created or written
            conn = open_file(path, mode)
            version, tables = _read_head(conn)
        found = integrity.found_damage(conn, path) if exists else None
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        hint = f"; {RECOVER_HINT}" if exists else ""
        raise NotADatabase(f"{path} is not a usable SQLite database ({exc}){hint}") from exc
    if found:
        conn.close()
        if write:
            raise DamagedDatabase(f"{path} is damaged ({found}); nothing was written to it. "
                                  f"{RECOVER_HINT}")
        reason = f"damaged: {found}"
        conn = open_file(path, read_only_mode(path) if mode == "rw" else mode)
        conn.damaged = True
    conn.read_only = reason
    return conn, version, tables


def _create(conn: Connection, path: Path, tables: set[str], create: bool) -> None:
    """The schema in an empty file (refused for anything else)."""
    problem = None
    if tables - {"sqlite_sequence"}:
        problem = NotADatabase(f"{path} is an SQLite database but not a Fact Browser one")
    elif not create:
        problem = MissingDatabase(f"{path} is an empty database (run factbrowser build --db {path})")
    elif conn.read_only:
        problem = ReadOnlyDatabase(f"cannot create the database at {path} ({conn.read_only})")
    if problem is not None:
        conn.close()
        raise problem
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        create_schema(conn)
        counts.ensure(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot create the database at {path}: {exc}") from exc


def _bring_up_to_date(conn: Connection, path: Path, version: int) -> None:
    """An older schema migrated in SQL, or NeedsUpgrade (the connection closed) when only
    re-extraction can, or when the file cannot be written here."""
    if conn.read_only:
        conn.close()
        raise ReadOnlyDatabase(
            f"{path} is from an older Fact Browser and cannot be upgraded ({conn.read_only})"
            + (f"; {RECOVER_HINT}" if conn.damaged else
               "; copy it to a folder you can write to"))
    if not migrate_in_place(conn, version):
        conn.close()
        raise NeedsUpgrade(
            f"{path} is from an older Fact Browser (schema {version}): its facts must be "
            "extracted again from the stored texts before it opens (the old file is kept "
            "as a backup)", path=path, version=version)
    conn.execute("PRAGMA journal_mode = WAL")
    ensure_indexes(conn)
    refresh_filter_indexes(conn)
    counts.ensure(conn)


def _open_unchecked(path: Path, reason: str | None) -> Connection | None:
    """A connection SQLite keeps from writing, opened without the damage check; None when
    the file needs what only a checked opening does (an upgrade, WAL mode, new indexes)."""
    conn = None
    try:
        conn = open_file(path, read_only_mode(path))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        wal = conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'index'")}
    except sqlite3.Error:
        if conn is not None:
            conn.close()
        return None
    try:  # columns the code reads, added on a checked opening (added_columns.ADDED_COLUMNS)
        current = missing_columns(conn) == ([], [])
    except sqlite3.Error:
        current = False
    if version != SCHEMA_VERSION or not wal or not _INDEX_NAMES <= indexes or not current:
        conn.close()
        return None
    conn.read_only, conn.checked = reason, False
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection):
    """One all-or-nothing unit: a crash or kill inside leaves no trace of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
