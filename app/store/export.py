"""Export of chosen user-facing tables to CSV (a folder), JSON (one file) or XLSX (one file).

Every export carries a manifest saying where the rows came from. Files are written under a
temporary name beside the destination and renamed into place, so a failed or interrupted
export leaves the destination as it was.
"""

from __future__ import annotations

import csv
import ctypes
import json
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import leftovers
from .errors import ExportError, StoreError
from .filters import TABLES, Filters
from .schema import SCHEMA_VERSION
from .where import where_clause

FORMATS = ("csv", "json", "xlsx")
# A CSV folder is replaced only when its manifest.json says, with this key, that it is an
# export of this app (older exports: app "Fact Browser" and format "csv").
EXPORT_MARKER = "factbrowser_export"
EXPORT_MARKER_VERSION = 1
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# which documents support the rows of each table
_SOURCE_SQL = {
    "people": "SELECT DISTINCT document_id FROM mentions WHERE fact_type = 'person' "
              "AND fact_id IN (SELECT id FROM people{w})",
    "meetings": "SELECT DISTINCT document_id FROM event_sources "
                "WHERE event_id IN (SELECT id FROM meetings{w})",
    "trade": "SELECT DISTINCT document_id FROM quantity_sources "
             "WHERE quantity_id IN (SELECT id FROM trade{w})",
    "figures": "SELECT DISTINCT document_id FROM quantity_sources "
               "WHERE quantity_id IN (SELECT id FROM figures{w})",
    "culture": "SELECT DISTINCT document_id FROM mentions WHERE fact_type = 'culture' "
               "AND fact_id IN (SELECT id FROM culture{w})",
    "sources": "SELECT id FROM sources{w}",
}


@dataclass
class ExportResult:
    paths: list[Path]
    counts: dict[str, int] = field(default_factory=dict)
    manifest: dict = field(default_factory=dict)


