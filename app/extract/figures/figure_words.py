"""One figure's words around its number: a currency before or after it, a multiplier, a
percent sign, a unit, "times", a qualifier, and what a count counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..fold import fold_case
from ..gazetteer import Gazetteers
from .counted import counted_noun
from .numbers import (
    MULTIPLIER,
    currency_code,
    multiplier_value,
    parse_number,
)
from .plausible import (
    QUAL_IN_TEXT,
    can_end_with,
    ends_gate,
    plausible,
    qualifier_before,
)

WINDOW = 300  # characters of context read on each side of a figure


_MULT_AFTER = re.compile(rf"[\s-]*({MULTIPLIER})\b", re.I)


_SHORT_MULT = re.compile(r"\s?(bn|mn|mln|bln|tn|trn|m|b|k)\b", re.I)


_PERCENT = re.compile(r"\s*-?\s*(percentage\s+points?|per\s*cent|percent|pct\b|%|p\.p\.)", re.I)


_TIMES = re.compile(r"\s*(?:-\s*)?(times\b|fold\b)", re.I)


_GROWTH_BEFORE = re.compile(
    r"\b(?:increas\w*|grew|grow\w*|rose|risen|ris\w*|surg\w*|jump\w*|soar\w*|doubl\w*|"
    r"multipl\w*|expand\w*|boost\w*|decreas\w*|fell|fall\w*|drop\w*|declin\w*|shr[iu]nk\w*|"
    r"gr[oe]w[ns]?|up|down)\b[^.;:]{0,40}$", re.I)


_GROWTH_AFTER = re.compile(r"^\s*(?:more|less|higher|lower|larger|greater|bigger|smaller|"
                           r"faster|as\s+(?:much|many|high|large))\b", re.I)


@dataclass
class Hit:
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


def units(gaz: Gazetteers) -> tuple[re.Pattern, dict[str, str]]:
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


def demonyms(gaz: Gazetteers) -> frozenset[str]:
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


PLURAL_NEXT = re.compile(r"\s+[a-z]+s\b")


_PREFIX_ENDS: dict[int, tuple] = {}


def _prefix_ends(table) -> tuple[str, ...] | None:
    """What a currency written before an amount ends with (its last word), per table."""
    hit = _PREFIX_ENDS.get(id(table))
    if hit is None or hit[0] is not table:
        hit = (table, ends_gate([k.split()[-1] for k in table.by_prefix if k.split()]))
        _PREFIX_ENDS[id(table)] = hit
    return hit[1]


_SUFFIX_STARTS: dict[int, tuple] = {}


def _suffix_starts(table) -> tuple[tuple[str, ...], int] | None:
    """(first words of the currency names written after an amount, the longest's length)."""
    hit = _SUFFIX_STARTS.get(id(table))
    if hit is None or hit[0] is not table:
        words = ends_gate([k.split()[0] for k in table.by_suffix if k.split()])
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


def read_figure(text, s, e, ns, ne, is_digit, table, unit_re, unit_forms, votes,
                demonyms=frozenset()) -> Hit | None:
    """The figure whose number is text[ns:ne] (s, e: the window it may reach), or None when
    the number is no figure."""
    raw = text[ns:ne]
    value = parse_number(raw)
    if value is None:
        return None
    before = text[max(s, ns - 80):ns]  # enough for a currency, a qualifier, a verb
    start, end = ns, ne
    unit, kind, start = _currency_before(table, before, ns)
    mult, end = _multiplier(text[end:e], end, unit is not None)
    num_end = end
    if unit is None:
        unit, kind, end = _unit_after(text, end, e, before, table, unit_re, unit_forms)

    qualifier, qstart = qualifier_before(text, s, start)
    has_scale = mult != 1.0 or unit is not None
    # "over 2000 students" is an amount; "under 2022 agreements" still names a year.
    qword = text[qstart:start].split()[0].lower() if qualifier else ""
    amount_word = bool(qualifier) and (qword not in {"over", "under", "above", "below"} or (
        qword in {"over", "above"} and bool(PLURAL_NEXT.match(text[ne:e]))))
    if not plausible(text, s, ns, ne, raw, is_digit, value, has_scale, amount_word):
        return None

    head = label = None
    if unit is None:
        counted = counted_noun(text, s, e, ns, end, raw, is_digit, votes, demonyms)
        if counted is None:
            if mult == 1.0:
                return None
            unit, kind = "count", "count"
        else:
            end, head, label = counted
            unit, kind = "count", "count"
    if qualifier and text[qstart:start].strip().lower() in QUAL_IN_TEXT:
        start = qstart
    # "$4.1 billion" is 4100000000, not 4099999999.9999995.
    total = float(f"{value * mult:.12g}") if mult != 1.0 else value
    return Hit(start, end, total, unit, qualifier, head, kind, num_end, label)


def _currency_before(table, before: str, ns: int) -> tuple[str | None, str, int]:
    """(unit, kind, start) for a currency written before the amount: "$46.5 billion",
    "USD 37.01 billion", "RUB 8.5 bn"; (None, "count", ns) without one."""
    pm = _at_end(table.prefix_re).search(before[-12:]) \
        if can_end_with(before[-12:], _prefix_ends(table)) else None
    if pm:
        code = currency_code(table, pm.group(0).strip(), prefix=True)
        if code:
            return code, "money", ns - len(before[-12:]) + pm.start()
    return None, "count", ns


def _multiplier(rest: str, end: int, has_currency: bool) -> tuple[float, int]:
    """(multiplier, new end): "billion", "bn"; glued "$5m" only after a currency."""
    mm = _MULT_AFTER.match(rest)
    if mm:
        return multiplier_value(mm.group(1)), end + mm.end()
    if has_currency:
        sm = _SHORT_MULT.match(rest)
        if sm:
            return multiplier_value(sm.group(1)), end + sm.end()
    return 1.0, end


def _unit_after(text: str, end: int, e: int, before: str, table, unit_re,
                unit_forms) -> tuple[str | None, str, int]:
    """(unit, kind, new end) for what follows the amount: a percent sign, a currency name, a
    unit of the gazetteer, "times"; (None, "count", end) when none does."""
    rest = text[end:e]
    unit, kind = None, "count"
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
    return unit, kind, end
