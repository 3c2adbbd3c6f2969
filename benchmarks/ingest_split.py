"""Where an import's time goes: extraction and writing measured apart, against the storage floor.

    .venv/bin/python benchmarks/ingest_split.py --docs 1000 [--profile] [--rowwise]

Reads the generated releases (benchmarks/make_corpus.py), extracts each in this process (timed),
then writes the extractions into a fresh database through the import's write path (timed
apart; --rowwise: the row-by-row path the batch writer replaced, kept as the reference), and
finally the storage floor: the same files read and inserted with sqlite-utils into a table with
an FTS5 index kept by triggers. CPU times (process_time) are given besides wall times: the
machine is shared, and CPU time is what another process cannot take away. --profile prints
the write side's cProfile (execute() calls per release, where the time goes).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402
from bench_files import fresh_db as _fresh  # noqa: E402


def extract_all(paths: list[Path]) -> tuple[list, dict]:
    from app.extract import extract
    from app.store.readers import normalise_text, read_path

    extract("00:00\n\nWarm-up\n\nThe Minister met the Ambassador in Minsk on 1 June 2024.")
    out = []
    wall, cpu = time.perf_counter(), time.process_time()
    for p in paths:
        read = read_path(p)
        text = normalise_text(read.text)
        out.append((str(p), text, read.encoding, read.html, extract(text, str(p), meta=read.meta)))
    return out, {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}


def _time_statements(totals: dict) -> None:
    """Time every statement the writer runs (fetching included), by its first 70 characters."""
    from app.store.db import Connection

    plain = sqlite3.Connection.execute

    def execute(self, sql, args=()):
        t = time.perf_counter()
        cur = plain(self, sql, args)
        rows = cur.fetchall()
        key = " ".join(sql.split())[:70]
        secs, calls = totals.get(key, (0.0, 0))
        totals[key] = (secs + time.perf_counter() - t, calls + 1)
        return _Rows(rows, cur.lastrowid)

    Connection.execute = execute


class _Rows(list):
    def __init__(self, rows, lastrowid):
        super().__init__(rows)
        self.lastrowid = lastrowid

    def fetchall(self):
        return list(self)

    def fetchone(self):
        return self[0] if self else None


def write_all(db: Path, prepared: list, rowwise: bool, profile: bool = False,
              statements: bool = False) -> dict:
    from app.store.parallel_ingest import write_prepared

    _fresh(db)
    totals: dict = {}
    if statements:
        _time_statements(totals)
    prof = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if prof:
        prof.enable()
    results = write_prepared(db, prepared, rowwise=rowwise)
    if prof:
        prof.disable()
    out = {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu,
           "failed": sum(1 for r in results if r.status == "failed")}
    if prof:
        stats = pstats.Stats(prof)
        calls = {name: nc for (_f, _l, name), (_cc, nc, *_rest) in stats.stats.items()
                 if name in ("<method 'execute' of 'sqlite3.Connection' objects>",
                             "<method 'executemany' of 'sqlite3.Connection' objects>")}
        out["calls"] = {k.split("'")[1]: v for k, v in calls.items()}
        stats.sort_stats("tottime").print_stats(18)
    n = len(prepared)
    for key, (secs, calls) in sorted(totals.items(), key=lambda kv: -kv[1][0])[:25]:
        print(f"{1000 * secs / n:7.3f} ms/doc {calls / n:6.1f} calls/doc  {key}")
    return out


def floor(db: Path, paths: list[Path]) -> dict:
    """The same files read and stored with sqlite-utils in a table with an FTS5 index."""
    import sqlite_utils

    _fresh(db)
    wall, cpu = time.perf_counter(), time.process_time()
    base = sqlite_utils.Database(db)
    base.execute("PRAGMA journal_mode = WAL")
    table = base["documents"]
    table.create({"id": int, "path": str, "text": str}, pk="id")
    table.enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    with base.conn:
        table.insert_all(({"path": str(p), "text": p.read_text(encoding="utf-8")} for p in paths),
                         batch_size=200)
    base.close()
    return {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}


def per_doc(part: dict, n: int, mb: float) -> dict:
    return {"ms_per_doc_wall": round(1000 * part["wall_s"] / n, 2),
            "ms_per_doc_cpu": round(1000 * part["cpu_s"] / n, 2),
            "mb_per_cpu_s": round(mb / part["cpu_s"], 3) if part["cpu_s"] else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factbrowser-bench")
    ap.add_argument("--rowwise", action="store_true", help="the reference row-by-row writer")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--statements", action="store_true", help="time each statement (slower)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--cache", action="store_true",
                    help="keep the extractions in a pickle next to the corpus and reuse them "
                         "(the writer measured again and again; extraction then is not timed)")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    paths = make_corpus.ensure_corpus(a.docs, a.work / f"corpus-{a.docs}-s{a.seed}", a.seed)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    cache = a.work / f"prepared-{a.docs}-s{a.seed}.pkl"
    if a.cache and cache.exists():
        prepared, ext = pickle.loads(cache.read_bytes())
    else:
        prepared, ext = extract_all(paths)
        if a.cache:
            cache.write_bytes(pickle.dumps((prepared, ext)))
    tag = "rowwise" if a.rowwise else "batch"
    wr = write_all(a.work / f"split-{a.docs}-{tag}.db", prepared, a.rowwise, a.profile, a.statements)
    fl = floor(a.work / f"floor-{a.docs}.db", paths)
    n = len(paths)
    res = {"docs": n, "mb": round(mb, 2), "writer": tag,
           "extraction": per_doc(ext, n, mb), "writing": per_doc(wr, n, mb),
           "floor": per_doc(fl, n, mb), "failed": wr["failed"]}
    total_cpu = ext["cpu_s"] + wr["cpu_s"]
    res["ingest_mb_per_cpu_s"] = round(mb / total_cpu, 3)
    res["floor_ratio_cpu"] = round(total_cpu / fl["cpu_s"], 1)
    if "calls" in wr:
        res["calls_per_doc"] = {k: round(v / n, 1) for k, v in wr["calls"].items()}
    print(json.dumps(res, indent=1))
    if a.out:
        a.out.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
