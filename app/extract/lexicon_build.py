"""The entries of the lexicon (places, organisations) and how each gazetteer fills it: the
index building behind lexicon.build_lexicon, one function per word list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .fold import fold_name
from .gazetteer import Gazetteers


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    kind: str  # city, region, country, venue
    within: str | None = None  # the city or region a venue lies in ("Kremlin" -> Moscow)


@dataclass(frozen=True)
class Org:
    name: str
    country: str | None
    kind: str
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=65536)
def key(s: str) -> str:
    s = fold_name(s)
    if s.endswith("'s"):
        s = s[:-2]
    if s.startswith("the "):
        s = s[4:]
    return s


def split_forms(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


def add_countries(lex, gaz: Gazetteers) -> None:
    for row in gaz.rows("countries"):
        name = row.get("name")
        if not name:
            continue
        lex.country_names.add(name)
        for form in [name, *split_forms(row.get("aliases"))]:
            lex.countries.setdefault(key(form), name)
            lex.country_surfaces.add(form)
            if form.startswith("the "):
                lex.country_surfaces.add(form[4:])
            lex.countries.setdefault(key(form + "'s"), name)
            lex.country_surfaces.add(form + "'s")
            lex.country_surfaces.add(form + "’s")
        for adj in split_forms(row.get("adjectives")):
            lex.adjectives.setdefault(key(adj), name)
            lex.country_surfaces.add(adj)
    for form in lex.country_surfaces:
        lex.country_words.update(w for w in form.split() if w[:1].isupper())


def add_places(lex, gaz: Gazetteers) -> None:
    """Places, and every country as a place of its own (after the countries)."""
    for row in gaz.rows("places"):
        name = row.get("name")
        if not name:
            continue
        p = Place(name=name, country=row.get("country") or None, kind=row.get("kind") or "place",
                  within=row.get("within") or None)
        for form in [name, *split_forms(row.get("aliases"))]:
            lex.places.setdefault(key(form), p)
            lex.place_surfaces.add(form)
    for cname in lex.country_names:
        lex.places.setdefault(key(cname), Place(cname, cname, "country"))


def add_organizations(lex, gaz: Gazetteers) -> None:
    for row in gaz.rows("organizations"):
        name = row.get("name")
        if not name:
            continue
        aliases = tuple(split_forms(row.get("aliases")))
        o = Org(name=name, country=row.get("country") or None, kind=row.get("kind") or "body",
                aliases=aliases)
        for form in [name, *aliases]:
            lex.orgs.setdefault(key(form), o)
            lex.org_surfaces.add(form)


def add_titles(lex, gaz: Gazetteers) -> None:
    for row in gaz.rows("titles"):
        t, kind = row.get("title"), row.get("kind")
        if not t:
            continue
        k = fold_name(t)
        if kind == "head":
            lex.heads.add(k)
        elif kind == "modifier":
            lex.modifiers.add(k)
        elif kind == "honorific":
            lex.honorifics.add(k.rstrip(" ."))
        elif kind == "office":
            lex.offices[key(t)] = row.get("country") or None
        elif kind == "international":
            lex.offices[key(t)] = None
        elif kind == "body":
            lex.body_words.add(k)
        elif kind == "calendar":
            lex.calendar.add(k)


def add_words(lex, gaz: Gazetteers) -> None:
    """Given names, the head words of organisations' names, publishers' markers."""
    for row in gaz.rows("given_names"):
        for form in [row.get("name") or "", *split_forms(row.get("variants"))]:
            if form:
                lex.given.add(fold_name(form))
    for row in gaz.rows("org_heads"):
        if row.get("word"):
            lex.org_heads.add(fold_name(row["word"]))
    for row in gaz.rows("publishers"):
        lex.publishers.append((row.get("marker") or "", row.get("country") or ""))
