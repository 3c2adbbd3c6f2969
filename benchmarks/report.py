"""Side-by-side Markdown table of benchmark runs (the README's Performance table).

    .venv/bin/python benchmarks/report.py results-1000.json results-50000.json
    .venv/bin/python benchmarks/report.py a.json ingest.json+measure.json   # '+' merges parts of one run

A value that misses its target is marked "(missed)".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TABS = ["people", "meetings", "trade", "culture", "sources"]


def load(spec: str) -> dict:
    """One run, from one JSON file or several joined with '+' (later files add what's missing)."""
    res: dict = {}
    for part in spec.split("+"):
        data = json.loads(Path(part).read_text())
        for key, value in data.items():
            if key not in res or key in ("db", "machine") and "counts" not in res.get(key, {}):
                res[key] = value
    return res


def _mark(text: str, ok: bool | None) -> str:
    return text if ok is None or ok else f"{text} (missed)"


def rows(res: dict) -> dict[tuple[str, str], str]:
    """(measure, target) -> value."""
    out: dict[tuple[str, str], str] = {}
    c = res.get("db", {}).get("counts", {})
    ing = res.get("ingest_parallel") or res.get("ingest_1core") or {}
    mb = ing.get("mb", res["corpus"]["mb"]) if ing.get("docs") == c.get("sources") else res["corpus"]["mb"]
    out[("documents (MB of text)", "")] = f"{c.get('sources', res['docs']):,} ({mb} MB)"
    out[("people / meetings / figures in the database", "")] = (
        f"{c.get('people', 0):,} / {c.get('meetings', 0):,} / {c.get('figures', 0):,}")
    for key, label in (("ingest_1core", "ingest, 1 process"), ("ingest_parallel", "ingest, 2 worker processes")):
        r = res.get(key)
        if r:
            ok = r["mb_per_s_per_core"] >= 2
            out[(f"{label}: docs/s, MB/s (per core)", ">= 2 MB/s per core")] = _mark(
                f"{r['docs_per_s']}, {r['mb_per_s']:.3f} ({r['mb_per_s_per_core']:.3f})", ok)
    if "extract_only" in res:
        r = res["extract_only"]
        out[("extraction alone, 1 core: docs/s, MB/s", "")] = f"{r['docs_per_s']}, {r['mb_per_s']:.3f}"
    if "db" in res:
        out[("database size", "")] = f"{res['db']['mb']:,} MB"
    s = res.get("search")
    if s:
        out[("search, app: p95 / median", "p95 <= 30 ms")] = _mark(
            f"{s['app']['p95_ms']:.1f} / {s['app']['median_ms']:.1f} ms", s["app"]["p95_ms"] <= 30)
        out[("search, plain FTS5 MATCH: p95 / median", "")] = (
            f"{s['plain_fts5']['p95_ms']:.1f} / {s['plain_fts5']['median_ms']:.1f} ms")
        out[("search, app / plain FTS5 (p95)", "<= 3x")] = _mark(f"{s['ratio_p95']:.2f}x", s["ratio_p95"] <= 3)
    g = res.get("gui") or {}
    for tab in TABS:
        t = g.get("tabs", {}).get(tab, {})
        if "open_ms" in t:
            out[(f"open {tab} tab, plot included", "<= 300 ms")] = _mark(
                f"{t['open_ms']:,.0f} ms ({t['rows']:,} rows)", t["open_ms"] <= 300)
    for tab in TABS:
        t = g.get("tabs", {}).get(tab, {})
        if "filter_ms" in t:
            out[(f"filter {tab} (text '{t['filter']}')", "<= 100 ms")] = _mark(
                f"{t['filter_ms']:,.0f} ms", t["filter_ms"] <= 100)
    for tab in TABS:
        ms = g.get("time_window", {}).get("ms", {}).get(tab)
        if ms is not None:
            out[(f"time window 2010-2012 on {tab}", "<= 100 ms")] = _mark(f"{ms:,.0f} ms", ms <= 100)
    for crash in g.get("crashes", []):
        out[(f"GUI crash in {crash['step']}", "none")] = crash["error"][:50]
    su = res.get("startup")
    if su:
        out[("start-up to first paint, app / bare window", "<= 1.5x")] = _mark(
            f"{su['app_paint_s']:.2f} / {su['bare_s']:.2f} s = {su['ratio']:.2f}x", su["ratio"] <= 1.5)
        out[("start-up to the visible tab's data, app / bare", "")] = (
            f"{su['app_ready_s']:.2f} / {su['bare_s']:.2f} s = {su['ratio_ready']:.2f}x")
    if g.get("peak_rss_mb"):
        out[("peak RSS, all five tabs opened", "<= 500 MB")] = _mark(
            f"{g['peak_rss_mb']:,.0f} MB", g["peak_rss_mb"] <= 500)
    return out


def _title(res: dict) -> str:
    done = res.get("db", {}).get("counts", {}).get("sources", res["docs"])
    if done < res["docs"]:
        return f"{done:,} docs (run for {res['docs']:,}, stopped)"
    return f"{done:,} docs"


def markdown(runs: list[dict]) -> str:
    tables = [rows(r) for r in runs]
    keys: list[tuple[str, str]] = []
    for t in tables:
        keys += [k for k in t if k not in keys]
    head = ["measure", "target"] + [_title(r) for r in runs]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k in keys:
        lines.append("| " + " | ".join([k[0], k[1], *(t.get(k, "–") for t in tables)]) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown([load(a) for a in sys.argv[1:]]))
