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

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from app.extract.context import Context
from app.extract.fold import fold_name
from app.extract.lexicon import Lexicon, lexicon
from app.extract.model import Entity, Person, Span
from app.extract.names.names import EAST_ASIAN_SURNAMES, name_key, surname_key
from app.extract.names.namespans import STOP, chain, known_word, name_like, particle
from app.extract.names.people_lower import (
    Found,
    lower_appositions,
    lower_of_posts,
    lower_posts_before,
    name_chains,
    paired_posts,
    plural_posts,
)
from app.extract.names.posts import EXPLICIT, Post, normalise_post
from app.extract.tokens import Tok, sentence_tokens

_PREPS = {"of", "to", "for", "on", "without", "at"}
_JOINERS = {"–", "—", "-", ","}
_DETERMINERS = {"its", "his", "her", "their"}
_INITIAL = re.compile(r"[A-Z]\.")



@dataclass
class _Builder:
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
    sent_toks = sentence_tokens(text, ctx.sentences)
    for (s, _), toks in zip(ctx.sentences, sent_toks, strict=True):
        found.extend(_titled(text, s, toks, lex, publisher, ctx))
    for (s, _), toks in zip(ctx.sentences, sent_toks, strict=True):
        found.extend(lower_appositions(text, s, toks, lex, publisher))
        found.extend(lower_of_posts(text, s, toks, lex, publisher))
        found.extend(lower_posts_before(text, s, toks, lex, publisher))
        found.extend(paired_posts(text, s, toks, lex))
        found.extend(plural_posts(toks, lex))
    taken = {t.start for f in found for t in f.name_toks}
    for toks in sent_toks:
        found.extend(_untitled(toks, lex, taken))

    builders: dict[str, _Builder] = {}
    for f in sorted(found, key=lambda f: f.pos):
        surface = _surface(text, f.name_toks)
        key = name_key(surface)
        b = builders.get(key)
        if b is None:
            b = builders[key] = _Builder(name=surface, key=key, first=f.pos)
        b.mentions[_span(f.name_toks)] = surface
        if f.post and (f.post.title or f.post.country):
            b.posts.append((f.post.strength, f.pos, f.post))
    _merge_mononyms(builders)
    _later_mentions(text, sent_toks, builders, lex)
    people = [b.person() for b in sorted(builders.values(), key=lambda b: min(b.mentions))]
    _prune_entities(ctx, people)
    return people


def _merge_mononyms(builders: dict[str, _Builder]) -> None:
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


def _span(toks: list[Tok]) -> Span:
    return (toks[0].start, toks[-1].base_end)


def _surface(text: str, toks: list[Tok]) -> str:
    s, e = _span(toks)
    return " ".join(text[s:e].split())


# --- posts beside names ---------------------------------------------------------------------

def _is_pre(tok: Tok, lex: Lexicon) -> bool:
    """Can stand before a head inside a post: Deputy, Foreign, State Duma, Russian, Russia's."""
    if not tok.cap:
        return False
    if lex.is_title_word(tok.base) and fold_name(tok.base) not in lex.calendar:
        return not tok.poss or lex.country_by_name(tok.base) is not None
    if tok.poss:
        return lex.country_by_name(tok.base) is not None
    if lex.country_adjective(tok.text) or lex.country_by_name(tok.text):
        return True  # "Belarusian Foreign Minister", "Belarus President", "US Secretary of State"
    return lex.office_country(tok.text)[0] or (tok.text.isupper() and lex.org(tok.text) is not None)


