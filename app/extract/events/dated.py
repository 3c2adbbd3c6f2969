"""Events of a sentence that writes dates: its dates grouped into bundles, one clause per
bundle, each clause read for its kind, people, place and summary."""

from __future__ import annotations

import re

from ..context import Context
from ..model import Event, Span
from ..names.roles import (
    RoleRef,
    mentions_between,
)
from ..time.resolve import DateExpr
from ..time.tense import tense_window
from .candidates import PRED, Candidate, PlaceIndex, people_in, split_meetings
from .clauses import Bundle, clause_regions, paragraph_of
from .event_kinds import (
    category_of,
    kind_of,
    status_of,
    summary_of,
)
from .event_refs import GROUP

_MAX_DATES = 40


_JOINED_BY_AND = re.compile(r"\s*(?:,?\s*(?:and|or)\s*(?:on\s+)?|,)\s*")


def bundles_of(text: str, dates: list[DateExpr]) -> list[Bundle]:
    """Scorable dates grouped: "until X" closes the range before it; dates joined only by
    "and" / "," ("on April 11 and May 8") share one clause."""
    groups: list[list[DateExpr]] = []
    for d in dates:
        if d.role == "until":
            if groups and groups[-1][-1].role != "until" and d.end >= groups[-1][-1].start[:10]:
                groups[-1].append(d)
            continue
        if not d.is_scorable or d.precision == "half" or d.role == "report":
            continue
        groups.append([d])
    bundles: list[Bundle] = []
    # A "sentence" with dozens of dates is a table or a list, not prose: its first dates are
    # read, the rest would only cost time.
    groups = groups[:_MAX_DATES]
    for g in groups:
        if bundles:
            gap = text[bundles[-1].groups[-1][-1].span[1]:g[0].span[0]]
            if _JOINED_BY_AND.fullmatch(gap):
                bundles[-1].groups.append(g)
                continue
        bundles.append(Bundle([g]))
    return bundles


def dated_events(ctx: Context, idx: int, s: int, e: int, bundles: list[Bundle],
                 dates: list[DateExpr], refs: list[RoleRef], places: PlaceIndex, doc,
                 lead: Candidate | None = None) -> list[Candidate]:
    """One event per bundle whose clause says what happened (several when a meeting was held
    separately with each guest), each group of its dates an event of its own."""
    text = ctx.text
    regions = clause_regions(text, s, e, bundles, _protected(ctx, s, e, dates))
    para = paragraph_of(text, s)
    out: list[Candidate] = []
    prev_kind: str | None = None
    prev_people: list[str] = []
    for bi, (b, r) in enumerate(zip(bundles, regions, strict=True)):
        near = [r.own, *r.left]
        kind, from_right = _kind(text, r, near, prev_kind if bi > 0 else None)
        if kind is None or _no_event(text, s, b, r, near, from_right, dates, doc):
            continue
        prev_kind = kind
        people = _people(ctx, s, e, r, near, refs, prev_people if bi > 0 else [], lead)
        prev_people = people
        strong, weak = _place(ctx, s, r, near, b, places,
                              wide=r.frame or bi == len(bundles) - 1 or bi == 0)
        used = sorted([r.own, *r.left, *(r.right if r.frame or from_right else [])])
        summary = _summary(text, s, bi, r, regions, bundles, dates, used)
        for ev, g in _events(ctx, b, used, kind, people, refs, strong, summary, para, doc):
            out.append(Candidate(ev, idx, strong, weak, r.frame, g))
    return out


def _kind(text: str, r, near: list[Span], prev_kind: str | None) -> tuple[str | None, bool]:
    """What happened, from the clause and its left (else the bundle before's kind, else a
    generic word), else from its right; and whether the right told it."""
    kind = _first_kind(text, near)
    if kind is None:
        kind = prev_kind
    kind = kind or _first_kind(text, near, generic=True)
    if kind is not None:
        return kind, False
    kind = _first_kind(text, r.right) or _first_kind(text, r.right, generic=True)
    return kind, kind is not None


