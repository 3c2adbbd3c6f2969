"""Changing stored documents: re-extracting them (one, or all after an extractor upgrade),
giving one the publication date a person states, finding and removing one. Each change is
all or nothing, as an import is."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import extraction, search_index
from .db import connect, transaction
from .errors import StoreError
from .merge import attach, count_facts, detach, new_touched, settle
from .readers import read_path
from .write_unit import document_columns, stored_warnings, text_hash, unit

Progress = Callable[[int, int, str], None]


def rebuild(db_path, reextract: bool = True, progress: Progress | None = None,
            errors: list[str] | None = None, cancel: Callable[[], bool] | None = None) -> int:
    """Re-extract every stored document from its stored text (a newer extractor's facts
    replace the old ones); documents themselves, including user-added ones, are kept, and so
    is a publication date given from outside the text (by a person, a page's metadata).
    A document the extractor fails on keeps its previous facts and is reported in errors."""
    if not reextract:
        return 0
    conn = connect(db_path, write=True)
    done = 0
    try:
        docs = conn.execute("SELECT id, path FROM documents "
                            "ORDER BY date NULLS FIRST, id").fetchall()
        for i, (doc_id, path) in enumerate(docs):
            if cancel and cancel():
                break
            try:
                out = reextract_document(conn, doc_id)
            except StoreError as exc:  # rolled back: the document keeps its previous facts
                if errors is not None:
                    errors.append(str(exc))
                continue
            done += 1
            if progress:
                progress(i + 1, len(docs), f"Re-extracted {out['title'] or path}")
        return done
    finally:
        conn.close()


# Where a date comes from outside the text: re-extracting the text alone would lose it.
GIVEN_ORIGINS = ("user", "page metadata", "dataset")
KEEP = object()  # reextract_document's default: keep a date given from outside the text


def reextract_document(conn: sqlite3.Connection, doc_id: int, date=KEEP) -> dict:
    """Re-extract one stored document from its stored text and replace its facts, all or
    nothing; the document keeps its row and id, and every new fact its provenance.
    `date`: a publication date a person gives (YYYY-MM-DD); None: the one the text gives;
    KEEP: a date given from outside the text stays, else the text's.
    Returns what changed: id, title, old_date, date, date_origin, old_facts, facts,
    warnings."""
    row = conn.execute("SELECT path, text, date, date_origin, time, outlet, facts, title "
                       "FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise StoreError(f"no document {doc_id}")
    path, text, old_date, old_origin, old_time, old_outlet, old_facts, old_title = row
    kept = date is KEEP and old_date and old_origin in GIVEN_ORIGINS
    given = old_date if kept else (None if date is KEEP else date)
    try:
        ex = extraction.extract_release(text, path, None, given)
    except Exception as exc:  # keep the old facts rather than lose the document's
        raise StoreError(f"document {doc_id} ({path}): extraction failed "
                         f"({type(exc).__name__}: {exc})") from exc
    info = ex.document
    if kept:  # the page's metadata is not stored, only what it said
        info.date_origin = old_origin
        info.time = info.time or old_time
        info.outlet = info.outlet or old_outlet
        if old_origin == "dataset":  # a dataset's title column outranks the text's first line
            info.title = old_title
    touched = new_touched()
    try:
        with unit(conn):
            detach(conn, doc_id, touched, delete=False)
            conn.execute("UPDATE documents SET title = ?, date = ?, ref = ?, time = ?, place = ?, "
                         "outlet = ?, date_origin = ?, warnings = ? WHERE id = ?",
                         (info.title, info.date, info.ref, *document_columns(info), doc_id))
            attach(conn, doc_id, ex, touched)
            facts = count_facts(conn, doc_id)
            conn.execute("UPDATE documents SET facts = ? WHERE id = ?", (facts, doc_id))
            search_index.index_document(conn, doc_id)
            settle(conn, touched)
    except sqlite3.Error as exc:
        raise StoreError(f"document {doc_id} ({path}): could not be re-extracted "
                         f"(database error: {exc})") from exc
    except StoreError:
        raise
    except Exception as exc:  # rolled back: the document keeps its previous facts
        raise StoreError(f"document {doc_id} ({path}): could not be re-extracted "
                         f"({type(exc).__name__}: {exc})") from exc
    return {"id": doc_id, "title": info.title or old_title, "old_date": old_date,
            "date": info.date, "date_origin": info.date_origin, "old_facts": old_facts,
            "facts": facts, "warnings": stored_warnings(conn, doc_id)[0]}


def redate_document(conn: sqlite3.Connection, doc_id: int, date: str) -> dict | None:
    """Give a stored document the publication date a person gave it, re-resolving its
    dates; None when it has that date already."""
    row = conn.execute("SELECT date FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is not None and row[0] == date:
        return None
    return reextract_document(conn, doc_id, date=date)


def find_document(conn: sqlite3.Connection, ref: str | int) -> int:
    """A document id from an id, a stored path or a file whose text is stored."""
    text = str(ref)
    if text.isdigit():
        row = conn.execute("SELECT id FROM documents WHERE id = ?", (int(text),)).fetchone()
        if row:
            return row[0]
    row = conn.execute("SELECT id FROM documents WHERE path = ? ORDER BY id DESC LIMIT 1",
                       (text,)).fetchone()
    if row is None:
        p = Path(text)
        row = conn.execute("SELECT id FROM documents WHERE path = ? ORDER BY id DESC LIMIT 1",
                           (str(p.resolve()),)).fetchone()
        if row is None and p.is_file():
            try:
                digest = text_hash(read_path(p).text)
            except StoreError:
                digest = None
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                               (digest,)).fetchone() if digest else None
    if row is None:
        raise StoreError(f"no stored document matches {text!r}")
    return row[0]


def remove_document(db_path, doc_id: int | str) -> dict:
    """Remove a document; facts other documents support stay, with their remaining sources."""
    conn = connect(db_path, write=True)
    try:
        doc_id = find_document(conn, doc_id)
        title = conn.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
        touched = new_touched()
        with transaction(conn):
            detach(conn, doc_id, touched, delete=True)
            settle(conn, touched)
        return {"id": doc_id, "title": title}
    finally:
        conn.close()
