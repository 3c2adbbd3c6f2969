"""The app's HTML reduction against trafilatura: quality on saved-page-shaped test pages
(tests/store/saved_pages.py) and on the saved page of ../shared/corpus (extraction scores
against its gold facts), and speed (median of interleaved runs), hostile nesting included.

trafilatura is not a dependency of the app: install it (and lxml_html_clean, which its
justext import needs) in the same environment to run this. Prints JSON."""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.store.html_reduce import html_to_text  # noqa: E402
from tests.store.saved_pages import PAGES  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
REAL = "11-dailysabah-cavusoglu-lavrov"
NESTED = "<p>Sergey Lavrov held talks in Minsk on 24 June.</p>"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def main() -> int:
    import trafilatura

    def traf(html: str) -> str:
        return trafilatura.extract(html, include_comments=False, include_tables=True) or ""

    reducers = {"app": html_to_text, "trafilatura": traf}
    out: dict = {"quality": {}, "extraction_f1": {}, "speed_ms": {}}
    for name, page in PAGES.items():
        for label, fn in reducers.items():
            text = _norm(fn(page["html"]))
            out["quality"][f"{name}/{label}"] = {
                "gold_paragraphs": f"{sum(_norm(g) in text for g in page['gold'])}"
                                   f"/{len(page['gold'])}",
                "boilerplate_leaked": [b for b in page["boiler"] if b in text]}
    docs = {name: page["html"] for name, page in PAGES.items()}
    real_path = SHARED / f"{REAL}.html"
    if real_path.exists():
        from app.extract import extract
        from tests.scoring import score_all

        docs[REAL] = real_path.read_text(encoding="utf-8")
        gold = json.loads((SHARED / f"{REAL}.facts.json").read_text(encoding="utf-8"))
        for label, fn in reducers.items():
            pred = extract(fn(docs[REAL]), f"{REAL}.html").to_json()
            pred = json.loads(pred) if isinstance(pred, str) else pred
            out["extraction_f1"][label] = {k: round(v.f1, 3)
                                           for k, v in score_all(pred, gold).items()}
    docs["nested-10000-closed"] = f"<html><body>{'<div>' * 10000}{NESTED}{'</div>' * 10000}"
    docs["nested-10000-unclosed"] = f"<html><body>{'<div>' * 10000}{NESTED}"
    for name, html in docs.items():
        times: dict[str, list[float]] = {label: [] for label in reducers}
        for _ in range(3 if name.startswith("nested") else 15):
            for label, fn in reducers.items():  # interleaved, so drift hits both alike
                start = time.perf_counter()
                text = fn(html)
                times[label].append(time.perf_counter() - start)
                if name.startswith("nested"):
                    out["quality"][f"{name}/{label}"] = {"release_found": "Lavrov" in text}
        out["speed_ms"][name] = {k: round(statistics.median(v) * 1000, 2)
                                 for k, v in times.items()}
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