def _no_event(text: str, s: int, b: Bundle, r, near: list[Span], from_right: bool,
              dates: list[DateExpr], doc) -> bool:
    """History, a subordinate clause's date, or statistics: no event of its own."""
    first = b.groups[0][0]
    since = bool(_SINCE.search(text, max(s, first.span[0] - 12), first.span[0]))
    if _background(text, first, since, doc):
        return True
    own = text[r.own[0]:r.own[1]]
    if _SUBORDINATE.search(own) and kind_of(own, True) is None:
        return True
    # "In the first quarter, 15 visits took place", "has received more than 2,000 calls
    # since September 23": statistics
    return (first.precision != "day" or since) and _has_figures(
        text, [*near, *(r.right if from_right else [])], dates)


def _people(ctx: Context, s: int, e: int, r, near: list[Span], refs: list[RoleRef],
            prev_people: list[str], lead: Candidate | None) -> list[str]:
    """Who took part: named in the clause, else those of the bundle before, else named
    later in the sentence, else the lead event's when "the sides" or "they" did it."""
    text = ctx.text
    people = people_in(ctx, near, refs)
    if not people:
        people = list(prev_people)
    if not people:
        people = people_in(ctx, r.right + r.rest, refs)
    if not people and lead is not None and len(lead.ev.participants) >= 2 and (GROUP.search(
            " ".join(text[a:z] for a, z in [*near, *r.right])) or _THEY.match(text, s, e)):
        people = list(lead.ev.participants)  # "the sides agreed to meet in May"
    return people


def _place(ctx: Context, s: int, r, near: list[Span], b: Bundle, places: PlaceIndex,
           wide: bool) -> tuple[str | None, str | None]:
    """(strong, weak) place: in the clause, "there" for one named before, else (when the
    clause frames the sentence or ends or opens it) to its right."""
    text = ctx.text
    strong, weak = _choose_place(places, near, b, ctx)
    if strong is None and any(_THERE.search(text, a, z) for a, z in near):
        strong = _place_before(places, near[0][0], s)  # "... will be held there"
    if strong is None and wide:
        strong2, weak2 = _choose_place(places, r.right, b, ctx)
        strong = strong2
        weak = weak or weak2
    return strong, weak


def _events(ctx: Context, b: Bundle, used: list[Span], kind: str, people: list[str],
            refs: list[RoleRef], place: str | None, summary: str, para, doc):
    """(event, its dates) for each group of dates of the bundle and each meeting."""
    text = ctx.text
    span = (min(u[0] for u in used), max(u[1] for u in used))
    clause_text = " ".join(text[a:z] for a, z in used)
    n_days = _n_day_span(clause_text)
    for g in b.groups:
        start, end = g[0].start, g[-1].end
        if n_days and start == end and g[0].precision == "day":
            end = _plus_days(start, n_days - 1)  # "a two-day visit on November 7"
        status = status_of(" ".join(tense_window(text, a, z, g[0].span) for a, z in used),
                           start, end, doc)
        if g[0].text == "":
            status = "held"  # dated by publication: only a sentence reporting it as done is
        for plist in split_meetings(ctx, kind, used, people, refs):
            yield Event(
                kind=kind, category=category_of(kind, clause_text, para),
                date_start=start, date_end=end, place=place, participants=plist,
                status=status, summary=summary,
                span=(min(span[0], g[0].span[0]), max(span[1], g[-1].span[1])),
                precision=g[0].precision,
                # a date made from the publication date, not written: "" as its text
                date_basis="publication" if g[0].text == "" else "stated",
            ), g


_N_DAY = re.compile(r"\b(?P<n>two|three|four|five|2|3|4|5)-day\s+(?:official\s+|state\s+|working\s+)?"
                    r"(?:visit|trip|talks|session|summit|forum|meeting|tour|conference)\b", re.I)


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _n_day_span(clause: str) -> int | None:
    m = _N_DAY.search(clause)
    if not m:
        return None
    n = m.group("n").lower()
    return int(n) if n.isdigit() else _NUMBERS[n]


def _plus_days(iso: str, n: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=n)).isoformat()


_THEY = re.compile(r"\W*They\b")


# "after the Taliban seized Kabul in August": the date belongs to a clause whose own verb
# reports no meeting.
_SUBORDINATE = re.compile(r"\b(?:after|before|when|since|until|as)\s+(?:the\s+)?[A-Z][\w-]*"
                          r"(?:\s+[A-Z][\w-]*)*\s+[a-z]+ed\b")


_SINCE = re.compile(r"\b(?:since|as\s+of|as\s+at)\s+$", re.I)


