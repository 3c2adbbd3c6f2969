"""Normalised keys under which facts from different documents are recognised as the same.

The keys are pure functions of their text and an import asks for the same few thousand names,
places and measures again and again, so each is memoised."""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract import fold, name_key, surname

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "h", "e", "his",
               "her", "excellency"}


def _fallback_person_key(name: str) -> str:
    tokens = re.sub(r"[^\w\s]", " ", fold(name).replace("-", " ")).split()
    out = []
    for tok in tokens:
        if tok in _HONORIFICS:
            continue
        # Transliteration variants of Russian endings: Sergey/Sergei, Dmitry/Dmitri, Yury/Yuri.
        if len(tok) > 3:
            tok = re.sub(r"(ei|ey|ii|iy|yi|yy)$", "i", tok)
            tok = re.sub(r"y$", "i", tok)
        out.append(tok)
    return " ".join(out)


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    try:
        key = name_key(name)
    except Exception:  # a bug there must not stop an import
        key = None
    return key or _fallback_person_key(name)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str | None:
    """Key of the family name (the extractor knows surname-first names such as Wang Yi)."""
    try:
        sur = surname(name)
    except Exception:  # a bug there must not stop an import
        sur = None
    if sur:
        key = person_key(sur)
        return key.split()[-1] if key else None
    parts = person_key(name).split()
    return parts[-1] if parts else None


# British/American spellings and abbreviations that name the same place or body.
_SPELLING = [(re.compile(r"isation"), "ization"), (re.compile(r"\bcentre\b"), "center"),
             (re.compile(r"\bsaint\b"), "st"), (re.compile(r"\bprogramme\b"), "program"),
             (re.compile(r"\band\b"), " "), (re.compile(r"\bof\b"), " ")]


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    text = re.sub(r"[^\w\s]", " ", fold(name).replace("&", " and "))
    text = re.sub(r"^the\s+", "", text.strip())
    for pattern, repl in _SPELLING:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


_MEASURE_FILLER = {"the", "in", "volume", "turnover", "total", "overall", "value", "amount"}


@lru_cache(maxsize=65536)
def measure_key(measure: str | None) -> str:
    """"Bilateral trade turnover" and "the volume of bilateral trade" are one measure."""
    if not measure:
        return ""
    words = [w for w in entity_key(measure).split() if w not in _MEASURE_FILLER]
    return " ".join(words) or entity_key(measure)


@lru_cache(maxsize=65536)
def summary_key(summary: str) -> str:
    return entity_key(summary)[:200]


# Words that say what sort of item or report it is, not which one: two festivals share
# "international festival", two reports of one festival need not share "held" or "will".
_STOP_WORDS = frozenset("""
a about above after again against all also am among an and any are as at be been before being
between both but by can could did do does during each either for from had has have having he
her here his how i if in into is it its itself just last may might more most must my near next
no nor not now of off on once one only or other our out over own same she should since so
some such than that the their them then there these they this those through to too two under
until up upon very was we were what when where which while who whom why will with within
without would year yet you your
""".split())
_GENRE_WORDS = frozenset("""
festival day week month season culture cultural international annual traditional event
anniversary jubilee
celebration ceremony programme program opening open opened held hold holding take took taken
place places host hosted hosting organise organised organize organized attend attended
participant participate participated part guest visitor begin began start started end ended
new first second third main grand large big official solemn special joint national
""".split())


def _stem(word: str) -> str:
    """A light English plural and possessive fold: "crafts" and "craft", "cities" and
    "city" are one key word; adjectives stay apart from their nouns (Belarusian is not
    Belarus: "Days of Belarusian culture in Russia" is another item than the reverse)."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[:-2].endswith(("s", "x", "ch", "sh")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def key_words(text: str | None) -> frozenset[str]:
    """The words that say which item a text is about: its content words, case, accents and
    plurals folded, without stop words and the genre's generic words (festival, held...)."""
    out = set()
    for word in re.findall(r"\w+", fold(text or "")):
        word = _stem(word)
        if len(word) < 2 or word in _STOP_WORDS or word in _GENRE_WORDS:
            continue
        out.add(word)
    return frozenset(out)


def restates(a: frozenset[str], b: frozenset[str], close: bool = False) -> float:
    """How surely two reports name one item (0: not the same), from their key words: the
    overlap coefficient |A & B| / min(|A|, |B|), so a short restatement of a longer one
    counts in full. It must be at least 1/2, with at least two words in common (one when the
    shorter has one word, or when `close`: the same day and place are already known)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    small = min(len(a), len(b))
    if shared < (1 if close else min(2, small)):
        return 0.0
    score = shared / small
    return score if score >= 0.5 else 0.0
