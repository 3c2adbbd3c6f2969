"""What the event readers share: an event found with where and how it was found, the place
mentions in text order, and the people a clause names."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..context import Context
from ..model import Event, Span
from ..names.roles import (
    RoleRef,
    people_at,
)
from ..time.resolve import DateExpr
from .event_kinds import (
    MEETING_VERBS,
)
from .places_in_text import PlaceMention

PRED = re.compile(MEETING_VERBS.pattern + r"|(?=[vptash])\b(?:visited|paid\s+(?:an?\s+)?(?:\w+\s+)?visits?|"
                   r"took\s+part|attended|spoke|signed|hosted|held|"
                   r"had\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:conversation|call|conference))\b",
                   re.I)


@dataclass
class Candidate:
    ev: Event
    sent: int
    strong: str | None = None
    weak: str | None = None
    frame: bool = False
    dates: list[DateExpr] = field(default_factory=list)


def people_in(ctx: Context, spans: list[Span], refs: list[RoleRef]) -> list[str]:
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


def split_meetings(ctx: Context, kind: str, spans: list[Span], people: list[str],
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
        hosts = people_in(ctx, [(a, cut)], refs) or [p for p in people]
        guests = [n for n in people_in(ctx, [(cut, z)], refs) if n not in hosts]
        if len(guests) >= 2:
            hosts = [h for h in hosts if h not in guests] or hosts
            return [[*hosts, g] for g in guests]
    return [people]


class PlaceIndex:
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