_HISTORY_YEARS = 5


def _background(text: str, first: DateExpr, since: bool, doc) -> bool:
    """History, not a meeting: "since March 2020" (a state that began then), "on June 22,
    1941", "relations established on January 30, 1950" (a written year long before the
    release)."""
    if since:
        return True
    if doc is None or not first.explicit_year:
        return False
    return int(first.start[:4]) < doc.year - _HISTORY_YEARS


_RELATIVE_OPENING = re.compile(r"\W*(?:which|that|where|who|whose)\b")


def _summary(text: str, s: int, bi: int, r, regions, bundles: list[Bundle],
             dates: list[DateExpr], spans: list[Span]) -> str:
    """The event's own clause, led by the words that say what happened when the clause
    leaves them to the sentence ("..., and on April 15 in Moscow")."""
    own_text = text[r.own[0]:r.own[1]]
    if bi > 0 and _RELATIVE_OPENING.match(own_text):
        return summary_of(text, [regions[bi - 1].own, *spans], [d.span for d in dates])
    lead: Span | None = None
    if bi > 0 and not r.left and not kind_of(own_text):
        # "..., and Sochi on April 29": lead with the last "X visited" / "they met" before.
        for j in range(bi - 1, -1, -1):
            a = min([regions[j].own[0], *(c[0] for c in regions[j].left)])
            m = PRED.search(text, a, regions[j].own[1])
            if m:
                lead = (a, m.end())
                break
    return summary_of(text, spans, [d.span for d in dates], lead)


_ANY_DIGIT = re.compile(r"\d")


def _has_figures(text: str, spans: list[Span], dates: list[DateExpr]) -> bool:
    for a, z in spans:
        chunk = list(text[a:z])
        for d in dates:
            for i in range(max(d.span[0], a), min(d.span[1], z)):
                chunk[i - a] = " "
        if _ANY_DIGIT.search("".join(chunk)):
            return True
    return False


def quoted_spans(text: str, s: int, e: int) -> list[Span]:
    """Quoted titles ("the exhibition “June 22, 1941”"): their dates are no events."""
    chunk = text[s:e]
    if "“" not in chunk and '"' not in chunk and "«" not in chunk:
        return []  # (most sentences: no regex call)
    return [(s + m.start(), s + m.end()) for m in _QUOTED.finditer(chunk)]


_QUOTED = re.compile(r"“[^”]{1,200}”|\"[^\"]{1,200}\"|«[^»]{1,200}»")


def _protected(ctx: Context, s: int, e: int, dates: list[DateExpr]) -> list[Span]:
    """Where a sentence is never cut: dates, quoted titles, people's names."""
    spans = [d.span for d in dates]
    for o in ctx.organizations:  # "Commission on Trade, Economic, Scientific ... Cooperation"
        spans.extend(m for m in o.mentions if s <= m[0] < e)
    spans.extend(quoted_spans(ctx.text, s, e))
    spans.extend((a, z) for a, z, _ in mentions_between(ctx, s, e))
    return spans


def _first_kind(text: str, spans: list[Span], generic: bool = False) -> str | None:
    for a, z in spans:
        k = kind_of(text[a:z], generic)
        if k:
            return k
    return None


def _choose_place(places: PlaceIndex, spans: list[Span], b: Bundle,
                  ctx: Context) -> tuple[str | None, str | None]:
    anchors = [g[0].span for g in b.groups]
    strong, weak = [], []
    for p in places.within(spans):
        dist = min(ds - p.end if p.end <= ds else max(0, p.start - de) for ds, de in anchors)
        if p.rank > 0:
            strong.append((-p.rank, 0 if p.kind == "city" else 1, dist, p.name))
        elif p.rank == 0 and p.kind not in ("country", "region"):
            weak.append((dist, p.name))
    return (min(strong)[-1] if strong else None), (min(weak)[-1] if weak else None)


_THERE = re.compile(r"(?=[htb])\b(?:held|take\s+place|took\s+place|be)\s+there\b")


def _place_before(places: PlaceIndex, pos: int, sent_start: int) -> str | None:
    """The last place named in the sentence before pos ("will visit Kursk, and a meeting will
    be held there")."""
    before = [p for p in places.within([(sent_start, pos)]) if p.rank >= 2]
    return before[-1].name if before else None
