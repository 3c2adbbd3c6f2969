"""Events with dates, places and participants.

Each sentence is cut into clauses; each dated clause that reports something happening (a
word of meeting, visiting, talks, holding, signing, celebrating, hosting ...) becomes an event
whose place and participants are looked for first in its own clause, then in the clauses
around it that carry no date of their own. One sentence can report several events ("on
January 29 in St Petersburg, on February 21 in Kazan, on April 11 and May 8 in Moscow").
Undated sentences add to the events before them: who else took part, and meetings "on the
sidelines" of the release's main event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from app.extract.context import Context
from app.extract.events.clauses import Bundle, clause_regions, paragraph_of
from app.extract.events.event_kinds import (
    MEETING_VERBS,
    MEETING_WORDS,
    PARTICIPATION,
    PARTICIPATION_WORDS,
    category_of,
    holds_any,
    kind_of,
    status_of,
    summary_of,
)
from app.extract.events.event_places import inside as _inside
from app.extract.events.event_places import place_fallbacks as _place_fallbacks
from app.extract.events.event_refs import GROUP, relative_clause_events, signing_after
from app.extract.events.places_in_text import Dateline, PlaceMention, dateline, place_mentions
from app.extract.fold import fold_case
from app.extract.model import Event, Span
from app.extract.names.roles import (
    RoleRef,
    find_roles,
    mentions_between,
    people_at,
    sentence_subject,
)
from app.extract.time.dates import find_all_dates
from app.extract.time.resolve import DateExpr, parse_doc_date
from app.extract.time.tense import FUTURE, tense_window

_MAX_DATES = 40
_WINDOW = 4  # sentences after an event that may still name its participants
_EVENT_NOUNS = {"meeting", "talks", "visit", "session", "ceremony", "forum", "conversation",
                "summit", "event", "festivities", "celebrations", "conference", "negotiations",
                "council", "delegation", "opening", "launch", "discussion", "consultations"}
_PRED = re.compile(MEETING_VERBS.pattern + r"|(?=[vptash])\b(?:visited|paid\s+(?:an?\s+)?(?:\w+\s+)?visits?|"
                   r"took\s+part|attended|spoke|signed|hosted|held|"
                   r"had\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:conversation|call|conference))\b",
                   re.I)
_MODAL = re.compile(r"(?=[wsiapegWSIAPEG])\b(?:will|would|shall|is\s+to|are\s+to|plans?\s+to|intends?\s+to|"
                    r"expected\s+to|going\s+to)\b", re.I)


@dataclass
class _Cand:
    ev: Event
    sent: int
    strong: str | None = None
    weak: str | None = None
    frame: bool = False
    dates: list[DateExpr] = field(default_factory=list)


def find_events(ctx: Context) -> list[Event]:
    text = ctx.text
    doc = parse_doc_date(ctx.doc.date)
    sents = [(s, e) for s, e in ctx.sentences if e > ctx.body_start]
    per = find_all_dates(text, sents, ctx.doc.date, ctx.body_start)
    places = _PlaceIndex(place_mentions(ctx))
    line = dateline(ctx)
    cands: list[_Cand] = []
    prev_subject: list[str] = []
    anchor: tuple[int, list[_Cand]] | None = None
    lead: _Cand | None = None
    prev_new: list[_Cand] = []
    prose = 0  # sentences of prose read so far (not a photo credit or a dateline's "ASTANA.")
    for i, (s, e) in enumerate(sents):
        if line and s < line.span[1] < e:
            s = line.span[1]  # "ALMATY, 21 June (BelTA) –" only dates the item
        refs = find_roles(ctx, s, e, prev_subject)
        quotes = _quotes(text, s, e)
        dates = [d for d in per[i]
                 if not (line and d.span[0] < line.span[1] and d.span[1] > line.span[0])
                 and not any(a <= d.span[0] and d.span[1] <= z for a, z in quotes)]  # titles
        bundles = _bundles(text, dates)
        new: list[_Cand] = []
        lead_line = bool(line and line.date and line.span[1] == s and not bundles)
        if lead_line:
            # "MINSK, 3 September (BelTA) – X met with Y ...": the dateline dates the lead.
            bundles = [Bundle([[DateExpr(line.date, line.date, "day", (s, s), "")]])]
        elif not bundles and not cands and prose == 0 and doc is not None and \
                _PRED.search(text, s, e) and not FUTURE.search(tense_window(text, s, e, (s, s))):
            # "Sergey Lavrov held talks with ..." opening a release that dates it no other
            # way (the first sentence of prose: "ASTANA." or "Photo: Akorda" are none): that
            # day.
            bundles = [Bundle([[DateExpr(doc.isoformat(), doc.isoformat(), "day", (s, s), "")]])]
        if bundles:
            new = _dated(ctx, i, s, e, bundles, dates, refs, places, doc, lead)
            if lead_line:
                for c in new:
                    c.ev.span = (line.date_span[0], c.ev.span[1])
            if new:
                new += [_Cand(ev, i, ev.place, None, False, new[0].dates) for ev in
                        relative_clause_events(ctx, s, e, new[0].ev, places.best_in)]
        elif doc is None and (undated := _kept_undated(ctx, i, s, e, refs, places,
                                                        lead_candidate=not cands and prose == 0)):
            new = undated
        else:
            new = _undated_meeting(ctx, i, s, e, refs, lead, prev_new, cands)
            if not new:
                sign = signing_after(text, s, e, [c.ev for c in cands])
                new = [_Cand(sign, i, sign.place, None, False, [])] if sign else []
            if not new:
                target = anchor[1][0] if anchor and i - anchor[0] <= _WINDOW else None
                _add_participants(ctx, s, e, refs, target, cands)
        if new:
            anchor = (i, new)
            if lead is None:
                lead = new[0]
        cands.extend(new)
        prev_new = new
        if len(_WORDS.findall(text, s, e)) >= 6:
            prose += 1
        # "he"/"they" look back one sentence only: further back the guess is too loose.
        prev_subject = sentence_subject(ctx, s, e, refs)
    if line is None and ctx.doc.place:
        # no dateline, but the date line names where the release was issued (the Kremlin's
        # "May 24, 2018 - 23:25 - St Petersburg")
        from app.extract.events.places_in_text import venue_city

        line = Dateline((0, 0), venue_city(ctx, ctx.doc.place), None)
    _place_fallbacks(ctx, cands, line, places)
    for c in cands:
        if c.ev.date_start and c.ev.date_basis is None:
            c.ev.date_basis = "stated"
    return _dedup([c.ev for c in cands])


# --- dated sentences ------------------------------------------------------------------------

_JOINED_BY_AND = re.compile(r"\s*(?:,?\s*(?:and|or)\s*(?:on\s+)?|,)\s*")


def _bundles(text: str, dates: list[DateExpr]) -> list[Bundle]:
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


def _dated(ctx: Context, idx: int, s: int, e: int, bundles: list[Bundle], dates: list[DateExpr],
           refs: list[RoleRef], places: _PlaceIndex, doc,
           lead: _Cand | None = None) -> list[_Cand]:
    text = ctx.text
    regions = clause_regions(text, s, e, bundles, _protected(ctx, s, e, dates))
    para = paragraph_of(text, s)
    out: list[_Cand] = []
    prev_kind: str | None = None
    prev_people: list[str] = []
    for bi, (b, r) in enumerate(zip(bundles, regions, strict=True)):
        near = [r.own, *r.left]
        kind = _first_kind(text, near)
        if kind is None and bi > 0:
            kind = prev_kind
        kind = kind or _first_kind(text, near, generic=True)
        from_right = False
        if kind is None:
            kind = _first_kind(text, r.right) or _first_kind(text, r.right, generic=True)
            from_right = kind is not None
        if kind is None:
            continue
        first = b.groups[0][0]
        since = bool(_SINCE.search(text, max(s, first.span[0] - 12), first.span[0]))
        if _background(text, first, since, doc):
            continue
        own = text[r.own[0]:r.own[1]]
        if _SUBORDINATE.search(own) and kind_of(own, True) is None:
            continue
        if (first.precision != "day" or since) and _has_figures(
                text, [*near, *(r.right if from_right else [])], dates):
            # "In the first quarter, 15 visits took place", "has received more than 2,000 calls
            # since September 23": statistics
            continue
        prev_kind = kind
        people = _people_in(ctx, near, refs)
        if not people:
            people = list(prev_people) if bi > 0 else []
        if not people:
            people = _people_in(ctx, r.right + r.rest, refs)
        if not people and lead is not None and len(lead.ev.participants) >= 2 and (GROUP.search(
                " ".join(text[a:z] for a, z in [*near, *r.right])) or _THEY.match(text, s, e)):
            people = list(lead.ev.participants)  # "the sides agreed to meet in May"
        prev_people = people
        strong, weak = _choose_place(places, near, b, ctx)
        if strong is None and any(_THERE.search(text, a, z) for a, z in near):
            strong = _place_before(places, near[0][0], s)  # "... will be held there"
        if strong is None and (r.frame or bi == len(bundles) - 1 or bi == 0):
            strong2, weak2 = _choose_place(places, r.right, b, ctx)
            strong = strong2
            weak = weak or weak2
        used = sorted([r.own, *r.left, *(r.right if r.frame or from_right else [])])
        span = (min(u[0] for u in used), max(u[1] for u in used))
        clause_text = " ".join(text[a:z] for a, z in used)
        summary = _summary(text, s, bi, r, regions, bundles, dates, used)
        n_days = _n_day_span(clause_text)
        for g in b.groups:
            start, end = g[0].start, g[-1].end
            if n_days and start == end and g[0].precision == "day":
                end = _plus_days(start, n_days - 1)  # "a two-day visit on November 7"
            status = status_of(" ".join(tense_window(text, a, z, g[0].span) for a, z in used),
                               start, end, doc)
            if g[0].text == "":
                status = "held"  # dated by publication: only a sentence reporting it as done is
            splits = _split_meetings(ctx, kind, used, people, refs)
            for plist in splits:
                ev = Event(
                    kind=kind, category=category_of(kind, clause_text, para),
                    date_start=start, date_end=end, place=strong, participants=plist,
                    status=status, summary=summary,
                    span=(min(span[0], g[0].span[0]), max(span[1], g[-1].span[1])),
                    precision=g[0].precision,
                    # a date made from the publication date, not written: "" as its text
                    date_basis="publication" if g[0].text == "" else "stated",
                )
                out.append(_Cand(ev, idx, strong, weak, r.frame, g))
    return out


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


_WORDS = re.compile(r"[^\W\d_]+")
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
            m = _PRED.search(text, a, regions[j].own[1])
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


def _quotes(text: str, s: int, e: int) -> list[Span]:
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
    spans.extend(_quotes(ctx.text, s, e))
    spans.extend((a, z) for a, z, _ in mentions_between(ctx, s, e))
    return spans


def _first_kind(text: str, spans: list[Span], generic: bool = False) -> str | None:
    for a, z in spans:
        k = kind_of(text[a:z], generic)
        if k:
            return k
    return None


def _people_in(ctx: Context, spans: list[Span], refs: list[RoleRef]) -> list[str]:
    found: list[tuple[int, list[str]]] = []
    ref_starts = [r.span[0] for r in refs]  # refs come sorted by position
    for a, z in spans:
        # "Maria Zakharova: The conference was held ...": the speaker of an answer is no
        # participant of what she describes.
        found.extend((pos, [n]) for pos, n in people_at(ctx, a, z)
                     if not _SPEAKER.match(ctx.text, _name_end(ctx, pos)))
        for i in range(bisect_left(ref_starts, a), len(refs)):
            if ref_starts[i] >= z:
                break
            found.append((ref_starts[i], refs[i].people))
    out: list[str] = []
    seen: set[str] = set()
    for _, names in sorted(found, key=lambda t: t[0]):
        for n in names:
            if n not in seen:
                seen.add(n)
                out.append(n)
    return out


_SPEAKER = re.compile(r"\s*:")


def _name_end(ctx: Context, pos: int) -> int:
    for p in ctx.people:
        for s, e in p.mentions:
            if s == pos:
                return e
    return pos


def _split_meetings(ctx: Context, kind: str, spans: list[Span], people: list[str],
                    refs: list[RoleRef]) -> list[list[str]]:
    """"had separate meetings with A and B": one meeting with each."""
    if kind not in ("meeting", "talks"):
        return [people]
    for a, z in spans:
        # "met with A and with B": the repeated "with" makes two meetings.
        m = re.search(r"\b(?:separate|individual|bilateral)\s+(?:meetings|talks|consultations)\s+"
                      r"with\b|\b(?:meetings|conversations)\s+with\b|\b(?:met|talks|talked|spoke)\s+with\b"
                      r"(?=[^.;]*\band\s+(?:also\s+)?with\b)", ctx.text[a:z], re.I)
        if not m:
            continue
        cut = a + m.end()
        hosts = _people_in(ctx, [(a, cut)], refs) or [p for p in people]
        guests = [n for n in _people_in(ctx, [(cut, z)], refs) if n not in hosts]
        if len(guests) >= 2:
            hosts = [h for h in hosts if h not in guests] or hosts
            return [[*hosts, g] for g in guests]
    return [people]


def _choose_place(places: _PlaceIndex, spans: list[Span], b: Bundle,
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


def _place_before(places: _PlaceIndex, pos: int, sent_start: int) -> str | None:
    """The last place named in the sentence before pos ("will visit Kursk, and a meeting will
    be held there")."""
    before = [p for p in places.within([(sent_start, pos)]) if p.rank >= 2]
    return before[-1].name if before else None


class _PlaceIndex:
    """Place mentions in text order, for "which of them lie inside these clauses"."""

    def __init__(self, places: list[PlaceMention]):
        self.places = sorted(places, key=lambda p: p.start)
        self.starts = [p.start for p in self.places]

    def best_in(self, a: int, z: int) -> str | None:
        got = [p for p in self.within([(a, z)]) if p.rank >= 2]
        return got[0].name if got else None

    def within(self, spans: list[Span]) -> list[PlaceMention]:
        out = []
        for a, z in spans:
            for i in range(bisect_left(self.starts, a), len(self.places)):
                if self.places[i].start >= z:
                    break
                if self.places[i].end <= z:
                    out.append(self.places[i])
        return out


# --- no publication date -------------------------------------------------------------------

_PLACEABLE = {"md", "dm", "md_d", "d_dm", "md_md", "dm_dm", "md_and_d", "d_and_dm", "between",
              "wd", "rel", "rel_m", "rel_span", "m", "mm", "m_part", "until", "until_dm"}


def _kept_undated(ctx: Context, idx: int, s: int, e: int, refs: list[RoleRef],
                  places: _PlaceIndex, lead_candidate: bool) -> list[_Cand]:
    """Without a publication date, "X met Y on Tuesday" cannot be placed in time; the event is
    kept without a date (its words stay searchable; a date given later places it)."""
    from app.extract.time.date_patterns import raw_matches

    text = ctx.text
    has_date = any(r.kind in _PLACEABLE for r in raw_matches(text, s, e))
    if not has_date and not (lead_candidate and _PRED.search(text, s, e)):
        return []
    kind = kind_of(text[s:e])
    if kind is None:
        return []
    people = _people_in(ctx, [(s, e)], refs)
    future = FUTURE.search(tense_window(text, s, e, (s, s)))
    ev = Event(kind=kind, category=category_of(kind, text[s:e], paragraph_of(text, s)),
               date_start=None, date_end=None, place=places.best_in(s, e), participants=people,
               status="planned" if future else "held", summary=summary_of(text, [(s, e)], []),
               span=(s, e), precision=None, date_basis=None)
    return [_Cand(ev, idx, ev.place, None, False, [])]


# --- undated sentences ----------------------------------------------------------------------

_ALSO = re.compile(r"\balso\b")
_UNNAMED_HOST = re.compile(r"\b[Tt]he\s+(?:Secretary-General|President|Prime\s+Minister|Minister|"
                           r"Chairman|Chair|Speaker|Ambassador|Governor)\s+(?:also\s+)?met\b")
# A sentence carrying on the story of the one before: "In the evening, he met with ...",
# "Later, the Minister held talks with ...".
_NARRATIVE = re.compile(r"\W*(?:(?:In\s+the\s+(?:evening|afternoon|morning)|Later(?:\s+that\s+day)?|"
                        r"Afterwards|Then|After\s+that|Subsequently)\s*,?\s*)?(?:[Hh]e|[Ss]he|"
                        r"[Tt]he\s+(?:\w+\s+)?(?:Minister|President|Prime\s+Minister|head\s+of\s+state|"
                        r"Secretary-General|Ambassador|minister|president))\b")


def _undated_meeting(ctx: Context, idx: int, s: int, e: int, refs: list[RoleRef],
                     lead: _Cand | None, prev_new: list[_Cand],
                     cands: list[_Cand] | None = None) -> list[_Cand]:
    """A meeting "on the sidelines" of the main event, or one that "also" took place."""
    sent = ctx.text[s:e]
    if not holds_any(fold_case(sent), MEETING_WORDS) or not MEETING_VERBS.search(sent) \
            or _MODAL.search(sent):
        return []
    people = _people_in(ctx, [(s, e)], refs)
    # The last held event told earlier in this paragraph: "On July 25, X held talks with Y.
    # ... In the evening, he met with Z." happened the same day.
    para_start = ctx.text.rfind("\n", 0, s) + 1
    local = [c for c in (cands or []) if c.ev.status == "held" and c.ev.date_start
             and para_start <= c.ev.span[0] < s and c.ev.date_start == c.ev.date_end]
    narrative = local[-1] if local and _NARRATIVE.match(sent) else None
    if narrative is not None and len(people) == 1 and narrative.ev.participants and \
            narrative.ev.participants[0] not in people:
        people = [narrative.ev.participants[0], *people]
    sidelines = re.search(r"\bon\s+the\s+(?:sidelines|margins)\b", sent, re.I)
    # "On the margins, the Secretary-General met with X": the host may be a post unnamed.
    if len(people) < (1 if sidelines and _UNNAMED_HOST.search(sent) else 2):
        return []
    base = None
    if sidelines and local:
        base = local[-1]
    elif sidelines and lead is not None:
        base = lead
    elif narrative is not None:
        base = narrative
    elif _ALSO.search(sent) and (prev_new or lead):
        # "X was also received by Y": beside the last event held, not one merely announced,
        # and rather one X took part in than one a subordinate clause recalls.
        held = [c for c in prev_new if c.ev.status == "held"]
        if lead is not None and lead.ev.status == "held" and lead not in held:
            held.insert(0, lead)
        shared = [c for c in held if set(c.ev.participants) & set(people)]
        base = shared[-1] if shared else (held[-1] if held else None)
        days = [c for c in prev_new if c.ev.status == "held" and c.ev.precision == "day"
                and c.ev.date_start == c.ev.date_end and c is not lead]
        if base is lead and days and _inside(days[-1].ev, lead.ev):
            # "On July 27, the delegation took part in ... . X also had conversations with
            # ...": that day, not the whole visit.
            base = days[-1]
    if base is None or base.ev.status != "held":
        return []
    kind = kind_of(sent) or "meeting"
    if kind not in ("meeting", "talks", "telephone conversation"):
        kind = "meeting"
    b = base.ev
    out = []
    for plist in _split_meetings(ctx, kind, [(s, e)], people, refs):
        ev = Event(kind=kind, category="meeting", date_start=b.date_start, date_end=b.date_end,
                   place=b.place, participants=plist, status="held",
                   summary=summary_of(ctx.text, [(s, e)], []), span=(s, e), precision=b.precision)
        out.append(_Cand(ev, idx, b.place, None, False, base.dates))
    return out


_AT_VOTE = re.compile(r"(?=[baiBAI])\b(?:before|after|in\s+explanation\s+of)\s+the\s+vote\b", re.I)
_VOTED = re.compile(r"\bvot(?:ed|ing|e)\b", re.I)


_CLAUSE_BREAK = re.compile(r"[;,]\s*(?:and|but|while)\s+|;\s*")
_NEGATION = re.compile(r"\b(?:not|never|declined)\b")


def _add_participants(ctx: Context, s: int, e: int, refs: list[RoleRef], target: _Cand | None,
                      cands: list[_Cand]) -> None:
    """"X also attended", "Russia was represented by Y", "Z will take part in the ceremony"."""
    sent = ctx.text[s:e]
    if not holds_any(fold_case(sent), PARTICIPATION_WORDS) or not PARTICIPATION.search(sent):
        return
    subj = re.match(r"\W*(?:A|An|The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,3}?([a-z]+)\b"
                    r"(?=\s+(?:is|are|was|were|has|have|will|also|co-chaired|chaired))", sent)
    if subj and subj.group(1).lower() not in _EVENT_NOUNS:
        return  # "The committee is co-chaired by ...": someone else's post, not this event
    m = re.match(r"\W*(?:The|This|That)\s+(meeting|talks|visit|session|ceremony|forum|"
                 r"conversation|summit)\b", sent)
    if target is None and m:
        word = m.group(1).lower()
        want = {"summit": "session", "conversation": "telephone conversation",
                "ceremony": "cultural"}.get(word, word)
        target = next((c for c in cands if c.ev.kind == want), None)
    if _AT_VOTE.search(sent):
        # "X explained our position before the vote": at the meeting that voted.
        voted = [c for c in cands if _VOTED.search(c.ev.summary or "")]
        target = voted[-1] if voted else target
    if target is None:
        return
    keep = []
    for clause in _CLAUSE_BREAK.split(sent):
        if _NEGATION.search(clause):
            continue
        keep.append(clause)
    text = " ".join(keep)
    for n in _people_in(ctx, [(s, e)], refs):
        if _mentioned_in(ctx, n, s, e, text) and n not in target.ev.participants:
            target.ev.participants.append(n)


def _mentioned_in(ctx: Context, name: str, s: int, e: int, kept: str) -> bool:
    for p in ctx.people:
        if p.name == name:
            return any(s <= a < e and ctx.text[a:b] in kept for a, b in p.mentions) or \
                any(alias in kept for alias in [p.name, *p.aliases])
    return True  # a role phrase: kept as resolved


_BILATERAL = re.compile(r"\b(?:bilateral|on\s+the\s+(?:sidelines|margins)|separate|"
                        r"one-on-one|tête-à-tête)\b", re.I)


def _dedup(events: list[Event]) -> list[Event]:
    """The same event told twice (same kind, dates, place; one's people within the other's).
    A bilateral meeting on the sidelines of a larger one is an event of its own."""
    out: list[Event] = []
    seen: dict[tuple, list[Event]] = {}
    for ev in events:
        twin = None
        same = seen.setdefault((ev.kind, ev.date_start, ev.date_end), [])
        for o in same:
            if ev.place and o.place and ev.place != o.place:
                continue
            a, b = set(o.participants), set(ev.participants)
            if a != b and (_BILATERAL.search(ev.summary or "") or _BILATERAL.search(o.summary or "")):
                continue
            if a <= b or b <= a:
                twin = o
                break
        if twin is None:
            out.append(ev)
            same.append(ev)
            continue
        for n in ev.participants:
            if n not in twin.participants:
                twin.participants.append(n)
        twin.place = twin.place or ev.place
    return out
