"""Role phrases resolved to the people the document names in those posts.

    "the presidents of Russia and Belarus"  -> the president of each country named
    "the two foreign ministers"             -> the two foreign ministers last mentioned
    "the head of the Belarusian government" -> Belarus's prime minister
    "his Belarusian counterpart"            -> the Belarusian holding the same kind of post
    "the Kazakh minister", "the two leaders", "the head of state", "the governor"
    "he" / "they"                           -> the subject of the previous sentence

A phrase resolves only to people of this document whose post fits; among several, the most
recently mentioned win. Nothing is guessed when no one fits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..context import Context
from ..fold import fold_case
from ..gates import holds_any, stems
from ..model import Person, Span

try:  # the lexicon of the people work; without it, country words are matched literally
    from ..lexicon import lexicon as _lexicon
except ImportError:  # pragma: no cover
    _lexicon = None


@dataclass
class RoleRef:
    span: Span
    text: str
    people: list[str] = field(default_factory=list)  # Person.name, in a stable order
    plural: bool = False


# Kinds of post. A title matches a kind when one of its components ("Deputy Prime Minister –
# Minister of Foreign Affairs" has two) names it and is not a deputy's post.
_KINDS = {
    "foreign_minister": re.compile(r"\bforeign\s+minister\b|\bminister\s+(?:of|for)\s+foreign\s+"
                                   r"affairs\b|\bforeign\s+secretary\b|\bsecretary\s+of\s+state\b",
                                   re.I),
    "prime_minister": re.compile(r"\bprime\s+minister\b|\bpremier\b|\bhead\s+of\s+(?:the\s+)?"
                                 r"government\b|\bchairman\s+of\s+the\s+government\b", re.I),
    "minister": re.compile(r"\bminister\b", re.I),
    "president": re.compile(r"\bpresident\b|\bhead\s+of\s+state\b", re.I),
    "governor": re.compile(r"\bgovernor\b", re.I),
    "ambassador": re.compile(r"\bambassador\b", re.I),
    "speaker": re.compile(r"\bspeaker\b|\bchair(?:man|woman|person)\b", re.I),
}
_DEPUTY = re.compile(r"(?=[-dvafDVAF])(?:\b(?:deputy|vice|assistant|acting|former|first\s+deputy)\b"
                     r"|-\s*elect\b)", re.I)

_NOUNS = [
    (r"foreign\s+ministers?|top\s+diplomats?|heads?\s+of\s+(?:the\s+)?(?:two\s+)?foreign\s+"
     r"ministries|ministers?\s+of\s+foreign\s+affairs", "foreign_minister"),
    (r"prime\s+ministers?|premiers?|heads?\s+of\s+government|heads?\s+of\s+(?:the\s+)?"
     r"(?:two\s+)?governments?|head\s+of\s+the\s+(?P<adj2>[A-Z][a-z]+)\s+government",
     "prime_minister"),
    (r"presidents?|heads?\s+of\s+state|leaders?|head\s+of\s+the\s+(?P<adj3>[A-Z][a-z]+)\s+state",
     "president"),
    (r"ministers?", "minister"),
    (r"governors?", "governor"),
    (r"ambassadors?", "ambassador"),
    (r"counterparts?|colleagues?", "counterpart"),
    (r"guests?|diplomats?|envoys?", "guest"),
]
_NOUN_RE = "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_NOUNS))
_CAP = r"[A-Z][\w’'-]+"
_COUNTRY_LIST = rf"(?:the\s+)?{_CAP}(?:\s+{_CAP})*(?:\s*(?:,|and)\s*(?:the\s+)?{_CAP}(?:\s+{_CAP})*)*"
_ROLE = re.compile(
    rf"(?=[TtHhBb])\b(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Bb]oth)\s+(?:(?P<num>two|three|four|both)\s+)?"
    rf"(?:(?P<adj>(?!(?i:prime|foreign|deputy|first|vice|state)\b){_CAP})\s+)?"
    rf"(?P<noun>(?i:{_NOUN_RE}))\b"  # "the Indian Prime Minister" as "the Indian prime minister"
    rf"(?:\s+of\s+(?P<of>{_COUNTRY_LIST}))?")
# Words one of which every role noun holds (gates.stems): a sentence without any has no role.
_NOUN_STEMS = stems("|".join(p for p, _ in _NOUNS))
_RECENT = 1500  # characters back that "the ministers" may reach
_PRONOUN = re.compile(r"(?=[HhSsTt])\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Tt]heir)\b")


def post_kinds(title: str | None) -> set[str]:
    """Kinds of post a title names, ignoring deputies' posts."""
    return set(_post_kinds(title))


_TITLE_PARTS = re.compile(r"\s+[–—-]\s+|,|;")


