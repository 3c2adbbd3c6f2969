"""Extraction time per release, per stage, and before/after comparisons on a noisy machine.

    python benchmarks/extract_time.py stages [OTHER_ROOT] [--gen-dir D]  # CPU ms per release, by stage
    python benchmarks/extract_time.py compare OLD_ROOT [--rounds 5]

`compare` runs this checkout and another checkout of the project (OLD_ROOT, e.g. an exported
earlier commit) in alternating child processes over the same texts, so both see the same load
on a shared machine; it reports the median and the range of each side's CPU ms per release and
MB/s per core. Texts are those of extract_golden.py (tests/data, ../shared/corpus, generated).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STAGES = (("names.entities", "find_places"), ("names.entities", "find_organizations"),
           ("names.people", "find_people"), ("events.events", "find_events"),
           ("figures.quantities", "find_quantities"), ("culture.culture", "find_culture"))

_CHILD = r"""
import json, sys, time
root, gen_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, root)
# The extractor of `root`, imported before extract_golden puts this checkout first on the path;
# the texts are this checkout's list, the same for both sides.
import app.extract
from app.extract import extract
assert app.extract.__file__.startswith(root), app.extract.__file__
sys.path.insert(0, sys.argv[4])
import extract_golden
docs = extract_golden.texts(__import__("pathlib").Path(gen_dir), count)
extract(docs[0][1], docs[0][0])
t = time.process_time()
for path, text, meta in docs:
    extract(text, path, meta=meta or None)
cpu = time.process_time() - t
print(json.dumps({"cpu": cpu, "n": len(docs),
                  "mb": sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1e6}))
"""


def _one(root: Path, gen_dir: Path, count: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(gen_dir), str(count),
                          str(ROOT / "benchmarks")], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(old: Path, gen_dir: Path, count: int, rounds: int) -> None:
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    for _ in range(rounds):
        runs["old"].append(_one(old, gen_dir, count))
        runs["new"].append(_one(ROOT, gen_dir, count))
    for side, rs in runs.items():
        ms = sorted(r["cpu"] * 1000 / r["n"] for r in rs)
        mbs = sorted(r["mb"] / r["cpu"] for r in rs)
        print(f"{side}: {rs[0]['n']} docs {rs[0]['mb']:.2f} MB  ms/release median "
              f"{statistics.median(ms):.2f} (range {ms[0]:.2f}-{ms[-1]:.2f})  MB/s per core "
              f"median {statistics.median(mbs):.3f} (range {mbs[0]:.3f}-{mbs[-1]:.3f})")


def stages(gen_dir: Path, count: int, root: Path = ROOT) -> None:
    import importlib

    sys.path.insert(0, str(root))
    from app.extract import extract  # root's extractor, before extract_golden puts ROOT first

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import extract_golden

    spent: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return wrapper

    for mod, fn in _STAGES:
        m = importlib.import_module(f"app.extract.{mod}")
        setattr(m, fn, timed(fn, getattr(m, fn)))
    docs = extract_golden.texts(gen_dir, count)
    extract(docs[0][1], docs[0][0])
    spent.clear()
    t = time.process_time()
    for path, text, meta in docs:
        extract(text, path, meta=meta or None)
    total = time.process_time() - t
    n = len(docs)
    for name, v in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{name:20s} {v * 1000 / n:7.2f} ms/release")
    print(f"{'rest':20s} {(total - sum(spent.values())) * 1000 / n:7.2f} ms/release")
    print(f"{'total':20s} {total * 1000 / n:7.2f} ms/release")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["stages", "compare"])
    ap.add_argument("old", nargs="?", type=Path,
                    help="the other checkout (compare; for stages: measure it instead of this one)")
    ap.add_argument("--gen-dir", type=Path, default=Path("/tmp/extract_golden_corpus"))
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args(argv)
    if a.mode == "stages":
        stages(a.gen_dir, a.count, a.old or ROOT)
    else:
        compare(a.old, a.gen_dir, a.count, a.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
