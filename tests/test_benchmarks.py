"""The benchmark as a correctness check on 200 generated releases (no timing assertions):
the generator makes well-formed, deterministic releases, and the pipeline (ingest, search,
every tab opened, filtered and windowed in a fresh GUI process) runs and counts sanely."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402
import run as bench  # noqa: E402

N = 200
HEADER = re.compile(r"\A\d\d:\d\d\n\n[^\n]{20,}\n\n(\d{4})-(\d\d)-(\d\d)-(\d{4})\n\n\S")
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    mp = pytest.MonkeyPatch()
    mp.setenv("FB_PROBE_QUIET", "0.15")  # the probe's idle wait; timings are not checked here
    try:
        assert bench.main(["--docs", str(N), "--work", str(work), "--out", str(out),
                           "--workers", "2", "--skip", "extract,ingest1,startup"]) == 0
    finally:
        mp.undo()
    return json.loads(out.read_text()), work


def test_generator_layout_sizes_and_dates(result):
    _, work = result
    paths = sorted((work / f"corpus-{N}-s1").glob("*.txt"))
    assert len(paths) == N
    years = set()
    for p in paths:
        data = p.read_bytes()
        assert make_corpus.MIN_BYTES <= len(data) <= make_corpus.MAX_BYTES, p.name
        m = HEADER.match(data.decode("utf-8"))
        assert m, p.name
        years.add(int(m.group(4)))
    assert min(years) <= 2006 and max(years) >= 2022


def test_generator_is_deterministic_and_prefix_stable(tmp_path):
    a = make_corpus.generate(5, tmp_path / "a", seed=3)
    b = make_corpus.generate(8, tmp_path / "b", seed=3)
    assert [p.read_text() for p in a] == [p.read_text() for p in b[:5]]
    assert make_corpus.release(4, 0)[1] != make_corpus.release(3, 0)[1]


def test_generator_writes_no_real_sentence(result):
    _, work = result
    real = set()
    for f in [*(ROOT / "tests" / "data" / "corpus").glob("*.txt"), *(ROOT / "resources" / "corpus").glob("*.txt")]:
        real |= {s.strip() for s in SENTENCE.split(f.read_text(encoding="utf-8")) if len(s) > 40}
    for p in sorted((work / f"corpus-{N}-s1").glob("*.txt")):
        assert not real & {s.strip() for s in SENTENCE.split(p.read_text())}, p.name


def test_world_is_archive_sized():
    w = make_corpus.world(1)
    assert len(w.people) > 3000
    assert sum(1 for p in w.people if len(p.posts) > 1) > 500  # people change posts


def test_ingest_counts(result):
    res, _ = result
    ing = res["ingest_parallel"]
    assert ing["docs"] == N and ing["failed"] == 0, ing["failures"]
    counts = res["db"]["counts"]
    assert counts["sources"] == N
    assert counts["people"] > 50
    assert counts["figures"] > N  # every release has several figures
    assert res["db"]["mb"] > 0


def test_search_finds_generated_names(result):
    res, _ = result
    s = res["search"]
    assert len(s["queries"]) == 30
    assert s["names_found"] == 10
    for q in s["queries"]:
        if q["kind"] in ("name", "place", "phrase"):
            assert q["hits"] > 0 and q["plain_rows"] > 0, q
    assert s["app"]["p95_ms"] > 0 and s["plain_fts5"]["p95_ms"] > 0


def test_every_tab_opens_filters_and_windows(result):
    res, _ = result
    g = res["gui"]
    assert not g["crashes"], g["crashes"]
    counts = res["db"]["counts"]
    for name, tab in g["tabs"].items():
        assert tab["open_ms"] > 0
        if name == "trade":  # opens on the partner pair with most figures, not all of them
            assert 0 < tab["rows"] <= counts[name], name
        else:
            assert tab["rows"] == counts[name], name
        assert tab["filtered_rows"] <= tab["rows"]
    assert g["tabs"]["people"]["filtered_rows"] < g["tabs"]["people"]["rows"]
    assert set(g["time_window"]["ms"]) == set(g["tabs"])
    assert 0 < g["peak_rss_mb"] < 4000


def test_table_lists_every_measure(result):
    res, _ = result
    text = bench.table(res)
    for words in ("ingest, all cores", "search p95", "open people tab", "filter sources",
                  "peak RSS"):
        assert words in text
