import re
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.store import Filters, Store
from app.store.search import match_expression

HOSTILE = ['"', '""', "'", "AND(", "AND", "OR", "NOT", "NEAR(", "*", "-", "-Lavrov", "(",
           ")", "((a", "a))", "col:val", "label:x", "^start", "{label body}: x", "\\", "%",
           "_", "🙂", "\x00", "a" * 5000, "Lavrov AND (", 'Lavrov" OR "x', "+", "@", "=1+1"]


def test_prefix_case_and_diacritic_insensitive(seed_db):
    with Store.open(seed_db) as store:
        for q in ("Lavr", "lavrov", "LAVROV", "Lávrov", "lavró"):
            hits = store.search(q)
            assert hits, q
            assert "lavrov" in (hits[0].label + hits[0].snippet).lower(), q


def test_results_typed_ranked_and_located(seed_db):
    with Store.open(seed_db) as store:
        hits = store.search("Minsk", limit=30)
        assert hits
        assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
        text = store.document(1)["text"]
        for h in hits:
            assert h.type in {"person", "event", "figure", "place", "organization", "culture",
                              "sentence", "document"}
            if h.type == "sentence":
                assert "minsk" in text[h.start:h.end].lower()
                assert h.table == "sources"


def test_hostile_strings_never_raise(seed_db):
    with Store.open(seed_db) as store:
        for q in HOSTILE:
            assert isinstance(store.search(q), list)
        assert store.search("") == [] and store.search("   ") == []
        assert store.search("-Lavrov")  # punctuation is not syntax


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_text_is_a_valid_query(seed_db, q):
    expr = match_expression(q)
    conn = sqlite3.connect(seed_db)
    if expr is not None:
        conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", (expr,))
    with Store.open(seed_db) as store:
        store.search(q)
        store.rows("sources", Filters(text=q))


def test_filters_in_sql(seed_db):
    with Store.open(seed_db) as store:
        n = store.count("figures")
        assert n == len(store.rows("figures"))
        assert store.count("sources", Filters(text="Lavrov")) == 1
        assert store.count("sources", Filters(text="no such words here")) == 0
        assert store.count("sources", Filters(date_from="2025-01-01")) == 0
        assert store.count("sources", Filters(date_from="2024-01-01", date_to="2024-12-31")) == 1
        assert store.count("sources", Filters(year=2024)) == 1
        assert store.count("sources", Filters(text="100%_")) == 0  # LIKE wildcards escaped
        ids = [r["id"] for r in store.rows("figures", limit=2)]
        assert [r["id"] for r in store.rows("figures", Filters(ids=ids))] == ids
        assert store.rows("figures", Filters(ids=[])) == []
        page = store.rows("figures", order_by="value", descending=True, limit=3, offset=1)
        allv = [r["value"] for r in store.rows("figures", order_by="value", descending=True)]
        assert [r["value"] for r in page] == allv[1:4]
        # unknown sort columns fall back to id rather than reaching SQL
        store.rows("figures", order_by="value; DROP TABLE documents")
        assert store.count("sources") == 1


def test_highlights_and_provenance(seed_db):
    with Store.open(seed_db) as store:
        text = store.document(1)["text"]
        marks = store.highlights(1)
        assert marks
        for m in marks:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert m["type"] in {"person", "organization", "place", "event", "quantity",
                                 "culture"}
            prov = store.provenance(m["type"], m["fact_id"])
            assert any(p["start"] == m["start"] for p in prov)
            for p in prov:
                if p["sentence"] is not None:
                    assert text[p["sentence_start"]:p["sentence_end"]] == p["sentence"]


def test_snippets_mark_matches_accent_blind():
    from app.store.search import make_snippet

    text = "Foreign Minister Sergey Lavrov met President Aleksandar Vučić in Belgrade today."
    assert make_snippet(text, "vucic") .count("[Vučić]") == 1
    assert "[Lavrov]" in make_snippet(text, "LAVR")
    long = " ".join(f"w{i}" for i in range(100)) + " Minsk " + " ".join("x" * 3 for _ in range(50))
    snip = make_snippet(long, "minsk")
    assert "[Minsk]" in snip and snip.startswith("…") and snip.endswith("…")
    assert make_snippet("", "x") == ""


