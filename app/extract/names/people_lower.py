"""People whose post is written in lower case or beside several names: "X, Belarus' foreign
minister,", "the head of the Belarusian government X", "the Russian and Belarusian foreign
ministers, A and B", "Presidents A and B". Split from people.py, which finds the capitalised
forms and merges every mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fold import fold_name
from ..lexicon import Lexicon
from ..tokens import Tok
from .namespans import STOP, chain, name_like
from .posts import EXPLICIT, Post, normalise_post


@dataclass
class Found:
    name_toks: list[Tok]
    post: Post | None
    pos: int


def lower_appositions(text: str, sent_start: int, toks: list[Tok], lex: Lexicon,
                       publisher: str | None) -> list[Found]:
    """"Maxim Ryzhenkov, Belarus' foreign minister, said", "Ivan Petrov, deputy head of the
    Federal Customs Service,": a post in lower case set off by commas after a name."""
    out = []
    n = len(toks)
    for a, b in name_chains(toks, lex):
        if not (2 <= b - a <= 3 and b < n and toks[b].text == "," and name_like(toks[a:b], lex)):
            continue
        k = b + 1
        if k < n and toks[k].text == "the":
            k += 1
        span = lower_post(toks, k, lex)
        if span is None:
            continue
        start, end = span
        raw = " ".join(title_case(t, lex) for t in text[toks[start].start:toks[end - 1].end].split())
        post = normalise_post(raw, lex, before=text[sent_start:toks[a].start],
                              publisher=publisher, sentence=text[sent_start:toks[-1].end])
        out.append(Found(toks[a:b], post, toks[a].start))
    return out


def lower_posts_before(text: str, sent_start: int, toks: list[Tok], lex: Lexicon,
                       publisher: str | None) -> list[Found]:
    """"the Russian foreign minister, Sergey Lavrov,", "Turkish foreign minister Hakan Fidan":
    a lower-case post led by a country word, before the name."""
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not (t.is_word and t.cap and lex.country_adjective(t.text)):
            continue
        j = i + 1
        while j < n and toks[j].is_word and not toks[j].cap and lex.is_modifier(toks[j].text):
            j += 1
        if not (j < n and toks[j].is_word and not toks[j].cap and lex.is_head(toks[j].text)):
            continue
        a = j + 1
        if a < n and toks[a].text == ",":
            a += 1
        if a >= n or not (toks[a].cap and toks[a].is_word):
            continue
        b = chain(toks, a, lex)
        for e in (min(b, a + 3), a + 2):
            if a + 2 <= e <= b and name_like(toks[a:e], lex):
                raw = " ".join(title_case(x.text, lex) for x in toks[i:j + 1])
                post = normalise_post(raw, lex, before=text[sent_start:toks[i].start],
                                      publisher=publisher, sentence=text[sent_start:toks[-1].end])
                out.append(Found(toks[a:e], post, toks[a].start))
                break
    return out


def lower_of_posts(text: str, sent_start: int, toks: list[Tok], lex: Lexicon,
                    publisher: str | None) -> list[Found]:
    """"the head of the Belarusian government Roman Golovchenko", "the chairman of the
    Kazakh delegation X": a lower-case post whose body carries the country adjective."""
    out = []
    n = len(toks)
    for i in range(n - 6):
        t = toks[i]
        if toks[i + 1].text != "of" or toks[i + 2].text != "the" or t.cap or not t.is_word \
                or not lex.is_head(t.text):
            continue
        country = lex.country_adjective(toks[i + 3].text)
        body = toks[i + 4]
        if not country or body.cap or not body.is_word or lex.is_head(body.text):
            continue
        b = chain(toks, i + 5, lex)
        a = i + 5
        for e in (a + 3, a + 2):
            if e <= b and name_like(toks[a:e], lex):
                raw = f"{title_case(t.text, lex)} of the {body.text.capitalize()} of {country}"
                post = normalise_post(raw, lex, before=text[sent_start:toks[i].start],
                                      publisher=publisher,
                                      sentence=text[sent_start:toks[-1].end])
                out.append(Found(toks[a:e], post, toks[a].start))
                break
    return out


_PAIRED = re.compile(
    r"(?P<a1>[A-Z](?<!\w.)[a-z]+)\s+and\s+(?P<a2>[A-Z][a-z]+)\s+(?P<post>(?:[a-z]+\s+){0,2}[a-z]+s),\s+"
    r"(?P<n1>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+and\s+"
    r"(?P<n2>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s*[,.;)]")


