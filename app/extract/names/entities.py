"""Places and organisations, each with every span where it is mentioned.

Places come from the places gazetteer (cities and regions with their country) plus the
patterns "<Name> Oblast/Region/Territory" and "the city/town/village of <Name>". Countries are
not places here: stages that need them use lexicon().country().

Organisations come from the organisations gazetteer (with abbreviations: CSTO, CIS, UN ...)
and from the shape of an institution's name: capitalised words ending in a body word
("Supreme State Council", "Russian Foreign Ministry", "Joint ... Commission") followed by any
"of/for/on/under the X" complements ("... of the Union State", "Academy of Public
Administration under the President of Belarus").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..context import Context
from ..fold import fold_name
from ..lexicon import Lexicon, lexicon
from ..model import Entity, Span
from ..tokens import Tok
from .namespans import name_like

_REGION = re.compile(
    # (?<![\w-])((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s)+)..., its first word written out so that
    # the pattern opens with a plain capital (scanned for in C), the look-behind after it.
    r"([A-Z](?<![\w-][A-Z])[a-z]+(?:-[A-Z][a-z]+)*\s(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s)*)"
    r"(Oblast|Region|Territory|Krai|Province)(?![\w-])")
_REGION_WORDS = ("Oblast", "Region", "Territory", "Krai", "Province")
_SETTLEMENT = re.compile(
    r"(?:c(?<!\w.)(?:ity|apital)|t(?<!\w.)own|v(?<!\w.)illage|s(?<!\w.)ettlement)\s+of\s+([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)")
_STOP = {"the", "a", "an", "this", "that", "these", "our", "their", "its", "his", "her", "in",
         "on", "at", "by", "for", "with", "and", "but", "as", "of", "to", "from", "during",
         "since", "after", "before", "under", "while", "when", "both", "all", "every", "each"}


class _Collector:
    def __init__(self) -> None:
        self.items: dict[str, Entity] = {}

    def add(self, name: str, span: Span, kind: str | None, country: str | None) -> None:
        key = fold_name(name)
        ent = self.items.get(key)
        if ent is None:
            ent = self.items[key] = Entity(name=name, kind=kind, country=country)
        if span not in ent.mentions:
            ent.mentions.append(span)

    def entities(self) -> list[Entity]:
        out = list(self.items.values())
        for e in out:
            e.mentions.sort()
        out.sort(key=lambda e: e.mentions[0])
        return out


# --- places ---------------------------------------------------------------------------------

def find_places(ctx: Context) -> list[Entity]:
    lex = lexicon(ctx.gaz)
    text = ctx.text
    col = _Collector()
    taken = _Taken()
    for s, e, surface in lex.scan("place", text):
        p = lex.place(surface)
        if p is None or _inside_longer_name(text, s, e, lex):
            continue
        col.add(p.name, (s, e), p.kind, p.country)
        taken.add((s, e))
    # (A text without any of the words that end a region name is not scanned.)
    for m in _REGION.finditer(text) if any(w in text for w in _REGION_WORDS) else ():
        span = (m.start(), m.end())
        if taken.overlaps(span):
            continue
        words = m.group(1).split()
        if any(lex.is_title_word(w) or lex.country(w) for w in words):
            continue
        base = lex.place(" ".join(words))
        name = " ".join([*words, m.group(2)])
        col.add(name, span, "region", base.country if base else None)
        taken.add(span)
    for m in _IN_PLACE.finditer(text):
        span = (m.start(1), m.end(1))
        word = m.group(1)
        if taken.overlaps(span) or not _unknown_word(word, lex):
            continue
        if any(cs == span[0] for cs, _, _ in lex.scan("country", text, span[0], span[0] + 80)):
            continue  # "in Bosnia and Herzegovina"
        col.add(word, span, "place", None)
        taken.add(span)
    for m in _SETTLEMENT.finditer(text):
        span = (m.start(1), m.end(1))
        if taken.overlaps(span) or lex.is_title_word(m.group(1)) or lex.country(m.group(1)):
            continue
        col.add(m.group(1), span, "city", None)
        taken.add(span)
    return col.entities()


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w-]*)")


def _inside_longer_name(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """"Shanghai" in "Shanghai Cooperation Organisation", "Kursk" in "Kursk Bulge": the place
    names something else. A possessive ("Moscow's station") still names the place."""
    m = _NEXT_WORD.match(text, e)
    if not m:
        return False
    word = m.group(1)
    return fold_name(word) not in lex.calendar


# "held in Novopolotsk", "near Zhodino": a capitalised word after "in"/"near" that is nothing
# else the lexicon knows, standing alone (not the first word of a longer name).
_IN_PLACE = re.compile(r"(?:i(?<!\w.)n|n(?<!\w.)ear|o(?<!\w.)utside)\s+([A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)(?![\w'’-])"
                       r"(?!\s+[A-Z0-9])")


def _unknown_word(word: str, lex: Lexicon) -> bool:
    f = fold_name(word)
    return not (lex.is_title_word(word) or lex.country(word) or lex.org(word)
                or lex.is_given_name(word) or f in _STOP or f in lex.calendar)


class _Taken:
    """Spans taken so far. While they are non-empty and disjoint (find_places adds only spans
    that overlap none) an overlap test is a bisection, not a scan of them all; should that
    ever not hold, the test falls back to the scan."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.disjoint = True

    def add(self, span: Span) -> None:
        if self.disjoint and (span[0] >= span[1] or self.overlaps(span)):
            self.disjoint = False
        self.spans.append(span)
        i = bisect_left(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])

    def overlaps(self, span: Span) -> bool:
        if not self.disjoint:
            return any(s < span[1] and span[0] < e for s, e in self.spans)
        # Disjoint and sorted by start, so sorted by end too: only the last span starting
        # before this one ends can reach into it.
        i = bisect_left(self.starts, span[1])
        return i > 0 and self.ends[i - 1] > span[0]


