"""Place mentions as events see them: how strongly the words around a mention make it the
place where something happened ("in Minsk", "Minsk hosted", "a visit to Irkutsk"), and the
dateline city of a news-agency item ("ALMATY, 21 June (BelTA) –")."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass

from ..context import Context
from ..fold import fold_case
from ..model import Span

try:
    from ..lexicon import lexicon as _lexicon
except ImportError:  # pragma: no cover
    _lexicon = None


@dataclass
class PlaceMention:
    start: int
    end: int
    name: str
    kind: str  # city, region, country, venue ...
    rank: int  # 3: in/at/hosted, 2: to/visit, 1: from/near, 0: of, -1: anything else


@dataclass
class Dateline:
    span: Span
    city: str
    date: str | None
    date_span: Span | None = None


_AT = re.compile(r"(?:\b(?:in|at|In|At)\s+(?:the\s+(?:city\s+of\s+|town\s+of\s+)?)?"
                 r"(?:(?:southern|northern|eastern|western|central|north-?(?:east|west)ern|"
                 r"south-?(?:east|west)ern)\s+)?|\bhosted\s+by\s+)$")
_HOST = re.compile(r"(?:\s*,\s*[A-Z][\w-]+)*(?:\s*,?\s+and\s+[A-Z][\w-]+)?\s+(?:hosted|hosts|"
                   r"will\s+host|is\s+hosting|was\s+hosting|welcomed|became\s+the\s+venue|"
                   r"will\s+be\s+the\s+venue|played\s+host)\b")
_TO = re.compile(r"\b(?:to|visit(?:ed|ing|s)?|toured?|while\s+in|arrived\s+in|reached)\s+"
                 r"(?:the\s+)?$", re.I)
_FROM = re.compile(r"\b(?:from|near|outside)\s+(?:the\s+)?$", re.I)


def _lex(ctx: Context):
    if _lexicon is None:
        return None
    try:
        return _lexicon(ctx.gaz)
    except Exception:  # noqa: BLE001 - a missing gazetteer must not stop extraction
        return None


def place_kind(ctx: Context, name: str) -> str:
    lex = _lex(ctx)
    if lex is None:
        return "place"
    p = lex.place(name)
    if p is not None:
        return p.kind
    if lex.country_by_name(name):
        return "country"
    return "place"


def place_country(ctx: Context, name: str) -> str | None:
    lex = _lex(ctx)
    p = lex.place(name) if lex is not None else None
    return p.country if p is not None else None


def is_country(ctx: Context, name: str | None) -> bool:
    return bool(name) and place_kind(ctx, name) == "country"


# "the situation in the Middle East", "the crisis in Sudan": what was discussed, not where.
_TOPIC = re.compile(r"\b(?:situation|developments|crisis|conflict|settlement|war|tensions?|"
                    r"peace|stability|security|hostilities|escalation|violence)\s+"
                    r"(?:in|around|on|over)\s+(?:the\s+)?$", re.I)


# The words the look-backs below end with (before their closing whitespace): a text before
# the mention that ends with none of them cannot match, so the regex is not tried.
_TOPIC_ENDS = ("in", "around", "on", "over", "the")
_AT_ENDS = ("in", "at", "the", "of", "by", "ern", "central")
_TO_ENDS = ("to", "visit", "visited", "visiting", "visits", "tour", "toured", "in", "reached",
            "the")
_FROM_ENDS = ("from", "near", "outside", "the")
_OF_ENDS = ("of", "the", ",", "and")
_OF_BEFORE = re.compile(r"(?:\bof\s+(?:the\s+)?|,\s*|\band\s+)$")


def _rank(text: str, s: int, e: int) -> int:
    before = text[max(0, s - 40):s]
    after = text[e:e + 80]
    # Each look-back but the last needs whitespace at the end ("\s+" before "$").
    spaced = before[-1:].isspace()
    tail = fold_case(before.rstrip()[-12:])
    if spaced and tail.endswith(_TOPIC_ENDS) and _TOPIC.search(before):
        return -1
    if (spaced and tail.endswith(_AT_ENDS) and _AT.search(before)) or _HOST.match(after):
        return 3
    if spaced and tail.endswith(_TO_ENDS) and _TO.search(before):
        return 2
    if spaced and tail.endswith(_FROM_ENDS) and _FROM.search(before):
        return 1
    if tail.endswith(_OF_ENDS) and _OF_BEFORE.search(before):
        # "the Eternal Flame of the Brest Fortress", "visited Astrakhan ..., and Sochi"
        return 0
    return -1


def _raw_mentions(ctx: Context) -> list[tuple[int, int, str]]:
    """Mentions found by the places stage, plus gazetteer names it left inside longer names
    ("the Brest Hero Fortress") and countries: a clause's place may be any of them."""
    out = {(s, e): p.name for p in ctx.places for s, e in p.mentions}
    lex = _lex(ctx)
    if lex is not None:
        scan = getattr(lex, "scan", None)
        if scan is not None:
            places = scan("place", ctx.text, ctx.body_start)
            countries = scan("country", ctx.text, ctx.body_start)
        else:  # an older lexicon without the word index
            places = [(*m.span(), m.group(0)) for m in lex.place_regex.finditer(ctx.text)]
            countries = [(*m.span(), m.group(0)) for m in lex.country_regex.finditer(ctx.text)]
        taken = _Taken(list(out))
        for s, e, surface in places:
            p = lex.place(surface)
            if p is not None and not taken.overlaps(s, e):
                out[(s, e)] = p.name
                taken.add(s, e)
        for s, e, surface in countries:
            c = lex.country_by_name(surface)
            if c and not taken.overlaps(s, e):
                out[(s, e)] = c
                taken.add(s, e)
    return [(s, e, n) for (s, e), n in out.items()]


