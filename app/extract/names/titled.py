"""People found where a post stands beside a name: "Foreign Minister Sergey Lavrov",
"Maxim Ryzhenkov, Minister of Foreign Affairs of Belarus", "the Minister of ..., X,". The post
is read from the title gazetteer's words and its "of/to X" complements."""

from __future__ import annotations

import re

from ..context import Context
from ..fold import fold_name
from ..lexicon import Lexicon
from ..tokens import Tok
from .namespans import STOP, chain, known_word, name_like, particle
from .people_lower import (
    Found,
)
from .posts import EXPLICIT, Post, normalise_post

_PREPS = {"of", "to", "for", "on", "without", "at"}


_JOINERS = {"–", "—", "-", ","}


_DETERMINERS = {"its", "his", "her", "their"}


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


def titled_people(text: str, sent_start: int, toks: list[Tok], lex: Lexicon,
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
