"""The batch writer's database against the row-by-row writer's, table by table.

    .venv/bin/python benchmarks/compare_writers.py [--docs 1000] [--batch-docs 7]

Builds two databases the same way, once with the word indexes filled per batch (the import's
writer) and once with every row through the index triggers (ingest.DEFER_FTS = False, the
reference): the shipped seed corpus, then tests/data/corpus and tests/data/layouts, then
--docs generated releases (benchmarks/make_corpus.py, extracted once and written by both).
After each stage every table is compared row by row, in the order of all its columns:
ids are compared as they are (they come out equal), and only documents.added, the clock
time of the import, is left out. An FTS5 index's own shadow tables hold its segments, whose
layout depends on how the words were written, so each index is compared by its content
instead: every (term, row, column, offset) its fts5vocab 'instance' table lists, and
FTS5's integrity-check must pass on both. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402
from bench_files import fresh_db  # noqa: E402
from ingest_split import extract_all  # noqa: E402

SKIP_COLUMNS = {("documents", "added")}


def _tables(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                        "ORDER BY name").fetchall()
    fts = [n for n, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL TABLE")
           and "fts5" in sql.lower()]
    shadow = {f"{f}_{s}" for f in fts for s in ("data", "idx", "docsize", "config", "content")}
    plain = [n for n, sql in rows if n not in fts and n not in shadow
             and not n.startswith("sqlite_")]
    return plain, fts


def _digest(rows) -> tuple[int, str]:
    h = hashlib.sha256()
    n = 0
    for row in rows:
        h.update(repr(row).encode())
        n += 1
    return n, h.hexdigest()


def snapshot(db: Path) -> dict:
    conn = sqlite3.connect(str(db))
    out = {}
    plain, fts = _tables(conn)
    for table in plain:
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                if (table, r[1]) not in SKIP_COLUMNS]
        names = ", ".join(f'"{c}"' for c in cols)
        out[table] = _digest(conn.execute(f'SELECT {names} FROM "{table}" ORDER BY {names}'))
    for table in fts:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        conn.execute(f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}, "
                     "'instance')")
        out[f"{table} (words)"] = _digest(conn.execute(
            f"SELECT term, doc, col, offset FROM temp.v_{table} ORDER BY 1, 2, 3, 4"))
    conn.close()
    return out


def compare(stage: str, a: dict, b: dict) -> bool:
    same = True
    for table in sorted(set(a) | set(b)):
        if a.get(table) != b.get(table):
            same = False
            print(f"  {stage}: {table} differs: batch {a.get(table)} reference {b.get(table)}")
    rows = sum(v[0] for v in a.values())
    print(f"{stage}: {len(a)} tables and indexes, {rows:,} rows: "
          f"{'identical' if same else 'DIFFERENT'}")
    return same


def build(db: Path, stages: list, defer: bool, batch_docs: int | None) -> list[dict]:
    from app.store import ingest
    from app.store.parallel_ingest import write_prepared

    ingest.DEFER_FTS = defer
    ingest.DEFER_MIN_DOCS = 0  # the small stages too
    if batch_docs:
        ingest.BATCH_DOCS = batch_docs
    fresh_db(db)
    snaps = []
    for _name, kind, items in stages:
        if kind == "paths":
            results = ingest.ingest_paths(db, items, origin="corpus")
        else:
            results = write_prepared(db, items)
        assert not [r for r in results if r.status == "failed"], "a release failed"
        snaps.append(snapshot(db))
    return snaps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-docs", type=int, help="releases per batch (default: the import's)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factbrowser-bench")
    a = ap.parse_args(argv)
    from app.resources import corpus_dir
    from app.store.ingest import expand_paths

    a.work.mkdir(parents=True, exist_ok=True)
    data = HERE.parent / "tests" / "data"
    stages = [("seed", "paths", expand_paths([corpus_dir()])),
              ("tests/data corpus + layouts", "paths",
               expand_paths([data / "corpus", data / "layouts"]))]
    if a.docs:
        paths = make_corpus.ensure_corpus(a.docs, a.work / f"corpus-{a.docs}-s{a.seed}", a.seed)
        stages.append((f"{a.docs} generated", "prepared", extract_all(paths)[0]))
    new = build(a.work / "compare-batch.db", stages, True, a.batch_docs)
    ref = build(a.work / "compare-reference.db", stages, False, a.batch_docs)
    ok = all([compare(name, x, y) for (name, _k, _i), x, y in zip(stages, new, ref, strict=True)])
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
