"""Adding, re-extracting and removing documents. Each document is one transaction (or, in a
bulk import, one savepoint of a transaction that commits every second), so an
interrupted import (Cancel, crash, kill -9) leaves every document either fully in or absent."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import extraction as extractor
from . import fts_defer, fts_tidy
from .db import connect
from .errors import StoreError
from .merge import attach, count_facts, new_touched, settle
from .readers import HTML_SUFFIXES, normalise_text, read_path
from .reextract import (  # noqa: F401 (their home before; callers import them here)
    GIVEN_ORIGINS,
    KEEP,
    find_document,
    rebuild,
    redate_document,
    reextract_document,
    remove_document,
)
from .search_index import index_document
from .write_unit import (  # noqa: F401
    document_columns,
    stored_warnings,
    text_hash,
    unit,
)

Progress = Callable[[int, int, str], None]
# A bulk import commits at least this often: what a crash or kill can take back. Each commit
# writes the hot index and FTS pages again: at 19,000 documents, commits of ~12 documents
# cost ~3 ms more per document than commits of ~60, and past that hardly anything is saved.
BATCH_SECONDS = 1.0
BATCH_DOCS = 200
# ... but a bulk import's batch (fts_defer) holds at least this many documents, or this many
# seconds (what a kill can then take back; the import resumes when run again): each commit
# writes again the pages all batches share (inner index pages, the FTS structure), at 10,000
# releases 464 WAL pages a document in commits of 10, 312 in commits of 50, 246 in 100, and a
# writer slowed by the archive's size committed ever fewer documents at a time, each dearer.
BATCH_MIN_DOCS = 50
BATCH_MAX_SECONDS = 10.0
# A bulk import fills the word indexes once per batch instead of through a trigger per row
# (fts_defer.py); False: every row through the triggers (the reference it is checked against).
DEFER_FTS = True
# ... when it imports at least this many files: taking the triggers off and putting them back
# costs ~4 ms a batch (and every statement is prepared again), ~1 release's saving, and
# rewrites their rows in the schema, which a handful of files is not worth.
DEFER_MIN_DOCS = 50
IMPORTABLE_SUFFIXES = {".txt", ".text", *HTML_SUFFIXES}


@dataclass
class IngestResult:
    path: str
    status: str  # added | present | failed
    message: str
    document_id: int | None = None
    encoding: str | None = None
    # what the reader should know about the document ("no publication date found; ...",
    # "no facts found"): also at the end of `message`
    warnings: list[str] = field(default_factory=list)
    facts: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def is_folder(path: Path) -> bool:
    """Whether path is a folder; a path that cannot even be looked at (name too long,
    permission denied) is not, so reading it reports the error for that path alone."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _importable(path: Path) -> bool:
    if path.suffix.lower() not in IMPORTABLE_SUFFIXES or path.name.endswith(".facts.json"):
        return False
    try:
        return path.is_file()
    except (OSError, ValueError):
        return True  # listed but not readable: its own failure line says why


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files to import: each file as given, and the importable files inside each folder.
    Nothing here raises: a path that cannot be listed or looked at is passed on as it is,
    and reading it then fails for that file alone."""
    out: list[Path] = []
    for p in map(Path, paths):
        if not is_folder(p):
            out.append(p)
            continue
        found: list[Path] = []
        try:
            for f in p.rglob("*"):
                if _importable(f):
                    found.append(f)
        except (OSError, ValueError):  # a folder vanished or cannot be walked further
            found.append(p)
        out.extend(sorted(found))
    return out


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        from ..extract import Cancelled

        raise Cancelled()


def add_text(conn: sqlite3.Connection, text: str, path: str | None, encoding: str | None = None,
             origin: str = "user", extraction=None, meta: dict | None = None,
             date: str | None = None,
             cancel: Callable[[], bool] | None = None) -> tuple[str, int]:
    """Store one document and its facts. Returns ("added" | "present", document id).
    `extraction`: the Extraction of this text when already made (e.g. in a worker process).
    `cancel`: asked between stages of the extraction and of the writing; when it says
    stop, Cancelled is raised and nothing of the document is stored."""
    from ..extract import Cancelled

    text = normalise_text(text)
    digest = text_hash(text)
    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (digest,)).fetchone()
    if row:
        return "present", row[0]
    ex = extraction
    if ex is None:
        try:
            ex = extractor.extract_release(text, path, meta, date, cancel)
        except Cancelled:
            raise
        except Exception as exc:  # the extractor must never lose the user's other files
            raise StoreError(f"{path}: extraction failed ({type(exc).__name__}: {exc})") \
                from exc
    touched = new_touched()
    with unit(conn):
        row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (digest,)).fetchone()
        if row:  # another process added it meanwhile
            return "present", row[0]
        info = ex.document
        doc_id = conn.execute(
            "INSERT INTO documents (sha256, title, date, ref, path, added, encoding, origin, text,"
            " time, place, outlet, date_origin, warnings)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, info.title, info.date, info.ref, path,
             datetime.now(UTC).isoformat(timespec="seconds"), encoding, origin, text,
             *document_columns(info)),
        ).lastrowid
        _check(cancel)
        attach(conn, doc_id, ex, touched)
        _check(cancel)
        conn.execute("UPDATE documents SET facts = ? WHERE id = ?",
                     (count_facts(conn, doc_id), doc_id))
        index_document(conn, doc_id)
        _check(cancel)
        settle(conn, touched)
    return "added", doc_id


def added_result(conn: sqlite3.Connection, path, doc_id: int, kind: str,
                 encoding: str | None) -> IngestResult:
    """The result of a document just added: its warnings on the same line."""
    warnings, facts = stored_warnings(conn, doc_id)
    msg = f"{path}: added as document {doc_id} ({kind}, {encoding})"
    msg += "".join(f"; {w}" for w in warnings)
    return IngestResult(str(path), "added", msg, doc_id, encoding, warnings, facts)


class WriteBatch:
    """Documents of a bulk import written in one transaction, committed every `seconds` or
    `docs` documents: a commit writes the same hot index pages (persons, figures, FTS)
    again each time, and per document that cost as much as the writes themselves. Each
    document is still all or nothing (a savepoint), and results are only reported once
    committed, so what was reported as added is in the database."""

    def __init__(self, conn: sqlite3.Connection, report: Callable[[object], None],
                 seconds: float | None = None, docs: int | None = None,
                 defer_fts: bool | None = None):
        self.conn, self.report = conn, report
        self.defer_fts = DEFER_FTS if defer_fts is None else defer_fts
        self.seconds = BATCH_SECONDS if seconds is None else seconds
        self.docs = BATCH_DOCS if docs is None else docs
        self.min_docs = min(BATCH_MIN_DOCS, self.docs) if self.defer_fts else 1
        self.max_seconds = max(BATCH_MAX_SECONDS, self.seconds)
        self.pending: list = []
        self.started = 0.0
        self.open = False
        self.deferred = None
        # each word index's leaf pages before the import (fts_tidy), when it defers them
        self.fts_before = fts_tidy.leaf_pages(conn) if self.defer_fts else None

    def begin(self) -> None:
        """Before writing a document: opens the batch's transaction when none is open."""
        if not self.open:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error:  # e.g. locked: the document's own transaction reports it
                return
            self.open = True
            self.started = time.monotonic()
            try:
                self.deferred = fts_defer.suspend(self.conn) if self.defer_fts else None
            except sqlite3.Error:  # the triggers stay: the batch writes through them
                self.conn.execute("ROLLBACK")
                self.open = False

    def done(self, item) -> None:
        """A document was written (or failed, or needed no writing): reported at the next
        commit, which happens now when the batch is full. `item` is a result, or a tuple
        ending with one."""
        self.pending.append(item)
        n, elapsed = len(self.pending), time.monotonic() - self.started
        if (not self.open or n >= self.docs or elapsed >= self.max_seconds
                or (elapsed >= self.seconds and n >= self.min_docs)):
            self.commit()

    def finish(self, say=None) -> None:
        """After the import's last document: its last commit, then the word indexes it grew
        enough merged into one segment each (fts_tidy; `say` as there)."""
        self.commit()
        if self.fts_before is not None and not self.conn.in_transaction:
            fts_tidy.tidy(self.conn, self.fts_before, say)

    def commit(self) -> None:
        pending, self.pending = self.pending, []
        error = None
        if self.open:
            self.open = False
            if not self.conn.in_transaction:  # a fault made SQLite roll everything back
                error = "the batch it was written in was rolled back"
            else:
                try:
                    fts_defer.resume(self.conn, self.deferred)
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    error = str(exc)
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
        for item in pending:
            result = item[-1] if isinstance(item, tuple) else item
            if error and isinstance(result, IngestResult) and result.status == "added":  # not in the database after all
                result.status, result.document_id = "failed", None
                result.message = f"{result.path}: database error ({error})"
            self.report(item)


