"""A bulk import fills the word indexes once per batch (store/fts_defer.py): the database must
be the same, table by table and word by word, as when every row goes through the triggers,
also when a release fails inside a batch or the process is killed before the batch commits."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.store import ingest, ingest_paths
from app.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_writers  # noqa: E402
import make_corpus  # noqa: E402

N = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.generate(N, tmp_path_factory.mktemp("corpus"), seed=5)


def _build(db: Path, paths, defer: bool, monkeypatch, docs: int = 5):
    monkeypatch.setattr(ingest, "DEFER_FTS", defer)
    monkeypatch.setattr(ingest, "DEFER_MIN_DOCS", 1)
    monkeypatch.setattr(ingest, "BATCH_DOCS", docs)  # several batches, marks in between
    monkeypatch.setattr(ingest, "BATCH_SECONDS", 60.0)
    return ingest_paths(db, paths)


def _triggers(db: Path) -> list:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                            "ORDER BY name").fetchall()
    finally:
        conn.close()


def test_batched_indexes_equal_the_triggers(corpus, tmp_path, monkeypatch):
    new, ref = tmp_path / "new.db", tmp_path / "ref.db"
    # the second import adds to a database whose rows are indexed already (marks above 0)
    for paths in (corpus[:10], corpus[10:]):
        assert {r.status for r in _build(new, paths, True, monkeypatch)} == {"added"}
        assert {r.status for r in _build(ref, paths, False, monkeypatch)} == {"added"}
    a, b = compare_writers.snapshot(new), compare_writers.snapshot(ref)
    assert any(k.endswith("(words)") and v[0] > 1000 for k, v in a.items())
    assert a == b
    assert _triggers(new) == _triggers(ref) and len(_triggers(new)) >= 15


def test_a_failing_release_leaves_its_batch_and_the_indexes_whole(corpus, tmp_path,
                                                                  monkeypatch):
    real, calls = ingest.attach, []

    def attach(conn, doc_id, ex, touched):
        real(conn, doc_id, ex, touched)  # its rows are written (and indexed), then it fails
        calls.append(doc_id)
        if len(calls) == 8:
            raise RuntimeError("fault while storing")

    monkeypatch.setattr(ingest, "attach", attach)
    new = tmp_path / "new.db"
    results = _build(new, corpus[:12], True, monkeypatch)
    assert [r.status for r in results].count("failed") == 1
    assert results[7].status == "failed" and "fault while storing" in results[7].message
    monkeypatch.setattr(ingest, "attach", real)
    ref = tmp_path / "ref.db"
    _build(ref, corpus[:7] + corpus[8:12], False, monkeypatch)
    # the failed release's rows were rolled back, ids included: the next one took its id
    assert compare_writers.snapshot(new) == compare_writers.snapshot(ref)


KILLED = textwrap.dedent("""
    import os, signal, sys
    from app.store import ingest
    from app.store.db import connect
    from app.store.ingest import WriteBatch, ingest_file
    conn = connect(sys.argv[1], create=True, write=True)
    batch = WriteBatch(conn, lambda r: None, docs=1000, seconds=1000, defer_fts=True)
    for path in sys.argv[2:]:
        batch.begin()
        batch.done(ingest_file(conn, path))
    os.kill(os.getpid(), signal.SIGKILL)  # before the batch commits
""")


def test_kill_inside_a_batch_leaves_the_schema_and_indexes_as_they_were(corpus, tmp_path,
                                                                        monkeypatch):
    db = tmp_path / "k.db"
    _build(db, corpus[:4], True, monkeypatch)
    before = compare_writers.snapshot(db)
    triggers = _triggers(db)
    proc = subprocess.run([sys.executable, "-c", KILLED, str(db), *map(str, corpus[4:9])],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert _triggers(db) == triggers
    assert compare_writers.snapshot(db) == before
    # and the next import writes through the triggers it finds, as before
    _build(db, corpus[4:6], False, monkeypatch)
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 6
    finally:
        conn.close()


def test_only_an_import_of_many_files_takes_the_triggers_off(corpus, tmp_path, monkeypatch):
    """Taking them off and back costs about one release's saving per batch, and rewrites
    their rows in the schema: a handful of files goes through the triggers."""
    from app.store import fts_defer

    calls = []
    real = fts_defer.suspend
    monkeypatch.setattr(fts_defer, "suspend", lambda conn: calls.append(1) or real(conn))
    monkeypatch.setattr(ingest, "DEFER_MIN_DOCS", 6)
    ingest_paths(tmp_path / "few.db", corpus[:5])
    assert calls == []
    ingest_paths(tmp_path / "many.db", corpus[:6])
    assert calls
