"""Bringing a database from an older schema up to date by extracting its documents' stored
text again: the long operation `connect` refuses to run inside an opening (it raises
NeedsUpgrade instead). The caller runs it where it can show progress and offer cancel (the
GUI off its UI thread), then opens the database again."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import leftovers
from .db import connect
from .errors import NeedsUpgrade, NotADatabase, StoreError
from .ingest import add_text
from .sqlite_file import remove_sqlite_file

Progress = Callable[[int, int, str], None]


def upgrade_database(path: Path | str, progress: Progress | None = None,
                     cancel: Callable[[], bool] | None = None) -> Path:
    """The database at `path`, brought to the current schema; its facts are extracted again
    from the stored texts when SQL alone cannot (nothing the user added is lost), and the old
    file is kept beside it as NAME.schemaN.bak. `progress(done, total, message)` is called per
    document; when `cancel()` says stop, Cancelled (from app.extract) is raised and the old
    file is left as it was, with no temporary file behind. A database already current (or
    migrated in SQL on opening) is returned as it is. Callable from a worker thread."""
    path = Path(path)
    try:
        connect(path, write=True).close()  # the opening's checks: damage, read-only, newer
        return path
    except NeedsUpgrade as exc:
        version = exc.version
    docs = _stored_documents(path)
    leftovers.remove_stale(path, "upgrade")
    tmp = path.with_name(f".{path.name}.upgrade-{os.getpid()}")
    remove_sqlite_file(tmp)
    try:
        _extract_again(tmp, docs, progress, cancel)
        _replace_keeping_backup(path, tmp, version)
    except OSError as exc:
        raise StoreError(f"{path} is from an older Fact Browser and cannot be upgraded "
                         f"in place ({exc.strerror or exc})") from exc
    finally:
        remove_sqlite_file(tmp)  # nothing left behind after a failure or a cancel
    return path


def _stored_documents(path: Path) -> list[tuple]:
    """(text, path, added, encoding, origin) of each document, oldest first."""
    old = sqlite3.connect(str(path))
    try:
        return old.execute("SELECT text, path, added, encoding, origin FROM documents "
                           "ORDER BY date, id").fetchall()
    except sqlite3.Error as exc:
        raise NotADatabase(f"{path}: cannot read its documents to upgrade it ({exc})") from exc
    finally:
        old.close()


def _extract_again(tmp: Path, docs: list[tuple], progress: Progress | None,
                   cancel: Callable[[], bool] | None) -> None:
    from ..extract import Cancelled

    total = len(docs)
    new = connect(tmp, create=True, write=True)
    try:
        for done, (text, doc_path, added, encoding, origin) in enumerate(docs):
            if cancel is not None and cancel():
                raise Cancelled()
            if progress is not None:
                progress(done, total, f"extracting again: {doc_path or 'document'}")
            try:
                _status, doc_id = add_text(new, text, doc_path, encoding, origin or "user",
                                           cancel=cancel)
            except StoreError:
                continue  # kept in the backup; the extractor could not read it now
            new.execute("UPDATE documents SET added = ? WHERE id = ?", (added, doc_id))
    finally:
        new.close()
    if progress is not None:
        progress(total, total, f"{total} documents extracted again")


def _replace_keeping_backup(path: Path, tmp: Path, version: int | None) -> None:
    # The backup is a second name of the old file (or a copy), made before the new file
    # takes the name: at every moment `path` holds a whole database, old or new.
    backup = path.with_name(f"{path.name}.schema{version}.bak")
    backup.unlink(missing_ok=True)
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    os.replace(tmp, path)
