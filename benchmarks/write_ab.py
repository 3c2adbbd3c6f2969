"""The writer of this checkout against another's (e.g. main's, from `git archive`): CPU and
statements per release, alternating, and the two databases compared table by table.

    git archive main | tar -x -C /tmp/main-tree
    .venv/bin/python benchmarks/write_ab.py --other /tmp/main-tree [--docs 1000] [--repeat 3]

The generated releases are extracted once (ingest_split.py --cache keeps them in a pickle);
each write runs in a fresh process that imports its own checkout's `app`, the two sides
alternate, and medians with their spread are printed. A last run per side counts execute()
and executemany() calls; the two databases it leaves are compared with compare_writers'
snapshot (every table row by row, every FTS5 index word by word). Exit 1 if they differ.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(root: str, pickled: str, db: str, count: bool) -> dict:
    """In a child process: write the pickled extractions with `root`'s writer."""
    sys.path.insert(0, root)
    sys.path.insert(1, str(HERE))
    from bench_files import fresh_db

    prepared, _ = pickle.loads(Path(pickled).read_bytes())
    from app.store.parallel_ingest import write_prepared
    from app.store.sqlite_file import Connection

    calls = [0]
    if count:
        for name in ("execute", "executemany"):
            real = getattr(Connection, name)

            def counted(self, *args, _real=real):
                calls[0] += 1
                return _real(self, *args)

            setattr(Connection, name, counted)
    fresh_db(db)
    wall, cpu = time.perf_counter(), time.process_time()
    write_prepared(db, prepared)
    n = len(prepared)
    return {"cpu_ms": 1000 * (time.process_time() - cpu) / n,
            "wall_ms": 1000 * (time.perf_counter() - wall) / n, "calls": calls[0] / n}


def _run(root: Path, pickled: Path, db: Path, count: bool = False) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", str(root), str(pickled), str(db),
                          *(["--count"] if count else [])],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--one"]:
        root, pickled, db = sys.argv[2:5]
        print(json.dumps(one(root, pickled, db, "--count" in sys.argv)))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--other", type=Path, required=True, help="the other checkout's root")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factbrowser-bench")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    import compare_writers
    import ingest_split

    pickled = a.work / f"prepared-{a.docs}-s{a.seed}.pkl"
    if not pickled.exists():
        ingest_split.main(["--docs", str(a.docs), "--seed", str(a.seed), "--work", str(a.work),
                           "--cache"])
    sides = {"this": HERE.parent, "other": a.other.resolve()}
    times: dict[str, list[dict]] = {name: [] for name in sides}
    for i in range(a.repeat):
        for name in (sides if i % 2 == 0 else reversed(sides)):
            times[name].append(_run(sides[name], pickled, a.work / f"ab-{name}.db"))
    for name, root in sides.items():
        calls = _run(root, pickled, a.work / f"ab-{name}.db", count=True)["calls"]
        print(f"{name} ({root}): CPU ms per release {_summary([t['cpu_ms'] for t in times[name]])}"
              f", wall {_summary([t['wall_ms'] for t in times[name]])}, "
              f"statements per release {calls:.1f}")
    same = compare_writers.compare(f"{a.docs} generated",
                                   compare_writers.snapshot(a.work / "ab-this.db"),
                                   compare_writers.snapshot(a.work / "ab-other.db"))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
