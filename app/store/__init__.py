"""The embedded database: schema, import, merging across documents, queries, search, export.
Never imports Qt."""

from app.store.db import default_db_path, ensure_default_db
from app.store.errors import (
    ExportError,
    MissingDatabase,
    NeedsUpgrade,
    NewerSchema,
    NotADatabase,
    ReadError,
    StoreError,
)
from app.store.export import ExportResult, export_tables
from app.store.ingest import (
    IngestResult,
    build_corpus,
    expand_paths,
    ingest_paths,
    rebuild,
    remove_document,
)
from app.store.queries import Filters, Store
from app.store.search import SearchHit

__all__ = [
    "ExportError", "ExportResult", "Filters", "IngestResult", "MissingDatabase", "NeedsUpgrade", "NewerSchema",
    "NotADatabase", "ReadError", "SearchHit", "Store", "StoreError", "build_corpus",
    "default_db_path", "ensure_default_db", "expand_paths", "export_tables", "ingest_paths",
    "rebuild", "remove_document",
]
