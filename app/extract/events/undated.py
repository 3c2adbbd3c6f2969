"""Sentences without a date of their own: a meeting on the sidelines of one told before, more
participants of an earlier event, and events kept undated when the release has no date."""

from __future__ import annotations

import re

from ..context import Context
from ..fold import fold_case
from ..model import Event
from ..names.roles import (
    RoleRef,
)
from ..time.tense import FUTURE, tense_window
from .candidates import PRED, Candidate, PlaceIndex, people_in, split_meetings
from .clauses import paragraph_of
from .event_kinds import (
    MEETING_VERBS,
    MEETING_WORDS,
    PARTICIPATION,
    PARTICIPATION_WORDS,
    category_of,
    holds_any,
    kind_of,
    summary_of,
)
from .event_places import inside as _inside

_EVENT_NOUNS = {"meeting", "talks", "visit", "session", "ceremony", "forum", "conversation",
                "summit", "event", "festivities", "celebrations", "conference", "negotiations",
                "council", "delegation", "opening", "launch", "discussion", "consultations"}


_MODAL = re.compile(r"(?=[wsiapegWSIAPEG])\b(?:will|would|shall|is\s+to|are\s+to|plans?\s+to|intends?\s+to|"
                    r"expected\s+to|going\s+to)\b", re.I)


_PLACEABLE = {"md", "dm", "md_d", "d_dm", "md_md", "dm_dm", "md_and_d", "d_and_dm", "between",
              "wd", "rel", "rel_m", "rel_span", "m", "mm", "m_part", "until", "until_dm"}


def kept_undated(ctx: Context, idx: int, s: int, e: int, refs: list[RoleRef],
                  places: PlaceIndex, lead_candidate: bool) -> list[Candidate]:
    """Without a publication date, "X met Y on Tuesday" cannot be placed in time; the event is
    kept without a date (its words stay searchable; a date given later places it)."""
    from ..time.date_patterns import raw_matches

    text = ctx.text
    has_date = any(r.kind in _PLACEABLE for r in raw_matches(text, s, e))
    if not has_date and not (lead_candidate and PRED.search(text, s, e)):
        return []
    kind = kind_of(text[s:e])
    if kind is None:
        return []
    people = people_in(ctx, [(s, e)], refs)
    future = FUTURE.search(tense_window(text, s, e, (s, s)))
    ev = Event(kind=kind, category=category_of(kind, text[s:e], paragraph_of(text, s)),
               date_start=None, date_end=None, place=places.best_in(s, e), participants=people,
               status="planned" if future else "held", summary=summary_of(text, [(s, e)], []),
               span=(s, e), precision=None, date_basis=None)
    return [Candidate(ev, idx, ev.place, None, False, [])]


_ALSO = re.compile(r"\balso\b")


_UNNAMED_HOST = re.compile(r"\b[Tt]he\s+(?:Secretary-General|President|Prime\s+Minister|Minister|"
                           r"Chairman|Chair|Speaker|Ambassador|Governor)\s+(?:also\s+)?met\b")


# A sentence carrying on the story of the one before: "In the evening, he met with ...",
# "Later, the Minister held talks with ...".
_NARRATIVE = re.compile(r"\W*(?:(?:In\s+the\s+(?:evening|afternoon|morning)|Later(?:\s+that\s+day)?|"
                        r"Afterwards|Then|After\s+that|Subsequently)\s*,?\s*)?(?:[Hh]e|[Ss]he|"
                        r"[Tt]he\s+(?:\w+\s+)?(?:Minister|President|Prime\s+Minister|head\s+of\s+state|"
                        r"Secretary-General|Ambassador|minister|president))\b")


def undated_meeting(ctx: Context, idx: int, s: int, e: int, refs: list[RoleRef],
                     lead: Candidate | None, prev_new: list[Candidate],
                     cands: list[Candidate] | None = None) -> list[Candidate]:
    """A meeting "on the sidelines" of the main event, or one that "also" took place."""
    sent = ctx.text[s:e]
    if not holds_any(fold_case(sent), MEETING_WORDS) or not MEETING_VERBS.search(sent) \
            or _MODAL.search(sent):
        return []
    people = people_in(ctx, [(s, e)], refs)
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
    for plist in split_meetings(ctx, kind, [(s, e)], people, refs):
        ev = Event(kind=kind, category="meeting", date_start=b.date_start, date_end=b.date_end,
                   place=b.place, participants=plist, status="held",
                   summary=summary_of(ctx.text, [(s, e)], []), span=(s, e), precision=b.precision)
        out.append(Candidate(ev, idx, b.place, None, False, base.dates))
    return out


_AT_VOTE = re.compile(r"(?=[baiBAI])\b(?:before|after|in\s+explanation\s+of)\s+the\s+vote\b", re.I)


_VOTED = re.compile(r"\bvot(?:ed|ing|e)\b", re.I)


_CLAUSE_BREAK = re.compile(r"[;,]\s*(?:and|but|while)\s+|;\s*")


_NEGATION = re.compile(r"\b(?:not|never|declined)\b")


def add_participants(ctx: Context, s: int, e: int, refs: list[RoleRef], target: Candidate | None,
                      cands: list[Candidate]) -> None:
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
    for n in people_in(ctx, [(s, e)], refs):
        if _mentioned_in(ctx, n, s, e, text) and n not in target.ev.participants:
            target.ev.participants.append(n)


def _mentioned_in(ctx: Context, name: str, s: int, e: int, kept: str) -> bool:
    for p in ctx.people:
        if p.name == name:
            return any(s <= a < e and ctx.text[a:b] in kept for a, b in p.mentions) or \
                any(alias in kept for alias in [p.name, *p.aliases])
    return True  # a role phrase: kept as resolved
