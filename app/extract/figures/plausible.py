"""Whether a number is a figure at all (not an identifier, a name, a year or a pointer back:
"Resolution 1244", "the two countries"), and the qualifier before it ("more than", "about")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..fold import fold_case

_QUALIFIERS = [
    (r"more\s+than", "more than"), (r"over", "over"), (r"above", "over"),
    (r"in\s+excess\s+of", "over"), (r"upwards\s+of", "over"), (r"just\s+over", "over"),
    (r"exceeding", "over"), (r"exceeded", "over"), (r"exceeds", "over"), (r"exceed", "over"),
    (r"about", "about"), (r"around", "about"), (r"approximately", "about"),
    (r"approx\.", "about"), (r"roughly", "about"), (r"circa", "about"), (r"close\s+to", "about"),
    (r"some", "some"), (r"nearly", "nearly"), (r"almost", "almost"), (r"approaching", "almost"),
    (r"up\s+to", "up to"), (r"as\s+many\s+as", "up to"), (r"as\s+much\s+as", "up to"),
    (r"less\s+than", "less than"), (r"fewer\s+than", "less than"), (r"under", "less than"),
    (r"below", "less than"), (r"at\s+least", "at least"), (r"no\s+fewer\s+than", "at least"),
    (r"no\s+less\s+than", "at least"), (r"at\s+most", "at most"), (r"just\s+under", "almost"),
]


_QUAL_RE = re.compile(
    r"\b(" + "|".join(p for p, _ in _QUALIFIERS) + r")\s*$", re.I)


# Qualifiers that are part of the figure's words; verbs ("exceeded") stay outside its text.
QUAL_IN_TEXT = {"more than", "over", "about", "some", "nearly", "almost", "up to", "less than",
                 "at least", "at most", "around", "approximately", "roughly", "fewer than",
                 "under", "above", "in excess of", "upwards of", "as many as", "as much as",
                 "close to", "circa", "just over", "just under", "no fewer than",
                 "no less than", "approx."}


# Words before a number that make it an identifier: "Resolution 1244", "No. 5", "Article 51".
_ID_BEFORE = re.compile(
    r"\b(?:no|nos|number|resolution|resolutions|article|articles|art|paragraph|para|clause|"
    r"chapter|section|item|point|page|pages|room|flight|gate|line|platform|decree|law|order|"
    r"protocol|annex|appendix|round|stage|phase|level|grade|class|group|act|vol|volume|"
    r"part|hall|building|block|unit|route|bus|train|car|seat|box|tier|code|category|"
    r"type|model|version|step|format|top)\.?\s*$", re.I)  # "top 10 partners" is a rank


def ends_gate(words: list[str]) -> tuple[str, ...] | None:
    """Endings for a gate in front of a pattern "(?:word|...)\\s*$" compiled with re.I: a
    string whose fold_case(), right-stripped, ends with none of them cannot match. None when
    some word holds a cased non-ASCII letter (lower() is not what re.I compares there)."""
    if any(not c.isascii() and c.lower() != c.upper() for w in words for c in w):
        return None
    return tuple(dict.fromkeys(w.lower() for w in words))


# "(?:no|nos|...)\.?": each word, with or without its full stop.
_ID_ENDS = ends_gate([w + dot for w in _ID_BEFORE.pattern.split("(?:", 1)[1].split(")")[0]
                       .split("|") for dot in ("", ".")])


# A qualifier's last word: "more\s+than" ends in "than", "approx\." in "approx.".
_QUAL_ENDS = ends_gate([p.split(r"\s+")[-1].replace("\\.", ".") for p, _ in _QUALIFIERS])


def can_end_with(s: str, ends: tuple[str, ...] | None) -> bool:
    return ends is None or fold_case(s.rstrip()).endswith(ends)


_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|both|all|its|their|his|her|our|my|your|each|every|other|"
    r"first|last|next|previous|another|any|these|which|whose)\s+$", re.I)


_FUNCTION_CAPS = {
    "in", "on", "about", "over", "some", "nearly", "almost", "around", "up", "by", "from",
    "to", "with", "of", "and", "all", "only", "just", "another", "exactly", "at", "since",
    "until", "for", "more", "than", "less", "fewer", "approximately", "roughly", "under",
    "above", "below", "as", "the", "a", "an", "total", "overall", "close", "circa",
    "exceeding", "approaching", "during", "after", "before", "between", "among", "including", "through", "throughout", "while",
    "however", "also", "then", "today", "yesterday", "tomorrow", "now", "still", "yet",
    "again", "altogether", "together", "those", "these", "there", "here",
}


MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}


_PREV_WORD = re.compile(r"([A-Za-z][\w'’&.-]*)\s+$")


YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")


_HYPHEN_WORD = re.compile(r"-[A-Za-z]")


def qualifier_before(text: str, s: int, start: int) -> tuple[str | None, int]:
    window = text[max(s, start - 25):start]
    qm = _QUAL_RE.search(window) if can_end_with(window, _QUAL_ENDS) else None
    if not qm:
        return None, start
    word = " ".join(qm.group(1).lower().split())
    return _qualifier_norm(word), max(s, start - 25) + qm.start(1)


@lru_cache(maxsize=256)
def _qualifier_norm(word: str) -> str:
    return next((n for p, n in _QUALIFIERS if re.fullmatch(p, word)), word)


def plausible(text, s, ns, ne, raw, is_digit, value, has_scale, qualifier) -> bool:
    before = text[max(s, ns - 40):ns]
    # Identifiers and names: "Resolution 1244", "EXPO 2027", "Memory Train 2024"; the same
    # words used as verbs count ("Rosatom is building two power units").
    if can_end_with(before, _ID_ENDS) and _ID_BEFORE.search(before) \
            and not _VERB_BEFORE.search(before):
        return False
    # _PREV_WORD can only match in the last run of non-spaces (then the spaces to the end):
    # searched there alone, not from every letter of the 40 characters.
    stripped = before.rstrip()
    prev = _PREV_WORD.search(stripped.rsplit(None, 1)[-1] + before[len(stripped):]) \
        if stripped and len(stripped) < len(before) else None
    if prev and not has_scale:
        w = prev.group(1)
        if w[0].isupper() and w.lower() not in _FUNCTION_CAPS and w.lower() not in MONTH_NAMES \
                and not w.endswith(("'s", "’s")):
            return False
    if is_digit:
        # A year, unless something makes it an amount ("over 2000 students", "2000 tonnes").
        if YEARLIKE.fullmatch(raw) and not has_scale and not qualifier:
            return False
    else:
        w = raw.lower()
        if w == "one" and not has_scale:
            return False
        # "the two countries", "both three", "its two deputies": pointing back, not counting;
        # "its four power units" counts things of the thing named before.
        if _DETERMINER_BEFORE.search(before) and not has_scale \
                and not _possessed_things(before, text[ne:ne + 40]):
            return False
    after = text[ne:ne + 2]
    # "one-on-one", "two-day", "three-year": compound adjectives, not counts.
    if _HYPHEN_WORD.match(after) and not has_scale:
        return False
    return True


_VERB_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|will|would|to|has|have|had)\s+"
                          r"[a-z]+ing\s*$")


_POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.I)


# Nouns for people and parties: "its two deputies", "their three sons" point back at persons.
_PERSON_NOUNS = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:countries|sides|parties|states|nations|governments|leaders|heads|"
    r"presidents|ministers|deputies|members|delegations|chambers|sons|daughters|children|"
    r"colleagues|counterparts|partners|peoples|capitals|co-?chairs?)\b", re.I)


def _possessed_things(before: str, after: str) -> bool:
    return bool(_POSSESSIVE_BEFORE.search(before)) and not _PERSON_NOUNS.match(after)
