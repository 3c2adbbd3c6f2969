"""What kind of event a clause reports, its status, category and a one-line summary.

The words are those of the genre (meetings, visits, talks, sessions, forums, anniversaries,
signings, ceremonies), not of any one release.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date
from functools import lru_cache

from ..fold import fold_case
from ..gates import Gated, first_char_gate, holds_any
from ..time.tense import FUTURE, PAST_EVENT

# In priority order: the first kind whose words occur in the clause names the event.
TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("telephone conversation", re.compile(  # (lookaheads: the first letters; a faster scan)
        r"(?=[tpsbv])(?:\b(?:tele)?phone\s+(?:conversation|call|talks)s?\b|\bspoke\s+(?:by|on\s+the|over\s+the)\s+"
        r"(?:tele)?phone\b|\bby\s+(?:tele)?phone\b|\bphoned\b|\bvideo[\s-]?(?:call|conference|link)s?\b)",
        re.I)),
    # A body that met is in session ("the Supreme Eurasian Economic Council met in the Kremlin").
    ("session", re.compile(r"(?=[CAPDBS])\b(?:Council|Commission|Committee|Assembly|Parliament|Duma|"
                           r"Board|Summit|Senate)\s+(?:met|meets|convened|gathered)\b")),
    # What the subject did outranks the frame it was done in ("held a meeting ... during the
    # summit", "met on the sidelines of the session").
    ("visit", re.compile(r"\b(?:pa(?:id|y|ys|ying)|ma(?:de|ke|kes|king))\s+(?:an?\s+|his\s+|her\s+|their\s+)?"
                         r"(?:\w+\s+){0,2}visits?\b|\bvisited\b|\bwill\s+visit\b|\b(?:is|was|are|were)\s+"
                         r"(?:in\s+\w+\s+)?on\s+an?\s+(?:\w+\s+)?visit\b|\b(?:will\s+be|was|were)\s+in\s+"
                         r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:on|from|between)\b", re.I)),
    ("talks", re.compile(r"\b(?:held|hold|holds|had|have|will\s+hold)\s+(?:\w+\s+)?talks\b|"
                         r"\btalks\s+with\b", re.I)),
    ("meeting", re.compile(r"\bmet\b|\b(?:held|had|hold|have)\s+(?:a\s+|separate\s+)?(?:bilateral\s+)?"
                           r"meetings?\b|\bmeetings?\s+with\b|\breceived\b|\bwill\s+meet\b", re.I)),
    ("talks", re.compile(r"\btalks\b|\bnegotiations\b|\bconsultations\b", re.I)),
    ("visit", re.compile(r"\bvisit(?:s|ed|ing)?\b|\btour(?:ed)?\b|\btrip\b", re.I)),
    ("session", re.compile(
        r"(?=[spgcmv])(?:\bsessions?\b|\bsummits?\b|\bplenary\b|\bgather(?:ed|s|ing)?\b|\bconven(?:e|ed|es)\b|"
        r"\bcongress\b|\bmeetings?\s+of\s+(?:the\s+)?[A-Z]|\b(?:co-)?chaired\b|\bvot(?:ed|e)\b|"
        r"\bcollegiums?\b)", re.I)),
    ("forum", re.compile(r"(?=[frce])(?:\bforums?\b|\bround\s?tables?\b|(?<!press\s)\bconferences?\b|\bexhibitions?\b|"
                         r"\bEXPO\b|\bfairs?\b|\bcongress\b)", re.I)),
    ("anniversary", re.compile(r"\banniversary\b|\bcelebrat\w*|\bIndependence\s+Day\b|"
                               r"\bjubilee\b", re.I)),
    ("signing", re.compile(r"\bsign(?:ed|ing|s)?\b|\bagreed\s+upon\b|\bconcluded\b|\binitialled\b",
                           re.I)),
    ("cultural", re.compile(
        r"\bfestivals?\b|\bceremon(?:y|ies)\b|\bwreaths?\b|\bflowers\b|\bconcerts?\b|"
        r"\bcommemorat\w+|\bDays?\s+of\s+(?:\w+\s+)?Culture\b|\bcultural\s+events?\b|\blaunched\b|"
        r"\bpremiere\b|\bunveil(?:ed|ing)?\b|\bfestivities\b|\bparades?\b|\bexhibitions?\s+of\s+(?:paintings|photographs)\b",
        re.I)),
    ("meeting", re.compile(r"\bmet\b|\bmeet(?:s|ing|ings)?\b|\breceived\b|\bbilateral\b|"
                           r"\bsidelines\b|\bdiscussed\b|\bheld\s+a\s+meeting\b", re.I)),
    ("other", re.compile(
        r"\bspeech\b|\baddress(?:ed)?\b|\belections?\b|\breferendum\b|\bdeparted\b|\bseen\s+off\b|"
        r"\bestablished\b|\bfounded\b|\badopted\b|\binaugurat\w+", re.I)),
]
# Words that say something happens without saying what: the kind comes from elsewhere.
GENERIC = re.compile(r"\bheld\b|\bhold(?:s|ing)?\b|\bhost(?:ed|s|ing)?\b|\btook\s+place\b|"
                     r"\btake\s+place\b|\btakes\s+place\b|\bopen(?:s|ed)\b|\bopening\b|"
                     r"\bwill\s+run\b|\bstarts?\b|\bscheduled\b|\bexpected\b", re.I)
# A wreath at a memorial is a cultural event even when the sentence says "visit".
CULTURAL_WORDS = re.compile(
    r"\bmemorials?\b|\bmuseums?\b|\bfestival|\bceremon|\bwreath|\bflowers\b|\bmonument\b|"
    r"\bEternal\s+Flame\b|\bculture\b|\bcultural\b|\bschoolchildren\b|\bmilitary\s+glory\b", re.I)
RECURRING = re.compile(r"(?=[aeyto])\b(?:annually|every\s+year|each\s+year|yearly|traditionally|"
                       r"on\s+a\s+regular\s+basis|every\s+(?:spring|summer|autumn|winter))\b", re.I)
# Words every match of RECURRING, MEETING_VERBS and PARTICIPATION holds (case-folded): a
# clause without any cannot match, and the cheap test spares the scan.
RECURRING_WORDS = ("annual", "every", "each", "yearly", "tradition", "regular")
MEETING_WORDS = ("met", "meet", "talks", "received", "discussed", "conferred", "conversation")
PARTICIPATION_WORDS = ("part", "attended", "represented", "chaired", "addressed", "among",
                       "joined", "present", "accompanied", "presided", "spoke", "vote")


MEETING_VERBS = re.compile(  # (the lookahead: every word's first letter; a faster scan)
    r"(?=[mhtrwdc])\b(?:met|meets|meeting\s+with|meetings\s+with|held\s+talks|had\s+talks|talks\s+with|"
    r"had\s+(?:a\s+|separate\s+)?(?:bilateral\s+)?(?:meetings?|conversations?\s+with)|received|was\s+received|discussed|"
    r"conferred)\b", re.I)
PARTICIPATION = re.compile(  # (the lookahead: every word's first letter; a faster scan)
    r"(?=[tawprcjsbi])\b(?:took\s+part|take\s+part|taking\s+part|attended|was\s+attended|participated|"
    r"represented\s+by|(?:co-)?chaired\s+by|addressed\s+by|among\s+the\s+members|joined|"
    r"was\s+present|were\s+present|accompanied|presided\s+over|spoke\s+at|"
    r"(?:before|after|in\s+explanation\s+of)\s+the\s+vote)\b", re.I)


# The same regexes, searched only in clauses that hold one of their words (same result).
_GATED_TRIGGERS = [(kind, Gated(rx)) for kind, rx in TRIGGERS]
_GATED_GENERIC = Gated(GENERIC)
_GATED_CULTURAL = Gated(CULTURAL_WORDS)
_MET_OR_TALKS = first_char_gate(re.compile(r"\bmet\b|\btalks\b|\bmeeting\s+with\b", re.I))


def kind_of(clause: str, generic: bool = False) -> str | None:
    """The event kind a clause names; with generic, "held"/"hosted" alone give "other"."""
    kind = _trigger_kind(clause)
    if kind is not None or not generic:
        return kind
    low = fold_case(clause)
    if _GATED_GENERIC.search(clause, low):
        return "cultural" if _GATED_CULTURAL.search(clause, low) else "other"
    return None


@lru_cache(maxsize=2048)
def _trigger_kind(clause: str) -> str | None:
    """kind_of without generic. (Kept per clause: the events stage asks about a clause again
    with generic when it names no kind.)"""
    low = fold_case(clause)
    for kind, rx in _GATED_TRIGGERS:
        if rx.search(clause, low):
            if kind in ("visit", "other", "meeting") and _GATED_CULTURAL.search(clause, low) and \
                    not _MET_OR_TALKS.search(clause):
                return "cultural"
            return kind
    return None


def status_of(clause: str, start: str, end: str, doc: date | None) -> str:
    """held / planned / recurring, from the date against the document date and, when the
    event spans the document date, from the tense. clause: the words that hold the date."""
    future = bool(FUTURE.search(clause))
    if holds_any(fold_case(clause), RECURRING_WORDS) and RECURRING.search(clause) and not future \
            and not PAST_EVENT.search(clause):
        return "recurring"  # "cities annually hold events on April 2"; not "took place"
    if doc is None:
        return "planned" if future else "held"
    n = len(start)
    ref = doc.isoformat()[:n] if n in (4, 7, 10) else doc.isoformat()
    if start > ref:
        return "planned"
    if end[:n] < ref:
        return "held"
    return "planned" if future else "held"


_UNION = re.compile(r"\bUnion\s+State\b|\bunion\s+(?:integration|building)\b|\bintegration\b")
_REGIONS = re.compile(r"\bregions?\b|\bgovernors?\b|\boblast\b|\bkrai\b|\binterregional\b", re.I)
_TRADE = re.compile(r"\bexhibitions?\b|\bEXPO\b|\btrade\b|\bbusiness\b|\binvestment\b|\bfairs?\b",
                    re.I)
_OTHER = re.compile(r"\belections?\b|\breferendum\b|\bresolution\b|\bGeneral\s+Assembly\b|"
                    r"\bspeech\b|\bUN\b|\bUnited\s+Nations\b", re.I)
_CULTURE = re.compile(r"\bliberation\b|\bvictory\b|\bwar\b|\bmemory\b|\bNazi\b|\bculture\b|"
                      r"\bcultural\b|\bfestival|\bmemorial", re.I)
# Searched in every dated clause: behind a lookahead on their first letters (same matches).
_UNION, _REGIONS, _TRADE, _OTHER, _CULTURE = (
    first_char_gate(rx) for rx in (_UNION, _REGIONS, _TRADE, _OTHER, _CULTURE))


def category_of(kind: str, clause: str, paragraph: str) -> str:
    if kind == "cultural":
        return "culture"
    if kind == "anniversary":
        if _CULTURE.search(clause):
            return "culture"
        if _UNION.search(clause) or re.search(r"\bTreaty\b", clause):
            return "union"
        return "other"
    if _REGIONS.search(clause) or (kind in ("visit", "forum") and _REGIONS.search(paragraph)):
        return "regions"
    if _TRADE.search(clause) and kind in ("other", "forum"):
        return "trade"
    if _OTHER.search(clause) and kind in ("other", "session"):
        return "other"
    if _CULTURE.search(clause) and kind == "other":
        return "culture"
    if kind in ("session", "forum", "signing", "other") and _UNION.search(clause):
        return "union"
    if kind == "other":
        return "other"
    return "meeting"


_PREP_BEFORE = re.compile(r"(?:\b(?:on|On|from|From|in|In|since|Since|by|until|between|for)\s+)?"
                          r"(?:the\s+)?$")
_TRAILING_PREP = re.compile(r"\s*\b(?:on|On|in|In|from|From|at|since|by)$")
_AND_OPENING = re.compile(r"(?i)and\b|as\s+well")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)])")
_OPEN_BRACKET = re.compile(r"\(\s*,?\s*")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_DOUBLE_COMMA = re.compile(r",\s*,")
_CONNECTOR = re.compile(r"^(?:\W|and\b|And\b|as\s+well\s+as\b|or\b|while\b)+")


def summary_of(text: str, spans: list[tuple[int, int]], date_spans: list[tuple[int, int]],
               lead: tuple[int, int] | None = None, capitalize: bool = True) -> str:
    """The clauses in one line, in text order, with their dates (and the "on" before them) cut;
    lead, when given, is the subject and verb the clauses leave to the sentence."""
    if lead is not None:
        head = summary_of(text, [lead], date_spans)
        rest = summary_of(text, spans, date_spans, capitalize=False)
        if head and rest:
            return f"{head} {_CONNECTOR.sub('', rest).strip()}"
        return head or rest
    pieces = []
    dated = sorted(date_spans)
    starts = [d[0] for d in dated]
    for s, e in sorted(set(spans)):
        parts, pos = [], s
        for i in range(bisect_left(starts, s), len(dated)):
            ds, de = dated[i]
            if ds >= e:
                break
            if de > e or ds < pos:
                continue
            chunk = text[pos:ds]
            chunk = chunk[:_PREP_BEFORE.search(chunk).start()]
            parts.append(chunk)
            pos = de
        parts.append(text[pos:e])
        piece = " ".join("".join(parts).split())
        piece = _TRAILING_PREP.sub("", piece)
        piece = piece.strip(" ,;:–—-")
        if pieces:
            piece = _CONNECTOR.sub("", piece).strip()
        else:
            piece = _CONNECTOR.sub("", piece).strip() if _AND_OPENING.match(piece) else piece
        if piece:
            pieces.append(piece)
    out = ", ".join(pieces)
    out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    out = _OPEN_BRACKET.sub("(", out)
    out = _EMPTY_BRACKETS.sub("", out)
    out = _DOUBLE_COMMA.sub(",", out)
    # Whole: the store and exports keep every word; a table cuts it on screen only.
    out = " ".join(out.split()).strip(" ,;:–—-")
    return out[:1].upper() + out[1:] if out and capitalize else out
