"""A post as written ("Belarusian Ambassador to Russia", "Chairman of the House of
Representatives of the National Assembly of Belarus") -> (title, country).

The country phrase leaves the title and becomes the country: a leading adjective or
possessive ("Russian", "Russia's"), or an "of <country>" phrase anywhere ("of the Republic of
Belarus"). When none is written, the country follows from a body named in the post (State Duma ->
Russia; Union State, CSTO -> none), from a region in it (Governor of Voronezh Oblast -> Russia),
from the sentence ("Kyrgyzstan was represented by Minister ..."), or, last, from the publisher
of the release (a Russian MFA release's "Foreign Minister" is Russia's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fold import fold_name
from ..lexicon import Lexicon

# How sure a country is: written in the post > implied by the post or the sentence > default.
EXPLICIT, IMPLIED, DEFAULT, NONE = 3, 2, 1, 0

_WS = re.compile(r"\s+")
_DETERMINER = re.compile(r"^(?:its|his|her|their)\s+", re.I)
_REPRESENTED = re.compile(
    r"([A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)\s*,?\s+(?:(?:was|is|were|are|will\s+be)\s+)?"
    r"(?:represented\s+)?by\s+$")


@dataclass
class Post:
    title: str | None
    country: str | None
    strength: int


def _country_regex(lex: Lexicon, key: str, template: str) -> re.Pattern:
    """A regex over every country name the lexicon knows (not possessives), built once per
    lexicon: template holds {alt} where the alternation goes."""
    pat = lex.__dict__.get(key)
    if pat is None:
        forms = sorted({f for f in lex.country_surfaces if lex.country_by_name(f)},
                       key=len, reverse=True)
        alt = "|".join(re.escape(f) for f in forms if not f.endswith(("'s", "’s")))
        pat = re.compile(template.replace("{alt}", alt))
        lex.__dict__[key] = pat
    return pat


def _country_of_phrase_regex(lex: Lexicon) -> re.Pattern:
    return _country_regex(lex, "_of_country_re", r"\s*,?\s+of\s+(?:the\s+)?({alt})(?=$|[\s,–—-])")


def _to_country_regex(lex: Lexicon) -> re.Pattern:
    return _country_regex(lex, "_to_country_re", r"\b(to|in)\s+(?:the\s+)?({alt})(?=$|[\s,–—-])")


def normalise_post(raw: str, lex: Lexicon, *, before: str = "", publisher: str | None = None,
                   referent: tuple[str, str | None] | None = None, sentence: str = "") -> Post:
    """raw: the post as written before a name; before: the sentence text preceding it;
    sentence: the whole sentence; referent: (name, country) of what "its"/"his" points to,
    when the post starts so."""
    post = _normalise(raw, lex, before, publisher, referent, sentence)
    if post.title and post.country and sentence:
        post.title = _with_host(post.title, post.country, sentence, lex)
    return post


_BARE_AMBASSADOR = re.compile(r"\bAmbassador(?:\s+Extraordinary\s+and\s+Plenipotentiary)?$")


def _with_host(title: str, country: str, sentence: str, lex: Lexicon) -> str:
    """"Russian Ambassador" in a sentence about Serbia is the Ambassador to Serbia: the host is
    the first other country the sentence names, by name, adjective or one of its places."""
    if not _BARE_AMBASSADOR.search(title):
        return title
    hits: list[tuple[int, str]] = []
    for s, e, surface in lex.scan("country", sentence):
        c = lex.country(surface)
        if c and c != country and not _heads_a_post(sentence, e, lex):
            hits.append((s, c))
            break
    for s, _, surface in lex.scan("place", sentence):
        p = lex.place(surface)
        if p and p.country and p.country != country:
            hits.append((s, p.country))
            break
    if not hits:
        return title
    return f"{title} to {min(hits)[1]}"


_CAPITALISED_WORD = re.compile(r"[A-Z][\w-]*")


def _heads_a_post(sentence: str, e: int, lex: Lexicon) -> bool:
    """"Chinese Ambassador X": the country word opens another post, not this one's host."""
    for w in _CAPITALISED_WORD.findall(sentence[e:e + 40])[:3]:
        if lex.is_head(w):
            return True
        if not lex.is_title_word(w):
            return False
    return False


_LEADING_CAP_WORD = re.compile(r"([A-Z][\w’'-]*)\s+")


def _normalise(raw: str, lex: Lexicon, before: str, publisher: str | None,
               referent: tuple[str, str | None] | None, sentence: str) -> Post:
    title = _WS.sub(" ", raw).strip(" ,–—-")
    det = _DETERMINER.match(title)
    if det:
        title = title[det.end():]
    title, country, strength = _leading_country(title, lex)
    title, country, strength = _countries_inside(title, lex, country, strength)

    if det and referent and strength < EXPLICIT:
        ref_name, ref_country = referent
        if lex.country_by_name(ref_name):
            country, strength = lex.country_by_name(ref_name), EXPLICIT
        else:
            title = f"{title} of {ref_name}"
            if ref_country:
                country, strength = ref_country, IMPLIED

    if strength < EXPLICIT:
        c, known = _country_from_bodies(title, lex)
        if known:
            country, strength = c, IMPLIED if c else NONE
            if c is None:
                return Post(title or None, None, IMPLIED)
    if strength < IMPLIED:
        c = _country_from_context(before, sentence, lex)
        if c:
            country, strength = c, IMPLIED
    if strength < IMPLIED and publisher:
        country, strength = publisher, DEFAULT
    return Post(title or None, country, strength)


