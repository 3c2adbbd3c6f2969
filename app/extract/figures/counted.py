"""What a count counts: the plural noun after the number ("17 documents", "two VVER-1200
power units"), or one named elsewhere ("900 of them", "19 against", "the number of branches
... has reached 14")."""

from __future__ import annotations

import re

from .plausible import (
    MONTH_NAMES,
)

ACRONYM_PLURAL = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")


TO_NUMBER = re.compile(r"\s+to\s+\d")


_OF_THE = re.compile(r"\s+of\s+(?:its|their|the|them|these|those|whom|which|his|her|our)\s+"
                     r"((?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+)")


_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")


_PART_OF_WHOLE = re.compile(
    r"(?:,|\band)\s*(?:(?:about|over|some|nearly|almost|around|more\s+than)\s+)?$")


_VOTE_WORD = re.compile(r"\s+(against|in\s+favou?r|for|abstentions?|abstained|abstaining)\b",
                        re.I)


_VOTES_TO = re.compile(r"\d[\d,]*\s+(?:votes?\s+)?to\s+$")


_COMMA_END = re.compile(r",\s*$")


_IN_YEAR = re.compile(r"\s+in\s+(?:19|20)\d\d\b")


_IRREGULAR_PLURALS = {
    "children", "people", "men", "women", "servicemen", "personnel", "staff", "police",
    "media", "youth", "cattle", "alumni", "criteria", "data", "feet", "teeth", "mice",
    "geese", "crew", "faculty", "businessmen", "servicewomen", "sportsmen", "policemen",
    "peacekeepers", "schoolchildren", "clergy", "livestock", "offspring", "aircraft",
}


_NOT_COUNTED = {
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
    "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
    "times", "percent", "per", "o'clock", "am", "pm", "a.m", "p.m", "st", "nd", "rd", "th",
    "sides", "parties", "occasions", "ways", "things", "kinds", "others", "ones",
    "millennia", "millennium", "yrs", "mins", "hrs", "was", "is", "has", "does", "goes",
    "minus", "plus", "us", "its", "this", "his", "hers", "ours", "yours", "theirs", "as",
    "thus", "less", "unless", "always", "perhaps", "yes", "series", "whereas",
}


_STOP = {
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "but", "the",
    "a", "an", "that", "which", "who", "whom", "whose", "were", "was", "are", "is", "be",
    "been", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "than", "as", "into", "over", "under", "per", "each", "this", "these", "those",
    "it", "they", "them", "we", "he", "she", "its", "their", "our", "his", "her", "not",
    "no", "more", "less", "about", "after", "before", "during", "since", "until", "while",
    "out", "up", "down", "also", "already", "still", "just", "only", "very", "so", "such",
    "if", "when", "where", "there", "here", "then", "now", "against", "between", "among",
    "through", "across", "within", "without", "including", "like", "did", "do", "does",
}


_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z'’]+)*-?(?:(?<=-)\d+)?)")  # "two VVER-1200 power units"


_LIST_COMMA = re.compile(r",(?=\s+[a-z])")


# Adjectives that a list of modifiers before a counted noun is made of:
# "17 intergovernmental, interdepartmental and commercial documents".
_ADJ_END = re.compile(r"(?:al|ic|ive|ary|ial|ous|an|ed|ing)$")


def is_plural_head(w: str, demonyms: frozenset[str] = frozenset()) -> bool:
    lw = w.lower()
    if lw in _NOT_COUNTED or lw in _STOP:
        return False
    if lw in _IRREGULAR_PLURALS:
        return True
    if w[0].isupper() and lw in demonyms:
        return True
    if ACRONYM_PLURAL.fullmatch(w):
        return True  # "10 NGOs", "5 MoUs"
    if not w.islower() and not w[0].isupper():
        return False
    return (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))
            and w.islower())


_Counted = tuple[int, tuple[int, int] | None, str | None]


