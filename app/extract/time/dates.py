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
from dataclasses import dataclass
from datetime import date, timedelta

from app.extract.model import Span
from app.extract.time.date_patterns import MONTHS, ORDINALS, SEASONS, YEAR, Raw, raw_matches

FUTURE = re.compile(  # (the lookahead, every word's first letter, only speeds the scan up)
    r"(?=[wsp'ufietncdga])\b(?:will|would|shall|'ll|scheduled|planned|plans?|planning|upcoming|forthcoming|"
    r"intends?|intention|expected|to\s+be\s+(?:held|hosted|convened|organi[sz]ed|opened|signed|launched)|is\s+to|are\s+to|next|tomorrow|coming|"
    r"due\s+to|set\s+to|going\s+to|agreed\s+to|decided\s+to|"
    r"to\s+(?:meet|hold|visit|attend|take\s+part|participate))\b", re.I)
# ... and the verbs that report a past event as such.
PAST_EVENT = re.compile(  # "will be held" is no past: no "be" before the participle
    r"(?=[wtmvhsgrapco])(?<!\bbe\s)(?<!\bbeen\s)\b(?:was\s+held|were\s+held|took\s+place|met|visited|held\s+talks|had\s+talks|"
    r"talked|spoke|hosted|was\s+signed|were\s+signed|gathered|had\s+(?:a\s+)?meetings?|"
    r"received|was\s+received|attended|took\s+part|participated|chaired|"
    r"had\s+taken\s+place|was\s+launched|opened|held|had|"
    r"(?:was|were)\s+(?:extended|agreed|adopted|established|approved|reached|concluded))\b", re.I)


@dataclass
class DateExpr:
    start: str  # ISO, as precise as `precision`
    end: str
    precision: str  # day, month, quarter, half, season, year
    span: Span
    text: str
    explicit_year: bool = False
    role: str = "date"  # date | until (an end point: "until June 28") | relative

    @property
    def is_scorable(self) -> bool:
        """At least month-precise and not a vague season: fit to date an event."""
        return self.precision in ("day", "month", "quarter", "half")


def _iso_day(s: str) -> date | None:
    try:
        return date.fromisoformat(s) if len(s) == 10 else None
    except ValueError:
        return None


