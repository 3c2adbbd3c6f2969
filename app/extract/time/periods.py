"""Periods a figure refers to ("in 2023", "in the first quarter of 2024" -> 2024-Q1,
"for 2024–2026", "in January-April 2024" -> 2024-01/2024-04, "last year"), and the calendar
dates and clock times whose digits are not figures."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..fold import fold_case

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DASH = r"\s*[-–—]\s*"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
        "4th": 4}

# Calendar dates and times: their digits are never figures. Each opens with its first
# character as a plain literal or class, so that the regex engine scans for it in C and tries
# the pattern only there; the word boundary in front is the look-behind right after it
# ((?<!\w.): the character before the match is no word character). Same matches as
# "\b<pattern>".
_MONTH_WORDS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")


def _first_letter_alternation(words: tuple[str, ...], after_first: str) -> str:
    """(?:w1|w2|...) grouped by first letter (the order of the words kept within a letter;
    words with different first letters never match at the same place)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(f"{c}{after_first}(?:{'|'.join(rest)})"
                            for c, rest in groups.items()) + ")"


_MONTH_AT_START = _first_letter_alternation(_MONTH_WORDS, r"(?<!\w.)") + r"\.?"
_DAY_AT_START = r"\d(?<!\w\d)\d?(?:st|nd|rd|th)?"  # \b_DAY
_DATE_RES = [
    re.compile(rf"{_MONTH_AT_START}\s+{_DAY}(?:(?:{_DASH}|\s+(?:and|to|or)\s+){_DAY}\b(?!\s*(?:%|percent|per\s*cent)))?"
               rf"(?:,?\s+{_YEAR})?\b"),
    re.compile(rf"{_DAY_AT_START}(?:(?:{_DASH}|\s+(?:and|to|or)\s+){_DAY})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
    re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?\b"),
    re.compile(r"\d(?<!\w\d)\d?[./]\d{1,2}[./](?:\d{4}|\d{2})\b"),
    re.compile(r"\d(?<!\w\d)\d{3}-\d{2}-\d{2}\b"),
]


# Cheap tests of what a pattern cannot match without (a digit, a year, a month's first three
# letters, a word), so that a sentence lacking it skips the pattern: same result, fewer scans.
_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(_YEAR)
# \b(?:Jan|Feb|...), opening with the capital letter (see _first_letter_alternation).
_MONTH_START = re.compile(_first_letter_alternation(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), r"(?<!\w.)"))
_DATE_NEEDS = ("month", "month", ":", "./", "-")


def _months(text: str, start: int, end: int) -> int:
    """0, 1 or 2: how many month names (at most) text[start:end] holds, counted up to two."""
    n = 0
    for _ in _MONTH_START.finditer(text, start, end):
        n += 1
        if n == 2:
            break
    return n


def date_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    if _DIGIT.search(text, start, end) is None:
        return out
    has_month = _MONTH_START.search(text, start, end) is not None
    chunk = text[start:end]
    for rx, need in zip(_DATE_RES, _DATE_NEEDS, strict=True):
        if not (has_month if need == "month" else any(c in chunk for c in need)):
            continue
        # Every pattern holds a \d, and whatever \d matches is a digit to str.isdigit().
        out.extend(m.span() for m in rx.finditer(text, start, end))
    return sorted(out)


@dataclass
class Period:
    value: str  # "2023", "2024-Q1", "2024-H1", "2024-01", "2024-01/2024-04", "2021-2023"
    span: tuple[int, int]
    comparison: bool = False  # "than in 2022", "compared with 2022": not the figure's own period
    weak: bool = False  # implied by a date without a year, or carried over


_QUARTER = re.compile(
    rf"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+({_YEAR})\b"
    rf"|\b(?:Q([1-4])|([1-4])Q)\s*({_YEAR})\b", re.I)
_HALF = re.compile(rf"\b(first|second|1st|2nd)\s+half\s+of\s+({_YEAR})\b"
                   rf"|\bH([12])\s*({_YEAR})\b", re.I)
_MONTH_RANGE = re.compile(
    rf"\b(?:[Ff]rom\s+)?({_MONTH})(?:{_DASH}|\s+(?:to|through|until)\s+)({_MONTH}),?\s+({_YEAR})\b")
# Across a year's end: "from April 2024 to February 2025", "October 2023-March 2024".
_MONTH_RANGE_YEARS = re.compile(
    rf"\b(?:[Ff]rom\s+)?({_MONTH}),?\s+({_YEAR})(?:{_DASH}|\s+(?:to|through|until|and)\s+)"
    rf"({_MONTH}),?\s+({_YEAR})\b")