def _name_tail(toks: list[Tok], a: int, b: int, direct: bool,
               lex: Lexicon) -> tuple[int, int] | None:
    """The name at the end of the capitalised run toks[a:b], or None. A run after "of"/"to"
    needs at least one word before the name ("of Belarus Alexander Lukashenko"); a run
    straight after a head may be the name alone ("Minister Sergey Lavrov")."""
    if direct:
        k = a
        while k < b and lex.is_title_word(toks[k].base) and not toks[k].poss:
            k += 1
        if name_like(toks[k:b], lex):
            return k, b
        if k + 2 <= b and name_like(toks[k:k + 2], lex):
            return k, k + 2
        return None
    # The name starts right after the last known word of the post ("... of Vietnam Pham Minh
    # Chinh", "... of the UAE Sheikh Abdullah bin Zayed Al Nahyan")...
    k = b
    while k > a and not (not particle(toks[k - 1]) and known_word(toks[k - 1], lex)):
        k -= 1
    if a < k < b and name_like(toks[k:b], lex):
        return k, b
    if a < k == b - 2 and _word_surname_name(toks, k, lex):
        return k, b  # "... Central Committee To Lam"
    if k == b - 1 and k > a and _mononym(toks, k, lex):
        return k, b  # "Minister of Foreign Affairs of the Republic of Indonesia Sugiono"
    # ... failing that, three words after a known one, or the last two words.
    fallback = None
    for n in (3, 2):
        s = b - n
        if s <= a or not name_like(toks[s:b], lex):
            continue
        if known_word(toks[s - 1], lex):
            return s, b
        if n == 2:
            fallback = (s, b)
    return fallback


# Vietnamese surnames that are also English words: read as a name only right after a post.
_WORD_SURNAMES = {"to", "do", "ho", "le"}


