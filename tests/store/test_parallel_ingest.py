"""Import with extraction in worker processes gives exactly what the one-process import gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.store import Store, ingest, ingest_paths
from app.store.parallel_ingest import BATCH, ingest_paths_parallel

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402

N = 2 * BATCH + 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.generate(N, tmp_path_factory.mktemp("corpus"), seed=7)


def _content(db: Path) -> dict:
    store = Store.open(db)
    try:
        return {t: [{k: v for k, v in r.items() if k != "added"} for r in store.rows(t, order_by="id")]
                for t in store.TABLES}
    finally:
        store.close()


def test_parallel_matches_single_process(corpus, tmp_path):
    one = ingest_paths(tmp_path / "one.db", corpus)
    many = ingest_paths_parallel(tmp_path / "many.db", corpus, workers=2)
    assert [r.status for r in one] == [r.status for r in many] == ["added"] * N
    assert [r.document_id for r in one] == [r.document_id for r in many]
    a, b = _content(tmp_path / "one.db"), _content(tmp_path / "many.db")
    assert len(a["sources"]) == N and a["people"]
    assert a == b


def test_failures_and_duplicates_are_reported_not_fatal(corpus, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    paths = [*corpus[:BATCH], tmp_path / "missing.txt", binary, corpus[0], *corpus[BATCH:2 * BATCH]]
    results = ingest_paths_parallel(tmp_path / "db.db", paths, workers=2)
    statuses = [r.status for r in results]
    assert statuses.count("added") == 2 * BATCH
    assert statuses[BATCH:BATCH + 3] == ["failed", "failed", "present"]
    assert "missing.txt" in results[BATCH].message
    assert Store.open(tmp_path / "db.db").count("sources") == 2 * BATCH


def test_cancel_leaves_only_whole_documents(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_DOCS", 1)  # each document committed and reported
    done = []
    results = ingest_paths_parallel(tmp_path / "db.db", corpus, workers=2,
                                    progress=lambda i, n, m: done.append(i),
                                    cancel=lambda: len(done) >= 5)
    assert len(results) == 5
    store = Store.open(tmp_path / "db.db")
    assert store.count("sources") == 5
    # every stored document has its facts: none was cut off half-way
    assert all(r["facts"] for r in store.rows("sources"))
