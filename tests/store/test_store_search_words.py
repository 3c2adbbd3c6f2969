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


def test_several_meaningful_words_are_ranked_on_the_rarest_scaled_to_all():
    import math

    rows = 1_000_000
    words, scale = S._rank_word(["Days", "Culture"], {"Days": 0.005, "Culture": 0.04}, rows)
    idf = {w: math.log((rows - s * rows + 0.5) / (s * rows + 0.5))
           for w, s in (("Days", 0.005), ("Culture", 0.04))}
    assert words == ["Days"] and scale == pytest.approx(sum(idf.values()) / idf["Days"])
    # the last word (a prefix in the labels' pass) only when rarer by a fifth
    shares = {"Alexander": 0.0311, "Kozlovich": 0.0309}
    assert S._rank_word(["Alexander", "Kozlovich"], shares, rows, "Kozlovich")[0] == ["Alexander"]
    assert S._rank_word(["Alexander", "Kozlovich"], shares, rows)[0] == ["Kozlovich"]
    assert S._rank_word(["Minsk"], {"Minsk": 0.02}, rows) == (["Minsk"], 1.0)


def test_the_passes_weigh_one_word(seed_db, monkeypatch):
    seen = seen_expressions(monkeypatch, {"Sergey": 0.001, "Lavrov": 0.002})
    with Store.open(seed_db) as store:
        hits = store.search("Sergey Lavrov")
    assert hits[0].label == "Sergey Lavrov"
    # every word to find the rows, the rarest to rank them
    # (the labels' pass first looks for one label holding the ranked word)
    assert seen == ['label : "Sergey" label : "Lavrov"*', 'label : "Sergey"', 'label : "Sergey"',
                    '"Sergey" "Lavrov"', '"Sergey"']


def test_the_labels_pass_stops_when_no_label_holds_the_ranked_word(seed_db):
    with Store.open(seed_db) as store:
        conn = store.conn
        conn.execute("CREATE VIRTUAL TABLE temp.cols USING fts5vocab(main, search_fts, col)")
        docs = {(t, c): d for t, c, d in conn.execute("SELECT term, col, doc FROM temp.cols")}
        word = min(t for (t, c), d in docs.items()
                   if c == "body" and d > 1 and (t, "label") not in docs and t.isalpha())
        other = next(t for (t, c) in docs if c == "label" and t.isalpha() and len(t) > 3)
        expr = S._terms([word, other], "label : ", {word})
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?",
                            (expr,)).fetchone()[0] == 0
        seen = []
        conn.set_trace_callback(seen.append)
        try:
            got = S._top(conn, [word, other], [word], {word}, "label : ", 200)
        finally:
            conn.set_trace_callback(None)
    assert got == []
    ours = [sql for sql in seen if not sql.startswith("--")]   # not FTS5's own reads
    assert len(ours) == 1 and "LIMIT 1" in ours[0]   # the probe, not the join of the words
