"""Word tokens with offsets, for the name and post parsers."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words (letters, with inner hyphens and apostrophes: Botsan-Kharchenko, People's), numbers,
# and single punctuation marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?|\d+|[^\w\s]")
_POSS = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def poss(self) -> bool:
        return bool(_POSS.search(self.text))

    @property
    def base(self) -> str:
        """The word without a possessive "'s" or a trailing full stop."""
        return _POSS.sub("", self.text).rstrip(".")

    @property
    def base_end(self) -> int:
        return self.start + len(self.base)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        w = m.group(0)
        # A trailing full stop belongs to the word only for abbreviations ("Mr.", "St.").
        if w.endswith(".") and len(w) > 4:
            out.append(Tok(w[:-1], m.start(), m.end() - 1))
            out.append(Tok(".", m.end() - 1, m.end()))
        else:
            out.append(Tok(w, m.start(), m.end()))
    return out
