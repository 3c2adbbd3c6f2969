"""What the writer costs per release as the archive grows: the same releases written into an
empty database and into a big one, by this checkout and optionally another, alternating.

    git archive <commit> | tar -x -C /tmp/base
    .venv/bin/python benchmarks/write_scale.py --db BIG.db [--other /tmp/base] [--docs 200]

The releases are generated ones the big database does not hold (index --offset on, seed 1),
extracted once here. Each side first opens its own copy of BIG.db (so the indexes that side
keeps exist before timing), then every round copies it again and writes the releases in a
fresh process, CPU time only (the machine is shared). Medians and spread per side and size.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_files import fresh_db  # noqa: E402

CHILD = r"""
import pickle, shutil, sys, time
root, prepared, base, db = sys.argv[1:5]
sys.path.insert(0, root)
from app.store.parallel_ingest import write_prepared
if base != "-":
    shutil.copy(base, db)
items = pickle.loads(open(prepared, "rb").read())
cpu = time.process_time()
results = write_prepared(db, items)
cpu = time.process_time() - cpu
bad = [r.message for r in results if r.status != "added"]
assert not bad, bad[:3]
print(1000 * cpu / len(items))
"""

OPEN = r"""
import sys
sys.path.insert(0, sys.argv[1])
from app.store.db import connect
connect(sys.argv[2], write=True).close()
"""


def prepare(docs: int, offset: int, out: Path) -> Path:
    import make_corpus

    sys.path.insert(0, str(HERE.parent))
    from app.extract import extract
    from app.store.readers import normalise_text

    items = []
    for i in range(offset, offset + docs):
        name, text = make_corpus.release(1, i)
        text = normalise_text(text)
        items.append((f"/generated/{name}", text, "utf-8", False, extract(text, name)))
    out.write_bytes(pickle.dumps(items))
    return out


def side_copy(root: Path, big: Path, work: Path, label: str) -> Path:
    """BIG.db as `root` keeps it: opened once for writing, its checkpoint taken."""
    copy = fresh_db(work / f"big-{label}.db")
    shutil.copy(big, copy)
    subprocess.run([sys.executable, "-c", OPEN, str(root), str(copy)], check=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return copy


def one(root: Path, prepared: Path, base: Path | None, work: Path) -> float:
    db = fresh_db(work / "written.db")
    out = subprocess.run([sys.executable, "-c", CHILD, str(root), str(prepared),
                          str(base) if base else "-", str(db)],
                         check=True, capture_output=True, text=True).stdout
    fresh_db(db)
    return float(out.split()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a big database (e.g. 20,000 releases)")
    ap.add_argument("--other", type=Path, help="another checkout to compare with")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--offset", type=int, default=30000)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    sides = {"this": HERE.parent, **({"other": a.other.resolve()} if a.other else {})}
    with tempfile.TemporaryDirectory(prefix="fb-write-scale-") as tmp:
        work = Path(tmp)
        prepared = prepare(a.docs, a.offset, work / "prepared.pkl")
        bases = {label: side_copy(root, a.db, work, label) for label, root in sides.items()}
        cpu: dict[tuple[str, str], list[float]] = {}
        for r in range(a.rounds):
            for label, root in sides.items():
                for size, base in (("empty", None), ("big", bases[label])):
                    t = time.perf_counter()
                    cpu.setdefault((label, size), []).append(one(root, prepared, base, work))
                    print(f"round {r + 1} {label} {size}: {cpu[label, size][-1]:.1f} ms CPU a "
                          f"release ({time.perf_counter() - t:.0f} s)", flush=True)
    print(f"\nwriter CPU per release, {a.docs} releases, {a.rounds} rounds (median, range):")
    for (label, size), values in cpu.items():
        print(f"  {label:5} into {size:5}: {statistics.median(values):6.1f} ms "
              f"({min(values):.1f}-{max(values):.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
