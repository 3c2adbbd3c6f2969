"""The period of a figure: taken only from a time expression that governs it.

A figure takes the nearest period of its sentence that is not a comparison base; else the
period the sentence before hands on (carried); else, for a finished event the release reports
("the ministers signed two documents"), the release's year. A target takes only the year it is
set for ("by 2030"); a forecast takes no other figure's period; a clause in the present ("some
3,000 companies now operate") takes nothing from other sentences or the release's year.
"""

from __future__ import annotations

import re

from ..time.periods import Period, inheritable, nearest_period
from .partners import clause_of

Span = tuple[int, int]

# A figure's clause in the present ("now operate", "companies are residents"), or a sentence
# saying so before it: a state now, not a figure of the period an earlier sentence names.
_PRESENT = re.compile(r"\b(?:now|currently|at\s+present|presently|operate|operates|remain|"
                      r"remains|are\s+(?:residents|based|located|registered)|(?:is|are)\s+"
                      r"(?!being\b|going\b)[a-z]+ing)\b", re.I)
_TARGET_YEAR = re.compile(r"\b(?:by|for|until|till)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
# A clause that reports a finished event: its figures belong to the document's year.
_REPORTED = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|t)\b|(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)"
    r"\b(?:signed|addressed|considered|concluded|adopted|attended|visited|took\s+part|"
    r"discussed|approved|received|hosted|brought\s+together|gathered|exchanged|held|"
    r"met|reviewed|endorsed|launched|opened|handed|presented|awarded|welcomed|viewed|watched|"
    r"toured|unveiled|laid|honoured|honored|celebrated|marked)\b", re.I)
# Signed at the reported meeting ("were signed", "the ministers signed"); "have signed over
# 40 documents since 1998" counts over years.
_SIGNED = re.compile(r"\b(?:documents?|agreements?|memorand\w*|contracts?|treaties|accords?)\s+"
                     r"(?:\w+\s+){0,3}?(?:were|was)\s+signed\b"
                     r"|(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)(?<!\bbeen\s)\bsigned\s+"
                     r"(?:\w+\s+){0,2}?(?:documents?|agreements?)\b", re.I)


def carried(text: str, periods: list[Period]) -> list[Period]:
    """What a sentence hands to the next one: the periods its figures took and those it names
    itself, less event dates ("the treaty signed in 1994"). A sentence whose figures took no
    period (a target) hands on nothing; one with no figure and no period is skipped over."""
    return sorted({id(p): p for p in periods if inheritable(text, p)}.values(),
                  key=lambda p: p.span)


def figure_period(text: str, status: str, clause: Span, sentence: Span, span: Span,
                  window: Span, near: list[Period], carry: list[Period], others: list[Span],
                  doc_year: int | None) -> tuple[str | None, Period | None]:
    """The figure's period and the expression it came from (None when it is the release's
    year or there is none). near: the periods of the sentence around the figure; carry: what
    the sentence before hands on; others: the spans of the sentence's other figures."""
    cs, ce = clause
    s, e = sentence
    if status == "target":
        # A target's period is the year it is set for ("by 2030", "for 2014"): after it in
        # its clause, or before it after "by"/"for"; the years of actual figures around it
        # are not its own.
        own = [q for q in near if span[1] <= q.span[0] < ce
               or (cs <= q.span[0] < span[0] and _TARGET_YEAR.search(
                   text, max(cs, q.span[0] - 12), q.span[0]))]
        p = nearest_period(own, span, text)
        return (p.value if p else None), None
    if status == "forecast":
        # "... amounted to $1.7 billion in Q1, the forecast for the year is $7 billion":
        # another figure's period is not the forecast's.
        def free(q: Period) -> bool:
            qs, qe = clause_of(text, s, e, q.span)
            return not any(qs <= o[0] < qe for o in others)
        near = [q for q in near if cs <= q.span[0] < ce or free(q)]
    present = bool(_PRESENT.search(text, s, ce))
    if _PRESENT.search(text, cs, ce):
        # "..., where some 600 students are studying": only its own clause dates it.
        near = [q for q in near if cs <= q.span[0] < ce]
    year = None if present or status == "forecast" else doc_year
    return _period(text, near, [] if present else carry, span, window, year)


def _period(text, near, carry, span, window, doc_year) -> tuple[str | None, Period | None]:
    ws, we = window
    p = nearest_period(near, span, text)
    if p:
        return p.value, p
    if doc_year and _SIGNED.search(text, ws, we):
        # "In total, seven documents were signed": signed at the meeting the release reports,
        # whatever programme period the sentence before names.
        return str(doc_year), None
    # A sentence without its own period takes the one the sentence before carries:
    # "As part of their implementation, 993 measures were implemented".
    own = [q for q in carry if not q.comparison and not q.weak]
    if own:
        return own[-1].value, own[-1]
    if doc_year and _REPORTED.search(text, ws, we):
        return str(doc_year), None  # "At the end of the talks, the ministers signed two documents"
    return None, None
