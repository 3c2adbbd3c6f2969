"""People with their posts.

A person is found where a post stands beside a name, in any of the genre's forms:
"Foreign Minister Sergey Lavrov", "President of the Republic of Belarus Alexander Lukashenko",
"Deputy Prime Minister – Minister of Foreign Affairs of ... Murat Nurtleu", "its President X",
"Belarusian leader X", appositions "Maxim Ryzhenkov, Minister of Foreign Affairs of Belarus" and
"X, Belarus' foreign minister,", and "the Minister of ..., X,". The post is parsed from the title
gazetteer's words (heads such as Minister/Ambassador, modifiers such as Deputy/Foreign) and
"of/to X" complements, so a name never seen before is still found; posts.py turns it into
(title, country). Names without a post are taken only when they start with a known given name.
Later mentions (full name in another spelling, "Mr Lavrov", "A. Lukashenko", the surname
alone) attach to the person.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..context import Context
from ..fold import fold_name
from ..lexicon import Lexicon, lexicon
from ..model import Entity, Person, Span
from ..tokens import Tok
from .mentions import later_mentions, span_of, surface
from .names import EAST_ASIAN_SURNAMES, name_key, surname_key
from .namespans import name_like
from .people_lower import (
    Found,
    lower_appositions,
    lower_of_posts,
    lower_posts_before,
    name_chains,
    paired_posts,
    plural_posts,
)
from .posts import EXPLICIT, Post
from .titled import titled_people


@dataclass
class Builder:
    name: str
    key: str
    first: int
    posts: list[tuple[int, int, Post]] = field(default_factory=list)  # (strength, pos, post)
    mentions: dict[Span, str] = field(default_factory=dict)

    def person(self) -> Person:
        # The surest country, and the post from the surest mention that names one
        # (a "counterpart" mention gives a country but no post).
        title = country = None
        if self.posts:
            country = max(self.posts, key=lambda p: (p[0], -p[1]))[2].country
            titled = [p for p in self.posts if p[2].title]
            if titled:
                title = max(titled, key=lambda p: (p[0], -p[1]))[2].title
        spans = sorted(self.mentions)
        aliases = sorted({s for s in self.mentions.values() if s != self.name})
        return Person(name=self.name, title=title, country=country, mentions=spans,
                      aliases=aliases)


def find_people(ctx: Context) -> list[Person]:
    lex = lexicon(ctx.gaz)
    text = ctx.text
    publisher = lex.publisher_country(text)
    found: list[Found] = []
    sent_toks = ctx.tokens
    for (s, _), toks in zip(ctx.sentences, sent_toks, strict=True):
        found.extend(titled_people(text, s, toks, lex, publisher, ctx))
    for (s, _), toks in zip(ctx.sentences, sent_toks, strict=True):
        found.extend(lower_appositions(text, s, toks, lex, publisher))
        found.extend(lower_of_posts(text, s, toks, lex, publisher))
        found.extend(lower_posts_before(text, s, toks, lex, publisher))
        found.extend(paired_posts(text, s, toks, lex))
        found.extend(plural_posts(toks, lex))
    taken = {t.start for f in found for t in f.name_toks}
    for toks in sent_toks:
        found.extend(_untitled(toks, lex, taken))

    builders: dict[str, Builder] = {}
    for f in sorted(found, key=lambda f: f.pos):
        written = surface(text, f.name_toks)
        key = name_key(written)
        b = builders.get(key)
        if b is None:
            b = builders[key] = Builder(name=written, key=key, first=f.pos)
        b.mentions[span_of(f.name_toks)] = written
        if f.post and (f.post.title or f.post.country):
            b.posts.append((f.post.strength, f.pos, f.post))
    _merge_mononyms(builders)
    later_mentions(text, sent_toks, builders, lex)
    people = [b.person() for b in sorted(builders.values(), key=lambda b: min(b.mentions))]
    _prune_entities(ctx, people)
    return people


def _merge_mononyms(builders: dict[str, Builder]) -> None:
    """A one-word name that is the surname of a full name in the document ("President of
    Belarus Lukashenko" beside "Alexander Lukashenko") is that person."""
    for key, b in list(builders.items()):
        if " " in b.name.strip():
            continue
        owners = [o for o in builders.values()
                  if o is not b and " " in o.name.strip() and surname_key(o.name) == key]
        if len(owners) == 1:
            owners[0].mentions.update(b.mentions)
            owners[0].posts.extend(b.posts)
            del builders[key]


# --- posts beside names ---------------------------------------------------------------------


# --- names without a post ------------------------------------------------------------------

def _untitled(toks: list[Tok], lex: Lexicon, taken: set[int]) -> list[Found]:
    """A two-word name starting with a known given name: "Alexander Gusev thanked ..."."""
    out = []
    for a, b in name_chains(toks, lex):
        owner = lex.country_by_name(toks[a - 1].base) if a > 0 and toks[a - 1].poss else None
        if owner and 2 <= b - a <= 4 and toks[a].start not in taken \
                and (lex.is_given_name(toks[a].base) or fold_name(toks[a].base) in EAST_ASIAN_SURNAMES) \
                and name_like(toks[a:b], lex):
            # "Iran's Ali Bagheri Kani", "China's Wang Yi": the country's, post unnamed.
            out.append(Found(toks[a:b], Post(None, owner, EXPLICIT), toks[a].start))
        elif b - a == 2 and toks[a].start not in taken and lex.is_given_name(toks[a].base) \
                and name_like(toks[a:b], lex) and not _after_title(toks, a, lex) \
                and not _named_after(toks, a):
            out.append(Found(toks[a:b], None, toks[a].start))
    return out


def _named_after(toks: list[Tok], a: int) -> bool:
    """"the Order of Alexander Nevsky", "the Museum of Leo Tolstoy": a name inside the name
    of a thing, not a person taking part."""
    return a >= 2 and toks[a - 1].text == "of" and toks[a - 2].cap and toks[a - 2].is_word


def _after_title(toks: list[Tok], a: int, lex: Lexicon) -> bool:
    return a > 0 and toks[a - 1].cap and lex.is_title_word(toks[a - 1].base)


# --- later mentions --------------------------------------------------------------------------


# --- tidy the other entities ----------------------------------------------------------------

def _prune_entities(ctx: Context, people: list[Person]) -> None:
    """A place or organisation word inside a person's name is part of the name
    ("Vladimir" in "Vladimir Putin")."""
    spans = sorted(m for p in people for m in p.mentions)
    if not spans:
        return
    starts = [s for s, _ in spans]

    def inside(m: Span) -> bool:
        k = bisect_right(starts, m[0]) - 1
        return k >= 0 and spans[k][0] <= m[0] and m[1] <= spans[k][1]

    for ents in (ctx.places, ctx.organizations):
        keep: list[Entity] = []
        for ent in ents:
            ent.mentions = [m for m in ent.mentions if not inside(m)]
            if ent.mentions:
                keep.append(ent)
        ents[:] = keep
