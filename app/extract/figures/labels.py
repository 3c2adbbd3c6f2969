"""The label a figure is shown with: a noun phrase, never a piece of a sentence.

The measure phrase read from the sentence can carry the clause around it ("President noted
that trade with the republic", "satisfaction that mutual trade", "grant of", "tasks in the
macroeconomic"). noun_phrase() keeps the noun phrase inside: what follows a reporting verb or
"that", up to the next verb, without dangling prepositions, articles or adjectives. Trade
figures then get the vocabulary's own labels ("bilateral trade", "growth of bilateral trade",
"share of national currencies in settlements"): who trades is in the figure's partners.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words after which the noun phrase starts afresh: "noted that", "drew attention to the".
_OPENERS = re.compile(
    r"^.*\b(?:that|noted|said|stressed|added|recalled|emphasi[sz]ed|underlined|underscored|"
    r"reported|announced|confirmed|welcomed|pointed\s+out|attention\s+to|according\s+to|"
    r"satisfaction|mentioned|observed|stated|informed|believes?|thinks?)\s+", re.I)
# Finite verbs and adverbs that end a noun phrase: "companies with Russian capital now
# operate in Uzbekistan", "transit cargo passes through".
# (Words that are nouns as often, "amount", "total", "rise", "use", "need", "works", "lives",
# "studies", are left out: "the peaceful use of nuclear energy" is a noun phrase.)
_VERB = re.compile(
    r"^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|"
    r"must|shall|do|does|did|now|currently|already|still|also|operate|operates|operated|"
    r"pass|passes|passed|remain|remains|continue|continues|continued|reach|reaches|reached|"
    r"exceed|exceeds|exceeded|amounted|totalled|totaled|grew|grows|rose|rises|fell|falls|"
    r"increased|decreased|stood|stands|accounted|accounts|make|makes|made|go|goes|went|"
    r"come|comes|came|studied|work|worked|lived|take|takes|took|noted|said|agreed|stressed|"
    r"drew|sought|signed|held|reviewed|discussed|according|maintain|maintains|cooperate|"
    r"cooperates|provide|provides|produce|produces|holds|keep|keeps|serve|serves|employ|"
    r"employs|exist|exists|participate|participates|attend|attends)$", re.I)
_DANGLING = {"of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "the",
             "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those",
             "between", "among", "into", "over", "under", "than", "as", "per", "about",
             "which", "who", "whose", "all", "some", "each", "every", "both", "such", "any",
             "other", "another", "more", "less", "most", "new", "record", "total", "but", "nor",
             "yet", "so", "if", "because", "while", "whereas", "although", "though", "via"}
_LEADING = _DANGLING | {"year", "years", "month", "months", "week", "day", "time", "times",
                        "today", "now", "currently", "recently", "also", "still"} - {"new"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"}
_ADJ_END = re.compile(r"(?:ic|al|ive|ary|ous|ian|ese|ish|ern|wide)$")
# A label opening with an amount is the wrong phrase ("more than 9 million people").
_QUANTITY_START = re.compile(r"^(?:\d|(?:more|less|fewer)\s+than\b|over\b|about\b|some\b|"
                             r"nearly\b|almost\b|up\s+to\b|(?:one|two|three|four|five|six|"
                             r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                             r"hundred)\s)|\d\s*(?:million|billion|thousand)\b", re.I)
# "About 75,000 Venezuelan students" (the subject of a sentence a figure counts part of):
# the amount goes, the counted noun stays.
_AMOUNT_LEAD = re.compile(r"^(?:(?:more|less|fewer)\s+than|over|about|some|nearly|almost|"
                          r"around|up\s+to)?\s*\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s+"
                          r"(?=[A-Za-z])", re.I)
_PREP = {"of", "in", "on", "at", "to", "from", "for", "with", "by", "between", "among"}


def noun_phrase(label: str | None, names: frozenset[str] = frozenset(),
                proper: Callable[[str], bool] | None = None) -> str | None:
    """The noun phrase of a measure label, or None when it holds none. names: country and
    bloc names (a name alone is no measure); proper(word): whether a capitalised first word
    is a name (kept) rather than a common word that opened a sentence (lower-cased)."""
    if not label:
        return None
    s = " ".join(label.split()).strip(" .,;:")
    head = _HEAD.match(s)
    if head and len(s) > head.end():
        # "growth of satisfaction that mutual trade": the head stays, its object is cleaned.
        inner = noun_phrase(s[head.end():], names, proper)
        return f"{head.group(0)}{inner}" if inner else head.group(0).split()[0].lower()
    if s.lower() in GENERIC:
        return None
    s = _OPENERS.sub("", s)
    words = s.split()
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(".,;:()\"“”")
        if i > 0 and _VERB.match(bare):
            break
        out.append(w)
    # Dangling ends: "grant of", "previous target of", "tasks in the macroeconomic", and a
    # date's month ("participants in Rio de Janeiro on November").
    while out and (out[-1].lower().strip(".,") in _DANGLING or (
            len(out) > 2 and out[-1].lower() in _MONTHS and out[-2].lower() in {"on", "in"})):
        out.pop()
    if len(out) >= 3 and _ADJ_END.search(out[-1].lower()) and out[-2].lower() in {"the", "a"}:
        k = len(out) - 2
        while k > 0 and out[k - 1].lower() not in _PREP:
            k -= 1
        out = out[:k - 1] if k > 0 else out
        while out and out[-1].lower() in _DANGLING:
            out.pop()
    # "hitting a record level": a participle opens no noun phrase.
    while out and (out[0].lower().strip(".,") in _LEADING or (
            out[0].islower() and out[0].endswith("ing") and out[0] not in _ING_NOUNS)):
        out.pop(0)
    phrase = _AMOUNT_LEAD.sub("", " ".join(out).strip(" .,;:"), count=1)
    if not phrase or _QUANTITY_START.search(phrase) or phrase.lower() in GENERIC:
        return None
    if phrase in names or phrase.rstrip("'’s") in names:
        return None
    first, *rest = phrase.split()
    # "Sverdlovsk Oblast's share": a name of more than one word stays as written.
    if rest and rest[0][:1].isupper():
        return phrase
    if first[:1].isupper() and first[1:].islower() and (
            first.lower() in _COMMON_FIRST or (proper is not None and not proper(first))):
        phrase = first.lower() + phrase[len(first):]  # "Regular visits" began a sentence
    return phrase


# Words that name no measure by themselves: the figure stands for what was named before it
# ("it rose by 6.3%, hitting a record level of $12.4 billion").
GENERIC = {"it", "this", "that", "they", "level", "record level", "figure", "this figure",
           "indicator", "mark", "record", "volume", "amount", "value", "total", "sum",
           "all-time high", "high", "peak"}
_ING_NOUNS = {"spending", "financing", "funding", "shipping", "banking", "mining", "housing",
              "building", "processing", "manufacturing", "engineering", "farming", "lending",
              "trading", "clearing", "borrowing", "fishing", "leasing", "training", "meeting",
              "meetings", "hearing", "offering", "holding", "holdings", "savings", "earnings"}

_HEAD = re.compile(r"(?:growth|share|stake)\s+(?:of|in)\s+", re.I)

_COMMON_FIRST = {"trade", "exports", "imports", "export", "import", "turnover", "investment",
                 "investments", "share", "growth", "supplies", "deliveries", "mutual",
                 "bilateral", "annual", "total", "foreign", "the", "value", "volume", "number",
                 "contracts", "companies", "students", "documents", "agreements"}

_OVER_YEAR = re.compile(r"\s+over\s+(?:19|20)\d\d$")


def vocabulary_label(kind: str, label: str | None, partners: list[str],
                     inner_kind: str | None = None, sentence: str = "") -> str | None:
    """The label shown for a trade figure: the vocabulary's own words for trade and currency
    shares, growth of them; other kinds keep their (cleaned) phrase."""
    bilateral = bool(partners) or bool(_MUTUAL.search(label or ""))
    if kind == "trade turnover":
        if not label or _TARGET_WORD.match(label):
            # "the previous target of ...": the trade the sentence is about.
            return "bilateral trade" if partners or _MUTUAL.search(sentence) else "trade"
        return "bilateral trade" if bilateral else label
    if kind == "currency share":
        return "share of national currencies in settlements"
    if kind == "partner share" and label and not re.search(r"\bshare\b", label, re.I):
        return f"share in {label}"  # "The share of Russia in Serbia's foreign trade ..."
    if kind == "growth" and inner_kind == "trade turnover":
        suffix = _OVER_YEAR.search(label or "")
        return ("growth of bilateral trade" if bilateral else "growth of trade") + \
            (suffix.group(0) if suffix else "")
    return label


_TARGET_WORD = re.compile(r"^(?:\w+\s+)?(?:target|goal|benchmark|mark)\b", re.I)
_MUTUAL = re.compile(r"\b(?:mutual|bilateral)\b", re.I)
