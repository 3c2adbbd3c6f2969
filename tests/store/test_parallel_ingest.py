"""Import with extraction in worker processes gives exactly what the one-process import gives."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from app.store import Store, ingest, ingest_paths
from app.store.parallel_ingest import BATCH, ParallelStats, ingest_paths_parallel

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
    stats = ParallelStats()
    many = ingest_paths_parallel(tmp_path / "many.db", corpus, workers=2, stats=stats)
    assert [r.status for r in one] == [r.status for r in many] == ["added"] * N
    # every batch was extracted in a worker and counted once; its CPU is the worker's
    assert stats.batches == -(-N // BATCH)
    assert 0 < stats.worker_cpu_s and 0 <= stats.writer_wait_s
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


def test_a_killed_worker_loses_nothing(corpus, tmp_path, monkeypatch):
    """The workers killed mid-import (out of memory, kill -9) after the first batch came back:
    the batches they held are extracted again by the writer, and every release is stored
    once, in order."""
    monkeypatch.setattr(ingest, "BATCH_DOCS", 1)  # a report after each release
    killed: list[int] = []

    def progress(_i, _n, _msg) -> None:
        for worker in [] if killed else multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGKILL)
            killed.append(worker.pid)

    stats = ParallelStats()
    paths = corpus * 6  # more batches than are in flight when the workers die
    results = ingest_paths_parallel(tmp_path / "db.db", paths, workers=2, progress=progress,
                                    stats=stats)
    assert killed
    assert [r.status for r in results] == ["added"] * N + ["present"] * 5 * N
    assert [r.path for r in results] == [str(p) for p in paths]
    assert stats.batches == -(-len(paths) // BATCH) and stats.redone > 0
    store = Store.open(tmp_path / "db.db")
    assert store.count("sources") == N and all(r["facts"] for r in store.rows("sources"))
