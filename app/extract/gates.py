"""Cheap keyword tests that stand in front of case-insensitive regexes.

A pattern compiled with re.I can match a word only where fold_case(text) holds the word in
lower case (app.extract.fold), so `word in fold_case(sentence)` tells for certain when a
pattern cannot match and its scan can be skipped: `stems` finds those words, `Gated` and
`first_char_gate` use them.
"""

from __future__ import annotations

import re


def _alternatives(rx: str) -> list[str]:
    """The top-level alternatives of a regex source."""
    out, depth, cur, i, in_class = [], 0, [], 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            cur.append(rx[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    return [*out, "".join(cur)]


def _closing(rx: str, i: int) -> int:
    """Index of the bracket closing the group opened at rx[i]."""
    depth, in_class = 0, False
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def stems(rx: str) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of the regex source rx contains: the letters
    each top-level alternative opens with (after a \\b, through a leading non-capturing group
    of alternatives). None when some alternative opens otherwise; then no test is possible.
    A sentence whose fold_case() holds none of them cannot match rx, with or without re.I."""
    out: list[str] = []
    for alt in _alternatives(rx):
        if alt.startswith("\\b"):
            alt = alt[2:]
        if alt.startswith("(?:"):
            j = _closing(alt, 0)
            if j < 0 or alt[j + 1:j + 2] in ("?", "*", "{"):
                return None
            inner = stems(alt[3:j])
            if inner is None:
                return None
            out += inner
            continue
        n = 0
        while n < len(alt) and alt[n].isascii() and alt[n].isalpha():
            n += 1
        if n < len(alt) and alt[n] in "?*{":
            n -= 1
        if n <= 0:
            return None
        out.append(alt[:n].lower())
    return tuple(dict.fromkeys(out))


class Gated:
    """A compiled regex searched only when the text can hold a match (see stems)."""

    __slots__ = ("rx", "stems")

    def __init__(self, rx: re.Pattern) -> None:
        self.stems = stems(rx.pattern)
        self.rx = first_char_gate(rx)

    def search(self, text: str, low: str) -> re.Match | None:
        """rx.search(text); low is fold_case(text)."""
        if self.stems is not None:
            for w in self.stems:  # a loop, not any(): this runs for every clause
                if w in low:
                    break
            else:
                return None
        return self.rx.search(text)


def first_char_gate(rx: re.Pattern) -> re.Pattern:
    """rx behind a lookahead on the letters its matches can open with (from stems): the same
    matches, but the scan rejects most positions at once instead of trying every alternative.
    rx itself when its alternatives do not all open with known letters."""
    st = stems(rx.pattern)
    if not st or any(not s for s in st) or rx.pattern.startswith("(?") and \
            not rx.pattern.startswith("(?:"):  # a global flag must stay in front
        return rx
    chars = sorted({c for s in st for c in (s[0].lower(), s[0].upper())})
    # (?:...) around: the lookahead must stand in front of every top-level alternative.
    return re.compile("(?=[" + "".join(chars) + "])(?:" + rx.pattern + ")", rx.flags)


def holds_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether low (a fold_case() text) holds one of words."""
    for w in words:  # a loop, not any() over a generator: this runs for every sentence
        if w in low:
            return True
    return False
