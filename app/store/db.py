"""Opening, creating and checking a database file."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from platformdirs import user_data_dir

from app.store.errors import MissingDatabase, NewerSchema, NotADatabase, StoreError
from app.store.schema import (
    FILTER_REBUILD_SQL,
    FILTER_SQL,
    SCHEMA_VERSION,
    added_columns_sql,
    create_schema,
    ensure_indexes,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    return Path(user_data_dir("factbrowser", appauthor=False)) / "factbrowser.db"


def connect(path: Path | str, create: bool = False) -> sqlite3.Connection:
    """A checked connection in autocommit mode (transactions are explicit: see `transaction`)."""
    path = Path(path)
    if path.is_dir():
        raise NotADatabase(f"{path} is a directory, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise MissingDatabase(
            f"no database at {path} (create one with: factbrowser build --db {path})")
    if exists:
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise NotADatabase(f"cannot read {path}: {exc.strerror or exc}") from exc
        if head != SQLITE_MAGIC:
            raise NotADatabase(f"{path} is not an SQLite database")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                               timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL keeps every commit atomic and the file consistent after a crash or
        # kill; only a power cut can lose the last commits. It saves an fsync per document.
        conn.execute("PRAGMA synchronous = NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(f"{path} is not a usable SQLite database ({exc})") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchema(
            f"{path} was written by a newer Fact Browser (schema {version}, this app knows "
            f"{SCHEMA_VERSION}); update the app")
    if version >= 4:
        # before the migrations and indexes below, which may name the added columns
        try:
            _add_columns(conn)
        except sqlite3.OperationalError:
            pass  # read-only media: readers still work with the columns it has
        except StoreError:
            conn.close()
            raise
    if version == 0:
        if tables - {"sqlite_sequence"}:
            conn.close()
            raise NotADatabase(f"{path} is an SQLite database but not a Fact Browser one")
        if not create:
            conn.close()
            raise MissingDatabase(f"{path} is an empty database (run factbrowser build --db {path})")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            create_schema(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot create the database at {path}: {exc}") from exc
    elif version < SCHEMA_VERSION and _migrate_in_place(conn, version):
        conn.execute("PRAGMA journal_mode = WAL")
        ensure_indexes(conn)
    elif version < SCHEMA_VERSION:
        conn.close()
        try:
            _upgrade(path, version)
        except OSError as exc:
            raise StoreError(f"{path} is from an older Fact Browser and cannot be upgraded "
                             f"in place ({exc.strerror or exc})") from exc
        return connect(path, create=False)
    else:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            ensure_indexes(conn)
        except sqlite3.OperationalError:
            pass  # read-only media: readers still work in the existing journal mode
    return conn


def open_db(path: Path | str, create: bool = False) -> sqlite_utils.Database:
    return sqlite_utils.Database(connect(path, create=create))


# Schema changes that only recompute stored columns, done in SQL on opening: re-extracting an
# archive of tens of thousands of releases (`_upgrade`) would take hours.
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


def _statements(script: str):
    """The SQL statements of a script (a trigger body's own semicolons included)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending
            pending = ""


def _add_columns(conn: sqlite3.Connection) -> None:
    """Columns added since the database was made (schema.ADDED_COLUMNS), in one transaction."""
    script = added_columns_sql(conn)
    if not script:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
            raise
        raise StoreError(f"cannot add the new columns to the database ({exc})") from exc


def _migrate_in_place(conn: sqlite3.Connection, version: int) -> bool:
    """Apply the SQL migrations from `version` up, in one transaction; False (and nothing
    changed) when some step between has none, so the caller rebuilds instead."""
    if any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        for v in range(version, SCHEMA_VERSION):
            # statement by statement: executescript would commit the open transaction
            for statement in _statements(MIGRATIONS[v]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.execute("ROLLBACK")
        raise StoreError(f"cannot upgrade the database in place ({exc})") from exc
    return True


def _upgrade(path: Path, version: int) -> None:
    """A database from an older schema is rebuilt from its documents' stored text (facts are
    re-extracted, so nothing the user added is lost); the old file is kept as a backup."""
    from app.store.ingest import add_text

    old = sqlite3.connect(str(path))
    try:
        docs = old.execute("SELECT text, path, added, encoding, origin FROM documents "
                           "ORDER BY date, id").fetchall()
    except sqlite3.Error as exc:
        raise NotADatabase(f"{path}: cannot read its documents to upgrade it ({exc})") from exc
    finally:
        old.close()
    tmp = path.with_name(f".{path.name}.upgrade-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    new = connect(tmp, create=True)
    try:
        for text, doc_path, added, encoding, origin in docs:
            try:
                _status, doc_id = add_text(new, text, doc_path, encoding, origin or "user")
            except StoreError:
                continue  # kept in the backup; the extractor could not read it now
            new.execute("UPDATE documents SET added = ? WHERE id = ?", (added, doc_id))
    except BaseException:
        new.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise
    new.close()
    os.replace(path, path.with_name(f"{path.name}.schema{version}.bak"))
    os.replace(tmp, path)


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


def ensure_default_db(path: Path | str | None = None, progress=None, results=None) -> Path:
    """The database at path (default: the user data dir), built from the shipped corpus on
    first use. It is built under a temporary name and renamed, so an interrupted first run
    never leaves a half-built database behind."""
    from app.store.ingest import build_corpus

    path = Path(path) if path else default_db_path()
    if path.exists() and path.stat().st_size > 0:
        connect(path).close()  # raises a clear error if it is not usable
        return path
    _remove_stale_builds(path)
    tmp = path.with_name(f".{path.name}.building-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    try:
        done = build_corpus(tmp, progress=progress)
        if results is not None:
            results.extend(done)
        if done and not any(r.ok for r in done):
            raise StoreError(f"cannot build the database: {done[0].message}")
        os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return path


def _remove_stale_builds(path: Path) -> None:
    """Temporary files of first-run builds whose process was killed."""
    if not path.parent.is_dir():
        return
    for f in path.parent.glob(f".{path.name}.building-*"):
        pid = f.name.rsplit("-", 1)[-1] if not f.name.endswith(("-wal", "-shm")) else \
            f.name[:-4].rsplit("-", 1)[-1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except (ProcessLookupError, OverflowError):
            f.unlink(missing_ok=True)
        except (PermissionError, OSError):
            continue
