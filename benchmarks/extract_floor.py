"""The least any pure-Python extractor must spend per release: CPU of a one-pass design's
fixed work, against the whole extractor, over the texts of extract_golden.py.

    python benchmarks/extract_floor.py [--count 300] [--rounds 3]

Steps, each timed alone over every text (medians of the rounds, ms per release):
  sentences  split_sentences(text)
  tokens     tokenize() of every sentence (the Tok objects every stage reads)
  gazetteer  the lexicon's one scan of the text for every place, organisation and country
  regex      one pass of the token pattern over the whole text, nothing built (re's C floor)
  extract    app.extract.extract(), the whole extractor, for the ratio
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app.extract import extract  # noqa: E402
from app.extract.document.text import split_sentences  # noqa: E402
from app.extract.gazetteer import default_gazetteers  # noqa: E402
from app.extract.lexicon import lexicon  # noqa: E402
from app.extract.tokens import _TOKEN, tokenize  # noqa: E402


def _steps(lex) -> dict:
    def sentences(text):
        split_sentences(text)

    def tokens(text):
        for s, e in split_sentences(text):
            tokenize(text, s, e)

    def gazetteer(text):
        lex._scan_all(text)

    def regex(text):
        for _ in _TOKEN.finditer(text):
            pass

    return {"sentences": sentences, "tokens": tokens, "gazetteer": gazetteer, "regex": regex,
            "extract": lambda text: extract(text)}


def main(argv: list[str] | None = None) -> int:
    import extract_golden

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gen-dir", type=Path, default=extract_golden.GEN_DIR)
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args(argv)
    texts = [t for _, t, _ in extract_golden.texts(a.gen_dir, a.count)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lex = lexicon(default_gazetteers())
    steps = _steps(lex)
    for fn in steps.values():  # loads, first-call tables
        fn(texts[0])
    spent: dict[str, list[float]] = {k: [] for k in steps}
    for _ in range(a.rounds):  # the steps interleaved, so each round sees the same load
        for name, fn in steps.items():
            t = time.process_time()
            for text in texts:
                fn(text)
            spent[name].append(time.process_time() - t)
    n = len(texts)
    print(f"{n} texts, {mb:.2f} MB, {mb * 1e6 / n / 1000:.1f} KB a release on average")
    for name, v in spent.items():
        med = statistics.median(v)
        print(f"{name:10s} {med * 1000 / n:7.3f} ms/release (range {min(v) * 1000 / n:.3f}-"
              f"{max(v) * 1000 / n:.3f})  {mb / med:7.2f} MB/s per core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
