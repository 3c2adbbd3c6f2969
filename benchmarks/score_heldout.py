"""Print extraction scores for the held-out releases in tests/data/heldout (a developer's tool).

The held-out releases were written with their gold facts before the extractor was run on them;
they measure how the extractor does on text it was not tuned to. `-v` lists misses and extras;
`--dir PATH` scores another folder of releases with their .facts.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from scoring import DATA, score_all  # noqa: E402

from app.extract import extract  # noqa: E402

HELDOUT = DATA / "heldout"


def names(folder: Path = HELDOUT) -> list[str]:
    return sorted(p.name.removesuffix(".facts.json") for p in folder.glob("*.facts.json"))


def score(name: str, folder: Path = HELDOUT) -> dict:
    text = (folder / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{name}.facts.json").read_text(encoding="utf-8"))
    return score_all(extract(text).to_json(), gold)


def main(verbose: bool = False, folder: Path = HELDOUT) -> None:
    totals = {k: [0, 0, 0] for k in ("people", "events", "quantities")}
    for name in names(folder):
        scores = score(name, folder)
        print(f"{name:38s}", "  ".join(f"{k}: {v}" for k, v in scores.items()))
        for k, v in scores.items():
            totals[k][0] += v.tp
            totals[k][1] += v.fp
            totals[k][2] += v.fn
            if verbose:
                for m in v.missed:
                    print(f"    MISSED {k}: {m}")
                for m in v.extra:
                    print(f"    EXTRA  {k}: {m}")
    for k, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"overall {k:11s} P={p:.2f} R={r:.2f} F1={f:.2f} (tp={tp} fp={fp} fn={fn})")


if __name__ == "__main__":
    # Another folder of releases with .facts.json beside them may be given: --dir PATH.
    args = sys.argv[1:]
    folder = Path(args[args.index("--dir") + 1]) if "--dir" in args else HELDOUT
    main("-v" in args, folder)