def parse_doc_date(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


_DIGITS = re.compile(r"\d+")


def _int_day(s: str) -> int:
    return int(_DIGITS.match(s).group(0))


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


# --- year resolution --------------------------------------------------------------------------

_SENT_YEAR = re.compile(rf"^\W*(?:In|Since|During)\s+(?P<y>{YEAR}),")
_SENT_REL = re.compile(r"(?=[LlTtNnPpCc])\b(?P<w>last|this|next|previous|past|current|coming)\s+year\b", re.I)


def sentence_year(text: str, s: int, e: int, doc: date | None) -> int | None:
    """A year the sentence sets for its undated days: "In 2023, ...", "Last year, ..."."""
    sent = text[s:e]
    m = _SENT_YEAR.match(sent)
    if m:
        return int(m.group("y"))
    if doc is None:
        return None
    m = _SENT_REL.search(sent)
    if m and m.start() < 60:  # a framing adverbial near the start, not "...next year's forum"
        w = m.group("w").lower()
        return doc.year - 1 if w in ("last", "previous", "past") else (
            doc.year + 1 if w in ("next", "coming") else doc.year)
    return None


def _rel_year(phrase: str, doc: date | None) -> int | None:
    if re.fullmatch(YEAR, phrase):
        return int(phrase)
    if doc is None:
        return None
    w = phrase.lower().split()
    if "last" in w or "previous" in w or "past" in w:
        return doc.year - 1
    if "next" in w or "coming" in w:
        return doc.year + 1
    return doc.year


@dataclass
class _Tense:
    """The tense around one date: that of the governing word, and whether any word nearby
    speaks of the future (a year back is claimed only when none does)."""

    future: bool = False
    past: bool = False
    any_future: bool = False


def _guess_year(month: int, day: int | None, tense: _Tense, doc: date | None,
                sent_year: int | None) -> int | None:
    if sent_year is not None:
        return sent_year
    if doc is None:
        return None
    year = doc.year
    if tense.future and month < doc.month:
        return year + 1
    if tense.past and not tense.any_future:
        try:
            d = date(year, month, day or 1)
        except ValueError:
            return year
        if d > doc + timedelta(days=30):
            return year - 1
    return year


def _mk(y: int | None, m: int, d: int | None) -> str | None:
    if y is None:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


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
        clause = _tense_marker(text, start, c0, c1, r.span)
        after = _YEAR_AFTER.match(text, r.span[1], end)
        ry = _rel_year(after.group("w") + " year", doc) if after and doc else sy
        got = _resolve(r, clause, doc, ry, prev_day)
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
_PLACE_TAIL = re.compile(r"(?:\s*,?\s*[A-Z][\w'’-]*)*\s*,?\s*(?:on|in|at|from)?\s*")
_ASIDE = re.compile(r",\s*(?:which|who|whose|whom|where)\b[^,;()]*|\([^()]*\)")


def tense_window(text: str, c0: int, c1: int, span: Span) -> str:
    """The words around a date that set its tense, without asides that do not hold it
    ("..., which will coordinate ...", a bracket)."""
    parts, pos = [], c0
    for m in _ASIDE.finditer(text, c0, c1):
        if m.start() <= span[0] < m.end():
            continue
        if m.end() <= span[0] and _PLACE_TAIL.fullmatch(text, m.end(), span[0]):
            continue  # ", which X will convene in Montreux, Switzerland, on 22 January": its own
        parts.append(text[pos:m.start()])
        pos = m.end()
    parts.append(text[pos:c1])
    return " ".join(parts)


def _markers(s: str) -> list[tuple[int, int, bool, str]]:
    """(start, end, is_future, word) of every tense marker in s."""
    out = [(m.start(), m.end(), True, m.group(0)) for m in FUTURE.finditer(s)]
    out += [(m.start(), m.end(), False, m.group(0)) for m in PAST_EVENT.finditer(s)]
    return out


def _tense_marker(text: str, start: int, c0: int, c1: int, span: Span) -> _Tense:
    """The tense word that governs a date: the nearest one before it in its clause ("talks
    held on May 3 will ..." is past), else the first after it ("On July 3, X will ..."), else
    the last one earlier in the sentence ("They noted the summit held in Moscow on July 8-9,
    2024, and the BRICS summit in Kazan on October 22-24")."""
    before = _markers(tense_window(text, c0, span[0], span))
    after = _markers(tense_window(text, span[1], c1, span))
    any_future = any(m[2] for m in before + after)
    if before:
        word = max(before, key=lambda m: (m[1], m[2]))
    elif after:
        word = min(after, key=lambda m: (m[0], not m[2]))
    else:
        earlier = _markers(tense_window(text, start, c0, span))
        if not earlier:
            return _Tense(any_future=any_future)
        word = max(earlier, key=lambda m: (m[1], m[2]))
    return _Tense(future=word[2], past=not word[2], any_future=any_future or word[2])


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


def _resolve(r: Raw, clause: _Tense, doc: date | None, sy: int | None,
             prev_day: str | None) -> DateExpr | list[DateExpr] | None:
    g = r.m.groupdict()
    text = r.m.group("core") if "core" in g else r.m.group(0)
    k = r.kind
    try:
        if k in ("numeric", "iso"):
            s = _mk(int(g["y1"]), int(g["m1n"]), int(g["d1"]))
            return DateExpr(s, s, "day", r.span, text, True) if s and 1 <= int(g["m1n"]) <= 12 else None
        if k == "between" and g.get("m1b"):
            g = {**g, "m1": g["m1b"], "d1": g["d1b"], "d2": g["d2b"]}
        if k in ("md_and_d", "d_and_dm") and _int_day(g["d2"]) != _int_day(g["d1"]) + 1:
            # "on May 3 and 7": two separate days.
            out = []
            first = k == "md_and_d"
            spans = {"d1": (r.m.start(), r.m.end("d1")) if first else r.m.span("d1"),
                     "d2": r.m.span("d2") if first else (r.m.start("d2"), r.m.end())}
            for day in ("d1", "d2"):
                one = Raw("md", r.m, spans[day])
                got = _resolve_day(one, {**g, "d1": g[day], "d2": None}, clause, doc, sy)
                if got:
                    out.append(got)
            return out or None
        if k in ("md_md", "dm_dm", "md_d", "d_dm", "md", "dm", "until", "until_dm", "between",
                 "md_and_d", "d_and_dm"):
            return _resolve_day(r, g, clause, doc, sy)
        if k in ("quarter", "q"):
            q = ORDINALS.get(g["q"].lower(), None) if not g["q"].isdigit() else int(g["q"])
            y = _rel_year(g["y1"], doc) if g.get("y1") else (sy or (doc.year if doc else None))
            if y is None or q is None:
                return None
            return DateExpr(f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "quarter", r.span,
                            text, bool(g.get("y1") and g["y1"][0].isdigit()))
        if k == "half":
            h = 1 if g["h"].lower() in ("first", "1st") else 2
            y = _rel_year(g["y1"], doc)
            if y is None:
                return None
            return DateExpr(f"{y:04d}-{6 * h - 5:02d}", f"{y:04d}-{6 * h:02d}", "half", r.span,
                            text, g["y1"][0].isdigit())
        if k == "season":
            name = (g.get("s") or g.get("s2")).lower()
            a, b = SEASONS[name]
            if g.get("y1"):
                y = _rel_year(g["y1"], doc)
            else:
                y = _guess_year(a, None, clause, doc, sy)
            if y is None:
                return None
            yb = y + 1 if b < a else y
            return DateExpr(f"{y:04d}-{a:02d}", f"{yb:04d}-{b:02d}", "season", r.span, text,
                            bool(g.get("y1")))
        if k == "part_range" and g.get("m1c"):
            g = {**g, "m1": g["m1c"], "m2": g["m2c"], "y1": g.get("y1c")}
        if k in ("mm", "m_part", "my", "m", "part_range"):
            m1 = _month(g["m1"])
            m2 = _month(g["m2"]) if g.get("m2") else m1
            y = int(g["y1"]) if g.get("y1") else _guess_year(m1, None, clause, doc, sy)
            if y is None:
                return None
            y2 = y if m2 >= m1 else y + 1
            return DateExpr(f"{y:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month", r.span, text,
                            bool(g.get("y1")))
        if k == "rel_m":
            if doc is None:
                return None
            m1 = _month(g["m1"])
            w = g["w"].lower()
            if w in ("last", "previous"):
                y = doc.year if m1 < doc.month else doc.year - 1
            elif w in ("next", "coming"):
                y = doc.year if m1 > doc.month else doc.year + 1
            else:
                y = doc.year
            return DateExpr(f"{y:04d}-{m1:02d}", f"{y:04d}-{m1:02d}", "month", r.span, text)
        if k == "years":
            y1 = int(g["y1"])
            y2 = int(g["y2"]) if g.get("y2") else y1
            if y2 < y1:
                return None
            return DateExpr(f"{y1:04d}", f"{y2:04d}", "year", r.span, text, True)
        if k == "wd":
            if doc is None:
                return None
            want = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday"].index(text.lower())
            prep = g["prep"].lower()
            ahead = prep == "next" or (prep != "last" and clause.future)
            delta = (want - doc.weekday()) % 7 if ahead else -((doc.weekday() - want) % 7)
            d = (doc + timedelta(days=delta)).isoformat()
            return DateExpr(d, d, "day", r.span, text, False, "relative")
        if k == "rel":
            w = text.lower()
            if "same" in w or "that day" in w or "in the day" in w:
                base = (_iso_day(prev_day) if prev_day else None) or (
                    doc if "in the day" in w else None)
                delta = 0
            elif "next" in w or "following" in w or "day after" in w:
                base = _iso_day(prev_day) if prev_day else None
                delta = 1
            elif "before" in w or "earlier" in w or "previous" in w:
                # "the day before": before the last date told, else before publication
                base = (_iso_day(prev_day) if prev_day else None) or doc
                delta = -1
            else:
                base = doc
                delta = {"tomorrow": 1, "yesterday": -1, "today": 0}[w.strip()]
            if base is None:
                return None
            d = (base + timedelta(days=delta)).isoformat()
            return DateExpr(d, d, "day", r.span, text, False, "relative")
        if k == "rel_span":
            if doc is None:
                return None
            w = g["w"].lower()
            step = -1 if w in ("last", "previous", "the past") or w.startswith("the") else (
                1 if w in ("next", "coming") else 0)
            if g["core2"] == "week":
                monday = doc - timedelta(days=doc.weekday()) + timedelta(weeks=step)
                return DateExpr(monday.isoformat(), (monday + timedelta(days=6)).isoformat(),
                                "week", r.span, r.m.group(0), False, "relative")
            if g["core2"] == "year":
                y = f"{doc.year + step:04d}"
                return DateExpr(y, y, "year", r.span, r.m.group(0), False, "relative")
            m0 = doc.year * 12 + doc.month - 1 + step
            iso = f"{m0 // 12:04d}-{m0 % 12 + 1:02d}"
            return DateExpr(iso, iso, "month", r.span, r.m.group(0), False, "relative")
    except (KeyError, ValueError, AttributeError):
        return None
    return None


def _resolve_day(r: Raw, g: dict, clause: _Tense, doc: date | None, sy: int | None) -> DateExpr | None:
    m1 = _month(g["m1"])
    d1 = _int_day(g["d1"])
    m2 = _month(g["m2"]) if g.get("m2") else m1
    d2 = _int_day(g["d2"]) if g.get("d2") else d1
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    explicit = y1 is not None or y2 is not None
    if y1 is None and y2 is not None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y1 is None:
        y1 = _guess_year(m1, d1, clause, doc, sy)
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    s, e = _mk(y1, m1, d1), _mk(y2, m2, d2)
    if s is None or e is None or e < s:
        return None
    role = "until" if r.kind.startswith("until") else "date"
    return DateExpr(s, e, "day", r.span, r.m.string[r.span[0]:r.span[1]], explicit, role)


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
