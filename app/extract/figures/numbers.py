"""Numbers as the genre writes them: digits with thousands separators, number words,
multipliers ("billion", "bn") and currencies (symbols, codes and names from a gazetteer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..gazetteer import Gazetteers

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
NUMBER_WORDS = {**_UNITS_WORDS, **_TENS_WORDS, "dozen": 12, "hundred": 100}

MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "trln": 1e12, "tn": 1e12, "trn": 1e12,
}

_WORD_ALT = "|".join(sorted(
    [*_TENS_WORDS] + [*_UNITS_WORDS], key=len, reverse=True))
# "twenty-five", "two hundred", "three hundred and fifty", "a hundred", "a dozen"
WORD_NUMBER = (
    # "one and a half times", "half a million" (first: "one" alone must not win)
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half"
    r"|half\s+a(?=\s+(?:million|billion|trillion|thousand|dozen|hundred)\b)"
    rf"|(?:{_WORD_ALT})(?:[-\s](?:{'|'.join(_UNITS_WORDS)}))?"
    rf"(?:\s+hundred(?:\s+(?:and\s+)?(?:{_WORD_ALT})(?:-(?:{'|'.join(_UNITS_WORDS)}))?)?)?"
    r"|a\s+(?:hundred|dozen)|(?:two|three|four|five|six|several)\s+dozen)"
)
DIGIT_NUMBER = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?:[.,]\d+)?"
                r"|\d+(?:[.,]\d+)?")
MULTIPLIER = r"(?:thousand|million|billion|trillion|mln|bln|trln|mn|bn|tn|trn)"


_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u2009\u202f](?=\d{3})")
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_number(s: str) -> float | None:
    """Value of a digit string ("3,600", "46.5", "37,01" as decimal) or of number words."""
    s = s.strip().lower()
    if not s:
        return None
    if s[0].isdigit():
        # Thin or no-break spaces group thousands in some releases: "1 500".
        if not s.isascii():
            s = _GROUP_SPACE.sub("", s)
        try:
            if _COMMA_GROUPS.fullmatch(s):
                return float(s.replace(",", ""))
            # A lone comma before one or two digits is a decimal comma ("37,01").
            return float(s.replace(",", "."))
        except ValueError:
            return None
    return _parse_words(s)


def _parse_words(s: str) -> float | None:
    words = [w for w in _WORD_SPLIT.split(s) if w and w != "and"]
    if not words:
        return None
    if words[-2:] == ["a", "half"] and len(words) > 2:
        whole = _parse_words(" ".join(words[:-2]))
        return None if whole is None else whole + 0.5
    if words == ["half", "a"]:
        return 0.5
    total = 0.0
    current = 0.0
    for w in words:
        if w == "a":
            current = current or 1
        elif w == "several":
            current = current or 3
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            current += _TENS_WORDS[w]
        else:
            return None
    total += current
    return total


def multiplier_value(word: str | None) -> float:
    if not word:
        return 1.0
    return MULTIPLIERS.get(word.lower().rstrip("."), 1.0)


@dataclass(frozen=True)
class Currency:
    code: str
    symbols: tuple[str, ...]  # written before the amount: "$", "US$", "€"
    names: tuple[str, ...]  # written after the amount: "roubles", "US dollars"


# Used only when the currencies gazetteer is missing, so money is still read.
_FALLBACK = (
    Currency("USD", ("US$", "$", "USD"), ("US dollars", "dollars", "USD")),
    Currency("EUR", ("€", "EUR"), ("euros", "euro", "EUR")),
    Currency("RUB", ("₽", "RUB"), ("Russian roubles", "roubles", "rubles", "RUB")),
)


@dataclass(frozen=True)
class CurrencyTable:
    currencies: tuple[Currency, ...]
    prefix_re: re.Pattern
    suffix_re: re.Pattern
    by_prefix: dict
    by_suffix: dict


def currency_table(gaz: Gazetteers) -> CurrencyTable:
    rows = tuple(
        (r.get("code", ""), r.get("symbols", ""), r.get("names", ""))
        for r in gaz.rows("currencies")
    )
    return _build_table(rows)


@lru_cache(maxsize=8)
def _build_table(rows: tuple[tuple[str, str, str], ...]) -> CurrencyTable:
    currencies = [
        Currency(code.strip().upper(),
                 tuple(s.strip() for s in symbols.split("|") if s.strip()),
                 tuple(n.strip() for n in names.split("|") if n.strip()))
        for code, symbols, names in rows if code.strip()
    ] or list(_FALLBACK)
    by_prefix: dict[str, str] = {}
    by_suffix: dict[str, str] = {}
    for c in currencies:
        for s in c.symbols:
            by_prefix.setdefault(s.lower(), c.code)
        for n in c.names:
            by_suffix.setdefault(n.lower(), c.code)
    prefixes = sorted(by_prefix, key=len, reverse=True)
    suffixes = sorted(by_suffix, key=len, reverse=True)

    def alt(items: list[str]) -> str:
        out = []
        for it in items:
            esc = re.escape(it).replace(r"\ ", r"\s+")
            # Letter codes and names need word boundaries; "$" and "€" do not.
            # A letter code may be glued to the amount ("Br1.2 billion", "RUB5 million").
            out.append(rf"\b{esc}(?:\b|(?=\d))" if it[-1].isalpha() else (
                rf"\b{esc}" if it[0].isalpha() else esc))
        return "|".join(out) or r"(?!x)x"

    return CurrencyTable(
        tuple(currencies),
        re.compile(alt(prefixes), re.I),
        re.compile(alt(suffixes), re.I),
        by_prefix,
        by_suffix,
    )


def currency_code(table: CurrencyTable, surface: str, prefix: bool) -> str | None:
    key = " ".join(surface.lower().split())
    return (table.by_prefix if prefix else table.by_suffix).get(key)
