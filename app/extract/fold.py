"""Case folding for cheap keyword tests that stand in front of case-insensitive regexes.

A pattern compiled with re.I can match a word only where fold_case(text) holds the word in
lower case, so `word in fold_case(sentence)` tells for certain when a pattern cannot match and
its scan can be skipped. str.lower() alone is not enough: re.I also matches four non-ASCII
letters to ASCII ones (Turkish dotted and dotless i, long s, the Kelvin sign), which lower()
leaves alone or turns into two characters. tests/extract/test_fold.py checks the list.
"""

from __future__ import annotations

RE_I_ASCII_TWINS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def fold_case(s: str) -> str:
    if not s.isascii() and any(chr(c) in s for c in RE_I_ASCII_TWINS):
        s = s.translate(RE_I_ASCII_TWINS)
    return s.lower()