# Without a year: "In January-October, exports grew" is this year's (or last year's, when the
# range ends after the document's month); "in the first nine months of 2024" runs from January.
_MONTH_RANGE_BARE = re.compile(
    rf"\b(?:[Ff]rom\s+)?({_MONTH})(?:{_DASH}|\s+(?:to|through|until)\s+)({_MONTH})\b(?!,?\s+{_YEAR})"
    rf"(?!\s+\d)")
_FIRST_MONTHS = re.compile(
    rf"\b(?:first|initial)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})\s+"
    rf"months\s+of\s+({_YEAR})\b", re.I)
_FIRST_MONTHS_BARE = re.compile(
    r"\b(?:first|initial)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+"
    r"months\s+of\s+(?:the|this)\s+(?:current\s+)?year\b", re.I)
_BARE_QUARTER = re.compile(r"\b(?:(first|second|third|fourth)\s+quarter|Q([1-4]))\b(?!\s+of\s+\d)"
                           rf"(?!\s*{_YEAR})", re.I)
_BARE_HALF = re.compile(rf"\b(?:(first|second)\s+half\s+of\s+(?:the|this)\s+year|H([12]))\b"
                        rf"(?!\s*{_YEAR})", re.I)
_MONTH_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11}
_MONTH_YEAR = re.compile(rf"\b({_MONTH}),?\s+({_YEAR})\b(?!\s*[-–—]\s*\d)")
_YEAR_RANGE = re.compile(rf"\b({_YEAR})\s*(?:[-–—]|\s+to\s+|\s+through\s+)\s*({_YEAR}|\d\d)\b(?![-/]\d)")
_YEAR_ONLY = re.compile(rf"(?<![\d/.,-])\b({_YEAR})\b(?![-/]\d|\.\d|,\d{{3}})")
# Fiscal years: "FY2023-24", "the 2023-2024 financial year", "fiscal year 2023/24", "FY 2024".
_FISCAL = re.compile(
    rf"\b(?:FY\s*|(?:fiscal|financial)\s+year\s+(?:of\s+)?)({_YEAR})(?:\s*[-–/]\s*({_YEAR}|\d\d))?\b"
    rf"|\b({_YEAR})\s*[-–/]\s*({_YEAR}|\d\d)\s+(?:fiscal|financial)\s+year\b"
    rf"|\b(?:fiscal|financial)\s+({_YEAR})\b", re.I)
_SEASON = re.compile(rf"\b(spring|summer|autumn|fall|winter)\s+of\s+({_YEAR})\b", re.I)
_RELATIVE = re.compile(
    r"\b(?:(last|past|previous)\s+year|(this|the\s+current|the\s+end\s+of\s+the)\s+year|"
    r"(next)\s+year"
    r"|(so\s+far\s+this|since\s+the\s+beginning\s+of\s+(?:this|the)|year\s+to\s+date))\b",
    re.I)
_SEASON_WORD = re.compile("spring|summer|autumn|fall|winter")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_YEAR_RX = re.compile(_YEAR)
_NAMED_YEAR = re.compile(r"\b[Tt]he\s+$")
_YEARS_AGO = re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                        r"years?\s+ago\b", re.I)
_AGO_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_OVER_OPENING = re.compile(r"(?:^|[.;:]\s+|\n\s*)Over\s+the\s+$")
_COMPARISON_BEFORE = re.compile(
    r"(?:\bthan(?:\s+(?:in|for|during))?|\bcompared\s+(?:with|to)(?:\s+(?:in|for))?|"
    r"\bover|\bagainst|\bfrom|\bsince|\bversus|\bvs\.?)\s*(?:the\s+same\s+period\s+(?:of\s+)?)?"
    r"(?:the\s+)?$",
    re.I)


def find_periods(text: str, start: int, end: int, doc_year: int | None,
                 doc_month: int | None = None) -> list[Period]:
    """Period expressions between start and end, the most specific one for each stretch:
    the scans run from the most specific pattern to the least, and a stretch once taken
    keeps its words."""
    sc = _Scan(text, start, end)
    _ranges_with_years(sc)
    if doc_year:
        _ranges_in_doc_year(sc, doc_year, doc_month)
    _years(sc)
    if doc_year:
        _years_from_doc(sc, doc_year)
    return sorted(sc.found, key=lambda p: p.span)


