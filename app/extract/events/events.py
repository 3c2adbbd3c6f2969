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
from itertools import islice

from ..context import Context
from ..model import Event
from ..names.roles import RoleRef, find_roles, sentence_subject
from ..time.dates import find_all_dates
from ..time.resolve import DateExpr, parse_doc_date
from ..time.tense import FUTURE, tense_window
from .candidates import PRED, Candidate, PlaceIndex
from .clauses import Bundle
from .dated import bundles_of, dated_events, quoted_spans
from .event_places import place_fallbacks as _place_fallbacks
from .event_refs import relative_clause_events, signing_after
from .places_in_text import Dateline, dateline, place_mentions, venue_city
from .undated import add_participants, kept_undated, undated_meeting

_WINDOW = 4  # sentences after an event that may still name its participants


def find_events(ctx: Context) -> list[Event]:
    reader = _Reader(ctx)
    for i, (s, e) in enumerate(reader.sents):
        reader.read(i, s, e)
    line = reader.line
    if line is None and ctx.doc.place:
        # no dateline, but the date line names where the release was issued (the Kremlin's
        # "May 24, 2018 - 23:25 - St Petersburg")
        line = Dateline((0, 0), venue_city(ctx, ctx.doc.place), None)
    _place_fallbacks(ctx, reader.cands, line, reader.places)
    for c in reader.cands:
        if c.ev.date_start and c.ev.date_basis is None:
            c.ev.date_basis = "stated"
    return _dedup([c.ev for c in reader.cands])


_WORDS = re.compile(r"[^\W\d_]+")


class _Reader:
    """The sentences of one release read in order, with what the story told so far: the
    events found, the lead event, the last sentence's subject and new events."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.text = ctx, ctx.text
        self.doc = parse_doc_date(ctx.doc.date)
        self.sents = [(s, e) for s, e in ctx.sentences if e > ctx.body_start]
        self.per = find_all_dates(self.text, self.sents, ctx.doc.date, ctx.body_start)
        self.places = PlaceIndex(place_mentions(ctx))
        self.line = dateline(ctx)
        self.cands: list[Candidate] = []
        self.prev_subject: list[str] = []
        self.anchor: tuple[int, list[Candidate]] | None = None
        self.lead: Candidate | None = None
        self.prev_new: list[Candidate] = []
        self.prose = 0  # sentences of prose read so far (not a photo credit or "ASTANA.")

    def read(self, i: int, s: int, e: int) -> None:
        ctx, text, line = self.ctx, self.text, self.line
        if line and s < line.span[1] < e:
            s = line.span[1]  # "ALMATY, 21 June (BelTA) –" only dates the item
        refs = find_roles(ctx, s, e, self.prev_subject)
        dates = self._dates(i, s, e)
        bundles = bundles_of(text, dates)
        lead_line = bool(line and line.date and line.span[1] == s and not bundles)
        bundles = bundles or self._implied_date(s, e, lead_line)
        if bundles:
            new = self._dated(i, s, e, bundles, dates, refs, lead_line)
        elif self.doc is None and (undated := kept_undated(
                ctx, i, s, e, refs, self.places, lead_candidate=not self.cands and self.prose == 0)):
            new = undated
        else:
            new = self._undated(i, s, e, refs)
        if new:
            self.anchor = (i, new)
            if self.lead is None:
                self.lead = new[0]
        self.cands.extend(new)
        self.prev_new = new
        if sum(1 for _ in islice(_WORDS.finditer(text, s, e), 6)) == 6:  # not all words
            self.prose += 1
        # "he"/"they" look back one sentence only: further back the guess is too loose.
        self.prev_subject = sentence_subject(ctx, s, e, refs)

    def _dates(self, i: int, s: int, e: int) -> list[DateExpr]:
        """The sentence's dates, without the dateline's and those inside quoted titles."""
        line = self.line
        quoted = quoted_spans(self.text, s, e)
        return [d for d in self.per[i]
                if not (line and d.span[0] < line.span[1] and d.span[1] > line.span[0])
                and not any(a <= d.span[0] and d.span[1] <= z for a, z in quoted)]  # titles

    def _implied_date(self, s: int, e: int, lead_line: bool) -> list[Bundle]:
        """A date the sentence does not write but its place in the release gives."""
        text, doc = self.text, self.doc
        if lead_line:
            # "MINSK, 3 September (BelTA) – X met with Y ...": the dateline dates the lead.
            return [Bundle([[DateExpr(self.line.date, self.line.date, "day", (s, s), "")]])]
        if not self.cands and self.prose == 0 and doc is not None and \
                PRED.search(text, s, e) and not FUTURE.search(tense_window(text, s, e, (s, s))):
            # "Sergey Lavrov held talks with ..." opening a release that dates it no other
            # way (the first sentence of prose: "ASTANA." or "Photo: Akorda" are none): that
            # day.
            return [Bundle([[DateExpr(doc.isoformat(), doc.isoformat(), "day", (s, s), "")]])]
        return []

    def _dated(self, i: int, s: int, e: int, bundles: list[Bundle], dates: list[DateExpr],
               refs: list[RoleRef], lead_line: bool) -> list[Candidate]:
        ctx = self.ctx
        new = dated_events(ctx, i, s, e, bundles, dates, refs, self.places, self.doc, self.lead)
        if lead_line:
            for c in new:
                c.ev.span = (self.line.date_span[0], c.ev.span[1])
        if new:
            new += [Candidate(ev, i, ev.place, None, False, new[0].dates) for ev in
                    relative_clause_events(ctx, s, e, new[0].ev, self.places.best_in)]
        return new

    def _undated(self, i: int, s: int, e: int, refs: list[RoleRef]) -> list[Candidate]:
        """A meeting beside one told before, a signing, or more people for an earlier event."""
        ctx, cands = self.ctx, self.cands
        new = undated_meeting(ctx, i, s, e, refs, self.lead, self.prev_new, cands)
        if not new:
            sign = signing_after(self.text, s, e, [c.ev for c in cands])
            new = [Candidate(sign, i, sign.place, None, False, [])] if sign else []
        if not new:
            anchor = self.anchor
            target = anchor[1][0] if anchor and i - anchor[0] <= _WINDOW else None
            add_participants(ctx, s, e, refs, target, cands)
        return new


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
