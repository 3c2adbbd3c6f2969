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


def test_marks_are_spans_of_plain_text_accent_blind():
    from app.store.search_text import excerpt, mark_words, render_marked

    text = "Foreign Minister Sergey Lavrov met President Aleksandar Vučić in Belgrade today."
    marks = mark_words(text, ["vucic"])
    assert [text[a:b] for a, b in marks] == ["Vučić"]
    assert [text[a:b] for a, b in mark_words(text, ["LAVR"])] == ["Lavrov"]
    # a short word inside a query is a whole word, as in the MATCH expression
    assert [text[a:b] for a, b in mark_words(text, ["in", "Belg"])] == ["in", "Belgrade"]
    assert mark_words("the interlocutors", ["in", "x"]) == []
    assert render_marked(text, mark_words(text, ["lavr"]), "<b>", "</b>").count("<b>Lavrov</b>") == 1
    # an excerpt around the first match, line breaks folded, marks moved with it
    long = " ".join(f"w{i}" for i in range(100)) + "\n Minsk " + " ".join("xxx" for _ in range(50))
    cut, spans = excerpt(long, ["minsk"], words=14)
    assert cut.startswith("…") and cut.endswith("…") and len(cut.split()) == 14
    assert [cut[a:b] for a, b in spans] == ["Minsk"]
    assert excerpt("On June 24,\n Sergey Lavrov", ["lavrov"]) == ("On June 24, Sergey Lavrov", [[19, 25]])
    assert excerpt("", ["x"]) == ("", [])


def _line_parts(hit):
    words = {hit.label[a:b].lower() for a, b in hit.label_marks}
    return words | {hit.snippet[a:b].lower() for a, b in hit.snippet_marks}


def test_hits_read_as_one_line_with_marked_words_and_no_brackets(seed_db):
    """What each hit is, its label and its date, the matched words given as spans of plain
    text (never "[Lavrov]" brackets), and nothing shown twice."""
    from app.store.search_text import hit_line

    with Store.open(seed_db) as store:
        hits = store.search("Lavrov", limit=60)
        assert {h.type for h in hits} >= {"person", "event", "sentence"}
        for h in hits:
            assert "[" not in h.label + h.snippet, h
            assert "lavrov" in _line_parts(h), h   # the matched word is marked
            assert h.what.split(" (")[0] in {"person", "meeting", "figure", "culture", "place",
                                             "organisation", "release", "sentence"}
            line = hit_line(h)
            assert "\n" not in line and "[" not in line
            # nothing repeated: the snippet is not the label again
            assert h.snippet != h.label
            if h.type == "sentence":
                # its own words (an excerpt), with its release's title and date beside them
                doc = store.document(h.document_id)
                assert h.source == doc["title"] and h.date == doc["date"]
                assert h.label.strip("…") in " ".join(doc["text"].split())
                assert h.snippet == ""
        person = next(h for h in hits if h.type == "person")
        assert person.label == "Sergey Lavrov" and person.date
        assert "Minister" in person.snippet   # the post says who it is
        event = next(h for h in hits if h.type == "event")
        assert event.date and event.date[:4] == "2024" and event.what.startswith("meeting")
        marked = hit_line(person, "<b>", "</b>")
        assert "Sergey <b>Lavrov</b>" in marked and person.date in marked


def test_snippet_says_why_a_hit_matched_outside_its_label(seed_db):
    with Store.open(seed_db) as store:
        # a meeting found by a participant its summary does not name: the people are shown
        for h in store.search("Aleinik", limit=60):
            if h.type == "event" and "aleinik" not in h.label.lower():
                assert "aleinik" in _line_parts(h)
                assert "Aleinik" in h.snippet
        # a figure's label is its number: the measure says what it is
        figures = [h for h in store.search("billion", limit=60) if h.type == "figure"]
        assert figures and all(h.snippet and h.date for h in figures)


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
        assert hits and all(h.label_marks or h.type != "sentence" for h in hits)
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


def seen_expressions(monkeypatch, shares: dict) -> list[str]:
    """The MATCH expressions search builds from here on, with the words' shares given."""
    from app.store import search as S

    seen = []
    real = S._terms
    monkeypatch.setattr(S, "_shares", lambda conn, tokens: shares)
    monkeypatch.setattr(S, "_terms", lambda *a, **k: seen.append(real(*a, **k)) or seen[-1])
    return seen


def test_a_frequent_whole_word_inside_a_query_is_not_a_prefix(seed_db, monkeypatch):
    seen = seen_expressions(monkeypatch, {"Sergey": 0.01, "Lav": 0.0})
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
