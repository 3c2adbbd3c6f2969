"""The extractor's speed-ups change no result: each cheaper form is checked against the plain
one it stands for, on the test texts and on made-up sentences aimed at the edges."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.extract.document import notes
from app.extract.figures import measures
from app.extract.gates import holds_any
from app.extract.time import date_patterns

DATA = Path(__file__).resolve().parent.parent / "data"

# Sentences written for this test: dates in every form the patterns read, at the start and end.
_MADE_UP = [
    "On 25.06.2024 the fund paid 1.5.2024 and 3.4.1999 dues; 2024-06-25 too, 1999-12-31.",
    "In 2023-2025 and since 2019, by 2030 until 2031, During 2020 After 2021 Until 2022 By 2023.",
    "in March, for May, Since June, until July, by August, from September, of October.",
    "until June 28, till 3 July, through May 5, up to 9 June 2024.",
    "Last December, next March, This January, previous May, Coming June were named.",
    "last week, Next month, this year, The past week, coming month.",
    "25.06.2024", "2024-06-25", "in 2023", "Until 2022", "ſince 2019 and İn 2020",
    "Before 2020, After 2021, Since 2019, From 2018, For 2017, In 2016, By 2015, During 2013,",
    "before March after April through May till June of July during August From September.",
]


def _texts() -> list[str]:
    out = list(_MADE_UP)
    for d in ("corpus", "heldout", "layouts"):
        out += [p.read_text(encoding="utf-8") for p in sorted((DATA / d).glob("*.txt"))]
    return out


def test_date_patterns_behind_first_letter_lookaheads_match_the_same():
    """_BY_NAME puts a lookahead on the letters a pattern can open with in front of it: the
    matches must be those of the pattern alone."""
    plain = dict(date_patterns._PATTERNS)
    gated = [n for n in plain if date_patterns._BY_NAME[n] is not plain[n]]
    assert {"numeric", "iso", "years", "m", "until", "rel_m", "rel_span"} <= set(gated)
    for text in _texts():
        for name in gated:
            want = [m.span() for m in plain[name].finditer(text)]
            got = [m.span() for m in date_patterns._BY_NAME[name].finditer(text)]
            assert got == want, (name, text[:80])


@pytest.mark.parametrize("text", [
    "Plain English text, the usual case, with the and of." * 20,
    "Сергей Лавров провёл переговоры с министром в Москве. " * 20,
    "Ça va très bien: l'été à Genève, où il fait beau. " * 20,
    "Lavrov – “talks” in Yerevan… ½ ² € 100 " * 20,
    "中文文本" * 50 + " some English words here and there",
    "x",
])
def test_language_note_counts_as_the_regex_did(text):
    """The letter counts over bytes give the note the regex counts gave."""
    sample = text[:20000]
    latin = len(re.findall(r"[A-Za-z]", sample))
    others = len(re.findall(r"[^\x00-\x7f]", sample))
    ascii_part = sample.encode("ascii", "ignore")
    assert len(ascii_part) - len(ascii_part.translate(None, notes._ASCII_LETTERS)) == latin
    assert len(sample) - len(ascii_part) == others
    english = re.compile(r"\b(?:" + "|".join(sorted(notes._ENGLISH)) + r")\b", re.I)
    assert notes._ENGLISH_WORD.findall(text) == english.findall(text)


def test_themes_kept_per_text_cannot_be_changed_by_a_caller():
    """themes() is cached: what it returns is shared, so it must be immutable."""
    got = measures.themes("bilateral trade turnover grew")
    assert isinstance(got, frozenset)
    assert measures.themes("bilateral trade turnover grew") is got
    assert got == measures.themes.__wrapped__("bilateral trade turnover grew")


def test_holds_any():
    assert holds_any("the talks were held", ("meet", "talks"))
    assert not holds_any("the talks were held", ("meet", "visit"))
    assert not holds_any("", ("a",))
