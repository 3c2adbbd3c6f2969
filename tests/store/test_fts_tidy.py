"""A bulk import leaves each word index it grew enough in one FTS5 segment (store/fts_tidy.py),
with the same words as before the merge; an import small against an index leaves it alone."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from app.store import fts_tidy, ingest, ingest_paths

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import compare_writers  # noqa: E402
import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus.generate(26, tmp_path_factory.mktemp("corpus"), seed=7)


def _build(db: Path, paths, monkeypatch):
    monkeypatch.setattr(ingest, "DEFER_MIN_DOCS", 1)
    monkeypatch.setattr(ingest, "BATCH_DOCS", 3)  # a segment per batch and index
    monkeypatch.setattr(ingest, "BATCH_SECONDS", 60.0)
    assert {r.status for r in ingest_paths(db, paths)} == {"added"}


def _shapes(db: Path) -> dict[str, tuple[int, int]]:
    conn = sqlite3.connect(str(db))
    try:
        return fts_tidy.shapes(conn)
    finally:
        conn.close()


def test_a_bulk_import_leaves_each_index_in_one_segment(corpus, tmp_path, monkeypatch):
    tidied, left = tmp_path / "tidied.db", tmp_path / "left.db"
    _build(tidied, corpus[:24], monkeypatch)
    monkeypatch.setattr(fts_tidy, "GROWTH", 0)  # never merged: as the import left them
    _build(left, corpus[:24], monkeypatch)
    as_left = _shapes(left)
    assert len(as_left) == 6 and max(s for s, _ in as_left.values()) > 3
    assert {fts: s for fts, (s, _) in _shapes(tidied).items()} == dict.fromkeys(as_left, 1)
    assert compare_writers.snapshot(tidied) == compare_writers.snapshot(left)


def test_an_import_small_against_an_index_leaves_it_as_it_is(corpus, tmp_path, monkeypatch):
    db = tmp_path / "db.db"
    _build(db, corpus[:24], monkeypatch)
    before = _shapes(db)
    _build(db, corpus[24:25], monkeypatch)  # one release: a few per cent of each index
    after = _shapes(db)
    grown = [fts for fts in after if after[fts][1] > before[fts][1]]
    assert grown and all(after[fts][0] > 1 for fts in grown)  # its new segments kept


def test_the_rule_reads_the_growth(corpus, tmp_path, monkeypatch):
    db = tmp_path / "db.db"
    monkeypatch.setattr(fts_tidy, "GROWTH", 0)
    _build(db, corpus[:12], monkeypatch)
    conn = sqlite3.connect(str(db), isolation_level=None)
    try:
        pages = fts_tidy.leaf_pages(conn)
        assert fts_tidy.tidy(conn, pages) == []  # grown by nothing since `pages`
        monkeypatch.setattr(fts_tidy, "GROWTH", 8)
        assert fts_tidy.tidy(conn, pages) == []
        small = {fts: p - p // 10 for fts, p in pages.items()}  # grown by 1/10: under 1/8
        assert fts_tidy.tidy(conn, small) == []
        big = {fts: p + (-p // 6) for fts, p in pages.items()}  # by 1/6 or more
        several = [fts for fts, (s, _) in fts_tidy.shapes(conn).items() if s > 1]
        assert fts_tidy.tidy(conn, big) == several and several
        # the leaf pages the structure record lists are the index's pages: all its rows
        # but the structure and the averages (no doclist index at this size)
        for fts, p in fts_tidy.leaf_pages(conn).items():
            rows = conn.execute(f"SELECT count(*) FROM {fts}_data WHERE id > 10").fetchone()[0]
            assert rows == p
    finally:
        conn.close()
