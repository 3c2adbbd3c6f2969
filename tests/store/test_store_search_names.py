"""Search reads a small name index before the sentences (issue 14): people, places and
organisations whose names hold the query's words come first, found without reading the
lists of rows of words every sentence repeats; the ranking of the rest is unchanged."""

import sqlite3

import pytest

from app.store import Store, ingest_paths
from app.store import search as S
from app.store.search_names import NameIndex, name_index
from tests.store.conftest import CORPUS


def _people(store):
    return {r["name"]: r["id"] for r in store.rows("people")}


def test_a_name_begun_brings_its_people_first(seed_db):
    with Store.open(seed_db) as store:
        names = [n for n in _people(store) if len(n.split()) > 1]
        assert names
        for name in names[:8]:
            surname = name.split()[-1]
            hits = store.search(surname[:4], limit=20)
            people = [h for h in hits if h.type == "person"]
            assert any(h.label == name for h in people), (name, [h.label for h in hits])
            first_other = next((i for i, h in enumerate(hits) if h.type == "sentence"), len(hits))
            assert all(i < first_other for i, h in enumerate(hits) if h.label == name)


def test_a_full_name_comes_before_the_longer_names_it_begins():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE search_index (id INTEGER PRIMARY KEY, type TEXT, fact_id INTEGER);
        CREATE TABLE persons (id INTEGER PRIMARY KEY, name TEXT, mention_count INTEGER);
        CREATE TABLE person_names (person_id INTEGER, name TEXT);
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT);
        CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT);
        INSERT INTO persons VALUES (1, 'Ana Petrova Ivanova', 50), (2, 'Ana Petrova', 3),
                                   (3, 'Boris Petrovsky', 9), (4, 'Élodie Dupont', 1);
        INSERT INTO person_names VALUES (3, 'B. Petrovsky'), (1, 'Anna Ivanova');
        INSERT INTO places VALUES (1, 'Petrovo');
        INSERT INTO search_index VALUES (10, 'person', 1), (20, 'person', 2),
                                        (30, 'person', 3), (40, 'person', 4), (50, 'place', 1);
    """)
    index = NameIndex.build(conn)
    assert index.match([("ana", False), ("petrova", False)], 10) == [20, 10]
    # a prefix: the most mentioned first, each person once (name and alias both match)
    assert index.match([("petrov", True)], 10) == [10, 30, 20, 50]
    assert index.match([("ivanova", False)], 10) == [10]           # by an alias too
    assert index.match([("elodie", True)], 10) == [40]             # accents folded
    assert index.match([("petrov", True), ("zz", True)], 10) == []
    assert index.match([("petrov", True)], 2) == [10, 30]


def test_the_index_follows_the_database(seed_db):
    with Store.open(seed_db) as store:
        first = name_index(store.conn)
        assert name_index(store.conn) is first            # kept while nothing changes
        before = len(first.rows)
    ingest_paths(seed_db, sorted(CORPUS.glob("*.txt"))[:3])
    with Store.open(seed_db) as store:
        assert len(name_index(store.conn).rows) > before


@pytest.mark.parametrize("query", ["trade turnover", "Minsk talks", "memory of the common past",
                                   "Lavrov Minsk", "of the"])
def test_ranking_within_the_candidates_is_unchanged(seed_db, query):
    """The ranked words are scored over the candidates' rowid range only: the same rows and
    scores as over the whole lists of the words."""
    with Store.open(seed_db) as store:
        conn = store.conn
        tokens = S._tokens(query)
        ranked = S._rank_tokens(tokens, S._shares(conn, tokens))
        for column in ("label : ", ""):
            old = conn.execute(
                "SELECT rowid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts "
                "WHERE search_fts MATCH ? AND +rowid IN (SELECT rowid FROM search_fts "
                "WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?",
                (S._terms(ranked, column), S._terms(tokens, column), S.CANDIDATES[column],
                 200)).fetchall()
            if ranked != tokens:   # else one statement, as before
                assert S._top(conn, tokens, ranked, set(), column, 200) == old


def _bm25_statements(conn, run) -> int:
    seen = []
    conn.set_trace_callback(lambda sql: seen.append(sql) if "bm25" in sql else None)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return len(seen)


def test_people_who_fill_the_page_skip_the_text_passes(seed_db, monkeypatch):
    """When the name index finds a page of people, no text row could be shown (a name ranks
    above the best text row and a person's bonus is the largest): the passes over the text
    are not run, and the hits are those of running them, in the same order (ranks moved by
    one constant: the best text score they are set above)."""
    with Store.open(seed_db) as store:
        conn = store.conn
        index = name_index(conn)
        counts = {}
        for _row_id, _weight, words in (r for r in index.rows if r[0] in index.people):
            for w in {w[:2] for w in words if len(w) > 2}:
                counts[w] = counts.get(w, 0) + 1
        prefix = max(sorted(counts), key=counts.get)
        people = len({r for r in index.match([(prefix, True)], 1000) if r in index.people})
        limit = min(people, 6)
        assert limit >= 3, counts

        def hits(**kw):
            return [(h.type, h.fact_id, h.label, h.rank) for h in S.search(conn, prefix, **kw)]

        fast = []
        assert _bm25_statements(conn, lambda: fast.extend(hits(limit=limit))) == 0
        assert _bm25_statements(conn, lambda: hits(limit=people + 1)) > 0
        assert _bm25_statements(conn, lambda: hits(limit=limit, types={"sentence"})) > 0
        assert all(t == "person" for t, *_ in fast) and len(fast) == limit
        monkeypatch.setattr(S, "_people_fill", lambda *a: False)
        slow = hits(limit=limit)
    assert [h[:3] for h in fast] == [h[:3] for h in slow]
    shift = {round(f[3] - s[3], 3) for f, s in zip(fast, slow, strict=True)}
    assert len(shift) == 1
