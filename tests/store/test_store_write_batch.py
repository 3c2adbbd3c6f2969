"""The bulk-import write path: documents committed in batches (each still all or nothing),
and counts, first sources and date ranges kept by difference, which must equal what a full
recount over every source gives."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from app.store import ingest, ingest_paths, merge
from app.store.db import connect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402

N = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.generate(N, tmp_path_factory.mktemp("corpus"), seed=11)


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "b.db"
    results = ingest_paths(db, corpus)
    assert [r.status for r in results] == ["added"] * N
    return db


# Each stored column by difference, against the same column recounted from every source.
RECOUNTS = {
    "persons": (
        "mention_count, meeting_count, first_date, last_date",
        "(SELECT count(*) FROM mentions WHERE fact_type = 'person' AND fact_id = t.id), "
        "(SELECT count(DISTINCT event_id) FROM event_participants WHERE person_id = t.id), "
        "(SELECT min(e.date_start) FROM event_participants ep JOIN events e ON e.id = "
        "ep.event_id WHERE ep.person_id = t.id), (SELECT max(coalesce(e.date_end, "
        "e.date_start)) FROM event_participants ep JOIN events e ON e.id = ep.event_id "
        "WHERE ep.person_id = t.id)"),
    "quantities": (
        "source_count, source_title",
        "(SELECT count(DISTINCT document_id) FROM quantity_sources WHERE quantity_id = t.id), "
        "(SELECT d.title FROM quantity_sources qs JOIN documents d ON d.id = qs.document_id "
        "WHERE qs.quantity_id = t.id ORDER BY d.date, d.id LIMIT 1)"),
    "culture_items": (
        "source_title",
        "(SELECT d.title FROM mentions m JOIN documents d ON d.id = m.document_id WHERE "
        "m.fact_type = 'culture' AND m.fact_id = t.id ORDER BY d.date, d.id LIMIT 1)"),
}


def _mismatches(conn, table: str) -> list:
    stored, recount = RECOUNTS[table]
    where = "WHERE t.derived = 0" if table == "quantities" else ""
    return conn.execute(f"SELECT id, {stored} FROM {table} t {where} EXCEPT "
                        f"SELECT id, {recount} FROM {table} t {where}").fetchall()


@pytest.mark.parametrize("table", sorted(RECOUNTS))
def test_counts_by_difference_equal_a_full_recount(built, table):
    conn = sqlite3.connect(built)
    assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert _mismatches(conn, table) == []
    conn.close()


def test_conflict_flags_equal_a_recount(built):
    conn = sqlite3.connect(built)
    wrong = conn.execute(
        "SELECT id FROM quantities q WHERE derived = 0 AND measure_key IS NOT NULL AND period "
        "IS NOT NULL AND conflict <> ((SELECT count(DISTINCT value) FROM quantities o WHERE "
        "o.unit = q.unit AND o.measure_key = q.measure_key AND o.period = q.period AND "
        "o.partners IS q.partners AND o.status IS q.status AND o.direction IS q.direction AND "
        "o.derived = 0) > 1)").fetchall()
    assert wrong == []
    conn.close()


def test_same_content_as_documents_written_one_by_one_with_full_recounts(corpus, built,
                                                                        tmp_path, monkeypatch):
    """The reference: one transaction per document, and every touched fact recounted from
    all its sources (what settle does after a document was taken away)."""
    real = merge.new_touched

    def full_recount():
        touched = real()
        touched.detached = True
        return touched

    monkeypatch.setattr(ingest, "new_touched", full_recount)
    ref = tmp_path / "ref.db"
    conn = connect(ref, create=True)
    try:
        for path in corpus:
            assert ingest.ingest_file(conn, path).status == "added"
    finally:
        conn.close()
    a = sqlite3.connect(built)
    a.execute("ATTACH ? AS ref", (str(ref),))
    tables = [r[0] for r in a.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'filter_%'")]
    assert "persons" in tables and "search_index" in tables
    for table in tables:
        cols = ", ".join(f'"{r[1]}"' for r in a.execute(f"PRAGMA table_info({table})")
                         if r[1] != "added")
        for x, y in (("main", "ref"), ("ref", "main")):
            diff = a.execute(f"SELECT {cols} FROM {x}.{table} EXCEPT "
                             f"SELECT {cols} FROM {y}.{table} LIMIT 3").fetchall()
            assert diff == [], (table, x, diff)
    a.close()


def test_cancel_mid_batch_keeps_written_documents_whole(corpus, tmp_path):
    seen = []
    results = ingest_paths(tmp_path / "c.db", corpus,
                           progress=lambda i, n, m: seen.append(m),
                           cancel=lambda: len(results_so_far(seen)) >= 3)
    conn = sqlite3.connect(tmp_path / "c.db")
    ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
    # everything reported as added is in, and nothing else
    assert {r.document_id for r in results if r.status == "added"} == ids
    assert 3 <= len(ids) <= N
    for doc_id, facts in conn.execute("SELECT id, facts FROM documents"):
        assert facts == conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT fact_type, fact_id FROM mentions "
            "WHERE document_id = ?)", (doc_id,)).fetchone()[0] > 0
    conn.close()


def results_so_far(messages: list[str]) -> list[str]:
    return [m for m in messages if ": added as document" in m]


def test_a_failing_document_leaves_the_rest_of_its_batch(corpus, tmp_path, monkeypatch):
    real = merge.attach
    bad = corpus[3].name

    def attach(conn, doc_id, ex, touched):
        real(conn, doc_id, ex, touched)  # written, then the fault: all of it must go
        if ex.document.path and ex.document.path.endswith(bad):
            raise RuntimeError("simulated fault")

    monkeypatch.setattr(ingest, "attach", attach)
    monkeypatch.setattr(ingest, "BATCH_SECONDS", 60.0)  # all in one batch
    results = ingest_paths(tmp_path / "f.db", corpus[:8])
    assert [r.status for r in results] == ["added"] * 3 + ["failed"] + ["added"] * 4
    assert "simulated fault" in results[3].message
    conn = sqlite3.connect(tmp_path / "f.db")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 7
    assert conn.execute("SELECT count(*) FROM documents WHERE path LIKE ?",
                        (f"%{bad}",)).fetchone()[0] == 0
    stored = {r[0] for r in conn.execute("SELECT DISTINCT document_id FROM mentions")}
    assert stored == {r[0] for r in conn.execute("SELECT id FROM documents")}
    conn.close()
