"""Checking a database file for damage: SQLite's quick_check bounded in time on opening (its
answer remembered while the file stays the same), and the full check of `factbrowser check`."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from . import sqlite_file
from .sqlite_file import SQLITE_MAGIC, file_key, open_file

# Opening checks the file with PRAGMA quick_check for at most this long: a whole archive of a
# few hundred MB is checked (~1 GB/s when cached); a bigger one only partly, and
# `factbrowser check` checks all of it.
QUICK_CHECK_SECONDS = 0.5
_quick_checked: dict[tuple, str | None] = {}


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


def known(path: Path) -> bool:
    """Whether the opening check's answer for this file, as it is now, is remembered."""
    return file_key(path) in _quick_checked


def found_damage(conn: sqlite3.Connection, path: Path) -> str | None:
    """What quick_check found wrong (None: nothing, as far as it got), remembered for this
    process while the file stays the same (the GUI opens the database once per plot)."""
    key = file_key(path)
    if key not in _quick_checked:
        status, problems = quick_check(conn, QUICK_CHECK_SECONDS)
        if len(_quick_checked) > 32:
            _quick_checked.clear()
        # one line: SQLite's report of one problem can span several
        _quick_checked[key] = (" ".join("; ".join(problems[:2]).split())[:300]
                               if status == "damaged" else None)
    return _quick_checked[key]


def damage(path: Path | str) -> str | None:
    """What the opening check finds wrong with a database file (None: nothing, as far as it
    got in its time), on a read-only connection of its own: for a caller that opened the file
    with check=False and checks it on another thread."""
    path = Path(path)
    try:
        conn = open_file(path, sqlite_file.read_only_mode(path))
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return found_damage(conn, path)
    finally:
        conn.close()


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
        conn = open_file(path, sqlite_file.read_only_mode(path))
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
