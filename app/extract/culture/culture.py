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
from dataclasses import dataclass
from functools import lru_cache

from app.extract.context import Context
from app.extract.fold import fold_case
from app.extract.gazetteer import Gazetteers
from app.extract.model import CultureItem, Span
from app.extract.time.periods import MONTHS, date_spans

_WINDOW = 400  # characters of a sentence read around a marker


@dataclass(frozen=True)
class _Term:
    rx: re.Pattern
    kind: str
    hints: tuple[str, ...]  # lower-case letters, one of which every match contains (() when unknown)


@lru_cache(maxsize=4)
def _compile(rows: tuple[tuple[str, str, str], ...]) -> tuple[_Term, ...]:
    out = []
    for pattern, kind, hint in rows:
        flags = re.I
        if pattern.startswith("(?-i)"):
            pattern, flags = pattern[5:], 0
        try:
            out.append(_Term(re.compile(rf"(?<![\w-])(?:{pattern})", flags), kind or "other",
                             tuple(h for h in hint.strip().lower().split("|") if h)))
        except re.error:
            continue  # a user's broken line must not stop extraction
    return tuple(out)


def _terms(gaz: Gazetteers) -> tuple[_Term, ...]:
    return _compile(tuple((r.get("pattern", ""), r.get("kind", ""), r.get("hint", ""))
                          for r in gaz.rows("culture_terms") if r.get("pattern")))


@dataclass
class _Mark:
    start: int
    end: int
    kind: str


_STOP = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or",
    "is", "are", "was", "were", "will", "be", "been", "being", "has", "have", "had", "this",
    "that", "these", "those", "its", "their", "our", "his", "her", "which", "who", "where",
    "when", "as", "also", "often", "annually", "regularly", "traditionally", "such", "both",
    "all", "every", "each", "it", "they", "we", "he", "she", "not", "but", "than", "then",
    "there", "here", "during", "after", "before", "since", "until", "while", "about", "into",
    "over", "under", "through", "including", "amid", "among", "between", "would", "should",
    "can", "could", "may", "might", "must", "do", "does", "did", "so", "very", "now", "today",
    "up", "out",
}
_DEDICATED = {"dedicated", "devoted", "timed"}
_LINK = {"of", "for", "on", "in", "at", "to", "about", "from", "between", "with", "near"}
_DETS = {"the", "its", "their", "a", "an", "our", "his", "her"}
_VERB_END = re.compile(r"^(?:will|is|are|was|were|be|been|has|have|had|would|should|can|"
                       r"could|may|might|must|do|does|did|shall)$")
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|[\w’'-]+|“[^”]{1,80}”|\"[^\"]{1,80}\"|[^\w\s]")


def _words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, s, e)]


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_YEARS = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?")


def _is_cap(w: str) -> bool:
    return (w[:1].isupper() or w[:1] in "“\"" or bool(_ORDINAL.fullmatch(w))
            or bool(_YEARS.fullmatch(w)))


def _content(w: str) -> bool:
    lw = w.lower()
    return (w[:1].isalpha() and lw not in _STOP and not (len(lw) > 4 and lw.endswith("ed")))


def _plural(w: str) -> bool:
    lw = w.lower()
    return w.islower() and len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us"))


