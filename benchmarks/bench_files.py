"""Files the benchmark scripts share."""

from __future__ import annotations

from pathlib import Path


def fresh_db(db: Path | str) -> Path:
    """`db` with no database, write-ahead log or shared-memory file left from an earlier run
    (a stale -wal beside a new copy corrupts it)."""
    db = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return db
