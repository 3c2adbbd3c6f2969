"""A single prefix is matched as the words of the index it begins (issue 14): the same rows
as the prefix, found without merging every word's list of rows (twice a pass, for bm25)."""

import pytest

from app.store import Store
from app.store import search as S
from app.store import search_words as W
from tests.store.test_store_search import seen_expressions


def _vocabulary(conn) -> list[str]:
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.all_words "
                 "USING fts5vocab(main, search_fts, row)")
    return [r[0] for r in conn.execute("SELECT term FROM temp.all_words ORDER BY term")]


def _rows(conn, expr: str) -> set[int]:
    return {r[0] for r in conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (expr,))}


@pytest.mark.parametrize("token", ["Lavr", "Mins", "Be", "Sergey", "2024", "zzzz", "Al"])
def test_the_words_a_prefix_begins_are_those_of_the_index(seed_db, token):
    with Store.open(seed_db) as store:
        conn = store.conn
        every = [w for w in _vocabulary(conn) if w.startswith(token.lower())]
        words = W.prefix_words(conn, token, most=1000)
        assert words == every
        if len(every) > 1:
            assert W.prefix_words(conn, token, most=len(every) - 1) is None  # too many
        # the same rows as the prefix, in every column and in the labels
        for column in ("", "label : "):
            prefix = _rows(conn, f'{column}"{token}"*')
            assert (_rows(conn, S._any_of(words, column)) if words else set()) == prefix


def test_only_plain_ascii_tokens_are_expanded(seed_db):
    with Store.open(seed_db) as store:
        assert W.prefix_words(store.conn, "Lávr") is None      # folded by the index, not here
        assert W.prefix_words(store.conn, "a_b") is None


def test_a_single_prefix_searches_its_words_and_finds_what_the_prefix_finds(seed_db,
                                                                         monkeypatch):
    seen = seen_expressions(monkeypatch, {"Lavr": 0.0})
    made = []
    real = S._any_of
    monkeypatch.setattr(S, "_any_of", lambda *a: made.append(real(*a)) or made[-1])
    with Store.open(seed_db) as store:
        hits = store.search("Lavr")
        assert seen == [] and made == ['label : ("lavrov")', '("lavrov")']
        assert hits and hits[0].label == "Sergey Lavrov"
        assert all("lavr" in (h.label + h.snippet).lower() or h.type == "sentence"
                   for h in hits)
        # more words than MAX_WORDS: the prefix, merged by FTS5
        made.clear()
        monkeypatch.setattr(W, "MAX_WORDS", 0)
        assert store.search("Lavr") and made == []
        assert seen == ['label : "Lavr"*', '"Lavr"*']
        # no word begins with it: nothing read at all
        monkeypatch.setattr(W, "MAX_WORDS", 12)
        assert store.search("Qqqq") == []
