"""Reading a dataset file of releases (CSV/TSV, JSON Lines, Parquet) row by row, streamed,
and telling which of its columns holds the text, the date, the URL and the title."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import ReadError, StoreError

DATASET_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl",
                    ".parquet": "parquet"}
ROLES = ("text", "date", "url", "title")
# Usual names of each column in scraped archives, best first (compared case-insensitively).
USUAL_NAMES = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article", "article_text",
             "body_text", "release", "message"),
    "date": ("date", "published", "datetime", "published_at", "publication_date", "pub_date",
             "date_published", "pubdate", "created_at", "timestamp", "time"),
    "url": ("url", "link", "href", "source_url", "permalink", "uri"),
    "title": ("title", "headline", "header", "subject", "name"),
}
PARQUET_HINT = "reading Parquet needs pyarrow: pip install 'factbrowser[parquet]'"


def is_dataset(path: Path | str) -> bool:
    return Path(path).suffix.lower() in DATASET_SUFFIXES


# --- reading ------------------------------------------------------------------------------
def _kind(path: Path) -> str:
    kind = DATASET_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ReadError(f"{path}: not a dataset (expected {', '.join(DATASET_SUFFIXES)})")
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    return kind


def _text_stream(path: Path) -> io.TextIOWrapper:
    """UTF-8 (with or without a BOM) unless the first megabyte says otherwise."""
    with open(path, "rb") as fh:
        sample = fh.read(1 << 20)
    encoding = "utf-8-sig"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut at the sample's end
            from charset_normalizer import from_bytes

            best = from_bytes(sample).best()
            if best is None:
                raise ReadError(f"{path}: cannot tell the text encoding") from exc
            encoding = best.encoding
    return open(path, encoding=encoding, newline="", errors="strict")


def _csv_rows(path: Path, delimiter: str) -> Iterator[tuple[dict, float]]:
    # Releases are long cells: the csv module refuses fields over 128 KB by default.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    size = max(path.stat().st_size, 1)
    with _text_stream(path) as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        for row in reader:
            yield row, fh.buffer.tell() / size


def _jsonl_rows(path: Path) -> Iterator[tuple[dict, float]]:
    size = max(path.stat().st_size, 1)
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                row = {"__error__": f"line {n}: not JSON ({exc.args[0] if exc.args else exc})"}
            if not isinstance(row, dict):
                row = {"__error__": f"line {n}: not a JSON object"}
            yield row, fh.tell() / size


def _parquet_file(path: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError(f"{path}: {PARQUET_HINT}") from exc
    try:
        return pq.ParquetFile(str(path))
    except Exception as exc:  # pyarrow's own errors: not a Parquet file, truncated, ...
        raise ReadError(f"{path}: not a readable Parquet file ({exc})") from exc


def _parquet_rows(path: Path, columns: list[str] | None) -> Iterator[tuple[dict, float]]:
    pf = _parquet_file(path)
    total = max(pf.metadata.num_rows, 1)
    done = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for row in batch.to_pylist():
            done += 1
            yield row, done / total


def iter_rows(path: Path | str, columns: list[str] | None = None
              ) -> Iterator[tuple[dict, float]]:
    """(row, fraction of the file read) for each row, streamed. `columns`: the ones needed
    (Parquet reads only those)."""
    path = Path(path)
    kind = _kind(path)
    if kind == "csv":
        return _csv_rows(path, ",")
    if kind == "tsv":
        return _csv_rows(path, "\t")
    if kind == "jsonl":
        return _jsonl_rows(path)
    return _parquet_rows(path, columns)


def preview(path: Path | str, n: int = 5) -> tuple[list[str], list[dict]]:
    """The columns and the first n rows (for the column-mapping step)."""
    path = Path(path)
    if _kind(path) == "parquet":
        pf = _parquet_file(path)
        columns = list(pf.schema_arrow.names)
    else:
        columns = []
    rows = []
    try:
        for row, _frac in iter_rows(path):
            if "__error__" in row:
                continue
            rows.append(row)
            for c in row:
                if c not in columns:
                    columns.append(c)
            if len(rows) >= n:
                break
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ReadError(f"{path}: cannot read ({exc})") from exc
    return [str(c) for c in columns], rows


def guess_columns(columns: list[str]) -> dict:
    """role -> the column with a usual name for it, or None."""
    lower = {str(c).strip().lower(): c for c in columns}
    out: dict = {}
    taken: set = set()
    for role in ROLES:
        out[role] = next((lower[n] for n in USUAL_NAMES[role]
                          if n in lower and lower[n] not in taken), None)
        if out[role] is not None:
            taken.add(out[role])
    return out


def resolve_columns(path: Path | str, given: dict | None = None) -> tuple[dict, list[str]]:
    """The column of each role: given ones checked, the rest guessed. Returns (columns,
    roles guessed). A dataset without a text column is refused with the columns it has."""
    names, _rows = preview(path, n=20)
    given = {k: v for k, v in (given or {}).items() if v}
    for role, col in given.items():
        if col not in names:
            raise ReadError(f"{path}: no column {col!r} for the {role} "
                            f"(columns: {', '.join(names) or 'none'})")
    guess = guess_columns([c for c in names if c not in given.values()])
    columns = {role: given.get(role) or guess.get(role) for role in ROLES}
    guessed = [r for r in ROLES if r not in given and columns[r]]
    if not columns["text"]:
        raise ReadError(f"{path}: no text column found among {', '.join(names) or 'no columns'}"
                        "; name it with --text-column")
    return columns, guessed
