"""A document's publication date as a person gives it: checked, previewed before an import
(what the release itself says), and changed later, which re-resolves the document's dates
("today", "on Tuesday", an undated readout) against it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path

from .db import connect
from .errors import StoreError
from .ingest import expand_paths, find_document, reextract_document
from .readers import read_path

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
# The words shown where a release gives no date: what giving one buys.
NO_DATE = "no publication date found"


def check_date(text: str | None) -> str:
    """`text` as an ISO date (YYYY-MM-DD) or a StoreError saying what is wrong."""
    value = (text or "").strip()
    hint = "give the publication date as YYYY-MM-DD, e.g. 2024-06-24"
    if not _ISO.fullmatch(value):
        raise StoreError(f"bad date {value!r}: {hint}")
    try:
        day = _date.fromisoformat(value)
    except ValueError as exc:
        raise StoreError(f"bad date {value!r}: no such day ({exc}); {hint}") from exc
    if not 1900 <= day.year <= 2100:
        raise StoreError(f"bad date {value!r}: the year is out of range (1900-2100); {hint}")
    return value


@dataclass
class FilePreview:
    """What an import will find in one file before it reads the facts."""
    path: str
    title: str | None = None
    date: str | None = None
    date_origin: str = "none"
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the file cannot be imported (the import says so again)

    @property
    def dated(self) -> bool:
        return bool(self.date)


def files_to_import(paths) -> list[str]:
    """Each file as given and the importable files inside each folder (as ingest_paths
    reads them); a folder with none stays as itself, for the import to report."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = [str(f) for f in expand_paths([p])]
            out.extend(inside or [str(p)])
        else:
            out.append(str(p))
    return out


def preview_file(path) -> FilePreview:
    """The title, publication date, its origin and the warnings the extractor's document
    reader gives for a file (no facts are extracted: milliseconds per file)."""
    from ..extract import read_document

    path = Path(path)
    if path.is_dir():
        return FilePreview(str(path), error=f"{path}: no .txt or .html files in this folder")
    try:
        read = read_path(path)
    except StoreError as exc:
        return FilePreview(str(path), error=str(exc))
    try:
        info = read_document(read.text, str(path), meta=read.meta or None)
    except Exception as exc:  # the import reports it again, with the others imported
        return FilePreview(str(path), error=f"{path}: cannot be read ({type(exc).__name__}: "
                                            f"{exc})")
    warnings = list(info.warnings or [])
    if not info.date and not any(w.startswith(NO_DATE) for w in warnings):
        warnings.insert(0, NO_DATE)
    return FilePreview(str(path), info.title or (read.meta or {}).get("title"), info.date,
                       info.date_origin if info.date else "none", warnings)


def preview_files(paths, progress: Callable[[int, int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> list[FilePreview]:
    paths = list(paths)
    out = []
    for i, p in enumerate(paths):
        if cancel and cancel():
            break
        out.append(preview_file(p))
        if progress:
            progress(i + 1, len(paths), out[-1].path)
    return out


def set_document_date(db_path, document, date: str | None) -> dict:
    """Give a stored document (id, stored path or file) a publication date and re-extract
    it against that date, all or nothing; None goes back to the date the text gives.
    Returns what changed (see ingest.reextract_document)."""
    date = check_date(date) if date is not None else None
    conn = connect(db_path)
    try:
        return reextract_document(conn, find_document(conn, document), date=date)
    finally:
        conn.close()


__all__ = ["FilePreview", "NO_DATE", "check_date", "files_to_import", "preview_file",
           "preview_files", "set_document_date"]
