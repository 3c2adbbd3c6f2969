"""Importing an archive of releases held as a dataset: CSV/TSV, JSON Lines or Parquet, one
release per row with a text column and, usually, a date, a URL and a title.

Rows are streamed (a csv reader, one JSON line at a time, Parquet record batches), so an
archive of hundreds of megabytes never sits in memory. A row whose text is already stored
(same SHA-256 as `ingest.text_hash`) is skipped before extraction, which makes running the
same import again quick and lets an interrupted import resume where it stopped. The dataset's
date is the document's publication date (date origin "dataset").
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .dataset_files import (  # noqa: F401 (callers import these names from here)
    guess_columns,
    is_dataset,
    iter_rows,
    preview,
    resolve_columns,
)
from .db import connect
from .errors import StoreError
from .ingest import IngestResult, WriteBatch, add_text, bulk_settings, text_hash
from .readers import MAX_BYTES, normalise_text

Progress = Callable[[int, int, str], None]
MAX_ERRORS_KEPT = 50  # failures listed in the result; the rest are only counted
# Progress is reported at most this often: a resumed import skips thousands of rows a second.
PROGRESS_SECONDS = 0.1


@dataclass
class DatasetResult:
    path: str
    columns: dict  # role -> column name (or None)
    guessed: list[str] = field(default_factory=list)  # roles whose column was guessed
    rows: int = 0
    added: int = 0
    present: int = 0
    empty: int = 0
    failed: int = 0
    undated: int = 0  # rows whose date cell was empty or not understood
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.rows:,} rows", f"{self.added:,} added",
                 f"{self.present:,} already present"]
        if self.empty:
            parts.append(f"{self.empty:,} without text")
        parts.append(f"{self.failed:,} failed")
        if self.undated and self.columns.get("date"):
            parts.append(f"{self.undated:,} without a usable date")
        return ", ".join(parts)


# --- values ---------------------------------------------------------------------------------
def dataset_date(value) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, HH:MM or None) of a dataset's date cell, or (None, None) when it holds no
    date this understands. The date is taken as written (the publisher's own day), not
    converted between time zones."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date().isoformat(), (value.strftime("%H:%M")
                                          if (value.hour, value.minute) != (0, 0) else None)
    if isinstance(value, date):
        return value.isoformat(), None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1e8 < value < 1e11:  # Unix seconds
            return dataset_date(datetime.fromtimestamp(value, UTC))
        if 1e11 <= value < 1e14:  # Unix milliseconds
            return dataset_date(datetime.fromtimestamp(value / 1000, UTC))
        return None, None
    text = str(value).strip()
    head = text[:10]
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            day = datetime.strptime(head, fmt).date()
        except ValueError:
            continue
        rest = text[10:].lstrip("T ").strip()
        hhmm = rest[:5] if len(rest) >= 5 and rest[2] == ":" and rest[:2].isdigit() else None
        return day.isoformat(), (hhmm if hhmm not in (None, "00:00") else None)
    try:
        return dataset_date(datetime.fromisoformat(text))
    except ValueError:
        return None, None


def _cell(row: dict, column: str | None) -> str | None:
    if not column:
        return None
    value = row.get(column)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def apply_dataset_fields(ex, day: str | None, hhmm: str | None, title: str | None) -> None:
    """The dataset's date (and time, title) are the document's: what the archive recorded
    about the release outranks what the extractor reads from its text. (Once the extractor
    itself takes meta["date"] with origin "dataset", this only fills the title.)"""
    doc = ex.document
    if day and not (doc.date == day and doc.date_origin == "dataset"):
        doc.date, doc.date_origin = day, "dataset"
        if hhmm:  # the archive's time too, not one the text's date line gives
            doc.time = hhmm
    if title and title.strip():
        doc.title = " ".join(title.split())


def ensure_url_column(conn: sqlite3.Connection) -> None:
    """documents.url, where a dataset's URL is kept (added once; older files lack it)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(documents)")}
    if "url" not in have:
        try:
            conn.execute("ALTER TABLE documents ADD COLUMN url TEXT")
        except sqlite3.OperationalError:
            pass  # read-only: the import itself reports it


