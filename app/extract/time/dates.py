"""Date expressions in a release, with span and precision, years resolved against the
document date.

    "On June 24-25"                -> 2024-06-24 .. 2024-06-25 (day)
    "January 31-February 1"        -> cross-month range
    "from May 15 to August 15, 2027", "21 June", "on 3-4 July", "November 29, 2023"
    "late January", "in November"  -> month precision (YYYY-MM)
    "in the fourth quarter of 2024"-> 2024-10 .. 2024-12 (quarter)
    "the summer of 2023"           -> 2023-06 .. 2023-08 (season)
    "in 2023", "since 2019"        -> year precision
    "tomorrow", "the same day"     -> relative to the document date / the previous date

    "on Tuesday", "the next day"   -> nearest such weekday / the day after the previous date

A year that is not written comes from the sentence ("Last year, ...", "In 2023, ..."), else
from the document date, moved a year forward when the tense word governing the date (the
nearest before it, else after it) speaks of the future and the month is already past
("scheduled for February 9" in a December release), and a year back when it reports a past
event ("met", "held") on a date well after the document date and nothing nearby speaks of the
future. Without a document date a date without a year stays unresolved (count_undated says
how many): no year is ever guessed.
"""

from __future__ import annotations

import re

from ..model import Span
from .date_patterns import raw_matches
from .resolve import DateExpr, parse_doc_date, rel_year, resolve, sentence_year
from .tense import tense_marker

# --- public API -------------------------------------------------------------------------------

def find_dates(text: str, start: int = 0, end: int | None = None, doc_date: str | None = None,
               prev_day: str | None = None) -> list[DateExpr]:
    """Date expressions between start and end (one sentence), in text order.

    prev_day is the last day-precise date before this sentence ("the same day").
    """
    end = len(text) if end is None else end
    doc = parse_doc_date(doc_date)
    raws = raw_matches(text, start, end)
    if not raws:
        return []
    # "October 23 last year": "last year" belongs to the date before it (_YEAR_AFTER).
    raws = [r for i, r in enumerate(raws) if not (
        r.kind == "rel_span" and i and _OWN_YEAR_GAP.fullmatch(text, raws[i - 1].span[1], r.span[0]))]
    sy = sentence_year(text, start, end, doc)
    out: list[DateExpr] = []
    for i, r in enumerate(raws):
        # The clause that decides the tense: from the previous date to the next one.
        c0 = raws[i - 1].span[1] if i else start
        c1 = raws[i + 1].span[0] if i + 1 < len(raws) else end
        clause = tense_marker(text, start, c0, c1, r.span)
        after = _YEAR_AFTER.match(text, r.span[1], end)
        ry = rel_year(after.group("w") + " year", doc) if after and doc else sy
        got = resolve(r, clause, doc, ry, prev_day)
        for d in (got if isinstance(got, list) else [got] if got else []):
            w0 = max(start, d.span[0] - 50)
            if _REPORTING_WORD.search(text, w0, d.span[0]) and \
                    _REPORTED.search(text, w0, d.span[0]):
                d.role = "report"  # "..., the ministry said on Thursday": when it was told
            if _tells_a_day(d):
                prev_day = d.end if d.role == "relative" else d.start
            out.append(d)
    return out


_REPORTING_WORD = re.compile(r"(?=[stawrci])(?:said|says|told|announced|reported|stated|informed|"
                             r"wrote|confirmed)")
# A reporting verb just before a date: the date is when something was said, not done.
_REPORTED = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press|\w+)|"
                       r"announced|reported|stated|informed|wrote|confirmed)\s+(?:\w+\s+){0,2}?"
                       r"(?:on|late|early)?\s*$")


def _tells_a_day(d: DateExpr) -> bool:
    """A date "the same day" / "the day before" can refer to: one day that something happened
    (not a range's first day, not an end point, not when it was reported)."""
    return d.precision == "day" and d.role not in ("until", "report") and d.start == d.end


_OWN_YEAR_GAP = re.compile(r",?\s+(?:of\s+)?")
# "on October 23 last year", "in March this year": the year a date without one belongs to.
_YEAR_AFTER = re.compile(r",?\s+(?P<w>last|this|next|previous|the\s+previous|the\s+following|"
                         r"the\s+current)\s+year\b(?!['’]s)", re.I)
def find_all_dates(text: str, sentences: list[Span], doc_date: str | None,
                   first: int = 0) -> list[list[DateExpr]]:
    """Dates of every sentence (a list per sentence), carrying "the same day" across them."""
    prev: str | None = None
    result: list[list[DateExpr]] = []
    for s, e in sentences:
        if e <= first:
            result.append([])
            continue
        # Without a publication date, a date without a year stays undated: the year is never
        # guessed from other years the release happens to write.
        ds = find_dates(text, max(s, first), e, doc_date, prev)
        for d in ds:
            if _tells_a_day(d):
                prev = d.start
        result.append(ds)
    return result


def count_undated(text: str, sentences: list[Span], first: int = 0) -> int:
    """How many date expressions of a release without a publication date cannot be placed in
    time ("January 20", "on Tuesday", "yesterday")."""
    n = 0
    prev: str | None = None
    for s, e in sentences:
        if e <= first:
            continue
        s = max(s, first)
        got = find_dates(text, s, e, None, prev)
        for d in got:
            if d.precision == "day" and d.role != "until":
                prev = d.start
        spans = [d.span for d in got]
        for r in raw_matches(text, s, e):
            if r.kind in ("years", "quarter", "q", "half"):
                continue  # statistics' periods, not days to place
            if not any(a <= r.span[0] < z for a, z in spans):
                n += 1
    return n
