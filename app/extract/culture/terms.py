"""The words that mark a cultural item (resources/gazetteers/culture_terms.tsv), found in a
sentence: each term tested only where the release holds one of its hint letters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..fold import fold_case
from ..gazetteer import Gazetteers
from ..model import Span


@dataclass(frozen=True)
class Term:
    rx: re.Pattern
    kind: str
    hints: tuple[str, ...]  # lower-case letters, one of which every match contains (() when unknown)


@lru_cache(maxsize=4)
def _compile(rows: tuple[tuple[str, str, str], ...]) -> tuple[Term, ...]:
    out = []
    for pattern, kind, hint in rows:
        flags = re.I
        if pattern.startswith("(?-i)"):
            pattern, flags = pattern[5:], 0
        try:
            out.append(Term(re.compile(rf"(?<![\w-])(?:{pattern})", flags), kind or "other",
                             tuple(h for h in hint.strip().lower().split("|") if h)))
        except re.error:
            continue  # a user's broken line must not stop extraction
    return tuple(out)


def terms_of(gaz: Gazetteers) -> tuple[Term, ...]:
    return _compile(tuple((r.get("pattern", ""), r.get("kind", ""), r.get("hint", ""))
                          for r in gaz.rows("culture_terms") if r.get("pattern")))


@dataclass
class Mark:
    start: int
    end: int
    kind: str


# For one release: (hint, indexes of the terms it is a hint of) for the hints the release
# holds, and the indexes of the terms without hints.
Plan = tuple[list[tuple[str, tuple[int, ...]]], tuple[int, ...]]


def plan_for(terms: tuple[Term, ...], text: str) -> Plan:
    """Which hints a sentence of text needs testing for: a hint the whole release lacks is in
    none of its sentences (each sentence's fold_case() is a piece of the release's), and each
    hint is tested once however many terms share it."""
    low = fold_case(text)
    by_hint: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        for h in t.hints:
            by_hint.setdefault(h, []).append(i)
    present = [(h, tuple(ix)) for h, ix in by_hint.items() if h in low]
    return present, tuple(i for i, t in enumerate(terms) if not t.hints)


def marks_in(text: str, s: int, e: int, terms: tuple[Term, ...],
           plan: Plan | None = None) -> list[Mark]:
    found: list[Mark] = []
    low = fold_case(text[s:e])
    if plan is None:
        plan = plan_for(terms, text[s:e])
    hinted, unhinted = plan
    active = set(unhinted)
    for h, ix in hinted:  # (a loop, not any(): this runs for every sentence)
        if h in low:
            active.update(ix)
    for i in sorted(active):  # in the terms' order, as before
        t = terms[i]
        for m in t.rx.finditer(text, s, e):
            if m.end() > m.start() and text[m.start():m.end()].strip():
                found.append(Mark(m.start(), m.end(), t.kind))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mark] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def list_items(text: str, s: int, e: int, marks: list[Mark]) -> list:
    """ "projects ..., such as repairs ... of the Brest Fortress, creation of a sculpture ...":
    one item per marked entry of the list, the entry's own words as its phrase."""
    lm = re.search(r"\bsuch\s+as\b", text[s:e])
    if not lm:
        return []
    ls = s + lm.end()
    in_list = [m for m in marks if m.start >= ls]
    if len(in_list) < 2:
        return []
    entries: list[Span] = []
    pos = ls
    for m in re.finditer(r",\s+(?=\w)|$", text[ls:e]):
        end = ls + m.start()
        if end > pos:
            entries.append((pos, end))
        pos = ls + m.end()
    out = []
    pending: int | None = None
    for a, b in entries:
        marked = [m for m in in_list if a <= m.start < b]
        if not marked:
            pending = a if pending is None else pending
            continue
        start = pending if pending is not None else a
        while start < b and text[start].isspace():
            start += 1
        out.append((start, b, marked[0]))
        pending = None
    return out if len(out) >= 2 else []