# --- import ---------------------------------------------------------------------------------
def import_dataset(db_path, path: Path | str, columns: dict | None = None,
                   progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                   create: bool = True, limit: int | None = None) -> DatasetResult:
    """Import each row of a dataset as a document. `columns`: role -> column name for the
    roles the user named (others are guessed). `progress(permille, 1000, message)` after each
    row; `cancel()` is asked before each row. Callable from a worker thread."""
    from ..extract import extract

    path = Path(path)
    cols, guessed = resolve_columns(path, columns)
    result = DatasetResult(str(path), cols, guessed)
    started = time.monotonic()
    conn = connect(db_path, create=create)
    try:
        ensure_url_column(conn)
        bulk_settings(conn)
        batch = WriteBatch(conn, lambda r: _tally(result, r))
        needed = [c for c in cols.values() if c]
        rows = iter_rows(path, needed)
        frac, shown = 0.0, 0.0
        try:
            for n, (row, frac) in enumerate(rows, start=1):
                if cancel and cancel():
                    result.cancelled = True
                    break
                if limit is not None and n > limit:
                    break
                result.rows = n
                _import_row(conn, batch, path, n, row, cols, result, extract)
                now = time.monotonic()
                if progress and now - shown >= PROGRESS_SECONDS:
                    shown = now
                    progress(int(frac * 1000), 1000, f"Row {n:,}: {result.summary()}")
        except (UnicodeDecodeError, csv.Error) as exc:
            result.failed += 1
            _keep(result, f"{path}: cannot read past row {result.rows:,} ({exc})")
        finally:
            batch.commit()
        batch.finish()
    finally:
        conn.close()
    result.seconds = time.monotonic() - started
    if progress:
        progress(1000 if not result.cancelled else int(frac * 1000), 1000, result.summary())
    return result


def _keep(result: DatasetResult, message: str) -> None:
    if len(result.errors) < MAX_ERRORS_KEPT:
        result.errors.append(message)


def _import_row(conn, batch, path: Path, n: int, row: dict, cols: dict,
                result: DatasetResult, extract) -> None:
    where = f"{path}#row={n}"
    if "__error__" in row:
        result.failed += 1
        _keep(result, f"{path}: {row['__error__']}")
        return
    raw = _cell(row, cols["text"])
    if raw is None or not raw.strip():
        result.empty += 1
        return
    if len(raw) > MAX_BYTES:
        result.failed += 1
        _keep(result, f"{where}: text too large for a press release")
        return
    text = normalise_text(raw)
    # Checked before extraction, which is what makes a second run quick.
    if conn.execute("SELECT 1 FROM documents WHERE sha256 = ?",
                    (text_hash(text),)).fetchone():
        result.present += 1
        return
    day, hhmm = dataset_date(row.get(cols["date"])) if cols["date"] else (None, None)
    if cols["date"] and day is None:
        result.undated += 1
    title, url = _cell(row, cols["title"]), _cell(row, cols["url"])
    meta = {k: v for k, v in (("date", day), ("time", hhmm), ("title", title), ("url", url))
            if v}
    try:
        # `date` as well as meta: a dataset's date is the publication date (as one a person
        # gives), which the extractor needs to put years on the text's "on March 3".
        ex = extract(text, where, meta=meta, date=day)
        apply_dataset_fields(ex, day, hhmm, title)
        batch.begin()
        status, doc_id = add_text(conn, text, where, None, "dataset", extraction=ex)
        if status == "added" and url:
            conn.execute("UPDATE documents SET url = ? WHERE id = ?", (url.strip(), doc_id))
    except Exception as exc:  # one bad row must not stop the archive
        result.failed += 1
        _keep(result, f"{where}: {exc}" if isinstance(exc, StoreError | sqlite3.Error)
              else f"{where}: extraction failed ({type(exc).__name__}: {exc})")
        batch.done(None)
        return
    batch.done(IngestResult(where, status, "", doc_id))


def _tally(result: DatasetResult, r: IngestResult | None) -> None:
    """Counted once committed: a row whose batch rolled back is failed, not added."""
    if r is None:
        return
    if r.status == "added":
        result.added += 1
    elif r.status == "present":
        result.present += 1
    else:
        result.failed += 1
        _keep(result, r.message)


def document_url(conn: sqlite3.Connection, doc_id: int) -> str | None:
    """The URL a dataset gave a document (None for files, or a database without urls)."""
    try:
        row = conn.execute("SELECT url FROM documents WHERE id = ?", (doc_id,)).fetchone()
    except sqlite3.OperationalError:  # no url column: nothing was imported from a dataset
        return None
    return row[0] if row and row[0] else None