def ingest_file(conn: sqlite3.Connection, path: Path | str, origin: str = "user",
                date: str | None = None,
                cancel: Callable[[], bool] | None = None) -> IngestResult:
    """Import one file. `date`: the publication date a person gives (YYYY-MM-DD, checked by
    the caller with pubdate.check_date); it overrides what the text says, also for a
    document already stored, whose facts are then re-extracted with it. With `cancel`,
    Cancelled (from app.extract) is raised when it says stop before the document is stored;
    nothing of it is then written."""
    from ..extract import Cancelled

    path = Path(path)
    try:
        read = read_path(path)
        _check(cancel)
        status, doc_id = add_text(conn, read.text, str(path), read.encoding, origin,
                                  meta=read.meta, date=date, cancel=cancel)
        changed = None
        if status == "present" and date:
            changed = redate_document(conn, doc_id, date)
    except Cancelled:
        raise
    except StoreError as exc:
        return IngestResult(str(path), "failed", str(exc))
    except sqlite3.Error as exc:
        return IngestResult(str(path), "failed", f"{path}: database error ({exc})")
    except Exception as exc:  # a fault while storing: its transaction was rolled back
        return IngestResult(str(path), "failed",
                            f"{path}: could not be stored ({type(exc).__name__}: {exc})")
    kind = "HTML page" if read.html else "text"
    if status == "added":
        return added_result(conn, path, doc_id, kind, read.encoding)
    msg = f"{path}: already present (document {doc_id})"
    warnings: list[str] = []
    if changed is not None:
        warnings, _facts = stored_warnings(conn, doc_id)
        msg += f"; publication date set to {date} (was {changed.get('old_date') or 'none'})"
        msg += "".join(f"; {w}" for w in warnings)
    return IngestResult(str(path), status, msg, doc_id, read.encoding, warnings)


