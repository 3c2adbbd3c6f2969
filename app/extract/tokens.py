"""Word tokens with offsets, for the name, post and organisation parsers."""

from __future__ import annotations

import re

# Words (letters, with inner hyphens and apostrophes: Botsan-Kharchenko, People's), numbers,
# and single punctuation marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?|\d+|[^\w\s]")

Span = tuple[int, int]


class Tok:
    """One token. base is the word without a possessive "'s" or an abbreviation's full stop;
    poss tells whether it had the "'s"; cap whether it starts with a capital."""

    __slots__ = ("text", "start", "end", "is_word", "cap", "poss", "base", "base_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        c = text[0]
        self.is_word = word = c.isalpha()
        self.cap = c.isupper()
        # A possessive "'s" / "’s" (string tests: this runs for every token of a release).
        poss = word and len(text) > 2 and text[-1] == "s" and text[-2] in "'’"
        self.poss = poss
        self.base = (text[:-2] if poss else text).rstrip(".") if word else text
        self.base_end = start + len(self.base)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


# What Tok.__init__ works out from a token's text alone, per text: (is_word, cap, poss, base,
# len(base)). Words recur across releases; the table is emptied when it grows very large.
_SHAPES: dict[str, tuple[bool, bool, bool, str, int]] = {}
_new_tok = object.__new__


def _shape(w: str) -> tuple[bool, bool, bool, str, int]:
    t = Tok(w, 0, 0)
    shape = (t.is_word, t.cap, t.poss, t.base, t.base_end)
    if len(_SHAPES) > 200_000:
        _SHAPES.clear()
    _SHAPES[w] = shape
    return shape


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    out = []
    append = out.append
    shapes = _SHAPES
    for m in _TOKEN.finditer(text, start, end):
        w = m.group(0)
        s, e = m.span()
        # A trailing full stop belongs to the word only for abbreviations ("Mr.", "St.").
        split = len(w) > 4 and w[-1] == "."
        if split:
            w = w[:-1]
            e -= 1
        # Tok(w, s, e) without its __init__: the same fields, the text-only ones looked up.
        shape = shapes.get(w) or _shape(w)
        t = _new_tok(Tok)
        t.text, t.start, t.end = w, s, e
        t.is_word, t.cap, t.poss, t.base, n = shape
        t.base_end = s + n
        append(t)
        if split:
            append(Tok(".", e, e + 1))
    return out
