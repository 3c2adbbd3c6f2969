"""Rescue of a damaged database: the documents that can still be read are re-extracted into a
fresh database (facts are derived from the documents, so a consistent archive comes back
whole from them). SQLite's own `.recover` (the sqlite3 command-line shell) reads the rows off
damaged pages where it is installed; otherwise the documents are read row by row, skipping
what cannot be read. The damaged file is only ever read."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import leftovers
from .db import connect
from .errors import StoreError
from .ingest import text_hash
from .sqlite_file import SQLITE_MAGIC, open_file, read_only_mode

_COLUMNS = ("text", "path", "added", "encoding", "origin", "date", "id")
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass
class RecoverResult:
    method: str
    found: int = 0  # documents read from the damaged file
    added: int = 0  # documents in the new database
    failed: list[str] = field(default_factory=list)


def recover(src, dest, progress: Callable[[int, int, str], None] | None = None,
            use_shell: bool = True) -> RecoverResult:
    src, dest = Path(src).expanduser(), Path(dest).expanduser()
    if not src.is_file():
        raise StoreError(f"no database file at {src}")
    with open(src, "rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise StoreError(f"{src} is not an SQLite database; nothing can be recovered")
    if dest.exists() or dest.is_symlink():
        raise StoreError(f"{dest} already exists; recover writes a new file: name one")
    docs = _row_by_row(src)
    result = RecoverResult("reading row by row")
    shell = shutil.which("sqlite3") if use_shell else None
    salvaged = _via_shell(src, shell) if shell else None
    if salvaged:
        # rows off damaged pages; the documents read directly are added again as present
        docs += salvaged
        result.method += " and sqlite3 .recover"
    result.found = len({text_hash(d["text"]) for d in docs})
    docs.sort(key=lambda d: (d["date"] or "", d["id"] or 0))
    _rebuild(docs, dest, result, progress)
    return result


def _rebuild(docs: list[dict], dest: Path, result: RecoverResult, progress) -> None:
    from .ingest import add_text

    dest.parent.mkdir(parents=True, exist_ok=True)
    leftovers.remove_stale(dest, "recover")
    tmp = dest.with_name(f".{dest.name}.recover-{os.getpid()}")
    for suffix in ("", "-wal", "-shm"):
        leftovers.remove(Path(f"{tmp}{suffix}"))
    try:
        conn = connect(tmp, create=True, write=True)
        try:
            for i, d in enumerate(docs):
                try:
                    status, doc_id = add_text(conn, d["text"], d["path"], d["encoding"],
                                              d["origin"] or "user")
                except StoreError as exc:
                    result.failed.append(str(exc))
                    continue
                if status == "added":
                    result.added += 1
                    if d["added"]:
                        conn.execute("UPDATE documents SET added = ? WHERE id = ?",
                                     (d["added"], doc_id))
                if progress:
                    progress(i + 1, len(docs), d["path"] or f"document {d['id']}")
        finally:
            conn.close()
        os.replace(tmp, dest)
    finally:
        for suffix in ("", "-wal", "-shm"):
            leftovers.remove(Path(f"{tmp}{suffix}"))


def _document(row) -> dict | None:
    d = dict(zip(_COLUMNS, row, strict=True))
    if not isinstance(d["text"], str) or not d["text"].strip():
        return None
    for key in ("path", "added", "encoding", "origin", "date"):
        if not isinstance(d[key], str):
            d[key] = None
    return d


def _via_shell(src: Path, shell: str) -> list[dict] | None:
    """Documents from SQLite's `.recover` of the file (rows of damaged tables included, and
    documents found on orphaned pages); None when the shell cannot do it."""
    with tempfile.TemporaryDirectory(prefix="factbrowser-recover-") as tmp:
        out = Path(tmp) / "recovered.db"
        # the shell works on a copy: nothing that could write opens the user's file
        copy = Path(tmp) / "damaged.db"
        try:
            shutil.copyfile(src, copy)
            if Path(f"{src}-wal").is_file():
                shutil.copyfile(f"{src}-wal", f"{copy}-wal")
            dump = subprocess.Popen([shell, "-readonly", str(copy), ".recover"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            subprocess.run([shell, str(out)], stdin=dump.stdout, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=3600, check=False)
            dump.stdout.close()
            dump.wait(timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        if not out.exists():
            return None
        conn = sqlite3.connect(str(out))
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "documents" not in names:
                return None
            docs = [d for d in map(_document, conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM documents")) if d]
            if "lost_and_found" in names:
                docs += _lost_documents(conn)
            return docs
        except sqlite3.Error:
            return None
        finally:
            conn.close()


def _lost_documents(conn: sqlite3.Connection) -> list[dict]:
    """Rows `.recover` found on pages no table owns that have the documents table's shape
    (id, sha256, title, date, ref, path, added, encoding, origin, facts, text)."""
    cols = [r[1] for r in conn.execute("PRAGMA table_info(lost_and_found)")]
    if not {"nfield", "id", *(f"c{i}" for i in range(11))} <= set(cols):
        return []
    out = []
    for row in conn.execute("SELECT c10, c5, c6, c7, c8, c3, id, c1 FROM lost_and_found "
                            "WHERE nfield = 11"):
        if isinstance(row[-1], str) and _SHA256.fullmatch(row[-1]):
            d = _document(row[:-1])
            if d:
                out.append(d)
    return out


def _row_by_row(src: Path) -> list[dict]:
    """Documents read one by one (a damaged page loses the rows on it, not all the others)."""
    try:
        conn = open_file(src, read_only_mode(src))
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {src} ({exc}); nothing can be recovered") from exc
    try:
        ids: list[int] = []
        try:
            for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id"):
                ids.append(doc_id)
        except sqlite3.DatabaseError:
            pass  # the ids read before the damaged page are kept; the rest are probed
        probe = range(1, (max(ids) if ids else 0) + 1000)
        sql = f"SELECT {', '.join(_COLUMNS)} FROM documents WHERE id = ?"
        docs, misses = [], 0
        for doc_id in sorted(set(ids) | set(probe)):
            try:
                row = conn.execute(sql, (doc_id,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is None:
                misses += 1
                if misses > 1000 and doc_id > max(ids, default=0):
                    break
                continue
            misses = 0
            d = _document(row)
            if d:
                docs.append(d)
        return docs
    finally:
        conn.close()
