"""Golden-output harness for the extractor: same output, measured speed.

    python benchmarks/extract_golden.py snapshot   # write the reference output
    python benchmarks/extract_golden.py check      # compare against it, time it
    python benchmarks/extract_golden.py profile    # cProfile top 30 (cumulative, tottime)

Runs `app.extract.extract()` on every text at hand (resources/corpus, tests/data/corpus,
tests/data/heldout, tests/data/layouts, ../shared/corpus when present, saved .html pages read as
the store reads them, and 300 generated releases, seed 7) and compares `to_json()` document by
document with the snapshot (exact equality), so a speed change that alters any fact is caught.
Timing is CPU time of one process (`time.process_time`), i.e. MB of text per second per core.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app.extract import extract  # noqa: E402

GEN_DIR = Path("/tmp/extract_golden_corpus")
SNAPSHOT = Path("/tmp/extract_golden.json")


def texts(gen_dir: Path = GEN_DIR, count: int = 300) -> list[tuple[str, str, dict]]:
    """(path, text, meta) of every text at hand; .html pages go through the store's reader so
    the extractor sees what an import gives it (reduced text and the page's metadata)."""
    import make_corpus

    from app.store.readers import read_path

    make_corpus.ensure_corpus(count, gen_dir, seed=7)
    dirs = [ROOT / d for d in ("resources/corpus", "tests/data/corpus", "tests/data/heldout",
                               "tests/data/layouts")]
    dirs += [ROOT.parent / "shared" / "corpus", gen_dir]
    out = []
    for d in dirs:
        for p in sorted(d.glob("*.txt")) + sorted(d.glob("*.html")):
            if p.suffix == ".html":
                read = read_path(p)
                out.append((str(p), read.text, read.meta))
            else:
                out.append((str(p), p.read_text(encoding="utf-8"), {}))
    return out


def run(docs: list[tuple[str, str, dict]]) -> tuple[dict[str, str], float]:
    out = {}
    t = time.process_time()
    for path, text, meta in docs:
        ex = extract(text, path, meta=meta or None)
        out[path] = json.dumps(ex.to_json(), sort_keys=True, ensure_ascii=False)
    return out, time.process_time() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["snapshot", "check", "profile", "time"])
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (best is reported)")
    ap.add_argument("--snapshot", type=Path, default=SNAPSHOT, help="reference output file")
    ap.add_argument("--gen-dir", type=Path, default=GEN_DIR, help="generated releases' folder")
    ap.add_argument("--count", type=int, default=300, help="generated releases")
    a = ap.parse_args(argv)
    docs = texts(a.gen_dir, a.count)
    mb = sum(len(t.encode("utf-8")) for _, t, _ in docs) / 1e6
    extract(docs[0][1], docs[0][0])  # gazetteer load, not part of the timing
    if a.mode == "profile":
        prof = cProfile.Profile()
        prof.enable()
        run(docs)
        prof.disable()
        for key in ("cumulative", "tottime"):
            print(f"--- top 30 by {key}")
            pstats.Stats(prof).sort_stats(key).print_stats(30)
        return 0
    best = None
    out: dict[str, str] = {}
    for _ in range(a.repeat if a.mode != "snapshot" else 1):
        out, cpu = run(docs)
        best = cpu if best is None else min(best, cpu)
    print(f"{len(docs)} documents, {mb:.2f} MB, best CPU {best:.2f} s -> {mb / best:.3f} MB/s per core")
    if a.mode == "snapshot":
        a.snapshot.write_text(json.dumps(out))
        print(f"snapshot written: {a.snapshot}")
        return 0
    if a.mode == "check":
        ref = json.loads(a.snapshot.read_text())
        diff = [p for p in sorted(set(ref) | set(out)) if ref.get(p) != out.get(p)]
        for p in diff[:10]:
            print("DIFF", p)
        print(f"{len(diff)} of {len(ref)} documents differ" if diff else "identical output")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
