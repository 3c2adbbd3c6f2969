"""One process against two: the same generated releases imported into fresh databases by
`ingest_paths` (one process) and `ingest_paths_parallel` (two extraction workers and the
writer), interleaved and repeated, each run in a fresh Python process as a real import is;
medians and spread of the wall times and of the CPU times, the ratios, and a check that both
sides built the same database.

    .venv/bin/python benchmarks/parallel_scaling.py [--docs 1000] [--repeat 3] [--workers 2]

On a shared machine the wall-clock ratio is only as good as the cores the runs got, so the
load average and the cores each run obtained (its processes' CPU seconds over its wall
seconds) are printed with it, and a CPU-based view that does not depend on free cores:
one process's CPU per release against the writer's and the workers' with two, and from
those the ratio two free cores would allow. With N workers and the writer sharing N
cores, a release takes at least (writer + workers) / N of wall time (all the CPU spread over
the cores) and at least the writer's own CPU (the writer is one process): the bound is one
process's CPU over the larger of the two.

Linux with sched_autogroup on (this machine) shares the CPU between sessions, not processes:
the writer and its workers, all in the benchmark's session, together get one session's
share. With other sessions busy that share is under one core, and two processes then get no
more CPU than one: the wall-clock ratio stays near 1 whatever the code does (the summary
prints whether autogroup is on and the cores each run obtained).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
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


def once(db: Path, paths: list[Path], workers: int) -> dict:
    """One import in this process: wall seconds, CPU seconds of this process (with N workers:
    the writer) and of its workers (their start-up included), the extraction's CPU seconds
    (one process: inside this process; N workers: in their batches), the writer's wait."""
    from app.store import extraction, ingest_paths
    from app.store.parallel_ingest import ParallelStats, ingest_paths_parallel

    _fresh(db)
    stats = ParallelStats()
    extract_cpu = [0.0]
    plain = extraction.extract_release

    def timed(*args, **kwargs):
        t = time.thread_time()
        try:
            return plain(*args, **kwargs)
        finally:
            extract_cpu[0] += time.thread_time() - t

    extraction.extract_release = timed
    load = os.getloadavg()[0]
    cpu = _cpu()
    t = time.perf_counter()
    if workers > 1:
        results = ingest_paths_parallel(db, paths, workers=workers, stats=stats)
    else:
        results = ingest_paths(db, paths)
    seconds = time.perf_counter() - t
    after = _cpu()
    failed = [r.message for r in results if r.status != "added"]
    assert not failed, failed[:3]
    return {"workers": workers, "wall_s": seconds, "load": load,
            "self_cpu_s": after[0] - cpu[0], "workers_cpu_s": after[1] - cpu[1],
            "extract_cpu_s": extract_cpu[0] if workers == 1 else stats.worker_cpu_s,
            "writer_wait_s": stats.writer_wait_s}