class _Scan:
    """One stretch of text being read for periods: the cheap cues that tell which patterns
    can match there, and the periods found so far with the stretches they take."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.found: list[Period] = []
        self.taken: list[tuple[int, int]] = []  # sorted, non-overlapping
        self.has_digit = _DIGIT.search(text, start, end) is not None
        self.has_year = self.has_digit and _HAS_YEAR.search(text, start, end) is not None
        self.months = _months(text, start, end)
        self.low = fold_case(text[start:end])
        self.quarter = "quarter" in self.low or "q" in self.low

    def find(self, rx: re.Pattern, when: bool = True):
        return rx.finditer(self.text, self.start, self.end) if when else ()

    def add(self, value: str, span: tuple[int, int], weak: bool = False) -> None:
        # A more specific expression found earlier keeps its words.
        taken = self.taken
        i = bisect.bisect_left(taken, span)
        if (i > 0 and taken[i - 1][1] > span[0]) or (i < len(taken) and taken[i][0] < span[1]):
            return
        taken.insert(i, span)
        before = self.text[max(self.start, span[0] - 40):span[0]]
        # "Over the past year, 160 events were held": a sentence opening with it names the
        # period; "grew by 5% over the previous year" compares.
        comparison = bool(_COMPARISON_BEFORE.search(before)) and not _OVER_OPENING.search(before)
        self.found.append(Period(value, span, comparison, weak))


def _ranges_with_years(sc: _Scan) -> None:
    """Fiscal years, quarters, halves, month ranges and first months that write their year."""
    low, has_year = sc.low, sc.has_year
    fiscal = "fy" in low or "fiscal" in low or "financial" in low
    for m in sc.find(_FISCAL, has_year and fiscal):
        a = m.group(1) or m.group(3) or m.group(5)
        b = m.group(2) or m.group(4)
        if b and len(b) == 2:
            b = a[:2] + b
        if b and int(b) != int(a) + 1:
            continue
        sc.add(f"FY{a}-{b}" if b else f"FY{a}", m.span())
    for m in sc.find(_QUARTER, has_year and sc.quarter):
        q = _ORD.get((m.group(1) or "").lower()) or int(m.group(3) or m.group(4))
        sc.add(f"{m.group(2) or m.group(5)}-Q{q}", m.span())
    for m in sc.find(_HALF, has_year):
        h = _ORD.get((m.group(1) or "").lower()) or int(m.group(3))
        sc.add(f"{m.group(2) or m.group(4)}-H{h}", m.span())
    for m in sc.find(_MONTH_RANGE_YEARS, has_year and sc.months == 2):
        a, b = (m.group(2), _month(m.group(1))), (m.group(4), _month(m.group(3)))
        if (int(a[0]), a[1]) < (int(b[0]), b[1]):
            sc.add(f"{a[0]}-{a[1]:02d}/{b[0]}-{b[1]:02d}", m.span())
    for m in sc.find(_MONTH_RANGE, has_year and sc.months == 2):
        a, b = _month(m.group(1)), _month(m.group(2))
        y = m.group(3)
        sc.add(f"{y}-{a:02d}/{y}-{b:02d}", m.span())
    for m in sc.find(_FIRST_MONTHS, has_year and "months" in low):
        k = m.group(1).lower()
        n = int(k) if k.isdigit() else _MONTH_COUNT[k]
        if 1 < n <= 12:
            sc.add(f"{m.group(2)}-01/{m.group(2)}-{n:02d}", m.span())


def _ranges_in_doc_year(sc: _Scan, doc_year: int, doc_month: int | None) -> None:
    """Month ranges, first months, quarters and halves without a year: the document's."""
    low = sc.low
    for m in sc.find(_MONTH_RANGE_BARE, sc.months == 2):
        a, b = _month(m.group(1)), _month(m.group(2))
        if a >= b:
            continue
        y = doc_year - 1 if doc_month and b > doc_month else doc_year
        sc.add(f"{y}-{a:02d}/{y}-{b:02d}", m.span())
    for m in sc.find(_FIRST_MONTHS_BARE, "months" in low):
        k = m.group(1).lower()
        n = int(k) if k.isdigit() else _MONTH_COUNT[k]
        if 1 < n <= 12:
            sc.add(f"{doc_year}-01/{doc_year}-{n:02d}", m.span())
    for m in sc.find(_BARE_QUARTER, sc.quarter):
        q = _ORD.get((m.group(1) or "").lower()) or int(m.group(2))
        sc.add(f"{doc_year}-Q{q}", m.span())
    bare_half = "half" in low or "h1" in low or "h2" in low
    for m in sc.find(_BARE_HALF, bare_half):
        h = _ORD.get((m.group(1) or "").lower()) or int(m.group(2))
        sc.add(f"{doc_year}-H{h}", m.span())


