"""Whose figure it is: the two partners of a bilateral figure (two countries, or a country and
a bloc such as ASEAN), found in the figure's clause, its sentence, its paragraph or, for
figures of the relation a release is about ("mutual trade", "seven documents were signed"),
the document's own pair.

    doc = document_parties(ctx)      -> DocParties(pair=("Russia", "Uzbekistan"), home="Russia")
    partners_of(ctx, doc, span, sentence, paragraph, relation="trade") -> ["Russia", "Uzbekistan"]

A figure of another kind (a count, a grant) gets partners only when its own clause names both
sides across a border ("companies with Russian capital operate in Uzbekistan"), or names one
side and its sentence the other, both the document's pair. Two countries side by side ("Russian
and Vietnamese museums") are no relation unless a relation word says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..context import Context
from ..gazetteer import Gazetteers
from ..lexicon import lexicon


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    name: str  # canonical country or bloc
    inside: bool = False  # "between the CIS countries", "among the CIS": the bloc's inside


@dataclass(frozen=True)
class DocParties:
    pair: tuple[str, str] | None  # the two sides the release is about, sorted
    home: str | None  # whose release it is (the publisher's country, or the side named most)


@lru_cache(maxsize=4)
def _bloc_table(rows: tuple[tuple[str, str, str], ...]) -> tuple[re.Pattern | None, dict]:
    forms: dict[str, str] = {}
    for name, aliases, adjectives in rows:
        for f in [name, *aliases.split("|"), *adjectives.split("|")]:
            if f.strip():
                forms.setdefault(f.strip(), name.strip())
    if not forms:
        return None, forms
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:the\s+)?({alt})(?:['’]s)?(?!\w)"), forms


@lru_cache(maxsize=4)
def _capital_table(rows: tuple[tuple[str, str], ...]) -> tuple[re.Pattern | None, dict]:
    forms = {c.strip(): k.strip() for c, k in rows if c.strip() and k.strip()}
    if not forms:
        return None, forms
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({alt})(?!\w)"), forms


def _capitals(gaz: Gazetteers) -> tuple[re.Pattern | None, dict]:
    hit = gaz.__dict__.get("_capital_table")  # kept on the gazetteer set, like the lexicon
    if hit is None:
        hit = gaz.__dict__["_capital_table"] = _capital_table(tuple(
            (r.get("capital", ""), r.get("country", "")) for r in gaz.rows("capitals")))
    return hit


# A capital stands for its country beside another side or with a possessive: "Moscow and
# Beijing", "between Minsk and Tashkent", "trade with Ankara", "Hanoi's exports".
_CAPITAL_BEFORE = re.compile(r"\b(?:between|with|and)\s+$")
_CAPITAL_AFTER = re.compile(r"['’]s\b|\s+and\s+[A-Z]")


def _blocs(gaz: Gazetteers) -> tuple[re.Pattern | None, dict]:
    hit = gaz.__dict__.get("_bloc_table")
    if hit is None:
        hit = gaz.__dict__["_bloc_table"] = _bloc_table(tuple(
            (r.get("name", ""), r.get("aliases", ""), r.get("adjectives", ""))
            for r in gaz.rows("blocs")))
    return hit


_BLOC_EVENT = re.compile(r"\s+(?:summit|meetings?|ministerial|forum|sessions?|secretariat|"
                         r"chairmanship|format|platform|Regional\s+Forum|[A-Z]\w+\s+Ministers)\b")
# "trade between the CIS countries", "within the EAEU": trade inside a bloc has no pair.
_INSIDE = re.compile(r"\b(?:between|among|amongst|within|inside|across)\s+(?:the\s+)?$", re.I)
# "via the territory of Kazakhstan": a transit country is no partner.
_TRANSIT = re.compile(r"\b(?:via|through|across|transiting)\s+(?:the\s+)?(?:territory\s+of\s+)?$",
                      re.I)
# "Russian roubles": a currency's adjective is no side.
_CURRENCY_AFTER = re.compile(r"\s*(?:roubles?|rubles?|yuan|rupees?|dollars?|euros?|tenge|sums?|"
                             r"dongs?|kips?|lira|liras|manats?|drams?|somonis?|soms?)\b", re.I)


def parties(ctx: Context, start: int, end: int) -> list[Party]:
    """Countries and blocs named in text[start:end], in order: names, official names and
    adjectives ("Russian-Lao trade" gives Russia and Laos); transit countries and currency
    adjectives ("Russian roubles") left out."""
    memo = ctx.__dict__.setdefault("_parties_memo", {})  # a figure asks for its clause twice
    known = memo.get((start, end))
    if known is not None:
        return known
    memo[(start, end)] = out = _parties(ctx, start, end)
    return out


def _parties(ctx: Context, start: int, end: int) -> list[Party]:
    text = ctx.text
    lex = lexicon(ctx.gaz)
    out: list[Party] = []
    rx, forms = _blocs(ctx.gaz)
    taken: list[tuple[int, int]] = []
    if rx is not None:
        for m in rx.finditer(text, start, end):
            taken.append(m.span())
            # "the SCO summit", "the ASEAN Regional Forum": a meeting's name, not a side.
            if not _BLOC_EVENT.match(text, m.end()):
                inside = bool(_INSIDE.search(text, max(0, m.start() - 16), m.start()))
                out.append(Party(m.start(), m.end(), forms[m.group(1)], inside))
    for s, e, surface in lex.scan("country", text, start, end):
        if any(a < e and s < b for a, b in taken):
            continue  # "CIS countries" is the bloc; "African" of "African Union" too
        name = lex.country(surface)
        if not name:
            continue
        if _TRANSIT.search(text, max(start, s - 40), s) or _CURRENCY_AFTER.match(text, e, end):
            continue
        out.append(Party(s, e, name))
        # "Russian-Lao trade", "the Russia–Egypt talks": the second half of a compound.
        m = _COMPOUND.match(text, e, end)
        if m:
            other = lex.country(m.group(1))
            if other and other != name:
                out.append(Party(m.start(1), m.end(1), other))
    crx, capitals = _capitals(ctx.gaz)
    if crx is not None:
        taken += [(p.start, p.end) for p in out]
        for m in crx.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if _CAPITAL_AFTER.match(text, m.end()) or _CAPITAL_BEFORE.search(
                    text, max(start, m.start() - 10), m.start()):
                out.append(Party(m.start(), m.end(), capitals[m.group(1)]))
    out.sort(key=lambda p: p.start)
    return out


_COMPOUND = re.compile(r"[-–]([A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)(?![-\w])")


_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


def _leads(text: str, start: int) -> list[tuple[int, int]]:
    """The first two paragraphs of the body that read as prose (a header line, a date or a
    menu is not one)."""
    out = []
    for m in _PARAGRAPH.finditer(text, start):
        chunk = m.group(0)
        if len(chunk) >= 80 and re.search(r"[a-z]{3,}[.!?]", chunk) and "|" not in chunk:
            out.append(m.span())
            if len(out) == 2:
                break
        if m.start() - start > 6000:
            break
    return out


def document_parties(ctx: Context) -> DocParties:
    """The pair a release is about, from who is in it: the countries (and cities, for their
    country: "Hanoi marks ..." is Vietnam) of its title and first two paragraphs, the
    countries of its people, and the publisher's. A country only talked about ("the
    situation in Syria") is no side: a side needs at least two of these."""
    text = ctx.text
    lex = lexicon(ctx.gaz)
    score: Counter[str] = Counter()
    sources = [(*span, w) for span, w in zip(_leads(text, ctx.body_start), (2, 1), strict=False)]
    if ctx.doc.title_span:
        sources.insert(0, (*ctx.doc.title_span, 2))
    for s, e, w in sources:
        seen = {p.name for p in parties(ctx, s, e)}
        for _, _, surface in lex.scan("place", text, s, e):
            place = lex.place(surface)
            if place and place.country and place.kind in {"city", "capital"}:
                seen.add(place.country)
        for name in seen:
            score[name] += w
    per_country = Counter(p.country for p in ctx.people if p.country)
    for name, n in per_country.items():
        score[name] += min(n, 3)
    publisher = lex.publisher_country(text)
    if publisher:
        score[publisher] += 1
    sides = [c for c, n in score.items() if n >= 2]
    sides.sort(key=lambda c: (-score[c], c))
    if len(sides) > 2 and score[sides[1]] == score[sides[2]]:
        # A tie for the second side goes to the side named more often in the body.
        body = Counter(p.name for p in parties(ctx, ctx.body_start, len(text)))
        sides.sort(key=lambda c: (-score[c], -body[c], c))
    home = publisher if publisher in sides else (sides[0] if sides else None)
    pair = tuple(sorted(sides[:2])) if len(sides) >= 2 else None
    return DocParties(pair, home)  # type: ignore[arg-type]


