"""A release's facts are settled with one statement per table over the ids it touched
(settle.py, search_index.py), not one or more per fact: the database must be what settling
every fact by recounting its sources gives, and the statements per release must stay few."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.store import counts, ingest, ingest_paths, merge
from app.store.db import connect
from app.store.search_index import _first_mentions

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_writers  # noqa: E402
import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.generate(30, tmp_path_factory.mktemp("corpus"), seed=7)


def test_settled_by_difference_equals_settled_by_recounting(corpus, tmp_path, monkeypatch):
    by_difference = tmp_path / "difference.db"
    assert {r.status for r in ingest_paths(by_difference, corpus)} == {"added"}
    recounted = tmp_path / "recounted.db"

    def recounting():
        touched = merge.Touched()
        touched.detached = True  # as after a removal: every touched fact counted again
        return touched

    monkeypatch.setattr(ingest, "new_touched", recounting)
    assert {r.status for r in ingest_paths(recounted, corpus)} == {"added"}
    a, b = compare_writers.snapshot(by_difference), compare_writers.snapshot(recounted)
    assert a["quantities"][0] > 100 and a["search_index"][0] > 1000
    assert a == b


def test_statements_per_release_stay_few(corpus, tmp_path, monkeypatch):
    """Before the set-based writes a generated release took ~836 statements, one or more per
    fact in every table; now ~500 (the figures, events and persons still matched one by one)."""
    from app.store.sqlite_file import Connection

    calls = []
    for name in ("execute", "executemany"):
        real = getattr(Connection, name)

        def counted(self, sql, *args, _real=real):
            calls.append(sql)
            return _real(self, sql, *args)

        monkeypatch.setattr(Connection, name, counted)
    results = ingest_paths(tmp_path / "count.db", corpus)
    assert {r.status for r in results} == {"added"}
    assert 100 < len(calls) / len(corpus) < 650
    # Python's sqlite3 keeps the last 128 statements prepared: an SQL text per number of ids
    # pushed the hot inserts out of it, and each was prepared again (+40% CPU per release).
    # The kept counts' tables, triggers and fills are made once, with the database, before
    # any release: not among the statements a release prepares.
    once = set(counts.kept_sql()) | {counts._fill_sql(view) for view in counts.KEPT} | set(
        counts.counts_people.fill_sql() + counts.counts_trade.fill_sql()
        + counts.counts_pairs.fill_sql())
    assert once & set(calls) == once
    assert len(set(calls) - once) < 128


def test_first_mention_of_many_facts_is_that_of_each(tmp_path):
    conn = connect(tmp_path / "m.db", create=True, write=True)
    for doc_id, date, sha in ((1, "2024-05-01", "b"), (2, "2024-05-01", "a"), (3, None, "c")):
        conn.execute("INSERT INTO documents (id, sha256, title, date, added, text) VALUES "
                     "(?, ?, 't', ?, '2024', 'x')", (doc_id, sha, date))
    rows = [(7, 1, 5, 9), (7, 2, 8, 9), (7, 2, 3, 4), (7, 2, 4, 6),
            (8, 3, 0, 2), (8, 1, 4, 6), (9, 3, 1, 2)]
    conn.executemany('INSERT INTO mentions (fact_type, fact_id, document_id, start, "end") '
                     "VALUES ('person', ?, ?, ?, ?)", rows)
    one_by_one = {fact: conn.execute(
        'SELECT m.document_id, m.start, m."end" FROM mentions m JOIN documents d '
        "ON d.id = m.document_id WHERE m.fact_type = 'person' AND m.fact_id = ? "
        "ORDER BY d.date IS NULL, d.date, d.sha256, m.start LIMIT 1", (fact,)).fetchone()
        for fact in (7, 8, 9)}
    assert _first_mentions(conn, "person", [7, 8, 9, 10]) == one_by_one == {
        7: (2, 3, 4), 8: (1, 4, 6), 9: (3, 1, 2)}
