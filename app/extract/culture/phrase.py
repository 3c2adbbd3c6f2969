"""The phrase that names an item around its marker ("the Days of Belarusian Culture in
Russia", "a concert dedicated to the 80th anniversary of ..."), and a sentence's items."""

from __future__ import annotations

import re

from ..model import Span
from ..time.periods import MONTHS
from .terms import Mark, Plan, Term, list_items, marks_in

_WINDOW = 400  # characters of a sentence read around a marker


STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or",
    "is", "are", "was", "were", "will", "be", "been", "being", "has", "have", "had", "this",
    "that", "these", "those", "its", "their", "our", "his", "her", "which", "who", "where",
    "when", "as", "also", "often", "annually", "regularly", "traditionally", "such", "both",
    "all", "every", "each", "it", "they", "we", "he", "she", "not", "but", "than", "then",
    "there", "here", "during", "after", "before", "since", "until", "while", "about", "into",
    "over", "under", "through", "including", "amid", "among", "between", "would", "should",
    "can", "could", "may", "might", "must", "do", "does", "did", "so", "very", "now", "today",
    "up", "out",
}


_DEDICATED = {"dedicated", "devoted", "timed"}


_LINK = {"of", "for", "on", "in", "at", "to", "about", "from", "between", "with", "near"}


_DETS = {"the", "its", "their", "a", "an", "our", "his", "her"}


_VERB_END = re.compile(r"^(?:will|is|are|was|were|be|been|has|have|had|would|should|can|"
                       r"could|may|might|must|do|does|did|shall)$")


_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|[\w’'-]+|“[^”]{1,80}”|\"[^\"]{1,80}\"|[^\w\s]")


def _words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, s, e)]


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


_YEARS = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?")


def _is_cap(w: str) -> bool:
    return (w[:1].isupper() or w[:1] in "“\"" or bool(_ORDINAL.fullmatch(w))
            or bool(_YEARS.fullmatch(w)))


def _content(w: str) -> bool:
    lw = w.lower()
    return (w[:1].isalpha() and lw not in STOP and not (len(lw) > 4 and lw.endswith("ed")))


def _plural(w: str) -> bool:
    lw = w.lower()
    return w.islower() and len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us"))


def phrase_around(text: str, s: int, e: int, mark: Mark) -> Span:
    """The noun phrase around a marker: capitalised or content words before it, and
    "of/for/at ... the X" complements after it."""
    toks = _words(text, max(s, mark.start - _WINDOW), min(e, mark.end + _WINDOW))
    if not toks:
        return mark.start, mark.end
    first = next((i for i, t in enumerate(toks) if t[1] > mark.start), len(toks) - 1)
    last = max((i for i, t in enumerate(toks) if t[0] < mark.end), default=first)
    a = _left_edge(toks, first, mark)
    b = _right_edge(toks, last)
    return toks[a][0], toks[b - 1][1]


def _left_edge(toks: list[tuple[int, int, str]], first: int, mark: Mark) -> int:
    """The first word of the phrase: capitalised words, or up to three content words."""
    a = first
    n_lower = 0
    # "laid a wreath": the marker starts at the verb; who laid it is not part of the item.
    while a > 0 and mark.kind not in {"wreath", "flowers"}:
        w = toks[a - 1][2]
        if w.lower() == "and" and a >= 2 and _content(toks[a - 2][2]) and n_lower < 3:
            a -= 1
            continue
        if _is_cap(w) and w.lower() not in STOP:
            a -= 1
            continue
        if mark.kind not in {"wreath", "flowers"} and _content(w) and w.islower() and n_lower < 3:
            n_lower += 1
            a -= 1
            continue
        break
    return a


