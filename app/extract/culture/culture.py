"""Cultural and memorial items: festivals, days of culture, commemorations, anniversaries of
liberation and victory, memorial projects and complexes, wreath-layings, prizes, history
commissions, film weeks.

The words that mark an item are in resources/gazetteers/culture_terms.tsv. A sentence gives
one item, named by a phrase of its own words around the first marker (or spanning several
markers listed together); a list introduced by "such as" gives one item per marked entry.
A later sentence of the same paragraph that only dates the celebration ("The main
celebrations will be held on July 3") dates the item before it.
"""

from __future__ import annotations

import re

from ..context import Context
from ..model import CultureItem, Span
from ..time.periods import MONTHS, date_spans
from .phrase import STOP, item_summary, sentence_items
from .terms import Mark, plan_for, terms_of

_FOLLOW_UP = re.compile(r"\b(?:celebrat\w+|festivities|commemorat\w+|ceremon\w+|"
                        r"the\s+anniversary|will\s+be\s+marked)\b", re.I)


def find_culture(ctx: Context) -> list[CultureItem]:
    text = ctx.text
    terms = terms_of(ctx.gaz)
    plan = plan_for(terms, text)
    items: list[CultureItem] = []
    keys: dict[str, CultureItem] = {}
    last_in_para: CultureItem | None = None
    prev_end = -1
    for s, e in ctx.sentences:
        if e <= ctx.body_start:
            continue
        s = max(s, ctx.body_start)
        if prev_end >= 0 and "\n" in text[prev_end:s]:
            last_in_para = None
        prev_end = e
        found = sentence_items(text, s, e, terms, plan) if terms else []
        follow_up = last_in_para is not None and last_in_para.date_start is None \
            and bool(_FOLLOW_UP.search(text[s:e]))
        if follow_up and (not found or (len(found) == 1 and found[0][2].kind == "day")):
            # "The main celebrations will be held on July 3[, Independence Day of Belarus]."
            last_in_para.date_start = _date_for(ctx, s, e, (s, e))
            if found and found[0][2].kind == "day":
                a, b, mark = found[0]
                last_in_para.summary += "; " + item_summary(text, (a, b), mark)
            continue
        found = [f for f in found if not _generic(text, f, s, e)]
        if not found:
            continue
        for a, b, mark in found:
            summary = item_summary(text, (a, b), mark)
            key = _key(summary)
            if not key:
                continue
            if key in keys:
                old = keys[key]
                old.date_start = old.date_start or _date_for(ctx, s, e, (a, b))
                last_in_para = old
                continue
            item = CultureItem(summary=summary, date_start=_date_for(ctx, s, e, (a, b)),
                               place=_place_for(ctx, s, e, (a, b)), span=(a, b), kind=mark.kind)
            keys[key] = item
            items.append(item)
            last_in_para = item
    return items


def _generic(text: str, item: tuple[int, int, Mark], s: int, e: int) -> bool:
    """ "visits to memorial complexes, museums": places in general, not a named item."""
    a, b, mark = item
    words = text[a:b].split()[1:]
    if mark.kind in {"memorial", "museum"} and not any(
            w[:1].isupper() or w[:1].isdigit() for w in words):
        return True
    # "The talks were held at the Russian Museum": a museum as a venue is not an item.
    return re.fullmatch(r"museums?", text[mark.start:mark.end], re.I) is not None and \
        not _MUSEUM_ACTION.search(text, max(s, a - 120), min(e, b + 120))


_MUSEUM_ACTION = re.compile(r"\b(?:visit\w*|open\w*|exhibit\w*|restor\w*|creat\w*|found\w*|"
                            r"tour\w*|museumi[sz]\w*|reconstruct\w*|donat\w*|hand\w*\s+over)\b",
                            re.I)


def _key(summary: str) -> str:
    words = re.findall(r"[a-z]+", summary.lower())
    return " ".join(w for w in words if w not in STOP)


def _date_for(ctx: Context, s: int, e: int, span: Span) -> str | None:
    """The date the sentence gives the item: a leading "On July 3," governs the sentence,
    else the date nearest the item."""
    found = _sentence_dates(ctx, s, e)
    if not found:
        return None
    lead = [d for d in found if d[0][0] - s < 25]
    if lead:
        return lead[0][1]
    near = []
    for d_span, iso in found:
        gap = ctx.text[d_span[1]:span[0]] if d_span[1] <= span[0] else ctx.text[span[1]:d_span[0]]
        # A date in another member of a list ("..., as well as ...") is not this item's.
        if len(gap) <= 90 and not re.search(r"as\s+well\s+as|;|\bwhile\b", gap):
            near.append((len(gap), iso))
    return min(near)[1] if near else None


def _sentence_dates(ctx: Context, s: int, e: int) -> list[tuple[Span, str]]:
    try:
        from ..time import dates
    except ImportError:  # the dates stage is optional for this one
        dates = None
    if dates is not None:
        try:
            return [(d.span, d.start) for d in dates.find_dates(ctx.text, s, e, ctx.doc.date)
                    if d.start and d.role != "until" and d.precision in {"day", "month"}]
        except Exception:  # noqa: BLE001 - a date stage failure must not lose the item
            pass
    return _simple_dates(ctx, s, e)


_MD = re.compile(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2})\b(?:,?\s+((?:19|20)\d\d))?"
                 r"|\b(\d{1,2})\s+([A-Z][a-z]+)\b(?:\s+((?:19|20)\d\d))?")


def _simple_dates(ctx: Context, s: int, e: int) -> list[tuple[Span, str]]:
    year = ctx.doc.date[:4] if ctx.doc.date else None
    out = []
    for a, b in date_spans(ctx.text, s, e):
        m = _MD.search(ctx.text, a, b)
        if not m:
            continue
        month = MONTHS.get((m.group(1) or m.group(5) or "").lower())
        day = m.group(2) or m.group(4)
        y = m.group(3) or m.group(6) or year
        if month and day and y and 1 <= int(day) <= 31:
            out.append(((a, b), f"{y}-{month:02d}-{int(day):02d}"))
    return out


def _place_for(ctx: Context, s: int, e: int, span: Span) -> str | None:
    """A place named in the item's words, else in its sentence; cities before countries."""
    best: tuple[int, str] | None = None
    for p in ctx.places:
        for a, b in p.mentions:
            if not (s <= a and b <= e):
                continue
            if span[0] <= a and b <= span[1]:
                rank = 0
            elif re.search(r"\b(?:in|at|near)\s+(?:the\s+)?$", ctx.text[max(s, a - 12):a]):
                rank = 2  # "While in Minsk, the minister laid a wreath"
            elif re.match(r"\s+(?:will\s+host|host(?:s|ed)|is\s+hosting)\b", ctx.text[b:b + 20]):
                rank = 2  # "In July, Vitebsk will host the festival"
            else:
                continue  # "which Minsk regards as a tribute": named, but not where it is held
            rank += 0 if p.kind == "city" else 1
            if best is None or rank < best[0]:
                best = (rank, p.name)
    return best[1] if best else None
