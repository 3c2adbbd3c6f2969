"""Print extraction scores for the seed and every corpus document (a developer's tool)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from scoring import CORPUS, extract_gold, load_gold, score_all  # noqa: E402


def main(verbose: bool = False) -> None:
    for name in ["seed", *CORPUS]:
        pred = extract_gold(name).to_json()  # a saved page with its metadata, as ingest reads it
        scores = score_all(pred, load_gold(name))
        print(f"{name:32s}", "  ".join(f"{k}: {v}" for k, v in scores.items()))
        if verbose:
            for k, v in scores.items():
                for m in v.missed:
                    print(f"    MISSED {k}: {m}")
                for m in v.extra:
                    print(f"    EXTRA  {k}: {m}")


if __name__ == "__main__":
    main("-v" in sys.argv)