def _right_edge(toks: list[tuple[int, int, str]], last: int) -> int:
    """One past the phrase's last word: complements and capitalised continuations."""
    b = last + 1
    count = 0
    while b < len(toks) and count < 14:
        w = toks[b][2]
        lw = w.lower()
        if lw in _DEDICATED and b + 1 < len(toks) and toks[b + 1][2].lower() == "to":
            b += 1  # "a concert dedicated to the 80th anniversary": read on past "to"
            count += 1
            w, lw = toks[b][2], "to"
        if lw in _LINK:
            k = b + 1
            while k < len(toks) and toks[k][2].lower() in _DETS:
                k += 1
            if k < len(toks) and (_content(toks[k][2]) or _is_cap(toks[k][2])) \
                    and toks[k][2].lower() not in MONTHS:
                count += k + 1 - b
                b = k + 1
                continue
            break
        if w[:1].isupper() and lw in STOP and b == last + 1 and b + 1 < len(toks) \
                and (_is_cap(toks[b + 1][2]) or toks[b + 1][2].lower() in _DETS):
            b += 1  # a title right after its marker: "the exhibition Through the Eyes of ..."
            while b + 1 < len(toks) and toks[b][2].lower() in _DETS and _is_cap(toks[b + 1][2]):
                b += 1
            continue
        if lw == "and" and b > last + 1 and b + 1 < len(toks) and _content(toks[b + 1][2]) \
                and toks[b + 1][2].islower() and _content(toks[b - 1][2]) \
                and (b + 2 >= len(toks) or not toks[b + 2][2][:1].isalnum()):
            b += 2  # "for promoting literature and art," closes the complement
            continue
        if lw == "and" and b + 1 < len(toks) and _is_cap(toks[b + 1][2]) \
                and toks[b + 1][2].lower() not in MONTHS:
            b += 2
            continue
        if _is_cap(w) and lw not in STOP and lw not in MONTHS:
            b += 1
            count += 1
            continue
        prev = toks[b - 1][2]
        # Lower-case words continue a complement ("of Russian feature films") until its noun:
        # a plural ends the run, since a word after it is likely the verb ("margins contribute").
        if _content(w) and w.islower() and b > last + 1 and prev.lower() != "and" \
                and not _VERB_END.match(lw) and not _plural(prev):
            b += 1
            count += 1
            continue
        break
    return b


def item_summary(text: str, span: Span, mark: Mark) -> str:
    s = " ".join(text[span[0]:span[1]].split())
    s = s.strip(" ,.;:–-")
    s = re.sub(r"^(?:the|a|an|its|their|our|On|In)\s+", "", s, flags=re.I)
    if mark.kind == "wreath":
        s = re.sub(r"^(?:\w+\s+)?(?:a\s+)?wreaths?\b", "Wreath-laying", s, flags=re.I)
    elif mark.kind == "flowers":
        s = re.sub(r"^(?:\w+\s+)?flowers\b", "Flower-laying", s, flags=re.I)
    return s[:1].upper() + s[1:]


_VERBISH_GAP = re.compile(r"\b(?:will|is|are|was|were|be|been|has|have|had|which|who|where|"
                          r"that|to\s+\w+|began|took|held|gave|saw|won|\w{3,}ed)\b|[;:]",
                          re.I)


def sentence_items(text: str, s: int, e: int, terms: tuple[Term, ...],
                    plan: Plan | None = None) -> list[tuple[int, int, Mark]]:
    marks = marks_in(text, s, e, terms, plan)
    if not marks:
        return []
    lists = list_items(text, s, e, marks)
    if lists:
        return lists
    first = marks[0]
    a, b = phrase_around(text, s, e, first)
    # Markers listed together ("Days of culture, tours ..., theatre and music festivals")
    # make one item spanning them, as long as no verb or clause break stands between.
    for m in marks[1:]:
        if m.start - a > 160:
            break
        c, d = phrase_around(text, s, e, m)
        if c < b:
            b = max(b, d)
            continue
        gap = text[b:c]
        if _VERBISH_GAP.search(gap) or c - a > 160:
            break
        b = d
    return [(a, b, first)]
