"""Normalised keys under which facts from different documents are recognised as the same.

The keys are pure functions of their text and an import asks for the same few thousand names,
places and measures again and again, so each is memoised."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "mister", "h", "e", "his",
               "her", "excellency"}


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


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
        from app.extract.names import name_key
    except ImportError:
        return _fallback_person_key(name)
    try:
        key = name_key(name)
    except Exception:  # a bug there must not stop an import
        key = None
    return key or _fallback_person_key(name)


@lru_cache(maxsize=65536)
def surname_key(name: str) -> str | None:
    """Key of the family name (the extractor knows surname-first names such as Wang Yi)."""
    try:
        from app.extract.names import surname
    except ImportError:
        parts = person_key(name).split()
        return parts[-1] if parts else None
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
