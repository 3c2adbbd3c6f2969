"""Where an event took place when its own clause names no place: the city of a visit it
belongs to, the dateline's city (or where the release was issued), a session it was part of,
the city hosting the release's lead event. Split from events.py."""

from __future__ import annotations

from ..context import Context
from ..model import Event


def place_fallbacks(ctx: Context, cands: list, line, places) -> None:
    """Places for events whose own words name none: a visit's city, the dateline's city, a
    session they took part in, the city hosting the release's lead event."""
    from .places_in_text import is_country, place_country, place_kind

    visits = [c for c in cands if c.ev.kind == "visit" and c.ev.place]
    # An official visit "to China" took place where its talks did ("talks in Beijing"), or in
    # the city of that country the next lines put it in ("In Minsk, he will ...").
    for v in visits:
        if not is_country(ctx, v.ev.place):
            continue
        for c in cands:
            if c is v or not c.strong or is_country(ctx, c.strong):
                continue
            if place_country(ctx, c.strong) not in (None, v.ev.place):
                continue  # the summit in Astana is not where a visit to Russia took place
            if inside(c.ev, v.ev) and set(c.ev.participants) & set(v.ev.participants):
                v.ev.place = c.strong
                break
        else:
            city = _city_after(ctx, v, places)
            if city:
                v.ev.place = city
    hosts = [c for c in cands if c.ev.kind in ("session", "forum", "visit") and c.ev.place
             and not is_country(ctx, c.ev.place)]
    lead_host = cands[0] if cands and cands[0].ev.kind in ("anniversary", "cultural") and \
        cands[0].ev.place and place_kind(ctx, cands[0].ev.place) == "city" else None
    for c in cands:
        if c.ev.place and line and is_country(ctx, c.ev.place) and c.ev.status == "held" and \
                c.ev.date_start == c.ev.date_end == ctx.doc.date and \
                place_country(ctx, line.city) == c.ev.place:
            c.ev.place = line.city  # "X, who is in Russia, ..." under "MOSCOW, ..." : Moscow
        if c.ev.place:
            continue
        if line and c.ev.date_start == c.ev.date_end and c.ev.date_start in (
                line.date, ctx.doc.date) and c.ev.status == "held":
            # The dateline's city is where the reported event happened when the text names
            # no other place ("BEIJING, Nov. 8 (Xinhua) -- ... held talks here on Wednesday").
            c.ev.place = line.city
            continue
        for v in visits:
            if inside(c.ev, v.ev) and set(c.ev.participants) & set(v.ev.participants):
                c.ev.place = v.ev.place
                break
        if c.ev.place is None:
            # "On September 28, the minister addressed the General Assembly" during a session
            # held in New York on September 23-28 that he attended: it happened there too.
            for h in hosts:
                # A session within a session's days (its outreach part) needs no shared name.
                if h is not c and inside(c.ev, h.ev) and (
                        set(c.ev.participants) & set(h.ev.participants)
                        or c.ev.kind == h.ev.kind == "session"):
                    c.ev.place = h.ev.place
                    break
        if c.ev.place is None:
            c.ev.place = c.weak
        if c.ev.place is None and _near_lead(c.ev, lead_host):
            # A release on commemorations or a festival hosted by one city: what else happened
            # there within a day or two, with no place of its own, happened in that city.
            c.ev.place = lead_host.ev.place


def _near_lead(ev: Event, lead, days: int = 2) -> bool:
    if lead is None or lead.ev is ev or ev.status != lead.ev.status:
        return False
    a, b = _day(ev.date_start), _day(lead.ev.date_start)
    return a is not None and b is not None and ev.date_start == ev.date_end \
        and abs((a - b).days) <= days


def _day(s: str | None):
    from datetime import date

    try:
        return date.fromisoformat(s) if s and len(s) == 10 else None
    except ValueError:
        return None


def _city_after(ctx: Context, v, places) -> str | None:
    """The first city of the visited country named "in"/"at" in the visit's sentence or the
    next two."""
    from .places_in_text import place_country

    sents = [sp for sp in ctx.sentences if sp[1] > v.ev.span[0]][:3]
    if not sents:
        return None
    for p in places.within([(v.ev.span[0], sents[-1][1])]):
        if p.kind == "city" and p.rank == 3 and place_country(ctx, p.name) == v.ev.place:
            return p.name
    return None


def inside(ev: Event, outer: Event) -> bool:
    if not (ev.date_start and outer.date_start and ev.date_end and outer.date_end):
        return False
    if len(ev.date_start) != 10 or len(outer.date_start) != 10:
        return False
    return outer.date_start <= ev.date_start and ev.date_end <= outer.date_end
