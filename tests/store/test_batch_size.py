"""A bulk import's batch holds at least BATCH_MIN_DOCS documents (or BATCH_MAX_SECONDS): a
writer slowed by the archive's size no longer commits ever fewer documents at a time."""

from __future__ import annotations

from app.store import ingest
from app.store.db import connect
from app.store.ingest import IngestResult, WriteBatch


def _commits(tmp_path, defer: bool, docs: int, monkeypatch, max_seconds: float = 600.0) -> list:
    monkeypatch.setattr(ingest, "BATCH_MAX_SECONDS", max_seconds)
    conn = connect(tmp_path / "b.db", create=True, write=True)
    sizes, reported = [], []
    try:
        # seconds=0: every batch is old enough to commit at once, as a slow writer's are
        batch = WriteBatch(conn, reported.append, seconds=0.0, defer_fts=defer)
        real = batch.commit

        def commit():
            sizes.append(len(batch.pending))
            real()

        batch.commit = commit
        for i in range(docs):
            batch.begin()
            batch.done(IngestResult(f"f{i}", "present", "", i))
        batch.finish()
    finally:
        conn.close()
    assert len(reported) == docs
    return [s for s in sizes if s]


def test_a_bulk_import_commits_at_least_min_docs_at_a_time(tmp_path, monkeypatch):
    assert _commits(tmp_path, True, 120, monkeypatch) == [50, 50, 20]


def test_a_few_files_commit_as_often_as_before(tmp_path, monkeypatch):
    assert _commits(tmp_path, False, 5, monkeypatch) == [1, 1, 1, 1, 1]


def test_a_batch_still_commits_after_max_seconds(tmp_path, monkeypatch):
    assert _commits(tmp_path, True, 4, monkeypatch, max_seconds=0.0) == [1, 1, 1, 1]


def test_progress_never_goes_back_when_a_batch_reports_at_its_commit(tmp_path, monkeypatch):
    # Documents are read one by one ("Reading X": i of n) and reported when their batch
    # commits: with batches of several documents the count must not step back.
    from pathlib import Path

    from app.store import ingest_paths

    monkeypatch.setattr(ingest, "DEFER_MIN_DOCS", 1)
    monkeypatch.setattr(ingest, "BATCH_MIN_DOCS", 4)
    monkeypatch.setattr(ingest, "BATCH_SECONDS", 0.0)
    files = sorted((Path(__file__).resolve().parents[1] / "data" / "corpus").glob("*.txt"))
    seen = []
    ingest_paths(tmp_path / "p.db", files, create=True,
                 progress=lambda done, total, message: seen.append((done, total, message)))
    counts = [done for done, _total, _message in seen]
    assert counts == sorted(counts) and counts[-1] == len(files), counts
    assert any(message.startswith("Merging the word indexes") for *_n, message in seen)
