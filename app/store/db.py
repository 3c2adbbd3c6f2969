"""Opening, creating and checking a database file."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils
from platformdirs import user_data_dir

from app.store import leftovers
from app.store.errors import (
    DamagedDatabase,
    MissingDatabase,
    NewerSchema,
    NotADatabase,
    ReadOnlyDatabase,
    StoreError,
)
from app.store.schema import (
    FILTER_REBUILD_SQL,
    FILTER_SQL,
    INDEXES_SQL,
    SCHEMA_VERSION,
    create_schema,
    ensure_columns,
    ensure_indexes,
    filter_rebuild_sql,
    missing_columns,
    stale_filter_indexes,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    return Path(user_data_dir("factbrowser", appauthor=False)) / "factbrowser.db"


class Connection(sqlite3.Connection):
    """An SQLite connection that knows whether, and why, it may only read."""

    read_only: str | None = None  # why nothing may be written (None: writable)
    damaged: bool = False
    checked: bool = True  # False: opened without the damage check (see `damage`)
    mode: str = "rw"  # rw, ro, or immutable (read-only media without a -shm file)


# Opening checks the file with PRAGMA quick_check for at most this long: a whole archive of a
# few hundred MB is checked (~1 GB/s when cached); a bigger one only partly, and
# `factbrowser check` checks all of it.
QUICK_CHECK_SECONDS = 0.5
_quick_checked: dict[tuple, str | None] = {}
RECOVER_HINT = "factbrowser recover -o NEW.db saves what can be read"


def _sidecar(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


FOLDER_READ_ONLY = "its folder is read-only"


def _cannot_write(path: Path) -> str | None:
    """Why this process cannot write the database file where it is (None: it can)."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return FOLDER_READ_ONLY  # SQLite needs to create its journal or WAL files there
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def _open(path: Path, mode: str) -> Connection:
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


def _read_only_mode(path: Path) -> str:
    if _cannot_write(path) == FOLDER_READ_ONLY and not _sidecar(path, "-shm").exists():
        return "immutable"
    return "ro"


def _file_key(path: Path) -> tuple:
    keys: list = [str(path.resolve())]
    for p in (path, _sidecar(path, "-wal")):
        try:
            st = p.stat()
            keys += [st.st_ino, st.st_size, st.st_mtime_ns]
        except OSError:
            keys.append(None)
    return tuple(keys)


def quick_check(conn: sqlite3.Connection, seconds: float | None = QUICK_CHECK_SECONDS,
                full: bool = False) -> tuple[str, list[str]]:
    """("ok" | "damaged" | "unfinished", problems): SQLite's quick_check (integrity_check
    when full), stopped after `seconds` (None: no limit). A timer interrupts it: the check
    walks each b-tree inside one VM instruction, where a progress handler is never called."""
    pragma = "integrity_check" if full else "quick_check"
    if seconds is not None and seconds <= 0:
        return "unfinished", []
    timer, lock, running = None, threading.Lock(), [True]
    if seconds is not None:
        def stop() -> None:
            with lock:  # never interrupts a later statement
                if running[0]:
                    conn.interrupt()
        timer = threading.Timer(seconds, stop)
        timer.daemon = True
        timer.start()
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return "unfinished", []
        return "damaged", [str(exc)]
    except sqlite3.DatabaseError as exc:
        return "damaged", [str(exc)]
    finally:
        with lock:
            running[0] = False
        if timer is not None:
            timer.cancel()
    if rows == ["ok"]:
        return "ok", []
    return "damaged", [str(r) for r in rows]


def damage(path: Path | str) -> str | None:
    """What the opening check finds wrong with a database file (None: nothing, as far as it
    got in its time), on a read-only connection of its own: for a caller that opened the file
    with check=False and checks it on another thread."""
    path = Path(path)
    try:
        conn = _open(path, _read_only_mode(path))
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return _damage(conn, path)
    finally:
        conn.close()


def _damage(conn: sqlite3.Connection, path: Path) -> str | None:
    """What quick_check found wrong (None: nothing, as far as it got), remembered for this
    process while the file stays the same (the GUI opens the database once per plot)."""
    key = _file_key(path)
    if key not in _quick_checked:
        status, problems = quick_check(conn)
        if len(_quick_checked) > 32:
            _quick_checked.clear()
        # one line: SQLite's report of one problem can span several
        _quick_checked[key] = (" ".join("; ".join(problems[:2]).split())[:300]
                               if status == "damaged" else None)
    return _quick_checked[key]