@lru_cache(maxsize=8192)
def _post_kinds(title: str | None) -> frozenset[str]:
    # Asked for every candidate of every role phrase: the same few titles again and again.
    kinds: set[str] = set()
    if not title:
        return frozenset()
    for comp in _TITLE_PARTS.split(title):
        if not comp.strip() or _DEPUTY.search(comp):
            continue
        for k, rx in _KINDS.items():
            if rx.search(comp):
                kinds.add(k)
    if "prime_minister" in kinds and not _KINDS["minister"].search(
            _KINDS["prime_minister"].sub("", title)):
        kinds.discard("minister")  # a prime minister is not "the minister"
    return frozenset(kinds)


def _country_of(word: str | None, ctx: Context) -> str | None:
    if not word:
        return None
    if _lexicon is not None:
        try:
            c = _lexicon(ctx.gaz).country(word)
        except Exception:  # noqa: BLE001 - a half-built lexicon must not stop extraction
            c = None
        if c:
            return c
    return None


_LIST_SEP = re.compile(r"\s*,\s*|\s+and\s+")


def _countries_in(phrase: str | None, ctx: Context) -> list[str]:
    if not phrase:
        return []
    out: list[str] = []
    for part in _LIST_SEP.split(phrase):
        c = _country_of(part.strip(), ctx)
        if c and c not in out:
            out.append(c)
    return out


def last_mention_before(p: Person, pos: int) -> int:
    before = [s for s, _ in p.mentions if s < pos]
    return max(before) if before else -1


def _rank(cands: list[Person], pos: int) -> list[Person]:
    """Most recently mentioned before pos first; people only mentioned later come last."""
    def key(p: Person):
        last = last_mention_before(p, pos)
        first = min((s for s, _ in p.mentions), default=10**9)
        return (0, -last) if last >= 0 else (1, first)
    return sorted(cands, key=key)


def resolve_kind(ctx: Context, kind: str, countries: list[str], count: int | None, pos: int,
                 plural: bool) -> list[Person]:
    cands = [p for p in ctx.people if kind in post_kinds(p.title)]
    if kind == "minister" and not cands:
        cands = [p for p in ctx.people if "prime_minister" in post_kinds(p.title)]
    if countries:
        out = []
        for c in countries:
            ranked = _rank([p for p in cands if p.country == c], pos)
            if ranked:
                out.append(ranked[0])
        return out
    ranked = _rank(cands, pos)
    if count:
        # "the two leaders": one per country, the most recent ones.
        out, seen = [], set()
        for p in ranked:
            if p.country in seen and p.country is not None:
                continue
            seen.add(p.country)
            out.append(p)
            if len(out) == count:
                break
        return out if len(out) == count else []
    if plural:
        # "the ministers": those named in the last paragraphs, not everyone in the release.
        recent = [p for p in ranked
                  if last_mention_before(p, pos) >= 0 and pos - last_mention_before(p, pos) <= _RECENT]
        if len(recent) >= 2:
            return recent
        return resolve_kind(ctx, kind, [], 2, pos, False)
    return ranked[:1]


_MENTIONS = attrgetter("mentions")


def mention_index(ctx: Context) -> list[tuple[int, int, str]]:
    """All person mentions (start, end, name) in text order, built once per list of people."""
    # (map/attrgetter: this check runs for every lookup, over every person of the release)
    key = (id(ctx.people), len(ctx.people), sum(map(len, map(_MENTIONS, ctx.people))))
    cached = ctx.__dict__.get("_mention_index")
    if cached is None or cached[0] != key:
        rows = sorted((s, e, p.name) for p in ctx.people for s, e in p.mentions)
        cached = (key, rows, [r[0] for r in rows])
        ctx.__dict__["_mention_index"] = cached
    return cached[1]


def mentions_between(ctx: Context, start: int, end: int) -> list[tuple[int, int, str]]:
    rows = mention_index(ctx)
    starts = ctx.__dict__["_mention_index"][2]
    out = []
    for i in range(bisect_left(starts, start), len(rows)):
        s, e, n = rows[i]
        if s >= end:
            break
        out.append((s, e, n))
    return out


def people_at(ctx: Context, start: int, end: int) -> list[tuple[int, str]]:
    """(position, name) of every person mention inside [start, end), in text order."""
    return [(s, n) for s, e, n in mentions_between(ctx, start, end) if e <= end]


_FINAL_S = re.compile(r"s\b")