def _leading_country(title: str, lex: Lexicon) -> tuple[str, str | None, int]:
    """Leading adjectives or possessives: "Russian State Duma Speaker", "Russia's Permanent
    ...": (the title without them, the country they name, its strength)."""
    country: str | None = None
    strength = NONE
    while True:
        m = _LEADING_CAP_WORD.match(title)
        if not m:
            break
        word = m.group(1)
        c = lex.country_adjective(word)
        if c is None and word.endswith(("'s", "’s")):
            c = lex.country_by_name(word[:-2])
        if c is None and not lex.is_title_word(word):
            c = lex.country_by_name(word)  # "Belarus President", "US Secretary of State"
        if c is None:
            region = lex.place(word)
            if region and region.kind == "region" and region.country and country is None:
                # "Tatarstan Prime Minister": the post of a region, in the region's country.
                country, strength = region.country, EXPLICIT
                title = f"{title[m.end():]} of {region.name}"
            break
        if country is None:
            country, strength = c, EXPLICIT
        title = title[m.end():]
    return title, country, strength


def _countries_inside(title: str, lex: Lexicon, country: str | None,
                      strength: int) -> tuple[str, str | None, int]:
    """"to <country>" shortened, "of <country>" taken out (the first names the post's
    country unless one is known already)."""
    # "to the Republic of Belarus" names the host, not the post's country: shorten it first so
    # its "of Belarus" is not taken for one.
    if "to" in title or "in" in title:  # (the regex needs one of them)
        title = _to_country_regex(lex).sub(
            lambda m: f"{m.group(1)} {lex.country_by_name(m.group(2)) or m.group(2)}", title)
    # "of <country>" phrases, wherever they stand.
    pat = _country_of_phrase_regex(lex)
    while True:
        m = pat.search(title) if "of" in title else None  # (the regex needs "of")
        if not m:
            break
        c = lex.country_by_name(m.group(1))
        if country is None and c:
            country, strength = c, EXPLICIT
        title = (title[:m.start()] + title[m.end():]).strip(" ,")
    return _WS.sub(" ", title).strip(" ,–—-"), country, strength


_DELEGATION = re.compile(
    r"(?:\b([A-Z][\w-]*)\s+delegation|delegation\s+of\s+(?:the\s+)?([A-Z][\w' -]*?))\s+"
    r"(?:(?:was|is|were|will\s+be)\s+)?(?:headed|led)\s+by\s+$")
_SIDE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or)\s+the\s+([A-Z][\w-]*)\s+side\b")
# A list of posts led by its country: "The Uzbek side was represented by A, B and C",
# "The Russian delegation included ...", "the new US administration of President X".
_LEAD = re.compile(
    r"\b([A-Z][\w.-]*)\s+(?:side|delegation|team)\s+(?:was\s+represented\s+by|included|"
    r"comprised|consisted\s+of|was\s+made\s+up\s+of|was\s+composed\s+of)\b")
_GOVERNMENT_OF = re.compile(
    r"\b([A-Z][\w.-]*)\s+(?:administration|government|leadership|cabinet)\s+"
    r"(?:of|led\s+by|headed\s+by)\s+$")


def _country_from_context(before: str, sentence: str, lex: Lexicon) -> str | None:
    """Country given by the sentence around a post: "Kyrgyzstan was represented by ...",
    "The Belarusian delegation was led by ...", "... took part on the Russian side"."""
    m = _REPRESENTED.search(before)
    if m:
        c = lex.country_by_name(m.group(1).split(" and ")[-1].strip())
        if c:
            return c
    m = _DELEGATION.search(before)
    if m:
        c = lex.country(m.group(1) or m.group(2))
        if c:
            return c
    m = _GOVERNMENT_OF.search(before)
    if m:
        c = lex.country(m.group(1))
        if c:
            return c
    # "on the Russian side": the nearest such phrase before the post, else the first after;
    # a list led by "The Uzbek side was represented by" only before it.
    pos = len(before)
    leads = [(mm.start(), lex.country(mm.group(1))) for mm in _LEAD.finditer(before)]
    leads = [(p, c) for p, c in leads if c]
    if leads:
        return leads[-1][1]
    sides = [(mm.start(), lex.country(mm.group(1))) for mm in _SIDE.finditer(sentence)]
    sides = [(p, c) for p, c in sides if c]
    earlier = [sc for sc in sides if sc[0] < pos]
    if earlier:
        return earlier[-1][1]
    return sides[0][1] if sides else None


_OF_TO_FOR_ON = re.compile(r" (?:of|to|for|on) ")
_OF_CAPITALISED = re.compile(r"\bof\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s?)+)")


def _country_from_bodies(title: str, lex: Lexicon) -> tuple[str | None, bool]:
    """(country, known) from a body or region the post names: State Duma -> Russia;
    "of the Union State" -> (None, True); a region after "of" -> its country."""
    f = " " + fold_name(title) + " "
    international = False
    # The words before the first "of"/"to": "UN Secretary-General", "CSTO Secretary General".
    prefix = " " + _OF_TO_FOR_ON.split(f.strip(), maxsplit=1)[0] + " "
    for key, country in lex.offices_in(title):
        if country:
            return country, True
        # "Secretary General of the CSTO", "UN Secretary-General" belong to no country;
        # "Permanent Representative to the UN" and "Director of the Second CIS Department"
        # do (the sender's).
        if f" of {key} " in f or f" of the {key} " in f or f" {key} " in prefix:
            international = True
    # Regions and cities after "of": "Governor of Voronezh Oblast".
    for m in _OF_CAPITALISED.finditer(title):
        phrase = m.group(1).strip()
        words = phrase.split()
        for k in range(len(words), 0, -1):
            p = lex.place(" ".join(words[:k]))
            if p and p.country:
                return p.country, True
    if international:
        return None, True
    return None, False