class _Taken:
    """Spans already claimed, kept sorted for overlap tests in log time."""

    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.spans, (s, s))
        for j in (i - 1, i):  # claimed spans do not overlap each other
            if 0 <= j < len(self.spans) and self.spans[j][0] < e and s < self.spans[j][1]:
                return True
        return i < len(self.spans) and self.spans[i][0] < e

    def add(self, s: int, e: int) -> None:
        insort(self.spans, (s, e))


def place_mentions(ctx: Context) -> list[PlaceMention]:
    text = ctx.text
    person_starts = sorted(s for p in ctx.people for s, _ in p.mentions)
    out = []
    for s, e, name in sorted(_raw_mentions(ctx)):
        if s < ctx.body_start:
            continue
        if _in_title(text, e, person_starts):
            continue  # "Ambassador of Russia to China Igor Morgulov": part of a post
        name = venue_city(ctx, name)
        out.append(PlaceMention(s, e, name, place_kind(ctx, name), _rank(text, s, e)))
    return out


def venue_city(ctx: Context, name: str) -> str:
    """A venue ("talks in the Kremlin", "at the Palace of Independence") places its events in
    the city it lies in (places.tsv "within")."""
    lex = _lex(ctx)
    p = lex.place(name) if lex is not None else None
    within = getattr(p, "within", None)
    return within if p is not None and p.kind == "venue" and within else name


_CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w’'.-]*)*\s*")


def _in_title(text: str, end: int, person_starts: list[int]) -> bool:
    i = bisect_left(person_starts, end)
    nxt = person_starts[i] if i < len(person_starts) else None
    if nxt is None or nxt - end > 40:
        return False
    return bool(_CAPITALISED_RUN.fullmatch(text[end:nxt]))


def dateline(ctx: Context) -> Dateline | None:
    """The dateline opening the body ("SOCHI, September 30. /TASS/.", "MINSK, 9 February
    (BelTA) –"): its city (as the gazetteer names it) and its day, the year taken from the
    release's date when the dateline has none."""
    from ..document.header import dateline_day, find_dateline

    line = find_dateline(ctx.text, ctx.body_start)
    if line is None:
        return None
    lex = _lex(ctx)
    p = lex.place(line.city) if lex is not None else None
    city = p.name if p else line.city
    day = dateline_day(ctx.doc, line)
    return Dateline(line.span, city, day, line.span if day else None)
