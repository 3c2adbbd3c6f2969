"""Indexes over the gazetteers, built once per Gazetteers object and shared by all stages.

    lex = lexicon(ctx.gaz)
    lex.country("Belarusian")            -> "Belarus"
    lex.country("the Republic of Belarus") -> "Belarus"
    lex.country("Russia's")              -> "Russia"
    lex.place("Voronezh Oblast")         -> Place(name="Voronezh Oblast", country="Russia", ...)
    lex.org("CSTO")                      -> Org(name="Collective Security Treaty Organization", ...)
    lex.office_country("State Duma")     -> (True, "Russia"); ("CSTO") -> (True, None)
    lex.is_given_name("Aleksandr")       -> True
    lex.publisher_country(text)          -> "Belarus" for a BelTA item
    lex.scan("place", text)              -> [(start, end, "Minsk"), ...] (also "org", "country")

Lookups fold case and diacritics; scan() and the *_regex properties match surface forms
case-sensitively, longest first.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .fold import fold_name
from .gazetteer import Gazetteers, default_gazetteers
from .lexicon_build import (
    Org,
    Place,
    add_countries,
    add_organizations,
    add_places,
    add_titles,
    add_words,
    key,
)

_WORD_START = re.compile(r"(?<![\w'’-])[^\W_]+")


def _starting_with(chars: set[str]) -> re.Pattern:
    """_WORD_START restricted to words whose first character is one of chars (each a character
    _WORD_START can open with). Written to open with that character class, the look-behind
    after it, so that the engine scans for the class in C."""
    if not chars:
        return re.compile(r"(?!x)x")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars))
                      + r"](?<![\w'’-].)[^\W_]*")


def _continues(text: str, e: int) -> bool:
    """True when the word goes on at e ("Minsker"); a hyphen ends it ("Vitebsk-based")."""
    return e < len(text) and (text[e].isalnum() or text[e] == "_")


def _no_final_apostrophe(k: str) -> str:
    """re.sub(r"'$", "", k) without the regex call (this runs for every country lookup)."""
    if k.endswith("'"):
        return k[:-1]
    if k.endswith("'\n"):
        return k[:-2] + "\n"
    return k


def _alternation(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@dataclass
class Lexicon:
    countries: dict[str, str] = field(default_factory=dict)  # folded surface -> canonical
    country_names: set[str] = field(default_factory=set)  # canonical names
    adjectives: dict[str, str] = field(default_factory=dict)  # folded adjective -> country
    places: dict[str, Place] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    heads: set[str] = field(default_factory=set)  # folded single or multi-word heads
    modifiers: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    offices: dict[str, str | None] = field(default_factory=dict)  # folded body -> country/None
    given: set[str] = field(default_factory=set)
    body_words: set[str] = field(default_factory=set)  # Committee, Council, Oblast ...
    calendar: set[str] = field(default_factory=set)
    org_heads: set[str] = field(default_factory=set)  # Council, Committee, Ministry ...
    publishers: list[tuple[str, str]] = field(default_factory=list)
    country_surfaces: set[str] = field(default_factory=set)
    country_words: set[str] = field(default_factory=set)  # "Korea", "Arabia", "Herzegovina"
    place_surfaces: set[str] = field(default_factory=set)
    org_surfaces: set[str] = field(default_factory=set)
    _regex_cache: dict[str, re.Pattern] = field(default_factory=dict)

    # --- countries -------------------------------------------------------------------
    def country(self, phrase: str | None) -> str | None:
        """Canonical country for a name, official name, adjective, demonym or possessive."""
        if not phrase:
            return None
        k = _no_final_apostrophe(key(phrase.strip()))  # "Belarus'"
        return self.countries.get(k) or self.adjectives.get(k)

    def country_by_name(self, phrase: str | None) -> str | None:
        """Like country() but only for nouns (not adjectives): 'of Belarus', not 'of Belarusian'."""
        if not phrase:
            return None
        return self.countries.get(_no_final_apostrophe(key(phrase.strip())))

    def country_adjective(self, word: str | None) -> str | None:
        return self.adjectives.get(key(word)) if word else None

    def _regex(self, name: str, forms: set[str]) -> re.Pattern:
        pat = self._regex_cache.get(name)
        if pat is None:
            pat = re.compile(rf"(?<![\w-])(?:{_alternation(forms)})(?![\w-])")
            self._regex_cache[name] = pat
        return pat

    def scan(self, kind: str, text: str, start: int = 0,
             end: int | None = None) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping occurrences in text[start:end] of the surface forms
        of kind ("place", "org" or "country"), as (start, end, surface). Case-sensitive, whole
        words only; a possessive "'s" may follow."""
        end = len(text) if end is None else end
        full = self._full_scan(kind, text)
        # A window of the document's one full scan is the window's own scan when no match of
        # the full scan straddles either edge (the greedy choices inside are then the same).
        i = bisect_left(full[1], start)
        j = bisect_left(full[1], end)
        if not (i > 0 and full[0][i - 1][1] > start) and not (j > 0 and full[0][j - 1][1] > end):
            return full[0][i:j]
        return self._scan(kind, text, start, end)

    def _full_scan(self, kind: str, text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
        cache = self.__dict__.setdefault("_scan_full", {})
        hit = cache.get("text")
        if hit is None or hit is not text:
            cache.clear()
            cache["text"] = text
            for k, found in self._scan_all(text).items():
                cache[k] = (found, [m[0] for m in found])
        return cache[kind]

    _KINDS = ("place", "org", "country")

    def _scan_all(self, text: str) -> dict[str, list[tuple[int, int, str]]]:
        """_scan of every kind over the whole text in one pass: of the words _WORD_START finds,
        only those that open some surface form (a set lookup) are looked at. (Faster than one
        regex alternation of all first words, and the same: a first word is a whole run of
        letters and digits, so it can only be found where _WORD_START starts a word.)"""
        indexes = {k: self._first_word_index(k) for k in self._KINDS}
        keys = self.__dict__.get("_first_words")
        if keys is None:
            keys = frozenset().union(*(set(ix) for ix in indexes.values()))
            self.__dict__["_first_words"] = keys
            self.__dict__["_first_word_re"] = _starting_with({w[0] for w in keys})
        out: dict[str, list[tuple[int, int, str]]] = {k: [] for k in self._KINDS}
        pos = dict.fromkeys(self._KINDS, 0)
        # Only words opening with a letter that some first word opens with: the others were
        # skipped by the set lookup anyway, and most words of a text are lower case.
        for m in self.__dict__["_first_word_re"].finditer(text):
            w = m.group(0)
            if w not in keys:
                continue
            s = m.start()
            for k in self._KINDS:
                if s < pos[k]:
                    continue
                for cand in indexes[k].get(w, ()):
                    e = s + len(cand)
                    if text.startswith(cand, s) and not _continues(text, e):
                        out[k].append((s, e, cand))
                        pos[k] = e
                        break
        return out

    def _scan(self, kind: str, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        index = self._first_word_index(kind)
        out: list[tuple[int, int, str]] = []
        pos = start
        for m in _WORD_START.finditer(text, start, end):
            s = m.start()
            if s < pos:
                continue
            for cand in index.get(m.group(0), ()):
                e = s + len(cand)
                if e <= end and text.startswith(cand, s) and not _continues(text, e):
                    out.append((s, e, cand))
                    pos = e
                    break
        return out

    def _first_word_index(self, kind: str) -> dict[str, list[str]]:
        cache = self.__dict__.setdefault("_scan_index", {})
        index = cache.get(kind)
        if index is None:
            surfaces = {"place": self.place_surfaces, "org": self.org_surfaces,
                        "country": self.country_surfaces}[kind]
            index = {}
            for f in surfaces:
                f = f[4:] if f.startswith("the ") else f
                m = _WORD_START.match(f)
                if m and m.end() <= len(f):
                    index.setdefault(m.group(0), []).append(f)
            for v in index.values():
                v.sort(key=len, reverse=True)
            cache[kind] = index
        return index

    @property
    def country_regex(self) -> re.Pattern:
        """Matches any country name, official name, adjective or demonym (case-sensitive)."""
        return self._regex("country", self.country_surfaces)

    # --- places and organisations ----------------------------------------------------------
    def place(self, name: str | None) -> Place | None:
        if not name:
            return None
        return self.places.get(key(name))

    def place_country(self, name: str | None) -> str | None:
        p = self.place(name)
        if p:
            return p.country
        return self.country_by_name(name)

    @property
    def place_regex(self) -> re.Pattern:
        return self._regex("place", self.place_surfaces)

    def org(self, name: str | None) -> Org | None:
        if not name:
            return None
        return self.orgs.get(key(name))

    def office_country(self, phrase: str | None) -> tuple[bool, str | None]:
        """(known, country) for a body named in a post: State Duma -> (True, Russia),
        CSTO -> (True, None), an unknown body -> (False, None)."""
        if not phrase:
            return False, None
        k = key(phrase)
        if k in self.offices:
            return True, self.offices[k]
        o = self.orgs.get(k)
        if o is not None:
            return True, o.country
        return False, None

    def offices_in(self, phrase: str) -> list[tuple[str, str | None]]:
        """Known bodies named anywhere inside a post phrase, longest first, with country."""
        f = " " + fold_name(phrase) + " "
        found = []
        for k, c in self._office_items():
            if f" {k} " in f:
                found.append((k, c))
        return found

    def _office_items(self) -> list[tuple[str, str | None]]:
        items = self.__dict__.get("_office_list")
        if items is None:
            merged: dict[str, str | None] = {}
            for k, o in self.orgs.items():
                merged[k] = o.country
            merged.update(self.offices)
            items = sorted(merged.items(), key=lambda kv: -len(kv[0]))
            self.__dict__["_office_list"] = items
        return items

    # --- titles and names ------------------------------------------------------------
    def is_head(self, word: str) -> bool:
        # Asked for every token of every sentence: answers kept per word (heads are filled
        # only while the lexicon is built), and dropped when there get to be very many.
        memo = self.__dict__.get("_head_memo")
        if memo is None or len(memo) > 200_000:
            memo = self.__dict__["_head_memo"] = {}
        known = memo.get(word)
        if known is None:
            known = memo[word] = fold_name(word) in self.heads
        return known

    def is_modifier(self, word: str) -> bool:
        return fold_name(word) in self.modifiers

    def is_honorific(self, word: str) -> bool:
        return fold_name(word).rstrip(".") in self.honorifics

    def is_title_word(self, word: str) -> bool:
        """A word of posts or of the names of bodies: never part of a personal name."""
        f = fold_name(word)
        return (f in self.heads or f in self.modifiers or f in self.body_words
                or f in self.calendar or f.rstrip(".") in self.honorifics)

    def is_org_head(self, word: str) -> bool:
        return fold_name(word) in self.org_heads

    def is_given_name(self, word: str) -> bool:
        return fold_name(word) in self.given

    def publisher_country(self, text: str) -> str | None:
        """Country whose posts an unqualified title belongs to, from the publisher's marker."""
        head = text[:4000]
        fallback = None
        for marker, country in self.publishers:
            if not marker:
                fallback = country
            elif marker in head:
                return country
        return fallback


def build_lexicon(gaz: Gazetteers) -> Lexicon:
    lex = Lexicon()
    add_countries(lex, gaz)
    add_places(lex, gaz)  # after the countries: each country is a place too
    add_organizations(lex, gaz)
    add_titles(lex, gaz)
    add_words(lex, gaz)
    return lex


def lexicon(gaz: Gazetteers | None = None) -> Lexicon:
    """The lexicon of gaz (the shipped gazetteers by default), built on first use and kept on
    the Gazetteers object itself, so it lives exactly as long as its word lists."""
    gaz = gaz or default_gazetteers()
    lex = gaz.__dict__.get("_lexicon")
    if lex is None:
        lex = build_lexicon(gaz)
        gaz.__dict__["_lexicon"] = lex
    return lex