def test_search_bounded_and_sentence_hits_marked(seed_db):
    from app.store.search import match_expression

    assert match_expression("a Lavr") == '"a" "Lavr"*'
    with Store.open(seed_db) as store:
        hits = [h for h in store.search("Belarus", limit=200) if h.type == "sentence"]
        assert hits and all("[" in h.snippet for h in hits)
        assert len(store.search("the", limit=500)) <= 500


def test_person_detail_caps_mentions(seed_db):
    with Store.open(seed_db) as store:
        top = store.rows("people", order_by="mentions", descending=True, limit=1)[0]
        full = store.person(top["id"], mention_limit=None)
        assert len(full["mentions"]) == full["mentions_total"] == top["mentions"]
        capped = store.person(top["id"], mention_limit=1)
        assert len(capped["mentions"]) == 1 and capped["mentions_total"] == top["mentions"]
        assert len(store.provenance("person", top["id"], limit=1)) == 1


def test_short_words_inside_a_query_are_whole_words(seed_db):
    from app.store.search import _rank_tokens

    # "of"* would expand to offer, office, official...; the last word is still a prefix
    assert match_expression("memory of the common past") == \
        '"memory"* "of" "the" "common"* "past"*'
    assert match_expression("Days of") == '"Days"* "of"*'
    assert _rank_tokens(["memory", "of", "the", "past"]) == ["memory", "past"]
    assert _rank_tokens(["of", "EU"]) == ["EU"] and _rank_tokens(["EU"]) == ["EU"]
    with Store.open(seed_db) as store:
        hits = store.search("Minister of Foreign Affairs", limit=20)
        assert hits and all("[" in h.snippet or h.type != "sentence" for h in hits)
        # every hit holds every word, the short one included
        sentences = [h for h in hits if h.type == "sentence"]
        assert sentences
        for h in sentences:
            words = re.findall(r"\w+", store.document(h.document_id)["text"][h.start:h.end].lower())
            assert "of" in words and any(w.startswith("affairs") for w in words)


def test_common_words_are_not_ranked_on_and_match_whole():
    from app.store.search import COMMON, _rank_tokens, _terms

    shares = {"Days": 0.01, "Russian": COMMON * 3, "Culture": COMMON / 2}
    assert _rank_tokens(["Days", "of", "Russian", "Culture"], shares) == ["Days", "Culture"]
    # when every word is common, the least common one still ranks
    assert _rank_tokens(["Russian", "Foreign"], {"Russian": 0.2, "Foreign": 0.1}) == ["Foreign"]
    assert _terms(["Days", "of", "Russian", "Cult"], whole={"Russian"}) == \
        '"Days"* "of" "Russian" "Cult"*'


def test_shares_estimate_from_the_newest_rows(seed_db):
    from app.store.search import _PROBE, _shares

    with Store.open(seed_db) as store:
        n = store.conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH "
                               "'\"the\"'").fetchone()[0]
        got = _shares(store.conn, ["the", "zzzz"])
        assert got["zzzz"] == 0.0
        assert (got["the"] > 0) == (n >= _PROBE)


def test_a_frequent_whole_word_inside_a_query_is_not_a_prefix(seed_db, monkeypatch):
    from app.store import search as S

    seen = []
    real = S._terms
    monkeypatch.setattr(S, "_shares", lambda conn, tokens: {"Sergey": 0.01, "Lav": 0.0})
    monkeypatch.setattr(S, "_terms", lambda *a, **k: seen.append(real(*a, **k)) or seen[-1])
    with Store.open(seed_db) as store:
        hits = store.search("Sergey Lav")
    assert '"Sergey" "Lav"*' in seen and not any('"Sergey"*' in e for e in seen)
    assert hits and "lavrov" in (hits[0].label + hits[0].snippet).lower()


def test_a_name_typed_in_full_brings_its_person_or_place_first(seed_db, monkeypatch):
    from app.store import search as S

    # even when the newest matches the search ranks are all other rows
    monkeypatch.setattr(S, "CANDIDATES", {"label : ": 1, "": 1})
    with Store.open(seed_db) as store:
        person = store.rows("people", order_by="mentions", descending=True, limit=1)[0]
        for q in (person["name"], person["name"].lower()):
            hits = store.search(q)
            assert (hits[0].type, hits[0].fact_id) == ("person", person["id"]), q
        place = store.conn.execute("SELECT id, name FROM places ORDER BY id LIMIT 1").fetchone()
        hits = store.search(place[1])
        assert ("place", place[0]) in [(h.type, h.fact_id) for h in hits[:3]]
        assert store.search("no such name anywhere") == []