def find_roles(ctx: Context, start: int, end: int,
               prev_subject: list[str] | None = None) -> list[RoleRef]:
    """Role phrases and pronouns in [start, end) resolved to people of the document."""
    text = ctx.text
    refs: list[RoleRef] = []
    taken: list[Span] = []
    low = fold_case(text[start:end])
    can_role = _NOUN_STEMS is None or holds_any(low, _NOUN_STEMS)
    for m in _ROLE.finditer(text, start, end) if can_role else ():
        kind = next(_NOUNS[i][1] for i in range(len(_NOUNS)) if m.group(f"k{i}"))
        adj = m.group("adj") or m.group("adj2") or m.group("adj3")
        adj_country = _country_of(adj, ctx)
        if adj and not adj_country:
            continue  # "the CIS Council ..." or a name: not a role phrase
        noun = m.group("noun")
        plural = bool(_FINAL_S.search(noun.split()[0])) or bool(m.group("num"))
        num = {"two": 2, "both": 2, "three": 3, "four": 4}.get((m.group("num") or "").lower())
        if m.group("det").lower() == "both":
            num = 2
        countries = [adj_country] if adj_country else _countries_in(m.group("of"), ctx)
        if adj_country is None and m.group("of") and not countries:
            # "the head of the delegation": an "of" phrase that names no country ends here.
            pass
        if kind == "counterpart":
            people = _counterparts(ctx, m.start(), start, countries, prev_subject)
        elif kind == "guest":
            # "the Vietnamese guest", "his guest": the visitor last named, not the host;
            # "the Russian diplomat": the Russian last named
            host = set(prev_subject or []) if not countries else set()
            people = _rank([p for p in ctx.people if p.name not in host
                            and (not countries or p.country in countries)], m.start())[:1]
        else:
            if len(countries) > 1:
                num = None
            people = resolve_kind(ctx, kind, countries, num, m.start(), plural)
        span = (m.start(), m.end() if m.group("of") and countries else m.end("noun"))
        if people:
            refs.append(RoleRef(span, text[span[0]:span[1]], [p.name for p in people], plural))
            taken.append(span)
    named = None  # built at the first pronoun: most sentences have none
    for m in _PRONOUN.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if named is None:
            named = sorted([(s, [n]) for s, n in people_at(ctx, start, end)] +
                           [(r.span[0], r.people) for r in refs])
        p = m.group("p").lower()
        before = [names for s, names in named if s < m.start()]
        if before:
            # Someone named earlier in this sentence is the antecedent: its subject, if single.
            if p in ("he", "she", "his", "her") and len(before[0]) == 1:
                refs.append(RoleRef(m.span(), m.group(0), list(before[0]), False))
            continue
        if prev_subject:
            if p in ("they", "their") and len(prev_subject) >= 2:
                refs.append(RoleRef(m.span(), m.group(0), list(prev_subject), True))
            elif p in ("he", "she", "his", "her") and len(prev_subject) == 1:
                refs.append(RoleRef(m.span(), m.group(0), list(prev_subject), False))
    refs.sort(key=lambda r: r.span)
    return refs


def _counterparts(ctx: Context, pos: int, sent_start: int, countries: list[str],
                  prev_subject: list[str] | None) -> list[Person]:
    """"his Belarusian counterpart": the same kind of post as the person "his" points to."""
    before = [n for s, n in people_at(ctx, sent_start, pos)]
    owner_name = before[-1] if before else (prev_subject[0] if prev_subject else None)
    owner = next((p for p in ctx.people if p.name == owner_name), None)
    if owner is None:
        return []
    kinds = post_kinds(owner.title) or {"minister"}
    cands = [p for p in ctx.people if p is not owner and post_kinds(p.title) & kinds
             and (not countries or p.country in countries)
             and (countries or p.country != owner.country)]
    return _rank(cands, pos)[:1]


def sentence_subject(ctx: Context, start: int, end: int, refs: list[RoleRef]) -> list[str]:
    """Who the sentence is about: its first person or role phrase and those coordinated with it
    ("X and Y held talks"), for "he"/"they" in the next sentence."""
    items = [(s, s + 1, [n]) for s, n in people_at(ctx, start, end)]
    items += [(r.span[0], r.span[1], r.people) for r in refs]
    items.sort()
    if not items:
        return []
    out = list(items[0][2])
    last_end = _mention_end(ctx, items[0])
    for s, _e, names in items[1:]:
        gap = ctx.text[last_end:s]
        if not re.fullmatch(r"[\s,]*(?:and|,)?[\s,]*(?:[A-Z][\w’'.-]*\s+|(?:of|the|to|for|at|–|-)\s+)*",
                            gap):
            break
        for n in names:
            if n not in out:
                out.append(n)
        last_end = _mention_end(ctx, (s, _e, names))
    return out


def _mention_end(ctx: Context, item: tuple[int, int, list[str]]) -> int:
    s, e, names = item
    for ms, me, n in mentions_between(ctx, s, s + 1):
        if ms == s and n == names[0]:
            return me
    return e