def _years(sc: _Scan) -> None:
    """Seasons, year ranges, months of a year and years written out."""
    text, has_year = sc.text, sc.has_year
    season = _SEASON_WORD.search(sc.low) is not None
    for m in sc.find(_SEASON, has_year and season):
        sc.add(m.group(2), m.span())
    for m in sc.find(_YEAR_RANGE, has_year):
        a, b = m.group(1), m.group(2)
        if len(b) == 2:
            b = a[:2] + b
        if int(a) < int(b) <= int(a) + 30:
            sc.add(f"{a}-{b}", m.span())
    for m in sc.find(_MONTH_YEAR, has_year and sc.months):
        sc.add(f"{m.group(2)}-{_month(m.group(1)):02d}", m.span())
    for m in sc.find(_YEAR_ONLY, has_year):
        if _NAMED_YEAR.search(text, max(sc.start, m.start() - 5), m.start()) and \
                _CAPITAL_NEXT.match(text[m.end():m.end() + 2]):
            continue  # "the 2030 Agenda", "the 2024 Games": a name, not a period
        sc.add(m.group(1), m.span())


def _years_from_doc(sc: _Scan, doc_year: int) -> None:
    """"Last year", "three years ago", and a day without a year (a weak hint)."""
    low = sc.low
    relative = "year" in low or "far" in low or "beginning" in low
    for m in sc.find(_RELATIVE, relative):
        if m.group(1):
            sc.add(str(doc_year - 1), m.span())
        elif m.group(3):
            sc.add(str(doc_year + 1), m.span())
        else:
            sc.add(str(doc_year), m.span())
    for m in sc.find(_YEARS_AGO, "ago" in low):
        n = _AGO_COUNT.get(m.group(1).lower()) or (int(m.group(1)) if m.group(1).isdigit() else 0)
        if 0 < n < 100:
            sc.add(str(doc_year - n), m.span())
    # A day and month with no year: the document's year, as a weak hint.
    for s, e in date_spans(sc.text, sc.start, sc.end) if sc.has_digit else ():
        if not _YEAR_RX.search(sc.text[s:e]):
            sc.add(str(doc_year), (s, e), weak=True)


# A year naming when something happened once ("the treaty signed in 1994", "June 22, 1941")
# dates that event; it is no period for the figures of the sentences after it.
_EVENT_YEAR = re.compile(
    r"(?:\b(?:signed|established|founded|created|built|born|concluded|adopted|opened|launched|"
    r"formed|inaugurated|died|killed|liberated|erected|unveiled|began|started|ended)\s+"
    r"(?:in|on)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?|"
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+|\b{_MONTH}\s+{_DAY},?\s+|\b{_DAY}\s+(?:of\s+)?)$")


def inheritable(text: str, p: Period) -> bool:
    """Whether a period may be taken by figures of later sentences of its paragraph."""
    if p.comparison or p.weak:
        return False
    return not _EVENT_YEAR.search(text, max(0, p.span[0] - 40), p.span[0])


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


_NEXT_CLAUSE = re.compile(r",\s*(?:and|while|but|whereas|against)\b")


def nearest_period(periods: list[Period], span: tuple[int, int], text: str) -> Period | None:
    """The period closest to a figure, not crossing a bracket and not a comparison base."""
    best: tuple[float, Period] | None = None
    for p in periods:
        if p.comparison:
            continue
        if p.span[1] <= span[0]:
            gap = text[p.span[1]:span[0]]
            dist = len(gap)
        elif p.span[0] >= span[1]:
            gap = text[span[1]:p.span[0]]
            dist = len(gap) * 1.2  # a period before the figure usually governs the clause
        else:
            continue  # the figure's own digits ("about 2000 students") are not its period
        opened, closed = gap.rfind("("), gap.find(")")
        inside_after = p.span[0] >= span[1] and opened > gap.rfind(")")
        inside_before = p.span[1] <= span[0] and closed >= 0 and (
            gap.find("(") < 0 or closed < gap.find("("))
        if inside_after or inside_before:
            continue  # a period in brackets belongs to the bracket, not to this figure
        if "(" in gap or ")" in gap:
            dist += 500
        if ";" in gap:
            dist += 200
        if p.span[0] >= span[1] and _NEXT_CLAUSE.search(gap):
            dist += 200  # "$10 billion, and in 2022, $9 billion": the period opens the next one
        if p.weak:
            dist += 1000
        if best is None or dist < best[0]:
            best = (dist, p)
    return best[1] if best else None
