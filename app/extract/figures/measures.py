"""What a figure measures, in the sentence's own words, and the theme it belongs to.

The measure is a noun phrase taken from the sentence: the counted noun with what follows it
("delegations from the Russian regions"), "share of ..." for a percentage of something,
"growth of ..." for a rise, or the nearest economic noun ("bilateral trade", "Union State
budget") for money and physical amounts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fold import fold_case
from ..gates import stems

# Nouns that name what money or tonnage measures.
_ECON = (
    r"trade|turnover|exports?|imports?|investments?|budget|contracts?|deals?|product|GDP|"
    r"value|revenues?|supplies|supply|output|production|capital|loans?|credits?|funds?|"
    r"funding|costs?|sales|amount|target|stake|shares?|reserves?|debt|assets|payments?|"
    r"settlements?|deliveries|purchases|volume|spending|expenditure|income|profits?|"
    r"financing|grants?|aid|assistance|tourism|tourists|traffic|transit|shipments|"
    r"agreements?|orders?|projects?|programmes?"
)
_ECON_RE = re.compile(rf"\b({_ECON})\b", re.I)
_GROWTH_VERB = re.compile(
    r"\b(increas\w*|grew|grow\w*|rose|ris(?:en|ing|es)|surg\w*|jump\w*|soar\w*|expand\w*|"
    r"decreas\w*|fell|fall\w*|drop\w*|declin\w*|shr[iu]nk\w*|up|down)\b\s*"
    r"(?:by\s*(?:(?:another|a\s+further|an\s+additional|a\s+further)\s+)?)?$", re.I)
_BY_END = re.compile(r"\bby\s*$")
_GROWTH_ANY = re.compile(r"\b(?:increas\w*|grew|grow\w*|rose|ris(?:en|ing|es)|surg\w*|jump\w*|"
                         r"soar\w*|decreas\w*|fell|fall\w*|drop\w*|declin\w*)\b", re.I)
_COMPARE_AFTER = re.compile(r"^\s*(more|less|higher|lower|up|down)\b(?:\s+than(?:\s+in)?\s+"
                            r"((?:19|20)\d\d))?", re.I)
# Where a phrase ends: a clause break, a relative word, or "and" before another amount.
_BREAK = re.compile(r",(?!\d{3})|[;:()–—\"“”]|\s-\s|\s(?:and|or)\s+(?=[\d$€£¥₽])|"
                    r"\b(?:which|that|who|whose|where|while|when|and\s+"
                    r"(?:is|are|was|were|has|have|will|ranks|ranked|remains|remained|accounts|"
                    r"holds|makes|takes|placed|stands))\b")
_VERBISH = re.compile(
    r"^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|"
    r"must|do|does|did|made|make|makes|amounted|amounts|amount|totaled|totalled|totals|"
    r"reached|reaches|reach|exceeded|exceeds|accounted|accounts|grew|rose|increased|fell|"
    r"decreased|hold|holds|held|comprise|comprises|comprised|include|includes|included|"
    r"brings|bring|signed|concluded|visited|took|take|takes|approaching|worth|totaling|"
    r"totalling|stood|stands|stand|came|come|comes|remained|remains|imported|exported|"
    r"developed|implemented|adopted|put|being|got|gets|get|became|become|becomes)$", re.I)
_DET = re.compile(r"^(?:the|a|an|its|their|our|his|her|this|that|these|those)\s+", re.I)
_YEAR_TAIL = re.compile(r"\s+(?:(?:in|of|for|during|since)\s+(?:the\s+)?(?:(?:first|second|third|"
                        r"fourth)\s+(?:quarter|half)\s+of\s+)?(?:19|20)\d\d\b|"
                        r"(?:next|last|this|previous|past)\s+year\b).*$", re.I)


_OF_AFTER = re.compile(r"\s+of\b")
_BREAK_AT_END = re.compile(r"[,;:(]\s*$")
_CLAUSE_SPLIT = re.compile(r"[;:()]|,(?!\d)")
_LOWER_WORD = re.compile(r"[a-z][a-z-]+")
_SHARE_OF = re.compile(r"\s*(?:share\s+)?of\s+(.*)")
_PROPER_NAME = re.compile(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?")
_AND_PERCENT_OF = re.compile(r"\s*(?:and\s+[\d.,]+\s*(?:percent|per\s*cent|%)\s+)of\s+(.*)")
_SHARE_WORD = re.compile(r"\s*share\b")
_SHARE_BEFORE = re.compile(
    r"\b(share\s+of\s+[^,;:()]+?)\s+(?:has\s+|have\s+|had\s+)?(?:reached|exceeded|amounted\s+to|"
    r"stood\s+at|stands\s+at|was|is|totalled|totaled|rose\s+to|grew\s+to|increased\s+to|"
    r"fell\s+to|decreased\s+to|dropped\s+to)\s+(?:about\s+|over\s+|more\s+than\s+|almost\s+|"
    r"nearly\s+|some\s+|around\s+)?$", re.I)
_OF_REST = re.compile(r"\s*of\s+(.*)")


def measure_phrase(text: str, s: int, e: int, start: int, end: int, kind: str,
                   head: tuple[int, int] | None, num_end: int | None = None) -> str | None:
    """What the figure text[start:end] measures, read in the window s..e around it."""
    before = text[s:start]
    after = text[end:e]
    if kind == "count":
        return _count_measure(text, before, after, head, num_end)
    if kind == "occurrences":
        return _occurrences_measure(before)
    if kind == "percent":
        return _percent_measure(before, after)
    if kind == "unit":
        of = _OF_REST.match(after)
        if of:
            return _clean(_np(of.group(1)))
    if kind == "times":
        subj = _econ_near(before, after) or _subject(before)
        return _clean(f"growth of {subj}" if subj else "growth")
    return _clean(_econ_near(before, after) or _subject(before)) or None


def _count_measure(text: str, before: str, after: str, head: tuple[int, int] | None,
                   num_end: int | None) -> str | None:
    if head:
        head_word = text[head[0]:head[1]].lower()
        if head_word in {"against", "for"} or head_word.startswith("in favo"):
            return "votes " + " ".join(head_word.split())
        # The words between the number and the counted noun are part of what is counted:
        # "96 Belarusian official delegations".
        mods_from = num_end if num_end and num_end <= head[0] else head[0]
        if _OF_AFTER.match(text[mods_from:head[0]]):
            mods_from = head[0]  # "149 of its residents"
        return _clean(text[mods_from:head[1]] + _postmodifier(after))
    # "Regular visits to the regions, 15 in 2023": the phrase before the comma.
    prev = _BREAK_AT_END.split(before)[0]
    clause = _CLAUSE_SPLIT.split(prev)[-1]
    return _clean(_subject(clause) or clause) or None


def _occurrences_measure(before: str) -> str | None:
    """"had telephone conversations over 20 times", "they have met five times"."""
    clause = _BREAK.split(before)[-1] if before else ""
    nouns = [w for w in _LOWER_WORD.findall(clause)
             if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3
             and w not in {"has", "was", "does", "goes", "this", "thus", "times"}]
    if nouns:
        i = clause.rfind(nouns[-1])
        # "held five meetings in 2016 and spoke by telephone 18 times": the verb after the
        # last noun says what was counted.
        for verb, noun in _VERB_NOUN:
            if re.search(rf"\b{verb}\b", clause[i:], re.I):
                phone = re.search(r"\b(?:tele)?phone\b", clause[i:], re.I)
                return f"telephone {noun}" if phone and noun == "conversations" else noun
        words = clause[:i].split()
        mod = words[-1] if words and words[-1].islower() and words[-1] not in _FUNCTION \
            and not _VERBISH.match(words[-1]) else ""
        return _clean(f"{mod} {nouns[-1]}")
    for verb, noun in _VERB_NOUN:
        if re.search(rf"\b{verb}\b", clause, re.I):
            return noun
    return None


def _percent_measure(before: str, after: str) -> str | None:
    of = _SHARE_OF.match(after)
    if of:
        # "Russia accounted for 60 percent of Belarus's foreign trade": whose share it is.
        subj = _subject(before)
        owner = f"{subj}'s " if subj and _PROPER_NAME.fullmatch(subj) \
            and subj.split()[0].lower() not in {"our", "their", "its", "this", "the"} else ""
        return _share(owner, _np(of.group(1)))
    nxt = _AND_PERCENT_OF.match(after)
    if nxt:
        return _share("", _np(nxt.group(1)))
    if _SHARE_WORD.match(after):
        subj = _subject(before)
        return _clean(f"{subj}'s share" if subj else "share")
    named = _SHARE_BEFORE.search(before)
    if named:
        # "The share of high-tech products in mutual supplies reached 56.5%".
        return _clean(named.group(1))
    cmp = _COMPARE_AFTER.match(after)
    # "exports increased by 46.9%, and imports by 13%": the verb is left out.
    elliptic = _BY_END.search(before) and _GROWTH_ANY.search(before)
    if _GROWTH_VERB.search(before) or cmp or elliptic:
        subj = _econ_near(before, after) or _subject(before)
        phrase = f"growth of {subj}" if subj else "growth"
        if cmp and cmp.group(2):
            phrase += f" over {cmp.group(2)}"
        return _clean(phrase)
    return _clean(_econ_near(before, after) or _subject(before)) or None


_FUNCTION = {"the", "a", "an", "of", "in", "for", "on", "at", "to", "its", "their", "our",
             "by", "with", "and", "from", "had", "have", "has", "held", "made", "also"}
_VERB_NOUN = [("met", "meetings"), ("meet", "meetings"), ("visited", "visits"),
              ("spoke", "conversations"), ("talked", "conversations"), ("called", "calls")]
# Nouns too general to name a measure by themselves ("a record amount of ...").
_GENERIC = {"amount", "value", "volume", "sum", "total", "level", "figure"}
# -ing words that are nouns in this genre; other -ing words are verbs and end a modifier run.
_ING_NOUNS = {"spending", "financing", "funding", "shipping", "banking", "mining", "housing",
              "building", "processing", "manufacturing", "engineering", "farming", "lending",
              "pricing", "trading", "clearing", "borrowing", "fishing", "logging", "leasing"}


_STAKE = re.compile(r"(.+?)['’]s\s+shares")


def _share(owner: str, whole: str) -> str | None:
    stake = _STAKE.fullmatch(whole)
    if stake:  # "44.85 percent of the company's shares": a stake in the company
        return _clean(f"{owner}stake in {stake.group(1)}")
    return _clean(f"{owner}share of {whole}")


def _postmodifier(after: str) -> str:
    """ "of the Russian regions", "from the Russian regions", "on cooperation" after a head."""
    # Up to a clause break or another amount ("14 branches ... with over 10,000 students").
    m = re.match(r"\s+(?:of|from|in|on|at|for|to|between|with)\s+(?:[^,;:()\d]|,(?=\d{3}))*",
                 after)
    if not m:
        return ""
    words = m.group(0).split()
    out: list[str] = []
    for i, w in enumerate(words):
        if i > 0 and (_VERBISH.match(w.strip(".")) or w.lower() in {"which", "that", "who"}
                      or (w.islower() and len(w) > 4 and w.endswith("ed"))):
            break  # a verb ends the phrase: "participants from 45 countries attended"
        out.append(w)
        if len(out) >= 9:
            break
    phrase = " " + " ".join(out)
    phrase = _YEAR_TAIL.sub("", phrase)
    return re.sub(_TRAILING, "", phrase.rstrip(".,"))


_TRAILING = (r"(?:\s+(?:in|on|at|of|from|to|and|the|for|with|under|by|over|into|a|an|its|their|"
             r"our|his|her|this|that))+$")


def _np(s: str) -> str:
    """The noun phrase at the start of s, up to a verb, a clause break or a period."""
    s = _BREAK.split(s, maxsplit=1)[0]
    words: list[str] = []
    for w in s.split():
        if _VERBISH.match(w.strip(".")):
            break
        words.append(w)
        if len(words) >= 8:
            break
    phrase = _YEAR_TAIL.sub("", " " + " ".join(words)).strip()
    phrase = re.sub(_TRAILING, "", phrase.rstrip(".,"))
    return _DET.sub("", phrase)


def _econ_near(before: str, after: str) -> str | None:
    """The economic noun phrase nearest the figure: in its clause before it, then right after
    it ("the $200 billion target"), then anywhere earlier in the sentence."""
    clause = _BREAK.split(before)[-1] if before else ""
    found = _econ_in(clause)
    if found:
        return found
    m = re.match(r"\s*(?:(?:in|of|for)\s+)?((?:[\w-]+\s+){0,3}?(?:" + _ECON + r"))\b(.*)",
                 after, re.I)
    if m and not any(_VERBISH.match(w) for w in m.group(1).split()[:-1]):
        return _np(m.group(1) + m.group(2))
    return _econ_in(before)


_MOD_WORD = re.compile(r"[\w'’-]+")
_OF_TAIL = re.compile(r"\s+(?:of|between|with)\s+[^,;:()]*")


def _econ_in(chunk: str) -> str | None:
    hits = [m for m in _ECON_RE.finditer(chunk)]
    # "for a record amount of 110 billion roubles": "amount" says nothing; look further back.
    while hits and hits[-1].group(1).lower() in _GENERIC and \
            not _np(chunk[hits[-1].end():].removeprefix(" of")).strip():
        hits.pop()
    if not hits:
        return None
    m = hits[-1]
    left = chunk[:m.start()]
    mods = _MOD_WORD.findall(left)[-4:]
    keep: list[str] = []
    for w in reversed(mods):
        lw = w.lower()
        if lw in _FUNCTION or lw in {"reaching", "whose", "record", "record-setting"} \
                or _VERBISH.match(w) or w[0].isdigit() \
                or (lw.endswith("ing") and lw not in _ING_NOUNS):
            break
        keep.insert(0, w)
    phrase = " ".join([*keep, m.group(1)])
    # "value of projects": a general noun in front of the specific one belongs to the phrase.
    gen = re.search(r"\b(" + "|".join(_GENERIC) + r"|share|growth)\s+of\s+(?:the\s+)?$",
                    chunk[:m.start()] if not keep else chunk[:m.start()].rsplit(keep[0], 1)[0],
                    re.I)
    if gen:
        phrase = f"{gen.group(1)} of {phrase}"
    tail = _OF_TAIL.match(chunk[m.end():])
    if tail and _np(tail.group(0).strip()):
        phrase += " " + _np(tail.group(0).strip())
    elif m.group(1).lower() in _GENERIC:
        return None
    return phrase


_LEADING_PERIOD = re.compile(r"^(?:in|on|at|during|last|this|since)\b[^,]*?(?:19|20)\d\d\s*")


def _subject(before: str) -> str | None:
    clause = _BREAK.split(before)[-1].strip() if before else ""
    words = clause.split()
    out: list[str] = []
    for w in words:
        if _VERBISH.match(w.strip(".,")):
            break
        out.append(w)
    phrase = " ".join(out).strip()
    phrase = _LEADING_PERIOD.sub("", phrase)
    phrase = _DET.sub("", phrase)
    phrase = re.sub(_TRAILING, "", phrase)
    return phrase if 0 < len(phrase.split()) <= 8 else None


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.split()).strip(" .,;:")
    s = _DET.sub("", s)
    return s or None


_CULTURE_STRONG = (r"\bculture\b|\bfestivals?\b|\bmemorial\b|\bmuseums?\b|\bmemory\b|"
                   r"\bschoolchildren\b|\bpupils\b|\btheatres?\b|\bconcerts?\b|"
                   r"\bexhibitions?\b|\bcommemorat\w*")
_CATEGORY_WORDS = [
    ("regions", r"\bregion(?:s|al)?\b|\boblasts?\b|\bkrais?\b|\bgovernors?\b|interregional"),
    ("union", r"\bunion\s+(?:state|programmes?|integration|budget)\b|\bintegration\b|"
              r"\bguidelines\b|\bsupreme\s+state\s+council\b|\bunion\s+building\b"),
    ("culture", _CULTURE_STRONG),
    ("meeting", r"\bmeetings?\b|\btalks\b|\btelephone\b|\bconversations?\b|\bvisits?\b|"
                r"\bsummits?\b|\bnegotiations\b|\bdocuments?\b|\bconsultations\b"),
    ("trade", r"\btrade\b|\bexports?\b|\bimports?\b|\bturnover\b|\binvest\w*|\bsettlements?\b|"
              r"\beconom\w*|\bstakes?\b|\bshares?\b|\boil\b|\bgas\b|\bGDP\b|\bproducts?\b|"
              r"\bcontracts?\b|\bsupplies\b|\benergy\b"),
]
# In a whole sentence or paragraph "document" is too common a word to mark a meeting.
_CONTEXT_SKIP = {"meeting": re.compile(r"\bdocuments?\b", re.I)}


_PRIORITY = [name for name, _ in _CATEGORY_WORDS]


# One regex per theme, searched only when the sentence holds one of the theme's stems, and
# only until its first (counted) match. The themes' words are distinct whole words, so no
# match of one theme overlaps one of another and this finds the same themes as a scan with
# one alternation of all themes' words, in a fraction of the time.
_THEME_RES = [(name, re.compile(rx, re.I), _CONTEXT_SKIP.get(name), stems(rx))
              for name, rx in _CATEGORY_WORDS]


@lru_cache(maxsize=4096)
def themes(source: str, context: bool = True) -> frozenset[str]:
    """Themes whose words occur in source; in context (a sentence or paragraph) "document"
    alone does not mark a meeting. Kept per text: a release asks twice for most of its
    sentences (a figure's, then its paragraph's) and every release for the same measures."""
    seen = set()
    low = fold_case(source)
    for name, rx, skip, words in _THEME_RES:
        if words is not None:
            for w in words:  # a loop, not any(): this runs for every sentence
                if w in low:
                    break
            else:
                continue
        if skip is None or not context:
            if rx.search(source):
                seen.add(name)
            continue
        for m in rx.finditer(source):
            if not skip.fullmatch(m.group(0)):
                seen.add(name)
                break
    return frozenset(seen)


def category(measure: str | None, unit: str, doc_category: str | None,
             sentence_themes: set[str], paragraph_themes: set[str],
             topic_themes: set[str] = frozenset()) -> str:
    """The theme of a figure: from its measure, else its sentence, else its paragraph. In a
    paragraph or release about the regions, trade and meeting figures are regional ones."""
    own = themes(measure or "", context=False)
    regional = "regions" in topic_themes or doc_category == "regions"
    if regional and not own & {"union", "culture"}:
        return "regions"
    for level, seen in enumerate((own, sentence_themes, paragraph_themes)):
        for name in _PRIORITY:
            if name in seen:
                return name
        if level == 1 and unit not in {"count", "times"}:
            return "trade"  # money, shares and tonnages with no other theme are economic
    return doc_category or "other"


def document_category(title: str) -> str | None:
    """A default theme from the release's title, for figures whose sentence names none."""
    for name, rx in _CATEGORY_WORDS:
        if name in {"culture", "regions", "union"} and re.search(rx, title, re.I):
            return name
    if re.search(r"\bcultur\w*", title, re.I):
        return "culture"
    return None
