"""Later mentions of the people found: the full name in another spelling, "Mr Lavrov",
"A. Lukashenko", the surname alone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..fold import fold_name
from ..lexicon import Lexicon
from ..model import Span
from ..tokens import Tok
from .names import name_key, surname_key
from .namespans import STOP, chain

_INITIAL = re.compile(r"[A-Z]\.")

if TYPE_CHECKING:
    from .people import Builder


def span_of(toks: list[Tok]) -> Span:
    return (toks[0].start, toks[-1].base_end)


def surface(text: str, toks: list[Tok]) -> str:
    s, e = span_of(toks)
    return " ".join(text[s:e].split())


def later_mentions(text: str, sent_toks: list[list[Tok]], builders: dict[str, Builder],
                    lex: Lexicon) -> None:
    by_surname: dict[str, list[Builder]] = {}
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
                        bld = builders.get(name_key(surface(text, window)))
                        if bld is not None:
                            hit = (n, bld)
                            break
                if hit:
                    n, bld = hit
                    window = toks[j:j + n]
                    bld.mentions.setdefault(span_of(window), surface(text, window))
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