def ingest_paths(db_path, paths, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None, create: bool = True,
                 origin: str = "user", folders: bool = True,
                 dates: dict[str, str] | None = None) -> list[IngestResult]:
    """Import files (callable from a worker thread: it opens its own connection). With
    folders=True a folder stands for the .txt/.html files inside it. `dates`: file path (as
    given, or inside a folder given) -> the publication date a person gave it."""
    dates = {str(k): v for k, v in (dates or {}).items() if v}
    results: list[IngestResult] = []
    items: list = []  # paths to import, or results known without importing, in input order
    for p in map(Path, paths):
        if folders and is_folder(p):
            inside = expand_paths([p])
            items.extend(inside or [IngestResult(
                str(p), "failed", f"{p}: no .txt or .html files in this folder")])
        else:
            items.append(p)
    conn = connect(db_path, create=create, write=True)
    bulk_settings(conn)
    total = len(items)

    shown = [0]   # a batch reports its documents at its commit, after later ones were read

    def tell(done: int, message: str) -> None:
        if progress:
            shown[0] = max(shown[0], done)
            progress(shown[0], total, message)

    def report(item) -> None:
        tell(item[0] + 1, item[1].message)

    from ..extract import Cancelled

    batch = WriteBatch(conn, report, defer_fts=DEFER_FTS and total >= DEFER_MIN_DOCS)
    try:
        for i, item in enumerate(items):
            if cancel and cancel():
                break
            if isinstance(item, IngestResult):
                results.append(item)
            else:
                tell(i, f"Reading {item.name}")
                batch.begin()
                try:
                    results.append(ingest_file(conn, item, origin, dates.get(str(item)),
                                               cancel=cancel))
                except Cancelled:  # inside this file: its savepoint was rolled back
                    break
            batch.done((i, results[-1]))
        batch.finish(lambda m: tell(total, m))
    finally:
        try:
            batch.commit()
        finally:
            conn.close()
    return results


def bulk_settings(conn: sqlite3.Connection) -> None:
    """For this connection only: a page cache that holds the indexes every document updates,
    and fewer WAL checkpoints, which otherwise copy the same hot index and FTS pages back
    into the database file again and again. Each document is still all or nothing (its own
    commit, or its savepoint in a WriteBatch)."""
    conn.execute("PRAGMA cache_size = -65536")  # KiB: 64 MB
    conn.execute("PRAGMA wal_autocheckpoint = 8000")  # pages: about 32 MB of WAL


def build_corpus(db_path, corpus: Path | None = None, progress: Progress | None = None,
                 reextract: bool = False) -> list[IngestResult]:
    from ..resources import corpus_dir

    corpus = Path(corpus) if corpus else corpus_dir()
    files = expand_paths([corpus]) if corpus.is_dir() else []
    results = ingest_paths(db_path, files, progress=progress, origin="corpus")
    if reextract:
        rebuild(db_path, reextract=True, progress=progress)
    return results


