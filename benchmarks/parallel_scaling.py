"""One process against two: the same generated releases imported into fresh databases by
`ingest_paths` (one process) and `ingest_paths_parallel` (two extraction workers and the
writer), interleaved and repeated; medians and spread of the wall times, and the ratio.

    .venv/bin/python benchmarks/parallel_scaling.py [--docs 500] [--repeat 3] [--workers 2]

The load average is printed with every run: on a shared machine a ratio is only as good as
the cores the runs got.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import make_corpus  # noqa: E402
from bench_files import fresh_db as _fresh  # noqa: E402


def _cpu() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def once(db: Path, paths: list[Path], workers: int) -> tuple[float, float, float]:
    """Wall seconds, and CPU seconds of this process (the writer) and of its workers."""
    from app.store import ingest_paths
    from app.store.parallel_ingest import ingest_paths_parallel

    _fresh(db)
    cpu = _cpu()
    t = time.perf_counter()
    if workers > 1:
        results = ingest_paths_parallel(db, paths, workers=workers)
    else:
        results = ingest_paths(db, paths)
    seconds = time.perf_counter() - t
    assert all(r.status == "added" for r in results), [r.message for r in results][:3]
    after = _cpu()
    return seconds, after[0] - cpu[0], after[1] - cpu[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factbrowser-bench")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    paths = make_corpus.ensure_corpus(a.docs, a.work / f"corpus-{a.docs}-s{a.seed}", a.seed)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    times: dict[int, list[float]] = {1: [], a.workers: []}
    for i in range(a.repeat):
        for workers in ((1, a.workers) if i % 2 == 0 else (a.workers, 1)):
            load = os.getloadavg()[0]
            secs, writer, workers_cpu = once(a.work / f"scaling-{workers}.db", paths, workers)
            times[workers].append(secs)
            print(f"run {i + 1}, {workers} process(es): {secs:.1f} s, "
                  f"{a.docs / secs:.1f} releases/s, {mb / secs:.3f} MB/s (load {load:.2f}); "
                  f"CPU per release: this process {1000 * writer / a.docs:.1f} ms, "
                  f"workers {1000 * workers_cpu / a.docs:.1f} ms", flush=True)
    res = {"docs": a.docs, "mb": round(mb, 2)}
    for workers, secs in times.items():
        res[f"{workers}_proc"] = {"median_s": round(statistics.median(secs), 2),
                                  "min_s": round(min(secs), 2), "max_s": round(max(secs), 2),
                                  "releases_per_s": round(a.docs / statistics.median(secs), 1)}
    res["ratio_median"] = round(statistics.median(times[1]) / statistics.median(times[a.workers]), 2)
    res["ratio_best"] = round(min(times[1]) / min(times[a.workers]), 2)
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
