"""The figures of one sentence: every number found in one scan (digits, or number words where
the sentence has any), those inside dates and names left out, each read with its words."""

from __future__ import annotations

import bisect
import math
import re

from app.extract.context import Context
from app.extract.figures.figure_words import WINDOW, Hit, read_figure
from app.extract.figures.numbers import (
    DIGIT_NUMBER,
    NUMBER_WORDS,
    WORD_NUMBER,
    currency_code,
    parse_number,
)
from app.extract.figures.plausible import (
    YEARLIKE,
)
from app.extract.fold import fold_case

# The lookahead (the letters number words open with, or a digit) lets the scan reject most
# positions at once; it changes no match.
_NUM = re.compile(
    r"(?=[\dotfsenhza])"
    rf"(?:(?<![\w/.,\-–#№])(?P<w>{WORD_NUMBER})|(?<![\d_/.,\-–#№])(?P<d>{DIGIT_NUMBER}))"
    r"(?![/]|[.,]\d)(?!(?!(?:bn|mn|mln|bln|tn|trn|m|b|k)\b)\w)", re.I)


# _NUM's digit alternative alone, for sentences where no number word can match: it opens
# with a plain \d (the engine then scans for digits in C), its look-behind moved past that
# digit, and DIGIT_NUMBER's alternatives each one digit shorter in front (same matches).
_NUM_DIGITS = re.compile(
    r"(?P<d>\d(?<![\d_/.,\-–#№]\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{0,2}(?:[\u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?|\d*(?:[.,]\d+)?))"
    r"(?![/]|[.,]\d)(?!(?!(?:bn|mn|mln|bln|tn|trn|m|b|k)\b)\w)", re.I)
assert DIGIT_NUMBER == (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?"
                        r"|\d+(?:[.,]\d+)?"), "_NUM_DIGITS is DIGIT_NUMBER rewritten"


# Where _NUM's word alternative can match, fold_case(sentence) has, at a word's start, a
# number word, "half", "several" or "a hundred"/"a dozen" (each opens WORD_NUMBER's forms).
_NUM_WORD_START = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(NUMBER_WORDS.keys() - {"dozen", "hundred"}, key=len,
                                    reverse=True))
    + r"|half|several|a\s+(?:hundred|dozen))")


# Every match of _NUM holds a digit or one of these words, so a sentence without any skips
# the scan (tested on fold_case(sentence), which re.I cannot match past).
_NUM_STEMS = (*NUMBER_WORDS, "half")


_NUM_STEM_RX = re.compile("|".join(re.escape(w) for w in _NUM_STEMS))  # one scan, not 30 `in`s


_DIGIT = re.compile(r"\d")


_VOTES = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.I)


_FOLD_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|hundred)fold\b", re.I)


def sentence_hits(ctx: Context, s: int, e: int, masked: list[tuple[int, int]],
                   tables: tuple, mask_ends: list[int]) -> list[Hit]:
    text = ctx.text
    table, unit_re, unit_forms, demonyms = tables
    hits: list[Hit] = []
    sentence = text[s:e]
    low = fold_case(sentence)
    votes = "vot" in low and _VOTES.search(sentence) is not None
    has_number = _DIGIT.search(sentence) is not None or _NUM_STEM_RX.search(low) is not None
    num_rx = _NUM if has_number and _NUM_WORD_START.search(low) else _NUM_DIGITS
    for m in num_rx.finditer(text, s, e) if has_number else ():
        ns, ne = m.span()
        if hits and ns < hits[-1].end:
            continue
        if m.group("d") and ns > s and text[ns - 1].isalpha():
            # Digits glued to letters name things ("G20", "A4") unless the letters are a
            # currency code written against the amount ("RUB5 million", "Br1.2 billion").
            glued = _GLUED.search(text[max(s, ns - 6):ns])
            if not glued or currency_code(table, glued.group(0), prefix=True) is None:
                continue
        i = bisect.bisect_left(mask_ends, ns + 1)
        if i < len(masked) and masked[i][0] < ne:
            continue  # inside a date or a clock time
        hit = read_figure(text, max(s, ns - WINDOW), min(e, ne + WINDOW), ns, ne,
                           m.group("d") is not None, table, unit_re, unit_forms, votes,
                           demonyms)
        if hit is None and hits:
            hit = _elided_count(text, hits[-1], ns, ne, e, m.group("d") or m.group("w"))
        if hit and math.isfinite(hit.value):
            hits.append(hit)
    for m in _FOLD_WORD.finditer(text, s, e) if "fold" in low else ():
        if not any(h.start <= m.start() < h.end for h in hits):
            v = parse_number(m.group(1))
            if v:
                hits.append(Hit(m.start(), m.end(), v, "times", None, None, "times", m.end()))
    return sorted(hits, key=lambda h: h.start)


# "320 scholarships were allocated to citizens of Laos and 1,000 to citizens of Viet Nam":
# the second number counts the same things, its noun left out.
_ELIDED_GAP = re.compile(r"[^.;:()\d]{0,60}?\s(?:and|while|whereas)\s+$")


_ELIDED_NEXT = re.compile(r"\s+(?:to|for|in|from|at|on|by)\s")


def _elided_count(text: str, prev: Hit, ns: int, ne: int, e: int, raw: str) -> Hit | None:
    if prev.kind != "count" or prev.head is None or prev.label:
        return None
    if not _ELIDED_GAP.fullmatch(text, prev.end, ns) or not _ELIDED_NEXT.match(text, ne, e):
        return None
    value = parse_number(raw)
    if value is None or YEARLIKE.fullmatch(raw) or value == 1:
        return None
    noun = text[prev.head[0]:prev.head[1]]
    return Hit(ns, ne, value, "count", None, None, "count", ne, noun)


_GLUED = re.compile(r"[A-Za-z$€£¥₽]+$")
