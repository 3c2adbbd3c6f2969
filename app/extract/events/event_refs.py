"""Events the text names by reference rather than with a date and names of their own.

    "Lavrov, who is taking part in the BSEC meeting in Sochi, held talks ..."
        -> the BSEC meeting is an event too: that day, Lavrov, in Sochi
    "A programme ... was signed following the talks"
        -> a signing with the talks' date, place and participants
    "They agreed ...", "the two leaders", "the parties", "the ministers"
        -> the participants of the release's lead event, when the clause names none
"""

from __future__ import annotations

import re

from ..fold import fold_case
from ..model import Event
from .event_kinds import kind_of

# Plural references to the people of the release's lead event.
GROUP = re.compile(
    r"(?=[TtBb])\b(?:[Tt]he|[Bb]oth)\s+(?:two\s+)?(?:sides|parties|interlocutors|leaders|presidents|"
    r"ministers|foreign\s+ministers|prime\s+ministers|heads\s+of\s+(?:state|government)|"
    r"counterparts|diplomats|delegations)\b|^\W*They\b|\b[Tt]he\s+two\b(?!\s+(?:countries|states|"
    r"nations|sides|peoples))")

# ", who is taking part in the BSEC ministerial meeting in Sochi,"
_WHO_ATTENDS = re.compile(
    r",\s*who\s+(?:is|was|are|were)\s+(?:taking\s+part|participating|attending|"
    r"in\s+[A-Z][\w'’-]+\s+(?:for|to\s+attend|to\s+take\s+part\s+in))\s+(?:in\s+)?"
    r"(?P<what>(?:the|an?)\s+[^,;]{3,160}?)\s*(?:,|\.?$)")

# "was signed following the talks", "Following the talks, ... were signed"
_SIGNED_AFTER = re.compile(
    r"\b(?:(?:was|were)\s+signed|signed)\b[^.;]{0,80}?\b(?:following|after|at\s+the\s+end\s+of|"
    r"as\s+a\s+result\s+of|on\s+the\s+results\s+of|upon\s+the\s+results\s+of)\s+the\s+"
    r"(?P<what>talks|meeting|negotiations|consultations)\b|"
    r"\b(?:Following|After|As\s+a\s+result\s+of|On\s+the\s+results\s+of)\s+the\s+"
    r"(?P<what2>talks|meeting|negotiations|consultations)\b[^.;]{0,160}?\b(?:was|were)\s+signed\b",
    re.I)


def relative_clause_events(ctx, s: int, e: int, main: Event, place_in) -> list[Event]:
    """Events named in a relative clause of the sentence of `main` ("X, who is taking part
    in the Y meeting in Z, held talks ..."): the same day, X taking part, in Z or where
    `main` happened."""
    out = []
    for m in _WHO_ATTENDS.finditer(ctx.text, s, e):
        who = [p.name for p in ctx.people
               if any(a < m.start() and m.start() - z <= 1 for a, z in p.mentions)]
        if not who:
            continue
        what = m.group("what")
        kind = kind_of(what)
        if kind in ("telephone conversation", "signing"):
            continue
        if kind in (None, "meeting", "talks", "other"):
            kind = "session"  # a gathering someone takes part in, not his own talks
        place = place_in(m.start("what"), m.end("what")) or main.place
        out.append(Event(kind=kind, category="meeting", date_start=main.date_start,
                         date_end=main.date_end, place=place, participants=who,
                         status=main.status, summary=what[0].upper() + what[1:],
                         span=m.span("what"), precision=main.precision,
                         date_basis=main.date_basis))
    return out


def signing_after(text: str, s: int, e: int, earlier: list[Event]) -> Event | None:
    """A signing the sentence reports as following talks told before: it takes their day,
    place and people."""
    # Both forms hold "signed": most sentences need no scan (fold_case: what re.I sees).
    m = _SIGNED_AFTER.search(text, s, e) if "signed" in fold_case(text[s:e]) else None
    if not m:
        return None
    want = {"talks": ("talks", "meeting"), "meeting": ("meeting", "talks"),
            "negotiations": ("talks", "meeting"), "consultations": ("talks", "meeting")}[
        (m.group("what") or m.group("what2")).lower()]
    base = next((ev for ev in reversed(earlier) if ev.kind in want and ev.status == "held"
                 and ev.date_start), None)
    if base is None:
        return None
    return Event(kind="signing", category=base.category, date_start=base.date_start,
                 date_end=base.date_end, place=base.place, participants=list(base.participants),
                 status="held", summary=text[s:e].strip()[:200], span=(s, e),
                 precision=base.precision, date_basis=base.date_basis)
