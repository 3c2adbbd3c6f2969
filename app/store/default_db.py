"""The database a first run opens: built from the shipped corpus when there is none."""

from __future__ import annotations

import os
from pathlib import Path

from . import leftovers
from .db import connect, default_db_path
from .errors import StoreError
from .sqlite_file import remove_sqlite_file


def ensure_default_db(path: Path | str | None = None, progress=None, results=None) -> Path:
    """The database at path (default: the user data dir), built from the shipped corpus on
    first use. It is built under a temporary name and renamed, so an interrupted first run
    never leaves a half-built database behind. An existing one is only opened (NeedsUpgrade
    when it is from an older schema that needs `upgrade_database`)."""
    path = Path(path) if path else default_db_path()
    if path.exists() and path.stat().st_size > 0:
        connect(path, check=False).close()  # raises a clear error if it is not usable
        return path
    # only a first run builds: the importer and the extractor (~60 ms) stay out of the
    # window's start-up on every other run
    from .ingest import build_corpus

    leftovers.remove_stale(path, "building")
    tmp = path.with_name(f".{path.name}.building-{os.getpid()}")
    remove_sqlite_file(tmp)
    try:
        done = build_corpus(tmp, progress=progress)
        if results is not None:
            results.extend(done)
        if done and not any(r.ok for r in done):
            raise StoreError(f"cannot build the database: {done[0].message}")
        os.replace(tmp, path)
    finally:
        remove_sqlite_file(tmp)
    return path
