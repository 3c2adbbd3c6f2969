"""The three ways text is folded before it is compared, one function each.

- `fold_case`: the lower case a regex compiled with re.I sees, for keyword tests standing in
  front of such regexes (app.extract.gates). str.lower() alone is not enough: re.I also
  matches four non-ASCII letters to ASCII ones (Turkish dotted and dotless i, long s, the
  Kelvin sign), which lower() leaves alone or turns into two characters.
  tests/extract/test_fold.py checks the list.
- `fold`: case- and accent-insensitive text (NFKD, combining marks dropped, casefold): the
  store's keys and search compare with it.
- `fold_name`: the lookup form of a name or gazetteer word: `fold` plus the spellings names
  vary in (đ, ß, curly apostrophes, dots and hyphens as spaces, white space collapsed).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

RE_I_ASCII_TWINS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold_case(s: str) -> str:
    if not s.isascii() and any(chr(c) in s for c in RE_I_ASCII_TWINS):
        s = s.translate(RE_I_ASCII_TWINS)
    return s.lower()


def strip_accents(text: str) -> str:
    """The letters without their diacritics (compatibility forms decomposed too)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form."""
    return strip_accents(text).casefold()


@lru_cache(maxsize=65536)
def fold_name(text: str | None) -> str:
    """Lower case, no diacritics, apostrophes unified, dots dropped, hyphens as spaces."""
    if not text:
        return ""
    s = text.replace("đ", "dj").replace("Đ", "Dj").replace("ß", "ss")
    s = strip_accents(s).lower()
    s = s.replace("’", "'").replace("‘", "'").replace(".", " ").replace("-", " ")
    return " ".join(s.split())
