"""Extraction quality against the gold files, with the scorer of shared/README.md."""

from __future__ import annotations

import pytest
from scoring import CORPUS, date_right, extract_gold, fold, gold_text, load_gold, score_all

from app.extract import extract

_TITLE_SYNONYMS = {"minister of foreign affairs": "foreign minister"}


def _title(t: str | None) -> str:
    t = fold(t)
    return _TITLE_SYNONYMS.get(t, t)


@pytest.fixture(scope="module")
def seed_scores():
    pred = extract(gold_text("seed")).to_json()
    return pred, score_all(pred, load_gold("seed"))


def test_seed_document_header():
    doc = extract(gold_text("seed")).document
    gold = load_gold("seed")["document"]
    assert (doc.title, doc.date, doc.ref) == (gold["title"], gold["date"], gold["ref"])


def test_seed_people_all_found_with_post_and_country(seed_scores):
    pred, scores = seed_scores
    assert scores["people"].f1 == 1.0, scores["people"]
    by_name = {fold(p["name"]): p for p in pred["people"]}
    for g in load_gold("seed")["people"]:
        p = by_name[fold(g["name"])]
        assert _title(p["title"]) == _title(g["title"]), (g["name"], p["title"])
        assert p["country"] == g["country"], (g["name"], p["country"])


def test_seed_required_events(seed_scores):
    _, scores = seed_scores
    ev = scores["events"]
    assert ev.precision >= 0.9 and ev.recall >= 0.9, (ev, ev.missed, ev.extra)


def test_seed_quantities(seed_scores):
    _, scores = seed_scores
    q = scores["quantities"]
    assert q.precision >= 0.95 and q.recall >= 0.95, (q, q.missed, q.extra)


# Every document of the corpus is held to F1 >= 0.9 on people, events and figures.
_GAPS: dict[tuple[str, str], float] = {}


@pytest.fixture(scope="module")
def corpus_preds():
    return {name: extract_gold(name).to_json() for name in CORPUS}


@pytest.mark.parametrize("name", CORPUS)
@pytest.mark.parametrize("kind", ["people", "events", "quantities"])
def test_corpus_document_f1(corpus_preds, name, kind):
    s = score_all(corpus_preds[name], load_gold(name))[kind]
    assert s.f1 >= _GAPS.get((name, kind), 0.9), (name, kind, str(s), s.missed, s.extra)


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_publication_date(corpus_preds, name):
    assert date_right(corpus_preds[name], load_gold(name)), corpus_preds[name]["document"]


@pytest.mark.parametrize("name", ["seed", *CORPUS])
def test_header_read_from_text(name):
    doc = extract_gold(name).document
    gold = load_gold(name)["document"]
    assert (doc.title, doc.date, doc.ref) == (gold["title"], gold["date"], gold["ref"])
    if "place" in gold:
        assert doc.place == gold["place"] or (gold["place"] is None and doc.place is None)