# --- organisations ---------------------------------------------------------------------------

def find_organizations(ctx: Context) -> list[Entity]:
    lex = lexicon(ctx.gaz)
    text = ctx.text
    col = _Collector()
    _gazetteer_orgs(text, 0, len(text), lex, col)
    for toks in ctx.tokens:
        for a, b in _pattern_orgs(toks, lex):
            span = (toks[a].start, toks[b - 1].base_end)
            surface = " ".join(text[span[0]:span[1]].split())
            if lex.country(surface) or lex.place(surface):
                continue
            o = lex.org(surface)
            col.add(surface, span, o.kind if o else "body", o.country if o else None)
    _abbreviations(text, col)
    return col.entities()


_ABBR = re.compile(r"\s*\(([A-Z][A-Z&-]{1,9})\)")


def _abbreviations(text: str, col: _Collector) -> None:
    """"the Eurasian Development Fund (EDF)": EDF, wherever it stands, is that body too."""
    for ent in list(col.items.values()):
        for _, e in list(ent.mentions):
            m = _ABBR.match(text, e)
            if not m or fold_name(m.group(1)) in col.items:
                continue
            pat = re.compile(rf"(?<![\w-]){re.escape(m.group(1))}(?![\w-])")
            for mm in pat.finditer(text):
                col.add(m.group(1), (mm.start(), mm.end()), ent.kind, ent.country)


def _gazetteer_orgs(text: str, start: int, end: int, lex: Lexicon, col: _Collector) -> None:
    """Known organisations, and those named inside them ("the CSTO" in "Council of Foreign
    Ministers of the CSTO")."""
    for s, e, surface in lex.scan("org", text, start, end):
        o = lex.org(surface)
        col.add(surface, (s, e), o.kind if o else None, o.country if o else None)
        if e - s > 4:
            _gazetteer_orgs(text, s + 1, e, lex, col)


def _chain_end(toks: list[Tok], i: int) -> int:
    j = i
    while j < len(toks) and toks[j].cap and toks[j].is_word:
        j += 1
        if toks[j - 1].poss and fold_name(toks[j - 1].base) != "people":
            break
    return j


def _pattern_orgs(toks: list[Tok], lex: Lexicon) -> list[tuple[int, int]]:
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not (t.cap and t.is_word) or fold_name(t.text) in _STOP:
            i += 1
            continue
        j = _chain_end(toks, i)
        if not lex.is_org_head(toks[j - 1].base) or toks[j - 1].poss:
            i = j  # (tested first: most capitalised runs end in no body word)
            continue
        # Leading post words belong to a person's post, not to the body ("Speaker ...").
        a = i
        while a < j and (lex.is_head(toks[a].base) or lex.is_honorific(toks[a].text)):
            a += 1
        if a >= j or (j - a < 2 and _continuation(toks, j) is None):
            i = j
            continue
        end = _complements(toks, j, lex)
        end = _trim_person(toks, a, end, lex)
        if end > a:
            out.append((a, end))
        i = max(end, j)
    return out


def _complements(toks: list[Tok], j: int, lex: Lexicon) -> int:
    """Extend a body's name over "of (the) X", "for X", "on X, Y and Z", "under the X",
    "and X" (X capitalised)."""
    n = len(toks)
    end = j
    in_list = False
    list_start: int | None = None
    while end < n:
        w = toks[end].text
        k = end
        if w in ("of", "for", "on", "under") and w.islower():
            k = end + 1
            if k < n and toks[k].text == "the":
                k += 1
            if w == "under" and toks[k - 1].text != "the":
                break
            in_list = w == "on"
        elif w == "and":
            k = end + 1
            if k < n and (lex.is_head(toks[k].base) or lex.is_org_head(toks[k].base)
                          or lex.is_given_name(toks[k].base)):
                break
            list_start = None
        elif w == "," and in_list:
            k = end + 1
            if list_start is None:
                list_start = end
        else:
            break
        if not (k < n and toks[k].cap and toks[k].is_word) or fold_name(toks[k].text) in lex.calendar:
            break
        end = _chain_end(toks, k)
        if toks[end - 1].poss:
            break
    if list_start is not None:  # "on Trade, Economic" without a closing "and X": not a list
        end = list_start
    return end


def _continuation(toks: list[Tok], j: int) -> int | None:
    """A lone body word names something only with a complement: "Council of the Republic"."""
    if j + 1 < len(toks) and toks[j].text in ("of", "for", "on") and (
            toks[j + 1].cap or (toks[j + 1].text == "the" and j + 2 < len(toks)
                                and toks[j + 2].cap)):
        return j + 1
    return None


def _trim_person(toks: list[Tok], a: int, end: int, lex: Lexicon) -> int:
    """Cut a person's name off the end: "Council of the Republic Natalya Kochanova"."""
    seg = end
    while seg > a and toks[seg - 1].cap and toks[seg - 1].is_word:
        seg -= 1
    length = end - seg
    if length >= 3 and name_like(toks[end - 2:end], lex):
        return end - 2
    if length == 2 and seg > a and lex.is_given_name(toks[seg].base) \
            and name_like(toks[seg:end], lex):
        k = seg
        while k > a and not (toks[k - 1].cap and toks[k - 1].is_word):
            k -= 1
        return k
    return end
