"""The writes a Store holder asks for: import files, export tables, give a document its date,
remove one, re-extract all, write Datasette metadata. A long one (import, export,
rebuild) opens its own connection from self.path inside the store function it calls, so that
it may run on a worker thread while the holder keeps reading."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Progress = Callable[[int, int, str], None]


class Writes:
    """Mixed into Store (store.py): needs self.path and self.conn.

    The modules doing the work load when a write is asked for: they bring the extractor and
    the file readers, which opening the window does not need, and export.py reads through a
    Store itself."""

    def set_document_date(self, doc_id, date: str | None) -> dict:
        """Give a document (id, stored path or file) a publication date (YYYY-MM-DD; None:
        the one its text gives) and re-extract it against that date: its facts are
        replaced, all or nothing, and it keeps its id. Returns what changed
        (ingest.reextract_document). Runs on its own connection: a worker thread may call it."""
        from .pubdate import set_document_date

        return set_document_date(self.path, doc_id, date)

    def remove_document(self, ref) -> dict:
        """Remove a document (id, stored path or file); facts other documents support stay."""
        from .ingest import remove_document

        return remove_document(self.path, ref)

    def ingest(self, paths, progress: Progress | None = None, cancel=None, **options) -> list:
        """Import files ([IngestResult]); options as ingest.ingest_paths."""
        from .ingest import ingest_paths

        return ingest_paths(self.path, paths, progress=progress, cancel=cancel, **options)

    def ingest_file(self, path, date: str | None = None):
        """Import one file on this store's connection (IngestResult), committed when it
        returns."""
        from .ingest import ingest_file

        return ingest_file(self.conn, path, date=date)

    def import_dataset(self, path, columns: dict | None = None, progress=None, **options):
        """Import a dataset file (.csv, .jsonl, .parquet ...), one release per row."""
        from .datasets import import_dataset

        return import_dataset(self.path, path, columns, progress=progress, **options)

    def rebuild(self, reextract: bool = True, progress: Progress | None = None,
                errors: list[str] | None = None, cancel=None) -> int:
        """Re-extract every stored document from its stored text (ingest.rebuild)."""
        from .ingest import rebuild

        return rebuild(self.path, reextract, progress=progress, errors=errors, cancel=cancel)

    def export(self, tables, fmt: str, dest, filters=None, ids=None,
               progress: Progress | None = None, bom: bool = False):
        """Write tables to files (ExportResult), read through a connection of the calling
        thread (an export runs on a worker thread)."""
        from .export import write_export

        return write_export(lambda: type(self).open(self.path), tables, fmt, dest,
                            filters=filters, ids=ids, progress=progress, bom=bom)

    def write_metadata(self, output: str | None = None) -> Path | None:
        """Datasette metadata for this database (datasette_meta.write_metadata)."""
        from .datasette_meta import write_metadata

        return write_metadata(self.path, output)
