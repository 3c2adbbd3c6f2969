"""Search reads bounded work at any size (issue 14): the rows of the best candidates only, and
a frequent last word whole in the pass over all text. The hits stay those of reading every
candidate's row."""

import pytest

from app.store import Store
from app.store import search as S
from tests.store.test_store_search import seen_expressions

QUERIES = ["Minsk", "trade", "talks", "Lavrov Minsk", "memory of the common past", "of the",
           "Sergey", "cooperation", "billion", "Belarus Russia"]


def _hits(store, q, limit, types):
    return [(h.type, h.fact_id, h.rank, h.label, h.snippet, h.what, h.date)
            for h in S.search(store.conn, q, limit, types)]


@pytest.mark.parametrize("limit,types", [(50, None), (3, None), (1, None), (10, {"sentence"}),
                                         (5, {"person", "event"})])
def test_reading_the_best_rows_first_gives_the_hits_of_reading_all(generated_db, monkeypatch,
                                                                    limit, types):
    with Store.open(generated_db) as store:
        bounded = {q: _hits(store, q, limit, types) for q in QUERIES}
        monkeypatch.setattr(S, "_MAX_BONUS", float("inf"))   # never stop early: read them all
        every = {q: _hits(store, q, limit, types) for q in QUERIES}
    assert any(bounded.values())
    assert bounded == every


def test_rows_past_the_reach_of_the_last_hit_are_not_read(seed_db):
    with Store.open(seed_db) as store:
        conn = store.conn
        ids = [r[0] for r in conn.execute("SELECT id FROM search_index ORDER BY id LIMIT 40")]
        reads = []
        conn.set_trace_callback(lambda sql: reads.append(sql) if "LEFT JOIN quantities" in sql
                                else None)
        try:
            # two rows far better than the rest: the first batch (2 x limit) settles it
            far = {i: (-20.0 if n < 2 else -1.0) for n, i in enumerate(ids)}
            best = S._best_rows(conn, far, 1, None)
            far_reads, reads[:] = len(reads), []
            # all equal: any row could win on its type's bonus, so every batch is read
            close = dict.fromkeys(ids, -5.0)
            S._best_rows(conn, close, 1, None)
        finally:
            conn.set_trace_callback(None)
    assert [row_id for _rank, row_id, _hit in best] == [min(ids[:2], key=lambda i: (
        -round(20.0 + S._TYPE_BONUS.get(_type(seed_db, i), 0.0), 4), i))]
    assert far_reads == 1
    assert len(reads) == 5               # batches of 2, 4, 8, 16 and the last 10


def _type(db, row_id):
    with Store.open(db) as store:
        return store.conn.execute("SELECT type FROM search_index WHERE id = ?",
                                  (row_id,)).fetchone()[0]


def test_a_frequent_last_word_is_whole_in_the_pass_over_all_text(seed_db, monkeypatch):
    seen = seen_expressions(monkeypatch, {"Minsk": 0.01, "talks": 0.02})
    with Store.open(seed_db) as store:
        hits = store.search("Minsk talks")
        assert hits and all("talk" in (h.label + h.snippet).lower() or h.type == "sentence"
                            for h in hits[:3])
        # the labels keep the last word a prefix; all text matches it whole
        assert 'label : "Minsk" label : "talks"*' in seen
        assert '"Minsk" "talks"' in seen and '"Minsk" "talks"*' not in seen
        seen.clear()
        store.search("Minsk tal")         # not a frequent word: still being typed
        assert '"Minsk" "tal"*' in seen


def test_a_frequent_single_word_is_whole_in_both_passes(seed_db, monkeypatch):
    seen = seen_expressions(monkeypatch, {"Minsk": 0.01})
    with Store.open(seed_db) as store:
        hits = store.search("Minsk")
        assert hits and "minsk" in (hits[0].label + hits[0].snippet).lower()
        assert seen == ['label : "Minsk"', '"Minsk"']
        seen.clear()
        store.search("Mins")   # not a frequent word: the words it begins (test_store_search_words)
        assert seen == []