def _word_surname_name(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    first, last = toks[k], toks[k + 1]
    if fold_name(first.base) not in _WORD_SURNAMES or not first.cap or first.poss:
        return False
    return (last.cap and last.is_word and not known_word(last, lex) and fold_name(last.base) not in STOP
            and any(c.islower() for c in last.base) and not lex.place(last.base))


def _mononym(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """A one-word name right after a country that closes a post, ending the phrase."""
    t = toks[k]
    if not (t.cap and t.is_word and not t.poss and any(c.islower() for c in t.base)):
        return False
    if known_word(t, lex) or fold_name(t.base) in STOP or lex.is_given_name(t.base):
        return False
    prev = toks[k - 1]
    if not lex.country_by_name(prev.base):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not (nxt.cap and nxt.is_word)


def _titled(text: str, sent_start: int, toks: list[Tok], lex: Lexicon,
            publisher: str | None, ctx: Context) -> list[Found]:
    out: list[Found] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        # (_lower_head is False for a capitalised token: only lower-case ones are asked.)
        if not lex.is_head(t.base) if t.cap else not _lower_head(toks, i, lex):
            i += 1
            continue
        left = _left_edge(toks, i, lex)
        det = left > 0 and toks[left - 1].text.lower() in _DETERMINERS
        start_tok = left - 1 if det else left
        res = _parse_right(toks, i, lex)
        if res is None:
            i += 1
            continue
        end, name_start, name_end = res
        if name_start is None:
            app = _apposition(toks, start_tok, lex) or _name_after_comma(toks, end, left, lex)
            if app is not None:
                raw = text[toks[left].start:toks[end - 1].end]
                first = min(toks[app[0]].start, toks[start_tok].start)
                post = normalise_post(raw, lex, before=text[sent_start:first],
                                      publisher=publisher, sentence=text[sent_start:toks[-1].end])
                out.append(Found(toks[app[0]:app[1]], post, toks[app[0]].start))
            i = max(end, i + 1)
            continue
        post_end = name_start  # "... of the UAE Sheikh Khalid": the honorific is not the post
        while post_end - 1 > i and lex.is_honorific(toks[post_end - 1].text):
            post_end -= 1
        raw = text[toks[start_tok].start:toks[post_end - 1].end]
        referent = _referent(text, sent_start, toks[start_tok].start, lex, ctx) if det else None
        post = normalise_post(raw, lex, before=text[sent_start:toks[start_tok].start],
                              publisher=publisher, referent=referent,
                              sentence=text[sent_start:toks[-1].end])
        if fold_name(t.text) in _PEER_WORDS:
            post = Post(None, post.country, post.strength)  # the post is the other person's
        after = _country_after_name(text, toks, name_end, lex)
        if after and post.strength < EXPLICIT:
            post = Post(post.title, after, EXPLICIT)  # "Foreign Minister Ana Petrova of Serbia"
        out.append(Found(toks[name_start:name_end], post, toks[name_start].start))
        i = name_end
    return out


def _country_after_name(text: str, toks: list[Tok], e: int, lex: Lexicon) -> str | None:
    if e + 1 >= len(toks) or toks[e].text != "of":
        return None
    k = e + 1
    if toks[k].text == "the" and k + 1 < len(toks):
        k += 1
    hits = lex.scan("country", text, toks[k].start, min(len(text), toks[k].start + 60))
    if not hits or hits[0][0] != toks[k].start:
        return None
    end = hits[0][1]
    rest = text[end:end + 2]
    if rest[:1].isspace() and rest[1:2].isupper():
        return None  # "of Belarus Forum ...": a longer name
    return lex.country_by_name(hits[0][2])


# "his Belarusian counterpart X": X's country is known, X's post is the other person's.
_PEER_WORDS = {"counterpart", "colleague"}


def _lower_head(toks: list[Tok], i: int, lex: Lexicon) -> bool:
    """A post in lower case right after a country adjective, before a name:
    "Belarusian leader Alexander Lukashenko", "his Hungarian counterpart Peter Szabo"."""
    t = toks[i]
    # (The cheap tests first: this is asked for every lower-case token.)
    if t.cap or i == 0 or not (i + 2 < len(toks) and toks[i + 1].cap):
        return False
    if not (lex.is_head(t.text) or t.text in _PEER_WORDS):
        return False
    prev = toks[i - 1]
    if not (lex.country_adjective(prev.text) or (prev.poss and lex.country_by_name(prev.base))):
        return False
    return name_like(toks[i + 1:i + 3], lex)


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _left_edge(toks: list[Tok], h: int, lex: Lexicon) -> int:
    """First token of the post ending in head h. Words of the post are known title, body or
    country words; up to two unknown words are taken when a country adjective or possessive
    stands before them ("Indian External Affairs Minister")."""
    left = h
    while left > 0 and _is_pre(toks[left - 1], lex):
        left -= 1
    # "KGB Chairman", "FSB Director": a body's abbreviation right before the post.
    if left > 0 and _ACRONYM.fullmatch(toks[left - 1].text):
        left -= 1
        while left > 0 and _is_pre(toks[left - 1], lex) and not lex.is_head(toks[left - 1].base):
            left -= 1
    k = left
    while k > 0 and left - k < 2 and toks[k - 1].cap and toks[k - 1].is_word \
            and fold_name(toks[k - 1].text) not in STOP:
        k -= 1
        t = toks[k]
        if lex.country_adjective(t.text) or (t.poss and lex.country_by_name(t.base)):
            return k
        if k == left - 1 and _region(t.text, lex):
            return k  # "Tatarstan Prime Minister": a region right before the post
    return left


def _region(word: str, lex: Lexicon) -> bool:
    p = lex.place(word)
    return bool(p and p.kind == "region" and p.country)


def _parse_right(toks: list[Tok], h: int, lex: Lexicon) -> tuple[int, int | None, int] | None:
    """From head h: (end of the post, name start or None, name end)."""
    n = len(toks)
    i = h + 1
    direct = True
    last = h + 1
    while True:
        if i < n and toks[i].cap and toks[i].is_word:
            b = chain(toks, i, lex)
            found = _name_tail(toks, i, b, direct, lex)
            if found is not None:
                return found[0], found[0], found[1]
            last = b
            i = b
            if toks[b - 1].poss:
                return last, None, last
        nxt = _continue(toks, i, lex, direct)
        if nxt is None:
            return last, None, last
        i, direct = nxt


def _continue(toks: list[Tok], i: int, lex: Lexicon,
              direct: bool = True) -> tuple[int, bool] | None:
    """Where the post goes on after position i: "of (the) X", "– Minister", ", Minister",
    "and Trade". Returns (next index, whether the next run follows a head directly)."""
    n = len(toks)
    if i >= n:
        return None
    w = toks[i].text
    if w == "in" and i + 2 < n:
        # "Minister in charge of Trade X"; "Trade Representative in Belarus X",
        # "Consul General in Grodno X": a post placed in a country or city.
        if toks[i + 1].text == "charge" and toks[i + 2].text == "of":
            return _continue(toks, i + 2, lex, direct)
        j = i + 1
        if toks[j].cap and toks[j].is_word and (lex.country_by_name(toks[j].base)
                                                or lex.place(toks[j].base)):
            return j, False
        return None
    if w.lower() in _PREPS and w.islower():
        j = i + 1
        if j < n and toks[j].text == "the":
            j += 1
        if j < n and toks[j].cap and toks[j].is_word:
            return j, False
        # "President of the 79th session of the General Assembly X": a numbered sitting.
        if j + 3 < n and toks[j].text.isdigit() and toks[j + 1].text in _ORDINAL_SUFFIXES \
                and toks[j + 2].text in _SITTINGS and toks[j + 3].text == "of":
            return j + 3, False
        return None
    if w == "," and not direct:
        nxt = _field_list(toks, i + 1, lex)
        if nxt is not None:
            return nxt, False
    if w in _JOINERS:
        j = i + 1
        k = j
        while k < n and _is_pre(toks[k], lex) and not lex.is_head(toks[k].base):
            k += 1
        if k < n and toks[k].cap and lex.is_head(toks[k].base):
            return k + 1, True
        return None
    if w == "and" and i + 1 < n and toks[i + 1].cap and toks[i + 1].is_word \
            and not lex.is_given_name(toks[i + 1].base):
        # "Minister of Industry and Trade" goes on; so does "Deputy Prime Minister and Minister
        # of Finance X" (one person, two posts: no name stood before the "and").
        k = i + 1
        while k < n and _is_pre(toks[k], lex) and not lex.is_head(toks[k].base):
            k += 1
        if k < n and toks[k].cap and lex.is_head(toks[k].base):
            return k + 1, True
        return i + 1, False
    return None


_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
_SITTINGS = {"session", "sessions", "convocation", "assembly", "congress", "meeting"}


def _field_list(toks: list[Tok], j: int, lex: Lexicon) -> int | None:
    """"Minister of Investment, Industry and Trade X": after a comma inside an "of" complement,
    single capitalised words separated by commas and closed by "and <Word>" go on with the post.
    Returns the index of the word after "and". A name after the comma ("..., Maxim Ryzhenkov,")
    never qualifies: its words are not single items of a list closed by "and"."""
    n = len(toks)
    k = j
    while k < n:
        t = toks[k]
        if not (t.cap and t.is_word) or lex.is_given_name(t.base) or lex.is_head(t.base):
            return None
        k += 1
        if k < n and toks[k].text == ",":
            k += 1
            continue
        if k + 1 < n and toks[k].text == "and" and toks[k + 1].cap and toks[k + 1].is_word \
                and not lex.is_given_name(toks[k + 1].base) and not lex.is_head(toks[k + 1].base):
            return k + 1
        return None
    return None


def _apposition(toks: list[Tok], start: int, lex: Lexicon) -> tuple[int, int] | None:
    """"Maxim Ryzhenkov, Minister of ...": the name just before ", <post>"."""
    j = start - 1
    if j >= 0 and toks[j].text == "the":
        j -= 1
    if j < 0 or toks[j].text != ",":
        return None
    end = j
    a = end
    while a > 0 and toks[a - 1].cap and toks[a - 1].is_word:
        a -= 1
    while a < end and fold_name(toks[a].text) in STOP:
        a += 1
    if 2 <= end - a <= 3 and name_like(toks[a:end], lex):
        return a, end
    return None


def _name_after_comma(toks: list[Tok], end: int, left: int,
                      lex: Lexicon) -> tuple[int, int] | None:
    """"the Minister of Foreign Affairs of Belarus, Maxim Ryzhenkov, said": a name set off
    by commas right after the post."""
    n = len(toks)
    if end >= n or toks[end].text != "," or (left > 0 and toks[left - 1].text in ("under", "of")):
        return None
    a = end + 1
    b = a
    while b < n and toks[b].cap and toks[b].is_word and not toks[b - 1].poss:
        b += 1
    if not 2 <= b - a <= 3 or not name_like(toks[a:b], lex):
        return None
    if b < n and toks[b].text not in (",", ".", ";", ")"):
        return None
    return a, b


def _referent(text: str, sent_start: int, pos: int, lex: Lexicon,
              ctx: Context) -> tuple[str, str | None] | None:
    """What "its" refers to: the nearest place or organisation before it in the sentence."""
    best: tuple[int, str, str | None] | None = None
    for ent in [*ctx.places, *ctx.organizations]:
        for s, e in ent.mentions:
            if sent_start <= s and e <= pos and (best is None or s > best[0]):
                best = (s, ent.name, ent.country)
    for s, _, surface in lex.scan("country", text, sent_start, pos):
        c = lex.country_by_name(surface)
        if c and (best is None or s > best[0]):
            best = (s, c, c)
    if best is None:
        return None
    return best[1], best[2]


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

def _later_mentions(text: str, sent_toks: list[list[Tok]], builders: dict[str, _Builder],
                    lex: Lexicon) -> None:
    by_surname: dict[str, list[_Builder]] = {}
    for b in builders.values():
        by_surname.setdefault(surname_key(b.name), []).append(b)
    for toks in sent_toks:
        i = 0
        while i < len(toks):
            if not (toks[i].cap and toks[i].is_word):
                i += 1
                continue
            b = chain(toks, i, lex)
            j = i
            while j < b:
                hit = None
                for n in (6, 5, 4, 3, 2):
                    if j + n <= b:
                        window = toks[j:j + n]
                        bld = builders.get(name_key(_surface(text, window)))
                        if bld is not None:
                            hit = (n, bld)
                            break
                if hit:
                    n, bld = hit
                    window = toks[j:j + n]
                    bld.mentions.setdefault(_span(window), _surface(text, window))
                    j += n
                    continue
                cands = by_surname.get(name_key(toks[j].base), [])
                if len(cands) == 1 and _lone_surname_ok(toks, j, i, b, lex):
                    s = j
                    while s > i and (lex.is_honorific(toks[s - 1].text)
                                     or _INITIAL.fullmatch(toks[s - 1].text)):
                        s -= 1
                    span = (toks[s].start, toks[j].base_end)
                    if not any(m[0] <= span[0] < m[1] for m in cands[0].mentions):
                        cands[0].mentions.setdefault(span, " ".join(text[span[0]:span[1]].split()))
                j += 1
            i = b


def _lone_surname_ok(toks: list[Tok], j: int, a: int, b: int, lex: Lexicon) -> bool:
    """A surname alone or after an honorific or post ("Mr Lavrov", "President Lukashenko"),
    not part of another name ("Lavrov Street", "Anna Lavrova")."""
    if j != b - 1:
        return False
    return all(lex.is_honorific(t.text) or lex.is_title_word(t.base) or fold_name(t.text) in STOP
               or _INITIAL.fullmatch(t.text) or lex.country_adjective(t.text)
               for t in toks[a:j])


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