def neutralise(value):
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def unneutralise(value):
    """Inverse of neutralise, for readers of an export."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def parse_tables(spec: str | list[str] | None) -> list[str]:
    names = spec.split(",") if isinstance(spec, str) else list(spec or TABLES)
    names = [n.strip().lower() for n in names if n and n.strip()]
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise ExportError(f"unknown table(s): {', '.join(unknown)} "
                          f"(choose from {', '.join(TABLES)})")
    if not names:
        raise ExportError("no tables chosen")
    return list(dict.fromkeys(names))


def _table_filters(table, filters, ids) -> Filters | None:
    f = None
    if isinstance(filters, Filters):
        f = Filters(**filters.__dict__)
    elif isinstance(filters, dict) and filters.get(table) is not None:
        f = Filters(**filters[table].__dict__)
    if ids and table in ids:
        f = f or Filters()
        f.ids = list(ids[table])
    return f


def write_export(open_store: Callable, tables, fmt: str, dest, filters=None, ids=None,
                 progress: Callable[[int, int, str], None] | None = None,
                 bom: bool = False) -> ExportResult:
    """The chosen tables written to files. `open_store()` gives a Store of this thread (the
    caller's class: this module does not import it), closed before any file is written.
    `bom`: CSV files start with a UTF-8 byte order mark (Excel on Windows reads UTF-8
    only then)."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    tables = parse_tables(tables)
    dest = Path(dest).expanduser()
    db_path = "the database"  # until it is open
    try:
        with open_store() as store:
            db_path = store.path
            _refuse_database_target(Path(db_path), dest, fmt)
            data, counts, scope, docs = _read(store, tables, filters, ids, progress)
    except sqlite3.DatabaseError as exc:
        raise ExportError(f"cannot read {db_path}: it is damaged ({exc}); "
                          "factbrowser check tells more, factbrowser recover -o NEW.db saves "
                          "what can be read") from exc
    from .. import __version__

    manifest = {
        EXPORT_MARKER: EXPORT_MARKER_VERSION,
        "app": "Fact Browser", "app_version": __version__, "schema_version": SCHEMA_VERSION,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": str(Path(db_path).resolve()), "format": fmt, "tables": tables,
        "scope": scope, "row_counts": counts, "source_documents": docs,
        "note": ("text cells starting with = + - @ are prefixed with ' so spreadsheets do not "
                 "run them as formulas" if fmt != "json" else None),
    }
    writer = {"csv": _write_csv_bom if bom else _write_csv, "json": _write_json,
              "xlsx": _write_xlsx}[fmt]
    try:
        paths = writer(data, manifest, dest)
    except StoreError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {dest}: {exc.strerror or exc}") from exc
    if progress:
        progress(len(tables), len(tables), f"Exported to {dest}")
    return ExportResult(paths, counts, manifest)


def _refuse_database_target(db: Path, dest: Path, fmt: str) -> None:
    """An export never overwrites the database it reads (or its WAL, SHM or journal), and a
    CSV export never replaces a folder the database is in."""
    db = db.expanduser()
    target = dest.resolve()
    for path, what in ((db, "the database being exported"),
                       (Path(f"{db}-wal"), "the database's write-ahead log"),
                       (Path(f"{db}-shm"), "the database's shared-memory file"),
                       (Path(f"{db}-journal"), "the database's journal")):
        path = path.resolve()
        same = target == path
        if not same and target.exists() and path.exists():
            try:
                same = os.path.samefile(target, path)
            except OSError:
                same = False
        if same:
            raise ExportError(f"{dest} is {what}; choose another name")
        if fmt == "csv" and target in path.parents:
            raise ExportError(f"{dest} holds the database {db}; a CSV export would replace "
                              "that folder: name a new one")


def _read(store, tables, filters, ids, progress):
    data, counts, scope, doc_ids = {}, {}, {}, set()
    for i, table in enumerate(tables):
        f = _table_filters(table, filters, ids)
        if progress:
            progress(i, len(tables), f"Reading {table}")
        data[table] = (store.columns(table), store.rows(table, f))
        counts[table] = len(data[table][1])
        scope[table] = f.to_dict() if f else "all rows"
        where, params = where_clause(table, f)
        doc_ids.update(r[0] for r in store.conn.execute(
            _SOURCE_SQL[table].format(w=where), params))
    docs = [dict(zip(("id", "title", "date", "ref", "path"), r, strict=True))
            for r in store.conn.execute(
                "SELECT id, title, date, ref, path FROM documents ORDER BY date, id")
            if r[0] in doc_ids]
    return data, counts, scope, docs


def _prepare_parent(dest: Path) -> None:
    parent = dest.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create folder {parent}: {exc.strerror or exc}") from exc
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write to {parent}: permission denied")
    if dest.is_dir() and dest.suffix.lower() in (".json", ".xlsx"):
        raise ExportError(f"{dest} is a folder")
    clean_leftovers(dest)


def clean_leftovers(dest: Path) -> None:
    """What an export killed midway left beside `dest`: a half-written `.NAME.tmp-PID` is
    deleted; an earlier export set aside as `.NAME.old-PID` during a folder swap is put back
    when nothing took its place, else deleted (the newer export is in place)."""
    leftovers.remove_stale(dest, "tmp")
    for old in leftovers.stale(dest, "old"):
        if not dest.exists() and not dest.is_symlink():
            try:
                os.rename(old, dest)
                continue
            except OSError:
                pass
        leftovers.remove(old)


def _tmp_name(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.tmp-{os.getpid()}")


def _write_file_atomically(dest: Path, write: Callable[[Path], None]) -> list[Path]:
    _prepare_parent(dest)
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder; give a file name")
    tmp = _tmp_name(dest)
    leftovers.remove(tmp)
    try:
        write(tmp)
        os.replace(tmp, dest)
    except BaseException:
        leftovers.remove(tmp)
        raise
    return [dest]


def _cell_text(value) -> str:
    return "" if value is None else str(neutralise(value))


def _write_csv_bom(data, manifest, dest: Path) -> list[Path]:
    return _write_csv(data, manifest, dest, encoding="utf-8-sig")


def _write_csv(data, manifest, dest: Path, encoding: str = "utf-8") -> list[Path]:
    _prepare_parent(dest)
    if dest.exists() and not dest.is_dir():
        raise ExportError(f"{dest} exists and is not a folder (CSV export writes a folder)")
    tmp = _tmp_name(dest)
    leftovers.remove(tmp)
    try:
        tmp.mkdir()
        for table, (columns, rows) in data.items():
            with open(tmp / f"{table}.csv", "w", encoding=encoding, newline="") as fh:
                w = csv.writer(fh)
                w.writerow(columns)
                for row in rows:
                    w.writerow([_cell_text(row[c]) for c in columns])
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                           encoding="utf-8")
        _swap_folder(tmp, dest)
    except BaseException:
        leftovers.remove(tmp)
        raise
    return [dest / f"{t}.csv" for t in data] + [dest / "manifest.json"]


def _swap_folder(tmp: Path, dest: Path) -> None:
    """Put the finished folder in place; an older export there is replaced only at the end.
    At every step `dest` holds a whole export, old or new, except between the two renames
    of the fallback, after which the next export puts a leftover `.NAME.old-PID` back."""
    if not dest.exists():
        os.rename(tmp, dest)
        return
    if not is_earlier_export(dest):
        # Never replace a folder of the user's own ("-o ~/Documents"): only an earlier export.
        raise ExportError(f"{dest} already exists and is not an earlier CSV export of this app "
                          "(its manifest.json does not say so); name a new folder")
    if _exchange(tmp, dest):
        leftovers.remove(tmp)  # now the earlier export
        return
    old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
    leftovers.remove(old)
    os.rename(dest, old)
    try:
        os.rename(tmp, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    leftovers.remove(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def is_earlier_export(folder: Path) -> bool:
    """Whether `folder` is a CSV export of this app, judged by its manifest's content, and
    holds nothing but the files that manifest names (so no file of the user's is lost)."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(manifest, dict) or manifest.get("format") != "csv":
        return False
    marked = manifest.get(EXPORT_MARKER) == EXPORT_MARKER_VERSION
    legacy = (manifest.get("app") == "Fact Browser" and "row_counts" in manifest
              and "app_version" in manifest)
    tables = manifest.get("tables")
    if not (marked or legacy) or not isinstance(tables, list):
        return False
    allowed = {"manifest.json", *(f"{t}.csv" for t in tables if isinstance(t, str))}
    try:
        return all(p.name in allowed and p.is_file() and not p.is_symlink()
                   for p in folder.iterdir())
    except OSError:
        return False


def _write_json(data, manifest, dest: Path) -> list[Path]:
    payload = {"manifest": manifest}
    for table, (_columns, rows) in data.items():
        payload[table] = rows

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=1)
    return _write_file_atomically(dest, write)


XLSX_MAX_ROWS = 1_048_575  # a worksheet's rows, less the header


def _write_xlsx(data, manifest, dest: Path) -> list[Path]:
    from xlsxwriter.exceptions import XlsxWriterException

    from .xlsx_sheets import write_workbook

    for table, (_columns, rows) in data.items():
        if len(rows) > XLSX_MAX_ROWS:
            raise ExportError(f"{table} has {len(rows):,} rows, more than a spreadsheet sheet "
                              "holds; export it as CSV or JSON, or narrow the rows")

    def write(tmp: Path) -> None:
        try:
            write_workbook(tmp, data, manifest, neutralise)
        except XlsxWriterException as exc:
            cause = exc.args[0] if exc.args else exc
            reason = getattr(cause, "strerror", None) or str(cause)
            raise ExportError(f"cannot write {dest}: {reason}") from exc
    return _write_file_atomically(dest, write)
