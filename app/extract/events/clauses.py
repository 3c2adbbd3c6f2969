"""Clauses of one sentence, and which of them belong to which date.

A sentence is cut at commas, semicolons, colons, brackets and spaced dashes (never inside a
date or a person's name). Each date bundle owns the clause it stands in (or its whole
bracket); the undated clauses next to it are its left and right neighbours. A date that
opens the sentence ("On June 22, ...") frames the whole sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Span
from ..time.resolve import DateExpr


@dataclass
class Bundle:
    """Dates that share one clause: each inner list is one event date (a start and maybe an
    "until" end); several inner lists are dates joined by "and" ("April 11 and May 8")."""

    groups: list[list[DateExpr]]

    @property
    def start(self) -> int:
        return self.groups[0][0].span[0]

    @property
    def end(self) -> int:
        return self.groups[-1][-1].span[1]


@dataclass
class Region:
    own: Span
    left: list[Span] = field(default_factory=list)  # nearest first
    right: list[Span] = field(default_factory=list)  # nearest first
    rest: list[Span] = field(default_factory=list)
    frame: bool = False


_DELIM = re.compile(r"[,;:()]|\s[–—]\s|\s-\s")
_SPLIT_WORDS = re.compile(r"(?=[aw;])(?:\band\b|\bas\s+well\s+as\b|\bwhile\b|\bwhereas\b|;)")
_FUNCTION_NEXT = re.compile(r"\s+(?:the|on|in|at|to|a|an|also|then|later|with|during|from)\b")
_FRAME_LEAD = re.compile(r"\W*(?:(?:On|From|In|By|Since|Until|Between|As\s+of|Starting)\s+)?"
                         r"(?:the\s+)?$")


def split_clauses(text: str, s: int, e: int, protected: list[Span]) -> list[Span]:
    guard = sorted(protected)
    starts = [g[0] for g in guard]
    reach, m_end = [], -1
    for g in guard:
        m_end = max(m_end, g[1])
        reach.append(m_end)
    cuts = [s]
    for m in _DELIM.finditer(text, s, e):
        p = m.start()
        k = bisect_left(starts, p + 1)  # spans starting at or before p
        if k and reach[k - 1] > p:
            continue
        if text[p] == "," and 0 < p < len(text) - 1 and text[p - 1].isdigit() and text[p + 1].isdigit():
            continue  # 3,600
        cuts.extend([m.start(), m.end()])
    cuts.append(e)
    out = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=True):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1] in " .":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _parens(text: str, s: int, e: int) -> list[Span]:
    out, stack = [], []
    for i in range(s, e):
        if text[i] == "(":
            stack.append(i)
        elif text[i] == ")" and stack:
            out.append((stack.pop(), i + 1))
    return out


def clause_regions(text: str, s: int, e: int, bundles: list[Bundle],
                   protected: list[Span]) -> list[Region]:
    clauses = split_clauses(text, s, e, protected)
    parens = _parens(text, s, e)
    owns: list[Span] = []
    for b in bundles:
        par = [p for p in parens if p[0] < b.start and b.end <= p[1]]
        if par:
            ps, pe = min(par, key=lambda p: p[1] - p[0])
            owns.append((ps + 1, pe - 1))
            continue
        cs = [c for c in clauses if c[0] < b.end and b.start < c[1]]
        owns.append((min(c[0] for c in cs), max(c[1] for c in cs)) if cs else (b.start, b.end))
    # Bundles in the same clause split it at the last "and" between them.
    for i in range(1, len(bundles)):
        a, b = owns[i - 1], owns[i]
        if a == b:
            gap_s, gap_e = bundles[i - 1].end, bundles[i].start
            cut = None
            for m in _SPLIT_WORDS.finditer(text, gap_s, gap_e):
                cut = m.start()
            # Prefer an "and" that opens a new phrase ("and on", "and the") over one inside a
            # name ("Scientific and Technical Cooperation").
            for m in _SPLIT_WORDS.finditer(text, gap_s, gap_e):
                if _FUNCTION_NEXT.match(text, m.end()):
                    cut = m.start()
            cut = gap_e if cut is None else cut
            owns[i - 1] = (a[0], cut)
            owns[i] = (cut, b[1])
    frame_idx = None
    if bundles and _FRAME_LEAD.match(text[s:bundles[0].start]) and \
            not text[bundles[0].end:owns[0][1]].strip(" ,"):
        frame_idx = 0
    dated = _dated_flags(clauses, owns)
    free = [c for c, d in zip(clauses, dated, strict=True) if not d]
    regions = []
    for i, own in enumerate(owns):
        r = Region(own=own, frame=(i == frame_idx))
        if frame_idx is not None and i != frame_idx:
            r.rest = free
        elif r.frame:
            r.right = [c for c in free if c[0] >= own[1]]
            r.left = [c for c in free if c[1] <= own[0]][::-1]
        else:
            # A clause split between two dates keeps its neighbours for the outer parts only.
            starts = {c[0] for c in clauses} | {p[0] + 1 for p in parens}
            ends = {c[1] for c in clauses} | {p[1] - 1 for p in parens}
            r.left = _run(clauses, own, dated, -1) if own[0] in starts else []
            r.right = _run(clauses, own, dated, 1) if own[1] in ends else []
            taken = set(r.left) | set(r.right)
            r.rest = [c for c in free if c not in taken]
        regions.append(r)
    return regions


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _dated_flags(clauses: list[Span], owns: list[Span]) -> list[bool]:
    """For each clause, whether some date's own clause overlaps it."""
    ordered = sorted(owns)
    starts = [o[0] for o in ordered]
    prefix_max, m = [], -1
    for o in ordered:
        m = max(m, o[1])
        prefix_max.append(m)
    flags = []
    for a, b in clauses:
        k = bisect_left(starts, b)  # owns starting before the clause ends
        flags.append(k > 0 and prefix_max[k - 1] > a)
    return flags


def _run(clauses: list[Span], own: Span, dated: list[bool], step: int) -> list[Span]:
    """Undated clauses next to own, nearest first, up to the next clause holding a date."""
    i = bisect_left(clauses, (own[0], own[0]))
    first = last = None
    for j in range(max(0, i - 1), len(clauses)):
        if clauses[j][0] >= own[1]:
            break
        if _overlaps(clauses[j], own):
            first = j if first is None else first
            last = j
    if first is None:
        return []
    i = first - 1 if step < 0 else last + 1
    out = []
    while 0 <= i < len(clauses) and not dated[i]:
        out.append(clauses[i])
        i += step
    return out


def paragraph_of(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a:b if b >= 0 else len(text)]