def connect(path: Path | str, create: bool = False, write: bool = False,
            check: bool = True) -> Connection:
    """A checked connection in autocommit mode (transactions are explicit: see `transaction`).
    A database that is damaged, or that this process cannot write (read-only file or folder),
    opens read-only (its `read_only` says why); with write=True it is refused instead.
    check=False (for reading only) skips the damage check unless its answer is known, and
    opens the file so that SQLite refuses to write it: the window opens a big archive without
    waiting for the check, and runs it on a thread (see `damage`)."""
    path = Path(path)
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
        reason = _cannot_write(path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    if reason and write:
        raise ReadOnlyDatabase(f"{path} is read-only here ({reason}); nothing was written")
    if exists and not check and not write and _file_key(path) not in _quick_checked:
        conn = _open_unchecked(path, reason)
        if conn is not None:
            return conn
    mode = _read_only_mode(path) if reason else "rw"
    conn = None
    try:
        try:
            conn = _open(path, mode)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        except sqlite3.OperationalError:
            if mode != "ro":
                raise
            if conn is not None:
                conn.close()
            mode = "immutable"  # e.g. the -shm file cannot be created or written
            conn = _open(path, mode)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        found = _damage(conn, path) if exists else None
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
        conn = _open(path, _read_only_mode(path) if mode == "rw" else mode)
        conn.damaged = True
    conn.read_only = reason
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchema(
            f"{path} was written by a newer Fact Browser (schema {version}, this app knows "
            f"{SCHEMA_VERSION}); update the app")
    if version >= 4 and not reason:
        # before the migrations and indexes below, which may name the added columns
        _ensure_columns(conn, path)
    if version == 0:
        if tables - {"sqlite_sequence"}:
            conn.close()
            raise NotADatabase(f"{path} is an SQLite database but not a Fact Browser one")
        if not create:
            conn.close()
            raise MissingDatabase(f"{path} is an empty database (run factbrowser build --db {path})")
        if reason:
            conn.close()
            raise ReadOnlyDatabase(f"cannot create the database at {path} ({reason})")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            create_schema(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot create the database at {path}: {exc}") from exc
    elif reason:
        if version < SCHEMA_VERSION:
            conn.close()
            raise ReadOnlyDatabase(
                f"{path} is from an older Fact Browser and cannot be upgraded ({reason})"
                + (f"; {RECOVER_HINT}" if conn.damaged else
                   "; copy it to a folder you can write to"))
    elif version < SCHEMA_VERSION and _migrate_in_place(conn, version):
        conn.execute("PRAGMA journal_mode = WAL")
        ensure_indexes(conn)
        _refresh_filter_indexes(conn)
    elif version < SCHEMA_VERSION:
        conn.close()
        try:
            _upgrade(path, version)
        except OSError as exc:
            raise StoreError(f"{path} is from an older Fact Browser and cannot be upgraded "
                             f"in place ({exc.strerror or exc})") from exc
        return connect(path, create=False, write=write)
    else:
        leftovers.remove_stale(path, "upgrade")
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            ensure_indexes(conn)
            _refresh_filter_indexes(conn)
        except sqlite3.OperationalError:
            pass  # read-only media: readers still work in the existing journal mode
    return conn


def _ensure_columns(conn: sqlite3.Connection, path: Path) -> None:
    """Columns added since the database was made (app/store/schema.py ADDED_COLUMNS)."""
    try:
        ensure_columns(conn)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc).replace(" ", "").lower():
            return  # read-only media: the views show what the file has
        conn.close()
        raise StoreError(f"cannot add the new columns to {path} ({exc})") from exc


_INDEX_NAMES = frozenset(re.findall(r"INDEX IF NOT EXISTS (\w+)", INDEXES_SQL))


def _open_unchecked(path: Path, reason: str | None) -> Connection | None:
    """A connection SQLite keeps from writing, opened without the damage check; None when
    the file needs what only a checked opening does (an upgrade, WAL mode, new indexes)."""
    conn = None
    try:
        conn = _open(path, _read_only_mode(path))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        wal = conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'index'")}
    except sqlite3.Error:
        if conn is not None:
            conn.close()
        return None
    try:  # columns the code reads, added on a checked opening (schema.ADDED_COLUMNS)
        current = missing_columns(conn) == ([], [])
    except sqlite3.Error:
        current = False
    if version != SCHEMA_VERSION or not wal or not _INDEX_NAMES <= indexes or not current:
        conn.close()
        return None
    conn.read_only, conn.checked = reason, False
    return conn


def check_database(path: Path | str) -> list[str]:
    """SQLite's full integrity check of a database file, read-only: the problems found (an
    empty list when there are none). Never writes to the file."""
    path = Path(path)
    if not path.is_file():
        return [f"no database file at {path}"]
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                return [f"{path} is not an SQLite database"]
    except OSError as exc:
        return [f"cannot read {path}: {exc.strerror or exc}"]
    try:
        conn = _open(path, _read_only_mode(path))
    except sqlite3.Error as exc:
        return [f"cannot open {path}: {exc}"]
    try:
        status, problems = quick_check(conn, seconds=None, full=True)
        if status == "ok":
            try:
                problems = [f"foreign key: {t} row {rowid} refers to a missing {parent} row"
                            for t, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")]
            except sqlite3.DatabaseError as exc:
                problems = [str(exc)]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def open_db(path: Path | str, create: bool = False, write: bool = False) -> sqlite_utils.Database:
    return sqlite_utils.Database(connect(path, create=create, write=write))


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


def _refresh_filter_indexes(conn: sqlite3.Connection) -> None:
    """Rebuild, in one transaction, the text-filter word indexes an earlier version made over
    other columns (the columns shown changed): seconds, no re-extraction; a no-op after."""
    stale = stale_filter_indexes(conn)
    if not stale:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for base in stale:
            for statement in _statements(filter_rebuild_sql(base)):
                conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


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
    leftovers.remove_stale(path, "upgrade")
    tmp = path.with_name(f".{path.name}.upgrade-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    new = connect(tmp, create=True, write=True)
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
    # The backup is a second name of the old file (or a copy), made before the new file
    # takes the name: at every moment `path` holds a whole database, old or new.
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
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
        connect(path, check=False).close()  # raises a clear error if it is not usable
        return path
    leftovers.remove_stale(path, "building")
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
