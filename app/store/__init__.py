"""The embedded database: schema, import, merging across documents, queries, search, export.
Never imports Qt.

This module is the store's public face: the GUI, the CLI and other callers import from here,
never from a submodule (import-linter holds them to it). Names load on first use (PEP 562),
so that opening the window does not pay for the importers, exporters and sqlite-utils."""

from __future__ import annotations

import importlib

from .errors import (
    DamagedDatabase,
    ExportError,
    MissingDatabase,
    NeedsUpgrade,
    NewerSchema,
    NotADatabase,
    ReadError,
    ReadOnlyDatabase,
    StoreError,
)

# public name -> the submodule that defines it
_LAZY = {
    "Filters": "filters", "Store": "store",
    "default_db_path": "db", "connect": "db", "RECOVER_HINT": "db",
    "damage": "integrity", "check_database": "integrity",
    "ensure_default_db": "default_db", "upgrade_database": "upgrade",
    "ExportResult": "export", "export_tables": "store",
    "IngestResult": "ingest", "build_corpus": "ingest", "expand_paths": "ingest",
    "ingest_paths": "ingest", "ingest_file": "ingest", "is_folder": "ingest",
    "rebuild": "ingest", "remove_document": "ingest",
    "SearchHit": "search_text", "hit_line": "search_text", "hit_parts": "search_text",
    "render_marked": "search_text",
    "document_url": "datasets", "import_dataset": "datasets",
    "guess_columns": "dataset_files", "preview": "dataset_files",
    "resolve_columns": "dataset_files", "is_dataset": "dataset_files",
    "files_to_import": "pubdate", "preview_files": "pubdate", "set_document_date": "pubdate",
    "check_date": "pubdate",
    "read_path": "readers",
    "recover": "recovery",
    "write_metadata": "datasette_meta",
    "StorePool": "store_pool", "reader_stores": "store_pool",
}

# also the names of _LAZY (a test checks the two agree)
__all__ = [
    "DamagedDatabase", "ExportError", "ExportResult", "Filters", "IngestResult",
    "MissingDatabase", "NeedsUpgrade", "NewerSchema", "NotADatabase", "RECOVER_HINT", "ReadError",
    "ReadOnlyDatabase", "SearchHit", "Store", "StoreError", "StorePool", "build_corpus", "check_database",
    "check_date", "connect", "damage", "default_db_path", "document_url", "ensure_default_db",
    "expand_paths", "export_tables", "files_to_import", "guess_columns", "hit_line", "hit_parts",
    "import_dataset", "ingest_file", "ingest_paths", "is_dataset", "is_folder", "preview",
    "preview_files", "read_path", "reader_stores", "rebuild", "recover", "remove_document", "render_marked",
    "resolve_columns", "set_document_date", "upgrade_database", "write_metadata",
]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __package__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