def paired_posts(text: str, sent_start: int, toks: list[Tok], lex: Lexicon) -> list[Found]:
    """"the Russian and Belarusian foreign ministers, Sergey Lavrov and Maxim Ryzhenkov,":
    each name takes the post, with the country adjective in the same place of the pair."""
    if not toks:
        return []
    out = []
    for m in _PAIRED.finditer(text, sent_start, toks[-1].end):
        c1, c2 = lex.country_adjective(m.group("a1")), lex.country_adjective(m.group("a2"))
        words = m.group("post").split()
        if not (c1 and c2) or not lex.is_head(words[-1][:-1]):
            continue
        title = " ".join(title_case(w, lex) for w in [*words[:-1], words[-1][:-1]])
        for grp, country in (("n1", c1), ("n2", c2)):
            span = m.span(grp)
            name_toks = [t for t in toks if span[0] <= t.start and t.end <= span[1]]
            if name_like(name_toks, lex):
                out.append(Found(name_toks, Post(title, country, EXPLICIT), span[0]))
    return out


def plural_posts(toks: list[Tok], lex: Lexicon) -> list[Found]:
    """"signed by Presidents Vladimir Putin and Masoud Pezeshkian", "Foreign Ministers A, B and
    C": a plural post before a list of names gives each the post."""
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        if not (t.cap and t.is_word and t.text.endswith("s") and lex.is_head(t.text[:-1])):
            continue
        left = i
        while left > 0 and toks[left - 1].cap and lex.is_modifier(toks[left - 1].text):
            left -= 1
        title = " ".join([*(x.text for x in toks[left:i]), t.text[:-1]])
        names: list[list[Tok]] = []
        j = i + 1
        while j < n:
            b = chain(toks, j, lex)
            if not (2 <= b - j <= 4 and name_like(toks[j:b], lex)):
                break
            names.append(toks[j:b])
            if b < n and toks[b].text in (",", "and"):
                j = b + 1
                if j < n and toks[j].text == "and":
                    j += 1
                continue
            break
        if len(names) >= 2:
            out.extend(Found(nt, Post(title, None, 0), nt[0].start) for nt in names)
    return out


def lower_post(toks: list[Tok], k: int, lex: Lexicon) -> tuple[int, int] | None:
    """(start, end) of a lower-case post from k: [country word] modifiers* head [of X...],
    closed by punctuation."""
    n = len(toks)
    start = j = k
    while j < n and toks[j].is_word and (lex.country_adjective(toks[j].text)
                                         or (toks[j].poss and lex.country_by_name(toks[j].base))
                                         or lex.country_by_name(toks[j].text)):
        j += 1
        if j < n and toks[j].text in ("'", "’"):
            j += 1
    while j < n and toks[j].is_word and not toks[j].cap and lex.is_modifier(toks[j].text):
        j += 1
    if not (j < n and toks[j].is_word and not toks[j].cap and lex.is_head(toks[j].text)):
        return None
    end = j + 1
    while end + 1 < n and toks[end].text in ("of", "for", "to"):
        c = end + 1
        if toks[c].text == "the" and c + 1 < n:
            c += 1
        if not (toks[c].cap and toks[c].is_word):
            break
        end = chain(toks, c, lex)
    if end < n and toks[end].text not in (",", ".", ";", ")", "–", "—"):
        return None
    return start, end


def title_case(word: str, lex: Lexicon) -> str:
    """"foreign minister" -> "Foreign Minister": posts are written capitalised elsewhere."""
    if word.islower() and (lex.is_head(word) or lex.is_modifier(word)):
        return word[0].upper() + word[1:]
    return word


# name_chains of the sentences last asked about: two stages ask for the same ones.
_CHAINS: dict[int, tuple] = {}


def name_chains(toks: list[Tok], lex: Lexicon) -> list[tuple[int, int]]:
    """Each run of capitalised words as (first, end) token indexes, leading stop words
    ("The", "Mr") skipped; the scan resumes after the run."""
    hit = _CHAINS.get(id(toks))
    if hit is not None and hit[0] is toks and hit[1] is lex and hit[2] == len(toks):
        return hit[3]
    out = list(_name_chains(toks, lex))
    if len(_CHAINS) > 512:
        _CHAINS.clear()
    _CHAINS[id(toks)] = (toks, lex, len(toks), out)
    return out


def _name_chains(toks: list[Tok], lex: Lexicon):
    i = 0
    while i < len(toks):
        if not (toks[i].cap and toks[i].is_word):
            i += 1
            continue
        b = chain(toks, i, lex)
        a = i
        while a < b and fold_name(toks[a].text) in STOP:
            a += 1
        yield a, b
        i = b
