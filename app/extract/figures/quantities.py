"""Figures: money, percentages, physical amounts, growth multiples and counts of things.

A figure is a number with what it measures. Numbers that only name or order things are left
out: dates and clock times, years, ordinals ("32nd"), ranks ("ranked fourth"), identifiers
("Resolution 1244", "78/282", "EXPO 2027"), durations ("three years") and anaphoric numbers
("the two countries").
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from app.extract.context import Context
from app.extract.figures import measures
from app.extract.figures.figure_facts import describe
from app.extract.figures.figure_periods import carried, figure_period
from app.extract.figures.numbers import (
    DIGIT_NUMBER,
    MULTIPLIER,
    NUMBER_WORDS,
    WORD_NUMBER,
    currency_code,
    currency_table,
    multiplier_value,
    parse_number,
)
from app.extract.figures.partners import document_parties
from app.extract.fold import fold_case
from app.extract.gazetteer import Gazetteers
from app.extract.model import Quantity
from app.extract.time.periods import Period, date_spans, find_periods

_WINDOW = 300  # characters of context read on each side of a figure
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
_MULT_AFTER = re.compile(rf"[\s-]*({MULTIPLIER})\b", re.I)
_SHORT_MULT = re.compile(r"\s?(bn|mn|mln|bln|tn|trn|m|b|k)\b", re.I)
_PERCENT = re.compile(r"\s*-?\s*(percentage\s+points?|per\s*cent|percent|pct\b|%|p\.p\.)", re.I)
_TIMES = re.compile(r"\s*(?:-\s*)?(times\b|fold\b)", re.I)
# Every match of _NUM holds a digit or one of these words, so a sentence without any skips
# the scan (tested on fold_case(sentence), which re.I cannot match past).
_NUM_STEMS = (*NUMBER_WORDS, "half")
_NUM_STEM_RX = re.compile("|".join(re.escape(w) for w in _NUM_STEMS))  # one scan, not 30 `in`s
_DIGIT = re.compile(r"\d")
_VOTES = re.compile(r"\bvot(?:e|es|ed|ing)\b", re.I)
_FOLD_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|hundred)fold\b", re.I)

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
_QUAL_IN_TEXT = {"more than", "over", "about", "some", "nearly", "almost", "up to", "less than",
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


def _ends_gate(words: list[str]) -> tuple[str, ...] | None:
    """Endings for a gate in front of a pattern "(?:word|...)\\s*$" compiled with re.I: a
    string whose fold_case(), right-stripped, ends with none of them cannot match. None when
    some word holds a cased non-ASCII letter (lower() is not what re.I compares there)."""
    if any(not c.isascii() and c.lower() != c.upper() for w in words for c in w):
        return None
    return tuple(dict.fromkeys(w.lower() for w in words))


# "(?:no|nos|...)\.?": each word, with or without its full stop.
_ID_ENDS = _ends_gate([w + dot for w in _ID_BEFORE.pattern.split("(?:", 1)[1].split(")")[0]
                       .split("|") for dot in ("", ".")])
# A qualifier's last word: "more\s+than" ends in "than", "approx\." in "approx.".
_QUAL_ENDS = _ends_gate([p.split(r"\s+")[-1].replace("\\.", ".") for p, _ in _QUALIFIERS])


def _can_end_with(s: str, ends: tuple[str, ...] | None) -> bool:
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
_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}
_GROWTH_BEFORE = re.compile(
    r"\b(?:increas\w*|grew|grow\w*|rose|risen|ris\w*|surg\w*|jump\w*|soar\w*|doubl\w*|"
    r"multipl\w*|expand\w*|boost\w*|decreas\w*|fell|fall\w*|drop\w*|declin\w*|shr[iu]nk\w*|"
    r"gr[oe]w[ns]?|up|down)\b[^.;:]{0,40}$", re.I)
_GROWTH_AFTER = re.compile(r"^\s*(?:more|less|higher|lower|larger|greater|bigger|smaller|"
                           r"faster|as\s+(?:much|many|high|large))\b", re.I)


@dataclass
class _Hit:
    start: int  # span of the figure's words (qualifier .. unit or counted noun)
    end: int
    value: float
    unit: str
    qualifier: str | None
    head: tuple[int, int] | None  # the counted noun, for counts
    kind: str  # money, percent, unit, times, count
    num_end: int = 0  # end of the number and its multiplier
    label: str | None = None  # what is counted, when the pattern itself says it


@lru_cache(maxsize=4)
def _unit_re(rows: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    forms: dict[str, str] = {}
    for unit, alts in rows:
        for f in alts.split("|"):
            if f.strip():
                forms.setdefault(f.strip().lower(), unit.strip())
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\s*-?\s*({alt or '(?!x)x'})\b", re.I), forms


def _units(gaz: Gazetteers) -> tuple[re.Pattern, dict[str, str]]:
    return _unit_re(tuple((r.get("unit", ""), r.get("forms", "")) for r in gaz.rows("units")))


@lru_cache(maxsize=4)
def _demonym_set(adjectives: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for a in adjectives:
        for f in a.split("|"):
            f = f.strip().lower()
            if not f:
                continue
            out.add(f if f.endswith("s") else f + "s")
    return frozenset(out)


def _demonyms(gaz: Gazetteers) -> frozenset[str]:
    """Plural demonyms from the country gazetteer: "41,000 Palestinians", "600 Belarusians"."""
    return _demonym_set(tuple(r.get("adjectives", "") for r in gaz.rows("countries")))


_DURATIONS = frozenset({"hours", "days", "weeks", "minutes"})
_EVENT_AFTER = re.compile(r"\s*(?:official\s+|state\s+|working\s+|friendly\s+)?(?:visit|trip|tour|"
                          r"stay|summit|session|meeting|talks|forum|festival|conference)\b", re.I)


def _not_a_duration(unit: str, um: re.Match, rest: str) -> bool:
    """A length of time is a figure as a measure ("talks lasted almost three hours", "a
    60-day extension"), not as words of a title ("the 200 Days of Courage exhibition") nor
    as an event's own length ("a two-day visit": the event's dates hold it)."""
    if unit not in _DURATIONS:
        return False
    if um.group(1)[:1].isupper():
        return True
    return "-" in um.group(0) and bool(_EVENT_AFTER.match(rest, um.end()))


def find_quantities(ctx: Context) -> list[Quantity]:
    text = ctx.text
    doc_year = int(ctx.doc.date[:4]) if ctx.doc.date and ctx.doc.date[:4].isdigit() else None
    doc_month = int(ctx.doc.date[5:7]) if ctx.doc.date and ctx.doc.date[5:7].isdigit() else None
    masked = _merge(date_spans(text, ctx.body_start))
    mask_ends = [b for _, b in masked]  # once per document, not per sentence
    dateline = _DATELINE.match(text, ctx.body_start)
    dateline_end = dateline.end() if dateline else ctx.body_start
    tables = ctx.gaz.__dict__.get("_quantity_tables")
    if tables is None:  # built once per gazetteer set, kept on it like the lexicon
        tables = (currency_table(ctx.gaz), *_units(ctx.gaz), _demonyms(ctx.gaz))
        ctx.gaz.__dict__["_quantity_tables"] = tables
    doc_category = measures.document_category(ctx.doc.title or "")
    doc_parties = document_parties(ctx)

    def periods_of(s: int, e: int) -> list:
        # "MINSK, 10 June (BelTA) –" dates the report, not the figures.
        return [p for p in find_periods(text, s, e, doc_year, doc_month)
                if p.span[0] >= dateline_end]

    out: list[Quantity] = []
    para: list[tuple[int, int]] = []  # earlier sentences of the current paragraph
    folded = 0  # how many of them are in the accumulators below (filled only when needed)
    carry: list = []  # the periods the next sentence may take (see figure_periods.carried)
    last_trade = None  # the paragraph's last trade figure ("it rose by 6%" continues it)
    para_themes: set[str] = set()
    topic_themes: set[str] = set()
    prev_end = -1
    for s, e in ctx.sentences:
        if e <= ctx.body_start:
            continue
        s = max(s, ctx.body_start)
        if prev_end < 0 or "\n" in text[prev_end:s]:
            para, folded, carry, para_themes, topic_themes = [], 0, [], set(), set()
            last_trade = None
        prev_end = e
        hits = _sentence_hits(ctx, s, e, masked, tables, mask_ends)
        if not hits:
            para.append((s, e))
            continue
        for ps, pe in para[folded:]:
            carry = carried(text, periods_of(ps, pe)) or carry
            para_themes |= measures.themes(text[ps:pe])
        if para and folded == 0:
            topic_themes = measures.themes(text[para[0][0]:para[0][1]])
        folded = len(para)
        periods = periods_of(s, e)
        if len(hits) * len(periods) < 10_000:
            # A figure's digits ("about 2000 students") are nobody's period.
            periods = [p for p in periods
                       if not any(h.start < p.span[1] and p.span[0] < h.end for h in hits)]
        sent_themes = measures.themes(text[s:e])
        topic = topic_themes if para else sent_themes
        starts = [p.span[0] for p in periods]
        taken: list[Period] = []  # the periods this sentence's figures took
        owned: list[tuple[int, int]] = []  # where a target's or forecast's own year is
        for h in hits:
            # Windows around the figure keep the work per figure bounded on huge sentences.
            ws, we = max(s, h.start - _WINDOW), min(e, h.end + _WINDOW)
            near = periods[bisect.bisect_left(starts, ws - 40):bisect.bisect_right(starts, we)]
            measure = h.label or measures.measure_phrase(text, ws, we, h.start, h.end, h.kind,
                                                         h.head, h.num_end)
            category = measures.category(measure, h.unit, doc_category, sent_themes,
                                         para_themes | sent_themes, topic)
            facts = describe(ctx, doc_parties, (h.start, h.end), (s, e), para, measure,
                             h.unit, h.kind, category, last_trade)
            if facts.kind in {"trade turnover", "exports", "imports", "investment"}:
                last_trade = facts
            period, used = figure_period(
                text, facts.status, facts.clause, (s, e), (h.start, h.end), (ws, we), near,
                carry, [(o.start, o.end) for o in hits if o is not h], doc_year)
            if used is not None:
                taken.append(used)
            if facts.status != "actual":
                owned.append((h.end, facts.clause[1]))  # "by 2027" is the target's alone
            out.append(Quantity(
                value=h.value, unit=h.unit, measure=facts.measure, period=period,
                category=category, qualifier=h.qualifier, text=text[h.start:h.end],
                span=(h.start, h.end), partners=facts.partners, measure_kind=facts.kind,
                direction=facts.direction, status=facts.status))
        # This sentence is folded in already, with its own periods filtered.
        para.append((s, e))
        folded = len(para)
        carry = carried(text, [*taken, *(p for p in periods if not any(
            a <= p.span[0] < b for a, b in owned))])
        para_themes |= sent_themes
    return out


_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40},\s+[^()\n]{3,40}\([A-Za-z .-]{2,30}\)\s*[–—-]")
def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _sentence_hits(ctx: Context, s: int, e: int, masked: list[tuple[int, int]],
                   tables: tuple, mask_ends: list[int]) -> list[_Hit]:
    text = ctx.text
    table, unit_re, unit_forms, demonyms = tables
    hits: list[_Hit] = []
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
        hit = _read_figure(text, max(s, ns - _WINDOW), min(e, ne + _WINDOW), ns, ne,
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
                hits.append(_Hit(m.start(), m.end(), v, "times", None, None, "times", m.end()))
    return sorted(hits, key=lambda h: h.start)


# "320 scholarships were allocated to citizens of Laos and 1,000 to citizens of Viet Nam":
# the second number counts the same things, its noun left out.
_ELIDED_GAP = re.compile(r"[^.;:()\d]{0,60}?\s(?:and|while|whereas)\s+$")
_ELIDED_NEXT = re.compile(r"\s+(?:to|for|in|from|at|on|by)\s")


def _elided_count(text: str, prev: _Hit, ns: int, ne: int, e: int, raw: str) -> _Hit | None:
    if prev.kind != "count" or prev.head is None or prev.label:
        return None
    if not _ELIDED_GAP.fullmatch(text, prev.end, ns) or not _ELIDED_NEXT.match(text, ne, e):
        return None
    value = parse_number(raw)
    if value is None or _YEARLIKE.fullmatch(raw) or value == 1:
        return None
    noun = text[prev.head[0]:prev.head[1]]
    return _Hit(ns, ne, value, "count", None, None, "count", ne, noun)


_GLUED = re.compile(r"[A-Za-z$€£¥₽]+$")
_PLURAL_NEXT = re.compile(r"\s+[a-z]+s\b")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’&.-]*)\s+$")
_YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")
_HYPHEN_WORD = re.compile(r"-[A-Za-z]")
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Za-z]*[A-Z]s")
_TO_NUMBER = re.compile(r"\s+to\s+\d")
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


_PREFIX_ENDS: dict[int, tuple] = {}


def _prefix_ends(table) -> tuple[str, ...] | None:
    """What a currency written before an amount ends with (its last word), per table."""
    hit = _PREFIX_ENDS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = (table, _ends_gate([k.split()[-1] for k in table.by_prefix if k.split()]))
        _PREFIX_ENDS[id(table)] = hit
    return hit[1]


_SUFFIX_STARTS: dict[int, tuple] = {}


def _suffix_starts(table) -> tuple[tuple[str, ...], int] | None:
    """(first words of the currency names written after an amount, the longest's length)."""
    hit = _SUFFIX_STARTS.get(id(table))
    if hit is None or hit[0] is not table:
        words = _ends_gate([k.split()[0] for k in table.by_suffix if k.split()])
        hit = (table, (words, max(map(len, words))) if words else None)
        _SUFFIX_STARTS[id(table)] = hit
    return hit[1]


@lru_cache(maxsize=8)
def _at_end(rx: re.Pattern) -> re.Pattern:
    """rx at the end of a string, case-insensitive (compiled once per currency table)."""
    return re.compile(rf"(?:{rx.pattern})\s*$", re.I)


@lru_cache(maxsize=8)
def _at_start(rx: re.Pattern) -> re.Pattern:
    return re.compile(rf"\s*(?:{rx.pattern})", re.I)


def _read_figure(text, s, e, ns, ne, is_digit, table, unit_re, unit_forms, votes,
                 demonyms=frozenset()) -> _Hit | None:
    raw = text[ns:ne]
    value = parse_number(raw)
    if value is None:
        return None
    before = text[max(s, ns - 80):ns]  # enough for a currency, a qualifier, a verb
    start, end = ns, ne
    unit: str | None = None
    kind = "count"

    # Currency written before the amount: "$46.5 billion", "USD 37.01 billion", "RUB 8.5 bn".
    pm = _at_end(table.prefix_re).search(before[-12:]) \
        if _can_end_with(before[-12:], _prefix_ends(table)) else None
    if pm:
        code = currency_code(table, pm.group(0).strip(), prefix=True)
        if code:
            unit, kind, start = code, "money", ns - len(before[-12:]) + pm.start()

    # Multiplier: "billion", "bn", glued "$5m".
    mult = 1.0
    rest = text[end:e]
    mm = _MULT_AFTER.match(rest)
    if mm:
        mult, end = multiplier_value(mm.group(1)), end + mm.end()
    elif unit:
        sm = _SHORT_MULT.match(rest)
        if sm:
            mult, end = multiplier_value(sm.group(1)), end + sm.end()
    rest = text[end:e]
    num_end = end

    if unit is None:
        pc = _PERCENT.match(rest)
        # (cm counts only without pc; a currency name after the amount opens, after spaces,
        # with the first word of one of the names)
        starts = _suffix_starts(table)
        cm = _at_start(table.suffix_re).match(rest) if not pc and (
            starts is None or fold_case(rest.lstrip()[:starts[1]]).startswith(starts[0])) \
            else None
        um = unit_re.match(rest)
        tm = _TIMES.match(rest)
        if pc:
            unit = "percentage points" if pc.group(1).lower().startswith("percentage") else "percent"
            kind, end = "percent", end + pc.end()
        elif cm:
            code = currency_code(table, cm.group(0).strip(), prefix=False)
            if code:
                unit, kind, end = code, "money", end + cm.end()
        if unit is None and um and not _not_a_duration(
                unit_forms[" ".join(um.group(1).lower().split())], um, rest):
            unit, kind, end = unit_forms[" ".join(um.group(1).lower().split())], "unit", end + um.end()
        if unit is None and tm:
            kind, end = "times", end + tm.end()
            growth = (tm.group(1).lower() == "fold" or _GROWTH_BEFORE.search(before)
                      or _GROWTH_AFTER.match(text[end:e]))
            unit = "times" if growth else "count"
            kind = "times" if growth else "occurrences"

    qualifier, qstart = _qualifier(text, s, start)
    has_scale = mult != 1.0 or unit is not None
    # "over 2000 students" is an amount; "under 2022 agreements" still names a year.
    qword = text[qstart:start].split()[0].lower() if qualifier else ""
    amount_word = bool(qualifier) and (qword not in {"over", "under", "above", "below"} or (
        qword in {"over", "above"} and bool(_PLURAL_NEXT.match(text[ne:e]))))
    if not _plausible(text, s, ns, ne, raw, is_digit, value, has_scale, amount_word):
        return None

    head = label = None
    if unit is None:
        counted = _counted(text, s, e, ns, end, raw, is_digit, votes, demonyms)
        if counted is None:
            if mult == 1.0:
                return None
            unit, kind = "count", "count"
        else:
            end, head, label = counted
            unit, kind = "count", "count"
    if qualifier and text[qstart:start].strip().lower() in _QUAL_IN_TEXT:
        start = qstart
    # "$4.1 billion" is 4100000000, not 4099999999.9999995.
    total = float(f"{value * mult:.12g}") if mult != 1.0 else value
    return _Hit(start, end, total, unit, qualifier, head, kind, num_end, label)


def _qualifier(text: str, s: int, start: int) -> tuple[str | None, int]:
    window = text[max(s, start - 25):start]
    qm = _QUAL_RE.search(window) if _can_end_with(window, _QUAL_ENDS) else None
    if not qm:
        return None, start
    word = " ".join(qm.group(1).lower().split())
    return _qualifier_norm(word), max(s, start - 25) + qm.start(1)


@lru_cache(maxsize=256)
def _qualifier_norm(word: str) -> str:
    return next((n for p, n in _QUALIFIERS if re.fullmatch(p, word)), word)


def _plausible(text, s, ns, ne, raw, is_digit, value, has_scale, qualifier) -> bool:
    before = text[max(s, ns - 40):ns]
    # Identifiers and names: "Resolution 1244", "EXPO 2027", "Memory Train 2024"; the same
    # words used as verbs count ("Rosatom is building two power units").
    if _can_end_with(before, _ID_ENDS) and _ID_BEFORE.search(before) \
            and not _VERB_BEFORE.search(before):
        return False
    # _PREV_WORD can only match in the last run of non-spaces (then the spaces to the end):
    # searched there alone, not from every letter of the 40 characters.
    stripped = before.rstrip()
    prev = _PREV_WORD.search(stripped.rsplit(None, 1)[-1] + before[len(stripped):]) \
        if stripped and len(stripped) < len(before) else None
    if prev and not has_scale:
        w = prev.group(1)
        if w[0].isupper() and w.lower() not in _FUNCTION_CAPS and w.lower() not in _MONTH_NAMES \
                and not w.endswith(("'s", "’s")):
            return False
    if is_digit:
        # A year, unless something makes it an amount ("over 2000 students", "2000 tonnes").
        if _YEARLIKE.fullmatch(raw) and not has_scale and not qualifier:
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


def _is_plural_head(w: str, demonyms: frozenset[str] = frozenset()) -> bool:
    lw = w.lower()
    if lw in _NOT_COUNTED or lw in _STOP:
        return False
    if lw in _IRREGULAR_PLURALS:
        return True
    if w[0].isupper() and lw in demonyms:
        return True
    if _ACRONYM_PLURAL.fullmatch(w):
        return True  # "10 NGOs", "5 MoUs"
    if not w.islower() and not w[0].isupper():
        return False
    return (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))
            and w.islower())


_Counted = tuple[int, tuple[int, int] | None, str | None]


def _counted(text, s, e, ns, end, raw, is_digit, votes,
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
        if lw in _NOT_COUNTED or lw in _MONTH_NAMES:
            return None
        if _is_plural_head(w, demonyms):
            label = "votes in favour" if votes and lw == "votes" and _TO_NUMBER.match(
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
        if _is_plural_head(w, demonyms):
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
        if _is_plural_head(last):
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
        if _TO_NUMBER.match(rest):
            return end, None, "votes in favour"
        if _VOTES_TO.search(text[max(s, ns - 30):ns]):
            return end, None, "votes against"
    before = text[s:ns]
    if _COMMA_END.search(before) and _IN_YEAR.match(rest):
        return end, None, None
    m = _NUMBER_OF.search(text, max(s, ns - 140), ns)
    if m and any(_is_plural_head(w) for w in m.group(1).split()):
        return end, None, None  # the measure phrase reads "number of ..." itself
    return None