def _phrase(text: str, s: int, e: int, mark: _Mark) -> Span:
    """The noun phrase around a marker: capitalised or content words before it, and
    "of/for/at ... the X" complements after it."""
    toks = _words(text, max(s, mark.start - _WINDOW), min(e, mark.end + _WINDOW))
    if not toks:
        return mark.start, mark.end
    first = next((i for i, t in enumerate(toks) if t[1] > mark.start), len(toks) - 1)
    last = max((i for i, t in enumerate(toks) if t[0] < mark.end), default=first)
    a = first
    n_lower = 0
    # "laid a wreath": the marker starts at the verb; who laid it is not part of the item.
    while a > 0 and mark.kind not in {"wreath", "flowers"}:
        w = toks[a - 1][2]
        if w.lower() == "and" and a >= 2 and _content(toks[a - 2][2]) and n_lower < 3:
            a -= 1
            continue
        if _is_cap(w) and w.lower() not in _STOP:
            a -= 1
            continue
        if mark.kind not in {"wreath", "flowers"} and _content(w) and w.islower() and n_lower < 3:
            n_lower += 1
            a -= 1
            continue
        break
    # Right side: complements and capitalised continuations.
    b = last + 1
    count = 0
    while b < len(toks) and count < 14:
        w = toks[b][2]
        lw = w.lower()
        if lw in _DEDICATED and b + 1 < len(toks) and toks[b + 1][2].lower() == "to":
            b += 1  # "a concert dedicated to the 80th anniversary": read on past "to"
            count += 1
            w, lw = toks[b][2], "to"
        if lw in _LINK:
            k = b + 1
            while k < len(toks) and toks[k][2].lower() in _DETS:
                k += 1
            if k < len(toks) and (_content(toks[k][2]) or _is_cap(toks[k][2])) \
                    and toks[k][2].lower() not in MONTHS:
                count += k + 1 - b
                b = k + 1
                continue
            break
        if w[:1].isupper() and lw in _STOP and b == last + 1 and b + 1 < len(toks) \
                and (_is_cap(toks[b + 1][2]) or toks[b + 1][2].lower() in _DETS):
            b += 1  # a title right after its marker: "the exhibition Through the Eyes of ..."
            while b + 1 < len(toks) and toks[b][2].lower() in _DETS and _is_cap(toks[b + 1][2]):
                b += 1
            continue
        if lw == "and" and b > last + 1 and b + 1 < len(toks) and _content(toks[b + 1][2]) \
                and toks[b + 1][2].islower() and _content(toks[b - 1][2]) \
                and (b + 2 >= len(toks) or not toks[b + 2][2][:1].isalnum()):
            b += 2  # "for promoting literature and art," closes the complement
            continue
        if lw == "and" and b + 1 < len(toks) and _is_cap(toks[b + 1][2]) \
                and toks[b + 1][2].lower() not in MONTHS:
            b += 2
            continue
        if _is_cap(w) and lw not in _STOP and lw not in MONTHS:
            b += 1
            count += 1
            continue
        prev = toks[b - 1][2]
        # Lower-case words continue a complement ("of Russian feature films") until its noun:
        # a plural ends the run, since a word after it is likely the verb ("margins contribute").
        if _content(w) and w.islower() and b > last + 1 and prev.lower() != "and" \
                and not _VERB_END.match(lw) and not _plural(prev):
            b += 1
            count += 1
            continue
        break
    start, end = toks[a][0], toks[b - 1][1]
    return start, end


def _summary(text: str, span: Span, mark: _Mark) -> str:
    s = " ".join(text[span[0]:span[1]].split())
    s = s.strip(" ,.;:–-")
    s = re.sub(r"^(?:the|a|an|its|their|our|On|In)\s+", "", s, flags=re.I)
    if mark.kind == "wreath":
        s = re.sub(r"^(?:\w+\s+)?(?:a\s+)?wreaths?\b", "Wreath-laying", s, flags=re.I)
    elif mark.kind == "flowers":
        s = re.sub(r"^(?:\w+\s+)?flowers\b", "Flower-laying", s, flags=re.I)
    return s[:1].upper() + s[1:]


_VERBISH_GAP = re.compile(r"\b(?:will|is|are|was|were|be|been|has|have|had|which|who|where|"
                          r"that|to\s+\w+|began|took|held|gave|saw|won|\w{3,}ed)\b|[;:]",
                          re.I)


def _sentence_items(text: str, s: int, e: int, terms: tuple[_Term, ...],
                    plan: _Plan | None = None) -> list[tuple[int, int, _Mark]]:
    marks = _marks(text, s, e, terms, plan)
    if not marks:
        return []
    lists = _list_items(text, s, e, marks)
    if lists:
        return lists
    first = marks[0]
    a, b = _phrase(text, s, e, first)
    # Markers listed together ("Days of culture, tours ..., theatre and music festivals")
    # make one item spanning them, as long as no verb or clause break stands between.
    for m in marks[1:]:
        if m.start - a > 160:
            break
        c, d = _phrase(text, s, e, m)
        if c < b:
            b = max(b, d)
            continue
        gap = text[b:c]
        if _VERBISH_GAP.search(gap) or c - a > 160:
            break
        b = d
    return [(a, b, first)]


