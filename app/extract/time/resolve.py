"""From a raw date match to a DateExpr: each kind of expression ("June 24-25", "the fourth
quarter", "next Tuesday", "the same day") resolved against the publication date, the year the
sentence sets and the tense around it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Span
from .date_patterns import MONTHS, ORDINALS, SEASONS, YEAR, Raw
from .tense import Tense


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


def rel_year(phrase: str, doc: date | None) -> int | None:
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


def guess_year(month: int, day: int | None, tense: Tense, doc: date | None,
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


def make_iso(y: int | None, m: int, d: int | None) -> str | None:
    if y is None:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve(r: Raw, clause: Tense, doc: date | None, sy: int | None,
            prev_day: str | None) -> DateExpr | list[DateExpr] | None:
    """The date (or dates: "on May 3 and 7") one raw match names; None when it cannot be
    placed. clause: the tense around it; doc: the publication date; sy: the year the sentence
    sets; prev_day: the last day told before it ("the same day")."""
    g = r.m.groupdict()
    text = r.m.group("core") if "core" in g else r.m.group(0)
    k = r.kind
    if k == "between" and g.get("m1b"):
        g = {**g, "m1": g["m1b"], "d1": g["d1b"], "d2": g["d2b"]}
    if k == "part_range" and g.get("m1c"):
        g = {**g, "m1": g["m1c"], "m2": g["m2c"], "y1": g.get("y1c")}
    how = _BY_KIND.get(k)
    if how is None:
        return None
    try:
        return how(_Match(r, g, text, clause, doc, sy, prev_day))
    except (KeyError, ValueError, AttributeError):
        return None


@dataclass
class _Match:
    """One raw match with what its resolution reads."""

    r: Raw
    g: dict
    text: str
    clause: Tense
    doc: date | None
    sy: int | None
    prev_day: str | None


def _numeric(x: _Match) -> DateExpr | None:
    g = x.g
    s = make_iso(int(g["y1"]), int(g["m1n"]), int(g["d1"]))
    return DateExpr(s, s, "day", x.r.span, x.text, True) if s and 1 <= int(g["m1n"]) <= 12 else None


def _days(x: _Match) -> DateExpr | list[DateExpr] | None:
    r, g = x.r, x.g
    if r.kind in ("md_and_d", "d_and_dm") and _int_day(g["d2"]) != _int_day(g["d1"]) + 1:
        # "on May 3 and 7": two separate days.
        out = []
        first = r.kind == "md_and_d"
        spans = {"d1": (r.m.start(), r.m.end("d1")) if first else r.m.span("d1"),
                 "d2": r.m.span("d2") if first else (r.m.start("d2"), r.m.end())}
        for day in ("d1", "d2"):
            one = Raw("md", r.m, spans[day])
            got = resolve_day(one, {**g, "d1": g[day], "d2": None}, x.clause, x.doc, x.sy)
            if got:
                out.append(got)
        return out or None
    return resolve_day(r, g, x.clause, x.doc, x.sy)


def _quarter(x: _Match) -> DateExpr | None:
    g, doc = x.g, x.doc
    q = ORDINALS.get(g["q"].lower(), None) if not g["q"].isdigit() else int(g["q"])
    y = rel_year(g["y1"], doc) if g.get("y1") else (x.sy or (doc.year if doc else None))
    if y is None or q is None:
        return None
    return DateExpr(f"{y:04d}-{3 * q - 2:02d}", f"{y:04d}-{3 * q:02d}", "quarter", x.r.span,
                    x.text, bool(g.get("y1") and g["y1"][0].isdigit()))


def _half(x: _Match) -> DateExpr | None:
    g = x.g
    h = 1 if g["h"].lower() in ("first", "1st") else 2
    y = rel_year(g["y1"], x.doc)
    if y is None:
        return None
    return DateExpr(f"{y:04d}-{6 * h - 5:02d}", f"{y:04d}-{6 * h:02d}", "half", x.r.span,
                    x.text, g["y1"][0].isdigit())


def _season(x: _Match) -> DateExpr | None:
    g = x.g
    name = (g.get("s") or g.get("s2")).lower()
    a, b = SEASONS[name]
    if g.get("y1"):
        y = rel_year(g["y1"], x.doc)
    else:
        y = guess_year(a, None, x.clause, x.doc, x.sy)
    if y is None:
        return None
    yb = y + 1 if b < a else y
    return DateExpr(f"{y:04d}-{a:02d}", f"{yb:04d}-{b:02d}", "season", x.r.span, x.text,
                    bool(g.get("y1")))


def _months(x: _Match) -> DateExpr | None:
    g = x.g
    m1 = _month(g["m1"])
    m2 = _month(g["m2"]) if g.get("m2") else m1
    y = int(g["y1"]) if g.get("y1") else guess_year(m1, None, x.clause, x.doc, x.sy)
    if y is None:
        return None
    y2 = y if m2 >= m1 else y + 1
    return DateExpr(f"{y:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month", x.r.span, x.text,
                    bool(g.get("y1")))


def _relative_month(x: _Match) -> DateExpr | None:
    doc = x.doc
    if doc is None:
        return None
    m1 = _month(x.g["m1"])
    w = x.g["w"].lower()
    if w in ("last", "previous"):
        y = doc.year if m1 < doc.month else doc.year - 1
    elif w in ("next", "coming"):
        y = doc.year if m1 > doc.month else doc.year + 1
    else:
        y = doc.year
    return DateExpr(f"{y:04d}-{m1:02d}", f"{y:04d}-{m1:02d}", "month", x.r.span, x.text)


def _years(x: _Match) -> DateExpr | None:
    y1 = int(x.g["y1"])
    y2 = int(x.g["y2"]) if x.g.get("y2") else y1
    if y2 < y1:
        return None
    return DateExpr(f"{y1:04d}", f"{y2:04d}", "year", x.r.span, x.text, True)


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _weekday(x: _Match) -> DateExpr | None:
    doc = x.doc
    if doc is None:
        return None
    want = _WEEKDAYS.index(x.text.lower())
    prep = x.g["prep"].lower()
    ahead = prep == "next" or (prep != "last" and x.clause.future)
    delta = (want - doc.weekday()) % 7 if ahead else -((doc.weekday() - want) % 7)
    d = (doc + timedelta(days=delta)).isoformat()
    return DateExpr(d, d, "day", x.r.span, x.text, False, "relative")


def _relative_day(x: _Match) -> DateExpr | None:
    w, doc, prev_day = x.text.lower(), x.doc, x.prev_day
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
    return DateExpr(d, d, "day", x.r.span, x.text, False, "relative")


def _relative_span(x: _Match) -> DateExpr | None:
    doc, g, r = x.doc, x.g, x.r
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


_BY_KIND = {
    "numeric": _numeric, "iso": _numeric,
    **dict.fromkeys(("md_md", "dm_dm", "md_d", "d_dm", "md", "dm", "until", "until_dm",
                     "between", "md_and_d", "d_and_dm"), _days),
    "quarter": _quarter, "q": _quarter, "half": _half, "season": _season,
    **dict.fromkeys(("mm", "m_part", "my", "m", "part_range"), _months),
    "rel_m": _relative_month, "years": _years, "wd": _weekday, "rel": _relative_day,
    "rel_span": _relative_span,
}


def resolve_day(r: Raw, g: dict, clause: Tense, doc: date | None, sy: int | None) -> DateExpr | None:
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
        y1 = guess_year(m1, d1, clause, doc, sy)
    if y2 is None and y1 is not None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    s, e = make_iso(y1, m1, d1), make_iso(y2, m2, d2)
    if s is None or e is None or e < s:
        return None
    role = "until" if r.kind.startswith("until") else "date"
    return DateExpr(s, e, "day", r.span, r.m.string[r.span[0]:r.span[1]], explicit, role)