def run_fresh(db: Path, corpus: Path, n: int, workers: int) -> dict:
    """`once` in a fresh interpreter: each side pays its own start-up (the extractor's load,
    or the workers' spawn), and neither inherits the other's heap."""
    out = subprocess.run([sys.executable, __file__, "--run", str(db), str(corpus), str(n),
                          str(workers)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def per_release(r: dict, n: int) -> dict:
    """CPU milliseconds per release; 'cores' is what the run obtained on average."""
    ms = {k: 1000 * r[k] / n for k in ("self_cpu_s", "workers_cpu_s", "extract_cpu_s")}
    total = ms["self_cpu_s"] + ms["workers_cpu_s"]
    out = {"wall_ms": 1000 * r["wall_s"] / n, "cpu_ms": total,
           "cores": total / (1000 * r["wall_s"] / n), "load": r["load"]}
    if r["workers"] == 1:
        out["extract_ms"], out["write_ms"] = ms["extract_cpu_s"], total - ms["extract_cpu_s"]
    else:
        out.update(writer_ms=ms["self_cpu_s"], workers_ms=ms["workers_cpu_s"],
                   batches_ms=ms["extract_cpu_s"], wait_ms=1000 * r["writer_wait_s"] / n)
    return out


def _spread(values: list[float], digits: int = 1) -> list[float]:
    """[median, min, max]"""
    return [round(statistics.median(values), digits), round(min(values), digits),
            round(max(values), digits)]


def summary(one: list[dict], many: list[dict], workers: int) -> dict:
    """Ratios pair by pair (run i of one side with run i of the other, interleaved), then
    their medians and spread."""
    wall = [a["wall_ms"] / b["wall_ms"] for a, b in zip(one, many, strict=False)]
    overhead = [b["cpu_ms"] / a["cpu_ms"] for a, b in zip(one, many, strict=False)]
    bound = [a["cpu_ms"] / max(b["writer_ms"], b["cpu_ms"] / workers)
             for a, b in zip(one, many, strict=False)]
    share = [b["writer_ms"] / b["cpu_ms"] for b in many]
    res: dict = {"wall_ratio": _spread(wall, 2), "cpu_bound_ratio": _spread(bound, 2),
                 "cpu_two_over_one": _spread(overhead, 2), "writer_share": _spread(share, 2)}
    for name, runs in (("one", one), ("many", many)):
        res[name] = {k: _spread([r[k] for r in runs]) for k in runs[0]}
    return res


def busy_sessions() -> int:
    """Sessions (autogroups) with a process running or runnable now, this one included:
    with autogroup on, each gets about cores / this many."""
    groups = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[0] == "R":
                groups.add((stat.parent / "autogroup").read_text().split()[0])
        except (OSError, IndexError):
            continue  # the process ended meanwhile, or no autogroup here
    return len(groups)


def crossing(paths: list[Path]) -> dict:
    """What a batch's outcomes cost to cross from a worker to the writer: pickled size and
    the CPU to pickle and unpickle them, per release (ProcessPoolExecutor's pickle protocol)."""
    import pickle

    from app.store.parallel_ingest import BATCH, _prepare

    batches = [_prepare([str(p) for p in paths[i:i + BATCH]])[0]
               for i in range(0, len(paths), BATCH)]
    t = time.process_time()
    blobs = [pickle.dumps(b, pickle.HIGHEST_PROTOCOL) for b in batches]
    dumped = time.process_time() - t
    t = time.process_time()
    for blob in blobs:
        pickle.loads(blob)
    loaded = time.process_time() - t
    n = len(paths)
    return {"kib": round(sum(map(len, blobs)) / 1024 / n, 1),
            "text_kib": round(sum(len(o[1].encode()) for b in batches for o in b) / 1024 / n, 1),
            "dump_ms": round(1000 * dumped / n, 3), "load_ms": round(1000 * loaded / n, 3)}


def autogroup() -> str:
    try:
        on = Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return "unknown"
    return "on: the CPU is shared between sessions, not processes" if on else "off"


def same_database(a: Path, b: Path) -> bool:
    from compare_writers import compare, snapshot

    return compare("one process vs parallel", snapshot(a), snapshot(b))


def _line(i: int, r: dict) -> str:
    head = (f"run {i}, {'1 process' if 'write_ms' in r else 'workers + writer'}: "
            f"{r['wall_ms']:.1f} ms/release wall (load {r['load']:.2f}, {r['sessions']} busy "
            f"sessions, {r['cores']:.2f} cores obtained); CPU per release {r['cpu_ms']:.1f} ms")
    if "write_ms" in r:
        return head + f" (extraction {r['extract_ms']:.1f}, the rest {r['write_ms']:.1f})"
    return head + (f" (writer {r['writer_ms']:.1f}, workers {r['workers_ms']:.1f} of which in "
                   f"batches {r['batches_ms']:.1f}); writer waited {r['wait_ms']:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run"]:
        db, corpus, n, workers = argv[1:5]
        paths = sorted(Path(corpus).glob("*.txt"))[:int(n)]
        print(json.dumps(once(Path(db), paths, int(workers))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factbrowser-bench")
    ap.add_argument("--out", type=Path, help="write the summary as JSON here too")
    a = ap.parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    corpus = a.work / f"corpus-{a.docs}-s{a.seed}"
    make_corpus.ensure_corpus(a.docs, corpus, a.seed)
    runs: dict[int, list[dict]] = {1: [], a.workers: []}
    for i in range(a.repeat):
        for workers in ((1, a.workers) if i % 2 == 0 else (a.workers, 1)):
            sessions = busy_sessions()
            r = per_release(run_fresh(a.work / f"scaling-{workers}.db", corpus, a.docs,
                                      workers), a.docs)
            r["sessions"] = sessions
            runs[workers].append(r)
            print(_line(i + 1, r), flush=True)
    res = {"docs": a.docs, "workers": a.workers, "repeat": a.repeat, "autogroup": autogroup(),
           **summary(runs[1], runs[a.workers], a.workers)}
    res["same_database"] = same_database(a.work / "scaling-1.db",
                                         a.work / f"scaling-{a.workers}.db")
    res["crossing_per_release"] = crossing(sorted(corpus.glob("*.txt"))[:min(a.docs, 200)])
    print("[median, min, max] over the runs (ratios: over the interleaved pairs)")
    for key, value in res.items():
        print(f"{key}: {json.dumps(value)}")
    if a.out:
        a.out.write_text(json.dumps(res, indent=1) + "\n")
    return 0 if res["same_database"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
