"""Every figure's label is a noun phrase: on the seed, the corpus (tests/data/corpus and
../shared/corpus) and the held-out releases, no label is a piece of a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scoring import DATA

from app.extract import extract
from app.extract.figures.figure_kind import MEASURE_KINDS, STATUSES
from app.extract.figures.labels import noun_phrase
from app.store.readers import read_path

_ROOT = DATA.parent.parent
_SHARED = _ROOT.parent / "shared" / "corpus"

# Words a noun phrase of this genre never holds: finite verbs of reporting and being,
# complementisers and pronouns (they open a clause).
_CLAUSE_WORDS = {
    "noted", "said", "agreed", "stressed", "added", "recalled", "emphasised", "emphasized",
    "drew", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "should", "that", "which", "who", "he", "she", "they", "we", "it", "operate", "operates",
    "passes", "amounted", "totalled", "totaled", "reached", "exceeded", "grew", "rose", "fell",
    "maintain", "maintains", "today",
}
# Words a noun phrase does not end with.
_DANGLING = {
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "but", "the", "a",
    "an", "its", "their", "our", "this", "these", "those", "between", "than", "as", "over",
}
# Words a measure does not open with: "year the parties", "of trade".
_BAD_FIRST = _DANGLING - {"over"} | {"year", "years", "month", "week", "day", "that"}
_AMOUNT_FIRST = re.compile(r"^(?:\d|more\s+than\b|over\b|about\b|some\b|nearly\b|almost\b|"
                           r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.I)
_ARTICLE_ADJ_END = re.compile(r"\b(?:the|a|an)\s+\w+(?:ic|al|ive|ary|ous)$", re.I)


def label_problem(label: str) -> str | None:
    """Why a label is not a noun phrase, or None when it is one."""
    words = label.split()
    low = [w.lower().strip(".,;:") for w in words]
    if not words:
        return "empty"
    if len(words) > 12:
        return "too long for a label"
    if bad := set(low) & _CLAUSE_WORDS:
        return f"holds a clause word: {sorted(bad)}"
    if low[-1] in _DANGLING:
        return f"ends with {low[-1]!r}"
    if low[0] in _BAD_FIRST:
        return f"opens with {low[0]!r}"
    if _AMOUNT_FIRST.match(label):
        return "opens with an amount"
    if _ARTICLE_ADJ_END.search(label):
        return "ends with an article and an adjective"
    return None


@pytest.mark.parametrize("label", [
    "year the parties", "previous target of", "President noted that trade with the republic",
    "tasks in the macroeconomic", "satisfaction that mutual trade", "grant of",
    "He drew attention to the appeal", "more than 9 million people",
    "companies with Russian capital now operate in Uzbekistan", "five meetings",
    "regions of Russia maintain direct ties with Brazilian partners",
])
def test_the_rule_rejects_sentence_fragments(label):
    assert label_problem(label) is not None
    cleaned = noun_phrase(label)
    assert cleaned is None or label_problem(cleaned) is None, cleaned


@pytest.mark.parametrize("label", [
    "bilateral trade", "growth of bilateral trade over 2022", "Russia's share of Belarus's "
    "foreign trade", "share of national currencies in settlements", "companies with Russian "
    "capital", "delegations from the Russian regions", "Union State budget", "tasks",
])
def test_the_rule_accepts_noun_phrases(label):
    assert label_problem(label) is None
    assert noun_phrase(label) == label


def _sources() -> list[Path]:
    paths = [_ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"]
    for folder in (DATA / "corpus", DATA / "heldout", _SHARED):
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".html"})
    return paths


@pytest.mark.parametrize("path", _sources(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_label_is_a_noun_phrase(path):
    read = read_path(path)
    for q in extract(read.text, meta=read.meta).quantities:
        assert q.measure_kind in MEASURE_KINDS, q
        assert q.status in STATUSES, q
        assert q.partners == sorted(q.partners) and len(q.partners) in (0, 2), q
        assert q.direction is None or q.measure_kind in {"exports", "imports"}, q
        if q.measure is not None:
            assert label_problem(q.measure) is None, (q.text, q.measure,
                                                      label_problem(q.measure))


@pytest.mark.parametrize("label, cleaned", [
    ("ten-year contract", "ten-year contract"),
    ("About 75,000 Venezuelan students", "Venezuelan students"),
    ("intergovernmental agreements on the peaceful use of nuclear energy",
     "intergovernmental agreements on the peaceful use of nuclear energy"),
    ("participants in Alexandria on June", "participants in Alexandria"),
    ("regions of Russia maintain direct ties with Chilean partners", "regions of Russia"),
])
def test_noun_phrase_keeps_the_phrase_and_drops_the_rest(label, cleaned):
    assert noun_phrase(label) == cleaned
