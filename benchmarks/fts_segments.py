"""The shape of every FTS5 index in a database: segments per level and leaf pages, read from
each index's structure record (app/store/fts_tidy.py). With --optimize, each index is then
merged into one segment ('optimize') and the time it took printed.

    .venv/bin/python benchmarks/fts_segments.py DB [--optimize]

A search reads the list of rows of each of its words in every segment of an index, so many
small segments (what a bulk import's batches leave) make it slower than one merged segment.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.store import fts_tidy  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--optimize", action="store_true", help="then optimize each and time it")
    a = ap.parse_args(argv)
    conn = sqlite3.connect(a.db, isolation_level=None)
    for fts in fts_tidy.fts_names(conn):
        levels = fts_tidy.structure(conn, fts)
        print(f"{fts:24} {sum(map(len, levels)):4} segments, {sum(map(sum, levels)):7} leaf "
              f"pages, per level {[len(level) for level in levels]}")
    if a.optimize:
        for fts in fts_tidy.fts_names(conn):
            t, c = time.perf_counter(), time.process_time()
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
            print(f"optimize {fts}: {time.perf_counter() - t:.2f} s wall, "
                  f"{time.process_time() - c:.2f} s CPU", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
