"""Generate a synthetic archive of press releases in the genre, for benchmarks and scale tests.

    python benchmarks/make_corpus.py N OUT_DIR [--seed S] [--workers W]

Deterministic: the same N, seed and generator version give byte-identical files, and document i
does not depend on N (a 1,000-document corpus is the prefix of the 50,000-document one). Each
release has the genre's layout (time line, title, reference line NNNN-DD-MM-YYYY, body paragraphs),
is 2-15 KB, dated 2004-2024, and names people from a world of ~4,600 generated officials whose
posts change over time (benchmarks/corpus_world.py). OUT_DIR/corpus.json records what was made,
so `ensure_corpus` can reuse a directory instead of regenerating it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_paragraphs import KIND_WEIGHTS, KINDS, opening, title  # noqa: E402
from corpus_text import Doc  # noqa: E402
from corpus_themes import closing, paragraph  # noqa: E402
from corpus_world import World  # noqa: E402

VERSION = 1
MIN_BYTES, MAX_BYTES = 2000, 15000
_WORLDS: dict[int, World] = {}


def world(seed: int) -> World:
    if seed not in _WORLDS:
        _WORLDS[seed] = World(seed)
    return _WORLDS[seed]


def release(seed: int, i: int) -> tuple[str, str]:
    """(file name, text) of document i."""
    rng = random.Random(f"doc:{seed}:{i}")
    doc = Doc(world(seed), rng)
    kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0]
    # skewed towards short releases, as in the real archives (median ~3.6 KB, mean ~5 KB)
    target = MIN_BYTES + int((MAX_BYTES - MIN_BYTES - 600) * rng.random() ** 3)
    head = (f"{rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}\n\n{title(doc, kind)}\n\n"
            f"{rng.randint(1, 2999):04d}-{doc.d:%d-%m-%Y}\n\n")
    paras = opening(doc, kind)
    size = len(head) + sum(len(p) + 2 for p in paras)
    used: dict = {}
    misses = 0
    while size < target and misses < 30:
        p = paragraph(doc, used)
        if not p:
            misses += 1
            continue
        if size + len(p) + 2 > MAX_BYTES - 600:
            break
        paras.append(p)
        size += len(p) + 2
    if kind in ("talks", "upcoming") or rng.random() < 0.2:
        paras.append(closing(doc))
    text = head + "\n\n".join(paras) + "\n"
    h = hashlib.sha1(text.encode()).hexdigest()[:16]
    return f"{i:06d}_{h}.txt", text


def _write_range(seed: int, lo: int, hi: int, out: str) -> tuple[list[str], int]:
    names, total = [], 0
    for i in range(lo, hi):
        name, text = release(seed, i)
        data = text.encode("utf-8")
        (Path(out) / name).write_bytes(data)
        names.append(name)
        total += len(data)
    return names, total


def generate(n: int, out_dir: Path | str, seed: int = 1, workers: int = 1) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    workers = max(1, min(workers, n // 2000 or 1))
    if workers == 1:
        names, total = _write_range(seed, 0, n, str(out))
    else:
        step = -(-n // workers)
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_write_range, [seed] * workers, range(0, n, step),
                                  [min(n, lo + step) for lo in range(0, n, step)], [str(out)] * workers))
        names = [x for p in parts for x in p[0]]
        total = sum(p[1] for p in parts)
    manifest = {"n": n, "seed": seed, "version": VERSION, "bytes": total}
    (out / "corpus.json").write_text(json.dumps(manifest, indent=1))
    return [out / x for x in names]


def ensure_corpus(n: int, out_dir: Path | str, seed: int = 1, workers: int = 1) -> list[Path]:
    """The corpus in out_dir, generated only when the directory doesn't already hold it."""
    out = Path(out_dir)
    try:
        m = json.loads((out / "corpus.json").read_text())
        paths = sorted(out.glob("*.txt"))
        if (m["n"], m["seed"], m["version"]) == (n, seed, VERSION) and len(paths) == n:
            return paths
    except (OSError, ValueError, KeyError):
        pass
    return generate(n, out, seed, workers)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of releases")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    t = time.perf_counter()
    paths = generate(a.n, a.out_dir, a.seed, a.workers)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} releases, {mb:.1f} MB in {a.out_dir} ({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