def counted_noun(text, s, e, ns, end, raw, is_digit, votes,
             demonyms: frozenset[str] = frozenset()) -> _Counted | None:
    """End of the figure's words, span of the counted noun and a label for what is counted
    when the pattern says it; None when nothing is counted."""
    pos = end
    listing = False  # inside "a, b and c" modifiers
    for _ in range(6):
        m = _WORD.match(text, pos, e)
        if not m:
            # "intergovernmental, interdepartmental and ...": a comma inside a list of adjectives.
            if pos > end and _LIST_COMMA.match(text, pos, e) \
                    and _ADJ_END.search(text[pos - 4:pos].lower()):
                pos += 1
                listing = True
                continue
            break
        w = m.group(1)
        lw = w.lower()
        if lw == "and" and pos > end and (listing or _and_modifiers(text, m.end(), e, demonyms)):
            pos = m.end()  # "combined heat and power plants"
            continue
        if lw in _STOP:
            if pos == end and lw in {"in", "of", "against", "for", "to", "a"}:  # "1,000 a year"
                break  # nothing named right after the number: maybe named elsewhere
            return None
        if lw in _NOT_COUNTED or lw in MONTH_NAMES:
            return None
        if is_plural_head(w, demonyms):
            label = "votes in favour" if votes and lw == "votes" and TO_NUMBER.match(
                text[m.end():e]) else None
            return m.end(), (m.start(1), m.end(1)), label
        pos = m.end()
    return _bare_count(text, s, e, ns, end, votes)


def _and_modifiers(text: str, pos: int, e: int, demonyms: frozenset[str]) -> bool:
    """After "and" inside the words before a counted noun: one or two lower-case words and
    then a plural noun ("heat and power plants"), not a new clause."""
    for _ in range(3):
        m = _WORD.match(text, pos, e)
        if not m:
            return False
        w = m.group(1)
        if not w.islower() or w in _STOP or w in _NOT_COUNTED:
            return False
        if is_plural_head(w, demonyms):
            return True
        pos = m.end()
    return False


# "the number of branches ... has reached 14": the count is named before the verb.
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+((?:[a-z][a-z'’-]*\s+){0,2}[a-z][a-z'’-]*)\b[^.;:]{0,80}?\b(?:has|have|had)?\s*"
    r"(?:reached|exceeded|totalled|totaled|amounted\s+to|stood\s+at|stands\s+at|grown\s+to|"
    r"grew\s+to|risen\s+to|rose\s+to|increased\s+to|is|was|to)\s+(?:[a-z]+\s+){0,2}$")


def _bare_count(text, s, e, ns, end, votes) -> _Counted | None:
    """A number standing for a count named elsewhere: "149 of its residents", "19 against",
    "Regular visits to the regions, 15 in 2023, ..."."""
    rest = text[end:e]
    m = _OF_THE.match(rest)
    if m:
        last = m.group(1).split()[-1]
        if is_plural_head(last):
            hs = end + m.end(1) - len(last)
            return end + m.end(), (hs, hs + len(last)), None
    # "Over 5,000 students study here, 900 of them on scholarships": a part of a counted whole.
    m = _OF_THEM.match(rest)
    if m and _PART_OF_WHOLE.search(text[s:ns]):
        return end + m.end(), None, None
    if votes:
        m = _VOTE_WORD.match(rest)
        if m:
            return end + m.end(), (end + m.start(1), end + m.end(1)), None
        # "adopted by a vote of 93 to 18": the first number is for, the second against.
        if TO_NUMBER.match(rest):
            return end, None, "votes in favour"
        if _VOTES_TO.search(text[max(s, ns - 30):ns]):
            return end, None, "votes against"
    before = text[s:ns]
    if _COMMA_END.search(before) and _IN_YEAR.match(rest):
        return end, None, None
    m = _NUMBER_OF.search(text, max(s, ns - 140), ns)
    if m and any(is_plural_head(w) for w in m.group(1).split()):
        return end, None, None  # the measure phrase reads "number of ..." itself
    return None