# Words that make a mention of two countries a relation between them.
_RELATION = re.compile(
    r"\b(?:between|bilateral|mutual|trade|turnover|exports?|imports?|invest\w*|cooperation|"
    r"relations|partnership|talks|negotiations|agreements?|settlements|joint|supplies|"
    r"deliveries|visits?|exchanges?|meetings?|met|conversations?|contacts)\b", re.I)
_COORDINATED = re.compile(r"\s*(?:,|and|or|&)\s*(?:the\s+)?$")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:()]|\s[–—]\s|—|,(?!\d{3})|\s-\s")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’]+\s*$")
_NAME_NEXT = re.compile(r"\s+[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?(?:,|\s+and\b)")


def _breaks(text: str, m: re.Match) -> bool:
    """A comma inside a list of names ("Russia, Belarus, Armenia and Kyrgyzstan") breaks no
    clause."""
    if m.group(0) != ",":
        return True
    return not (_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
                and _NAME_NEXT.match(text, m.end()))


def clause_of(text: str, s: int, e: int, span: tuple[int, int]) -> tuple[int, int]:
    """The clause of the sentence text[s:e] holding span: between the breaks around it."""
    cs = s
    for m in _CLAUSE_BREAK.finditer(text, s, span[0]):
        if _breaks(text, m):
            cs = m.end()
    ce = e
    for m in _CLAUSE_BREAK.finditer(text, span[1], e):
        if _breaks(text, m):
            ce = m.start()
            break
    return cs, ce


