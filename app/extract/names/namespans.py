"""Where personal names stand among tokens: which capitalised runs can be a name, and where a
run of capitalised words ends. Shared by the people and organisation finders."""

from __future__ import annotations

from ..fold import fold_name
from ..lexicon import Lexicon
from ..tokens import Tok
from .names import EAST_ASIAN_SURNAMES

# Capitalised function words that open sentences; never part of a name.
STOP = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "by", "for", "with",
    "and", "but", "or", "as", "of", "to", "from", "after", "before", "during", "since", "while",
    "when", "he", "she", "it", "they", "we", "our", "his", "her", "its", "their", "both", "all",
    "according", "speaking", "following", "under", "over", "among", "between", "within", "last",
    "next", "new", "mr", "mrs", "ms", "dear", "however", "also", "then", "there", "here", "today",
    "yesterday", "tomorrow", "besides", "meanwhile", "moreover", "thus", "earlier", "later",
    "recently", "previously", "subsequently", "additionally", "furthermore", "notably",
    "finally", "afterwards", "together", "separately", "traditionally", "currently", "now",
    "initially", "instead", "indeed", "why", "how", "what", "who", "where", "if", "so", "yet",
}

# Lower-case particles inside names: "Mohammed bin Salman", "Ursula von der Leyen".
_PARTICLES = {"bin", "ibn", "bint", "al", "el", "von", "van", "der", "den", "de", "da", "di",
              "du", "dos", "das", "la", "le", "ben"}


def particle(tok: Tok) -> bool:
    return not tok.cap and tok.text in _PARTICLES


def name_like(toks: list[Tok], lex: Lexicon) -> bool:
    """Could these tokens be a personal name: 2-4 capitalised words (particles between them
    allowed), none a word of posts, bodies, countries or dates?"""
    if not 2 <= len(toks) <= 6 or particle(toks[0]) or particle(toks[-1]):
        return False
    words = [t for t in toks if not particle(t)]
    if not 2 <= len(words) <= 4:
        return False
    for i, t in enumerate(toks):
        if particle(t):
            continue
        if not t.cap or not any(c.islower() for c in t.base) or not t.is_word:
            return False
        if t.poss and i != len(toks) - 1:
            return False
        b = t.base
        if fold_name(b) in STOP or lex.is_title_word(b) or lex.country(b) or lex.country_adjective(b):
            return False
    first = toks[0].base
    if not lex.is_given_name(first) and fold_name(first) not in EAST_ASIAN_SURNAMES:
        if lex.place(first) or lex.org(first):
            return False
    return True


def chain(toks: list[Tok], i: int, lex: Lexicon) -> int:
    """End (exclusive) of the run of capitalised words from i, with name particles between
    them; a possessive ends it unless it belongs to a body's name ("People's Republic")."""
    j = i
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.cap and t.is_word:
            j += 1
            if t.poss and not (lex.is_title_word(t.base) or fold_name(t.base) == "people"):
                break
        elif j > i and particle(t):
            k = j
            while k < n and particle(toks[k]):
                k += 1
            if not (k < n and toks[k].cap and toks[k].is_word):
                break
            j = k
        else:
            break
    return j


def known_word(tok: Tok, lex: Lexicon) -> bool:
    w = tok.base
    return bool(lex.is_title_word(w) or lex.country(w) or lex.place(w) or lex.org(w)
                or lex.office_country(w)[0] or (w.isupper() and len(w) > 1)
                or w in lex.country_words)
