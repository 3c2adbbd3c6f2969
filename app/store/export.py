"""Export of chosen user-facing tables to CSV (a folder), JSON (one file) or XLSX (one file).

Every export carries a manifest saying where the rows came from. Files are written under a
temporary name beside the destination and renamed into place, so a failed or interrupted
export leaves the destination as it was.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.store.errors import ExportError, StoreError
from app.store.queries import Filters, Store, where_clause
from app.store.schema import SCHEMA_VERSION

FORMATS = ("csv", "json", "xlsx")
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
    names = spec.split(",") if isinstance(spec, str) else list(spec or Store.TABLES)
    names = [n.strip().lower() for n in names if n and n.strip()]
    unknown = [n for n in names if n not in Store.TABLES]
    if unknown:
        raise ExportError(f"unknown table(s): {', '.join(unknown)} "
                          f"(choose from {', '.join(Store.TABLES)})")
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


def export_tables(db_path, tables, fmt: str, dest, filters=None, ids=None,
                  progress: Callable[[int, int, str], None] | None = None,
                  bom: bool = False) -> ExportResult:
    """`bom`: CSV files start with a UTF-8 byte order mark (Excel on Windows reads UTF-8
    only then)."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    tables = parse_tables(tables)
    dest = Path(dest).expanduser()
    with Store.open(db_path) as store:
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
    from app import __version__

    manifest = {
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


def _tmp_name(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.tmp-{os.getpid()}")


def _write_file_atomically(dest: Path, write: Callable[[Path], None]) -> list[Path]:
    _prepare_parent(dest)
    if dest.is_dir():
        raise ExportError(f"{dest} is a folder; give a file name")
    tmp = _tmp_name(dest)
    try:
        write(tmp)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
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
    shutil.rmtree(tmp, ignore_errors=True)
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
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [dest / f"{t}.csv" for t in data] + [dest / "manifest.json"]


def _swap_folder(tmp: Path, dest: Path) -> None:
    """Put the finished folder in place; an older export there is replaced only at the end."""
    if not dest.exists():
        os.rename(tmp, dest)
        return
    if not _is_earlier_export(dest):
        # Never replace a folder of the user's own ("-o ~/Documents"): only an earlier export.
        raise ExportError(f"{dest} already exists and is not an earlier CSV export; "
                          "name a new folder")
    old = dest.with_name(f".{dest.name}.old-{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(dest, old)
    try:
        os.rename(tmp, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _is_earlier_export(folder: Path) -> bool:
    if not folder.is_dir() or not (folder / "manifest.json").is_file():
        return False
    return all(p.is_file() and (p.suffix == ".csv" or p.name == "manifest.json")
               for p in folder.iterdir())


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
    from app.store.xlsx_sheets import write_workbook

    for table, (_columns, rows) in data.items():
        if len(rows) > XLSX_MAX_ROWS:
            raise ExportError(f"{table} has {len(rows):,} rows, more than a spreadsheet sheet "
                              "holds; export it as CSV or JSON, or narrow the rows")
    return _write_file_atomically(dest, lambda tmp: write_workbook(tmp, data, manifest,
                                                                   neutralise))