# For one release: (hint, indexes of the terms it is a hint of) for the hints the release
# holds, and the indexes of the terms without hints.
_Plan = tuple[list[tuple[str, tuple[int, ...]]], tuple[int, ...]]


def _plan(terms: tuple[_Term, ...], text: str) -> _Plan:
    """Which hints a sentence of text needs testing for: a hint the whole release lacks is in
    none of its sentences (each sentence's fold_case() is a piece of the release's), and each
    hint is tested once however many terms share it."""
    low = fold_case(text)
    by_hint: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        for h in t.hints:
            by_hint.setdefault(h, []).append(i)
    present = [(h, tuple(ix)) for h, ix in by_hint.items() if h in low]
    return present, tuple(i for i, t in enumerate(terms) if not t.hints)


def _marks(text: str, s: int, e: int, terms: tuple[_Term, ...],
           plan: _Plan | None = None) -> list[_Mark]:
    found: list[_Mark] = []
    low = fold_case(text[s:e])
    if plan is None:
        plan = _plan(terms, text[s:e])
    hinted, unhinted = plan
    active = set(unhinted)
    for h, ix in hinted:  # (a loop, not any(): this runs for every sentence)
        if h in low:
            active.update(ix)
    for i in sorted(active):  # in the terms' order, as before
        t = terms[i]
        for m in t.rx.finditer(text, s, e):
            if m.end() > m.start() and text[m.start():m.end()].strip():
                found.append(_Mark(m.start(), m.end(), t.kind))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_Mark] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _list_items(text: str, s: int, e: int, marks: list[_Mark]) -> list:
    """ "projects ..., such as repairs ... of the Brest Fortress, creation of a sculpture ...":
    one item per marked entry of the list, the entry's own words as its phrase."""
    lm = re.search(r"\bsuch\s+as\b", text[s:e])
    if not lm:
        return []
    ls = s + lm.end()
    in_list = [m for m in marks if m.start >= ls]
    if len(in_list) < 2:
        return []
    entries: list[Span] = []
    pos = ls
    for m in re.finditer(r",\s+(?=\w)|$", text[ls:e]):
        end = ls + m.start()
        if end > pos:
            entries.append((pos, end))
        pos = ls + m.end()
    out = []
    pending: int | None = None
    for a, b in entries:
        marked = [m for m in in_list if a <= m.start < b]
        if not marked:
            pending = a if pending is None else pending
            continue
        start = pending if pending is not None else a
        while start < b and text[start].isspace():
            start += 1
        out.append((start, b, marked[0]))
        pending = None
    return out if len(out) >= 2 else []


_FOLLOW_UP = re.compile(r"\b(?:celebrat\w+|festivities|commemorat\w+|ceremon\w+|"
                        r"the\s+anniversary|will\s+be\s+marked)\b", re.I)


def find_culture(ctx: Context) -> list[CultureItem]:
    text = ctx.text
    terms = _terms(ctx.gaz)
    plan = _plan(terms, text)
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
        found = _sentence_items(text, s, e, terms, plan) if terms else []
        follow_up = last_in_para is not None and last_in_para.date_start is None \
            and bool(_FOLLOW_UP.search(text[s:e]))
        if follow_up and (not found or (len(found) == 1 and found[0][2].kind == "day")):
            # "The main celebrations will be held on July 3[, Independence Day of Belarus]."
            last_in_para.date_start = _date_for(ctx, s, e, (s, e))
            if found and found[0][2].kind == "day":
                a, b, mark = found[0]
                last_in_para.summary += "; " + _summary(text, (a, b), mark)
            continue
        found = [f for f in found if not _generic(text, f, s, e)]
        if not found:
            continue
        for a, b, mark in found:
            summary = _summary(text, (a, b), mark)
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


def _generic(text: str, item: tuple[int, int, _Mark], s: int, e: int) -> bool:
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
    return " ".join(w for w in words if w not in _STOP)


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
        from app.extract.time import dates
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