def _distinct(found: list[Party]) -> list[str]:
    return list(dict.fromkeys(p.name for p in found))


def _coordinated_only(text: str, found: list[Party]) -> bool:
    """True when the sides are only listed together ("Russian and Vietnamese museums")."""
    if len(found) < 2:
        return False
    return all(_COORDINATED.fullmatch(text[a.end:b.start]) and not _BETWEEN.search(
        text[max(0, a.start - 12):a.start]) for a, b in zip(found, found[1:], strict=False))


def _choose(found: list[Party], span: tuple[int, int], doc: DocParties, text: str,
            far: bool = False) -> list[str]:
    """Two sides out of more than two: "between X and Y" first; then, for sides named outside
    the figure's clause (far), the release's pair when both are among them; else the
    release's own side with the side nearest the figure, else the two nearest."""
    home = doc.home
    for a, b in zip(found, found[1:], strict=False):
        if a.name != b.name and _BETWEEN.search(text[max(0, a.start - 12):a.start]) \
                and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[a.end:b.start]):
            return sorted({a.name, b.name})

    def dist(p: Party) -> int:
        # "to citizens of Laos and 1,000 to citizens of Viet Nam": across "and" is another
        # figure's side.
        if p.end <= span[0]:
            gap = text[p.end:span[0]]
            return len(gap) + (100 if re.search(r"\band\b", gap) else 0)
        gap = text[span[1]:p.start]
        return len(gap) + (100 if re.search(r"\band\b", gap) else 0)

    by_distance = sorted(found, key=dist)
    names = _distinct(by_distance)
    if far and doc.pair and set(doc.pair) <= set(names):
        return list(doc.pair)
    if home and home in names:
        other = next(n for n in names if n != home)
        return sorted({home, other})
    return sorted(names[:2])


def _pair(names: list[str], found: list[Party], span, doc: DocParties, text,
          far: bool = False) -> list[str]:
    if len(names) == 2:
        return sorted(names)
    return _choose(found, span, doc, text, far)


def _single(c: str, doc: DocParties, marker: bool) -> list[str]:
    """One side named: the other is the release's pair partner ("Belarusian exports reached
    ..." in a Belarus-Uzbekistan release), or the release's own side when the clause points
    at a partner ("trade with Vietnam")."""
    if doc.pair and c in doc.pair:
        return list(doc.pair)
    if doc.home and doc.home != c and marker:
        return sorted([doc.home, c])
    return []


_POINTS_AT = re.compile(r"\b(?:with|to|from|between|in)\b", re.I)


def partners_of(ctx: Context, doc: DocParties, span: tuple[int, int], sentence: tuple[int, int],
                paragraph: list[tuple[int, int]], relation: str) -> list[str]:
    """relation: "trade" for trade, investment and settlement figures (they are between two
    sides by nature), "meeting" for what a meeting yields (documents signed, talks), "other"."""
    text = ctx.text
    s, e = sentence
    cs, ce = clause_of(text, s, e, span)
    own = parties(ctx, cs, ce)
    names = _distinct(own)
    if len(names) == 1 and any(p.inside for p in own):
        return []
    if relation != "trade" and _coordinated_only(text, own) \
            and not _RELATION.search(text, cs, ce):
        return []
    if len(names) >= 2:
        return _pair(names, own, span, doc, text)
    if relation == "trade":
        if names:
            sent = _distinct(parties(ctx, s, e))
            if len(sent) == 2 and names[0] in sent:
                return sorted(sent)
            return _single(names[0], doc, bool(_POINTS_AT.search(text, cs, ce)))
        # Nothing in the clause: the sentence, then the paragraph back to its start.
        for ps, pe in [(s, e), *reversed(paragraph)]:
            found = [p for p in parties(ctx, ps, pe) if not p.inside]
            got = _distinct(found)
            if len(got) >= 2:
                return _pair(got, found, span, doc, text, far=True)
            if got:
                # One side named sentences away: only the release's own pair.
                return list(doc.pair) if doc.pair and got[0] in doc.pair else []
        return list(doc.pair) if doc.pair else []
    if not doc.pair:
        return []
    if relation == "meeting" and not names:
        return list(doc.pair)
    if names and names[0] in doc.pair:
        # "... the Belarusian State Medical University, where some 600 students from
        # Uzbekistan are studying": the other side named earlier in the sentence.
        before = _distinct(parties(ctx, s, cs))
        if set(doc.pair) <= {*before, names[0]}:
            return list(doc.pair)
    if not names:
        # "Russia was the largest source of visitors to Türkiye, with 5.2 million arrivals".
        before = parties(ctx, s, cs)
        if set(_distinct(before)) == set(doc.pair) and not _coordinated_only(text, before):
            return list(doc.pair)
    return []
