"""The date patterns of the genre and the raw matches they give in a sentence, before years are
resolved (dates.py). Split from dates.py: this part only finds, that part interprets."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..fold import fold_case
from ..model import Span

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
        r"Nov\.?|Dec\.?)")
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*[-–—‑]\s*"
_TO = rf"(?:{_DASH}|\s+(?:to|till|until|through|thru)\s+)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD = rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?"
_NOT_FIG = r"(?![\d%]|\s*(?:%|percent|per\s*cent))"

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
            "winter": (12, 2)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4}
_REL_YEAR = r"(?:this|last|next|the\s+current|the\s+previous|the\s+past|the\s+coming)\s+year"

# Words that put a clause in the future (an upcoming event) ...
# --- raw patterns -------------------------------------------------------------------------
# Each yields a "raw" date: (y1, m1, d1, y2, m2, d2, precision); missing parts are None.
# Longer forms come first; a span claimed by one pattern is not matched again.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    # January 31-February 1 ; from May 15 to August 15, 2027 ; September 30 to October 2
    ("md_md", re.compile(
        rf"\b(?:(?P<from>[Ff]rom|[Bb]etween)\s+)?{_WD}(?P<m1>{_MON})\s+(?P<d1>{_D})(?:,?\s+(?P<y1>{YEAR}))?"
        rf"{_TO}"
        rf"(?P<m2>{_MON})\s+(?P<d2>{_D})(?:,?\s+(?P<y2>{YEAR}))?\b{_NOT_FIG}")),
    # 21 June to 5 July
    ("dm_dm", re.compile(
        rf"\b(?:(?P<from>[Ff]rom|[Bb]etween)\s+)?{_WD}(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y1>{YEAR}))?"
        rf"{_TO}(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_MON})(?:,?\s+(?P<y2>{YEAR}))?\b")),
    # June 24-25 ; June 3–4, 2024
    ("md_d", re.compile(
        rf"\b{_WD}(?P<m1>{_MON})\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})(?:,?\s+(?P<y1>{YEAR}))?\b{_NOT_FIG}")),
    # 3-4 July ; 26-28 June 2024
    ("d_dm", re.compile(
        rf"\b{_WD}(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y1>{YEAR}))?\b")),
    # between 3 and 5 July ; between July 3 and 5
    ("between", re.compile(
        rf"\b[Bb]etween\s+(?:(?P<d1>{_D})\s+and\s+(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_MON})|"
        rf"(?P<m1b>{_MON})\s+(?P<d1b>{_D})\s+and\s+(?P<d2b>{_D}))(?:,?\s+(?P<y1>{YEAR}))?\b{_NOT_FIG}")),
    # July 3 and 4 (two days in a row: one event) ; 3 and 4 July
    ("md_and_d", re.compile(
        rf"\b{_WD}(?P<m1>{_MON})\s+(?P<d1>{_D})\s+and\s+(?P<d2>{_D})(?:,?\s+(?P<y1>{YEAR}))?\b"
        rf"(?!\s+(?:{_MON}))(?![\d%]|\s*(?:%|percent|per\s*cent)|\s+(?!was\b|is\b|as\b)[a-z]+s\b)")),
    ("d_and_dm", re.compile(
        rf"\b{_WD}(?P<d1>{_D})\s+and\s+(?P<d2>{_D})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y1>{YEAR}))?\b")),
    # 25.06.2024 ; 2024-06-25
    ("numeric", re.compile(r"\b(?P<d1>[0-3]?\d)\.(?P<m1n>[01]?\d)\.(?P<y1>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<y1>(?:19|20)\d\d)-(?P<m1n>[01]\d)-(?P<d1>[0-3]\d)\b")),
    # November 29, 2023 ; June 17
    ("md", re.compile(rf"\b{_WD}(?P<m1>{_MON})\s+(?P<d1>{_D})(?:,?\s+(?P<y1>{YEAR}))?\b{_NOT_FIG}")),
    # 21 June ; 28 April 2022
    ("dm", re.compile(rf"\b{_WD}(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_MON})(?:,?\s+(?P<y1>{YEAR}))?\b")),
    # the fourth quarter of 2024 ; Q1 2024
    ("quarter", re.compile(
        rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
        rf"(?:\s+of\s+(?P<y1>{YEAR}|{_REL_YEAR}))?\b", re.I)),
    ("q", re.compile(rf"\bQ(?P<q>[1-4])\s+(?P<y1>{YEAR})\b")),
    # the first half of 2024
    ("half", re.compile(
        rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+)?(?P<y1>{YEAR}|{_REL_YEAR})\b",
        re.I)),
    # the summer of 2023 ; in the autumn
    ("season", re.compile(
        rf"\b(?:(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+of\s+(?P<y1>{YEAR}|{_REL_YEAR})"
        rf"|(?<=\bin\s)the\s+(?P<s2>spring|summer|autumn|fall|winter)\b(?!\s+of))", re.I)),
    # January-February 2024 ; (in) January-April
    ("mm", re.compile(
        rf"\b(?P<m1>{_MON}){_DASH}(?P<m2>{_MON})(?:,?\s+(?P<y1>{YEAR}))?\b")),
    # late February-early March 2023
    ("part_range", re.compile(
        rf"\b(?:(?:late|early|mid)[\s-]+)?(?P<m1>{_MON}){_DASH}(?:late|early|mid)[\s-]*(?P<m2>{_MON})"
        rf"(?:,?\s+(?P<y1>{YEAR}))?\b|\b(?:late|early|mid)[\s-]+(?P<m1c>{_MON}){_DASH}(?P<m2c>{_MON})"
        rf"(?:,?\s+(?P<y1c>{YEAR}))?\b", re.I)),
    # late January ; mid-May 2024 ; the end of March
    ("m_part", re.compile(
        rf"\b(?P<part>late|early|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
        rf"the\s+start\s+of)[\s-]+(?P<m1>{_MON})(?:,?\s+(?P<y1>{YEAR}))?\b", re.I)),
    # January 2024
    ("my", re.compile(rf"\b(?P<m1>{_MON})\s+(?P<y1>{YEAR})\b")),
    # last December ; next March ; this January (the nearest such month before/after the
    # document date)
    ("rel_m", re.compile(rf"\b(?P<w>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming)\s+"
                         rf"(?P<m1>{_MON})\b(?!\s+\d)")),
    # in November ; planned for May (a bare month needs a preposition: "May" is also a verb)
    ("m", re.compile(
        rf"\b(?P<prep>in|In|for|For|since|Since|until|by|from|From|during|During|of|before|"
        rf"after|till|through)\s+(?P<core>(?P<m1>{_MON}))\b(?!\s+\d)")),
    # 2024-2026 ; in 2023 ; since 2019 (a bare year needs a preposition: "EXPO 2027" is a name)
    ("years", re.compile(
        rf"\b(?P<prep>in|In|for|For|since|Since|from|From|by|until|of|during|During|before|"
        rf"after|Before|After|till|through|Until|By)\s+(?P<core>(?P<y1>{YEAR})(?:{_DASH}(?P<y2>{YEAR}))?)\b"
        rf"(?!\s*(?:%|percent))")),
    ("until", re.compile(rf"\b(?:until|till|through|up\s+to)\s+(?P<m1>{_MON})\s+(?P<d1>{_D})"
                         rf"(?:,?\s+(?P<y1>{YEAR}))?\b")),
    ("until_dm", re.compile(rf"\b(?:until|till|through|up\s+to)\s+(?P<d1>{_D})\s+(?P<m1>{_MON})"
                            rf"(?:,?\s+(?P<y1>{YEAR}))?\b")),
    # on Tuesday (no date beside it): the nearest such day before or after the document date
    ("wd", re.compile(rf"\b(?P<prep>[Oo]n|[Tt]his|[Ll]ast|[Nn]ext)\s+(?P<core>{_WEEKDAY})\b"
                      rf"(?!,?\s+(?:{_MON}|\d|the\s+\d))")),
    ("rel", re.compile(r"\b(?:(?:on\s+)?the\s+same\s+day|that\s+same\s+day|on\s+that\s+day|"
                       r"(?:earlier|later)\s+(?:that|the\s+same)\s+day|(?:earlier|later)\s+in\s+the\s+day|"
                       r"(?:on\s+)?the\s+(?:next|following)\s+day|the\s+day\s+after|"
                       r"(?:on\s+)?the\s+(?:day\s+before|previous\s+day)|an?\s+day\s+(?:earlier|before)|"
                       r"tomorrow|yesterday|today)\b", re.I)),
]
_PATTERNS.append(
    # last week, next month, this week: the calendar week or month before/of/after the
    # publication date
    ("rel_span", re.compile(r"\b(?P<w>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming|[Tt]he\s+past)\s+"
                            r"(?P<core2>week|month|year)\b(?!['’]s)")))
# "until June 28" must win over the plain "June 28".
_ORDER = ["iso", "numeric", "between", "md_md", "dm_dm", "md_d", "d_dm", "md_and_d", "d_and_dm",
          "until", "until_dm", "md", "dm", "quarter", "q",
          "half", "season", "part_range", "mm", "m_part", "my", "rel_m", "m", "years", "wd", "rel",
          "rel_span"]
# The characters each of the busiest patterns can open with (a weekday, a month, a day, "from"
# or "between"): as a lookahead in front, they change no match but let the scan skip most
# positions at once.
_FIRST_CHAR = {"md": "[JFMASONDTW]", "md_d": "[JFMASONDTW]", "md_and_d": "[JFMASONDTW]",
               "dm": r"[\dMTWFS]", "d_dm": r"[\dMTWFS]", "d_and_dm": r"[\dMTWFS]",
               "md_md": "[JFMASONDTWBbf]", "dm_dm": r"[\dMTWFSBbf]", "my": "[JFMASOND]",
               "mm": "[JFMASOND]", "numeric": r"\d", "iso": "[12]",
               "years": "[iIfFsSbuodDaABtU]", "m": "[iIfFsSubdDoat]", "until": "[ut]",
               "until_dm": "[ut]", "rel_m": "[LlNnTtPpCc]", "rel_span": "[LlNnTtPpCc]"}
_BY_NAME = {name: re.compile(f"(?={_FIRST_CHAR[name]})" + rx.pattern, rx.flags)
            if name in _FIRST_CHAR else rx for name, rx in _PATTERNS}


@dataclass
class Raw:
    kind: str
    m: re.Match
    span: Span


# What each pattern cannot match without: a month name, a digit. A sentence lacking one skips
# those patterns (the same result, fewer scans).
_NEEDS_MONTH = {"md_md", "dm_dm", "md_d", "d_dm", "between", "md_and_d", "d_and_dm", "md", "dm",
                "until", "until_dm", "part_range", "mm", "m_part", "my", "rel_m", "m"}
_NEEDS_DIGIT = {"iso", "numeric", "between", "md_md", "dm_dm", "md_d", "d_dm", "md_and_d",
                "d_and_dm", "until", "until_dm", "md", "dm", "q", "years", "my"}
# \b{_MON}, its alternatives grouped under their capital first letter and the word boundary
# written as a look-behind after it: opening with plain capitals, it is scanned for in C.
_MON_GROUPS: dict[str, list[str]] = {}
for _alt in _MON[3:-1].split("|"):
    _MON_GROUPS.setdefault(_alt[0], []).append(_alt[1:])
_MONTH_WORD = re.compile("(?:" + "|".join(f"{c}(?<!\\w.)(?:{'|'.join(rest)})"
                                          for c, rest in _MON_GROUPS.items()) + ")")
_DIGIT = re.compile(r"\d")


# Patterns that hold two month names; and words without one of which a pattern cannot match
# (checked on the sentence folded by fold_case: a superset of what re.I matches).
_NEEDS_TWO_MONTHS = {"md_md", "dm_dm", "mm", "part_range"}
_NEEDS_WORD = {
    "part_range": ("late", "early", "mid"),
    "rel": ("day", "tomorrow"),
    "rel_span": ("week", "month", "year"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "quarter": ("quarter",),
    "q": ("q",),
    "half": ("half",),
    "between": ("between",),
    "m_part": ("late", "early", "mid", "end", "beginning", "middle", "start"),
    "rel_m": ("last", "next", "this", "previous", "coming"),
    "until": ("until", "till", "through", "up"),
    "until_dm": ("until", "till", "through", "up"),
    "wd": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "numeric": (".",),
    "iso": ("-",),
}
_NEEDS_YEAR = {"years", "my", "numeric", "iso"}  # each holds (?:19|20)\d\d
_YEAR_DIGITS = re.compile(r"(?:1[89]|20)\d\d")


# Every date form holds a digit or one of these (case-folded), so a sentence without any is
# skipped at once; substring tests are much cheaper than a case-insensitive regex.
_QUICK_WORDS = ("week", "month", "year", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                "day", "tomorrow", "spring", "summer", "autumn", "fall", "winter", "quarter", "half")


def _skipped(text: str, start: int, end: int, low: str, has_digit: bool) -> set[str]:
    """Patterns that cannot match in text[start:end] (low: its case-folded text)."""
    months = 0  # (_MONTH_WORD opens with a capital: scanning is cheaper than testing stems)
    for _ in _MONTH_WORD.finditer(text, start, end):
        months += 1
        if months == 2:
            break
    skip = set()
    for n, words in _NEEDS_WORD.items():  # loops, not any(): this runs for every sentence
        for w in words:
            if w in low:
                break
        else:
            skip.add(n)
    if not months:
        skip |= _NEEDS_MONTH
    if months < 2:
        skip |= _NEEDS_TWO_MONTHS
    if not has_digit:
        skip |= _NEEDS_DIGIT
    if not has_digit or _YEAR_DIGITS.search(text, start, end) is None:
        skip |= _NEEDS_YEAR
    return skip


def raw_matches(text: str, start: int, end: int) -> list[Raw]:
    has_digit = _DIGIT.search(text, start, end) is not None
    low = fold_case(text[start:end])
    if not has_digit:
        for w in _QUICK_WORDS:  # a loop, not any(): this runs for every sentence
            if w in low:
                break
        else:
            return []
    skip = _skipped(text, start, end, low, has_digit)
    claimed: list[Span] = []  # sorted, never overlapping
    found: list[Raw] = []
    for name in _ORDER:
        if name in skip:
            continue
        for m in _BY_NAME[name].finditer(text, start, end):
            s, e = m.span("core") if "core" in m.groupdict() else m.span()
            i = bisect_left(claimed, (s, s))
            if (i > 0 and claimed[i - 1][1] > s) or (i < len(claimed) and claimed[i][0] < e):
                continue
            claimed.insert(i, (s, e))
            found.append(Raw(name, m, (s, e)))
    found.sort(key=lambda r: r.span)
    return found
