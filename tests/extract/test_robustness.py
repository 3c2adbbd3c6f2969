"""The extractor on random and hostile text never raises, and every fact points at real text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring import CORPUS, gold_text

from app.extract import extract
from app.extract.model import Extraction

SEED = gold_text("seed")

_GENRE_WORDS = [
    "Foreign Minister", "Sergey", "Lavrov", "President", "of the Republic of", "Belarus",
    "Minsk", "On June 24-25,", "in 2023", "$46.5 billion", "7 billion Russian roubles",
    "57.4 percent", "nine meetings", "more than", "about", "the Union State", "Festival",
    "80th anniversary", "wreath", "“", "”", "\"", "(", ")", "–", "-", ".", ",", ";", "\n",
    "\n\n", "  ", "1184-24-06-2024", "09:51", "%", "€", "₽", "Mr", "St", "bn", "times",
    "Q1", "first quarter of", "January-April 2024", "last year", "ranked fourth",
]


def _spans(x: Extraction) -> list[tuple[str, tuple[int, int]]]:
    out: list[tuple[str, tuple[int, int]]] = []
    for p in x.people:
        out += [("person " + p.name, tuple(m)) for m in p.mentions]
    for o in x.organizations:
        out += [("org " + o.name, tuple(m)) for m in o.mentions]
    for pl in x.places:
        out += [("place " + pl.name, tuple(m)) for m in pl.mentions]
    out += [("event " + e.summary, tuple(e.span)) for e in x.events]
    out += [("quantity " + q.text, tuple(q.span)) for q in x.quantities]
    out += [("culture " + c.summary, tuple(c.span)) for c in x.culture]
    out += [("sentence", tuple(s)) for s in x.sentences]
    return out


def _check_spans(text: str, x: Extraction) -> None:
    n = len(text)
    for what, (s, e) in _spans(x):
        assert isinstance(s, int) and isinstance(e, int), what
        assert 0 <= s < e <= n, (what, s, e, n)
    for q in x.quantities:
        assert text[q.span[0]:q.span[1]] == q.text, q
    x.to_json()  # the contract serialises whatever came out


def _hostile_text() -> st.SearchStrategy[str]:
    genre = st.lists(st.sampled_from(_GENRE_WORDS), max_size=40).map(" ".join)
    digits = st.text(alphabet="0123456789.,-–/%$ ", max_size=200)
    quotes = st.text(alphabet="\"“”‘’'()[]«» .,Aa", max_size=200)
    controls = st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200)
    anyuni = st.text(max_size=300)
    long_token = st.integers(1, 5000).map(lambda k: "A" * k + " 5 " + "9" * min(k, 400))
    whitespace = st.integers(0, 20000).map(lambda k: " \n\t" * k)
    sliced = st.tuples(st.integers(0, len(SEED)), st.integers(0, 2000)).map(
        lambda t: SEED[t[0]:t[0] + t[1]])
    inserted = st.tuples(st.integers(0, len(SEED)), anyuni | genre | digits).map(
        lambda t: SEED[:t[0]] + t[1] + SEED[t[0]:])
    return st.one_of(st.just(""), genre, digits, quotes, controls, anyuni, long_token,
                     whitespace, sliced, inserted)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_hostile_text())
def test_hostile_text_never_raises_and_spans_stay_valid(text):
    x = extract(text)
    _check_spans(text, x)


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "\x00\x01\x02", "\ufeff09:51\n\nTitle\n\n1184-24-06-2024\n\n",
    "$", "$$$ billion", "percent %", "1" * 10000, "9" * 400 + " billion roubles",
    "“unbalanced quote and (bracket", "On June 31-32, 2024 trade reached $-5 billion.",
    "Trade reached $1e309 billion.", "In the first quarter of 9999, trade was 5 percent.",
    "\u202e\u200b\u00a0Lavrov\u00a0met\u00a0Aleinik\u2028in\u2029Minsk.",
    "about about about more than over some nearly 5",
])
def test_edge_cases(text):
    _check_spans(text, extract(text))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"\w+", _fold(s)) if len(t) > 1}


def _place_aliases() -> dict[str, set[str]]:
    from app.extract.gazetteer import default_gazetteers

    out: dict[str, set[str]] = {}
    for row in default_gazetteers().rows("places"):
        out[row["name"]] = {_fold(a).removeprefix("the ") for a in (row.get("aliases") or "").split("|") if a}
    return out


@pytest.mark.parametrize("name", ["seed", *CORPUS])
def test_fact_spans_hold_their_surface_words(name):
    text = gold_text(name)
    x = extract(text)
    _check_spans(text, x)
    for p in x.people:
        names = _tokens(p.name) | {t for a in p.aliases for t in _tokens(a)}
        for s, e in p.mentions:
            assert _tokens(text[s:e]) & names, (p.name, text[s:e])
    for ent in [*x.organizations, *x.places]:
        # An entity mention shares a word stem with its name ("Russian" -> Russia), or is one
        # of the other names the gazetteer gives it ("the Russian capital" -> Moscow).
        stems = {t[:4] for t in _tokens(ent.name)}
        aliases = _place_aliases().get(ent.name, set())
        for s, e in ent.mentions:
            assert {t[:4] for t in _tokens(text[s:e])} & stems or \
                _fold(text[s:e]).removeprefix("the ") in aliases, (ent.name, text[s:e])
    for q in x.quantities:
        assert re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve|hundred|dozen|\w+teen|\w+ty)", q.text, re.I), q
    for c in x.culture:
        assert text[c.span[0]:c.span[1]].strip(), c
