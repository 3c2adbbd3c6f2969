"""Personal names: folding, transliteration variants and the key that merges one person's
spellings ("Sergei Lavrov" / "Sergey Lavrov", "Aleksandr" / "Alexander", "Vucic" / "Vučić").

`name_key` is used inside a document (later mentions) and by the store (people across
documents), so both agree on who is the same person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..fold import fold_name

# Honorifics dropped before comparing names ("Mr Lavrov" is Lavrov).
HONORIFICS = {"mr", "mrs", "ms", "madam", "dr", "sir", "comrade", "professor", "prof"}

# Surname-first naming orders: for these the family name is the first token ("Wang Yi" -> Wang).
EAST_ASIAN_SURNAMES = {
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang",
    "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai",
    "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "qin",
    "xi", "qi", "kong", "bai", "cui", "kang", "mao", "qiu", "hou", "shi", "fu", "fang", "gu",
    "meng", "xiong", "jin", "hao", "xue", "yan", "wen", "lei", "duan", "kim", "park", "lee",
    "moon", "yoon", "choi", "hun",
}

_CONS = "bcdfghjklmnpqrstvwxz"


@lru_cache(maxsize=65536)
def _norm_token(tok: str) -> str:
    """Spelling-independent form of one folded name token (applied to both sides alike)."""
    t = tok
    if len(t) < 4:
        return t
    t = t.replace("ks", "x")
    t = re.sub(rf"(?<=[{_CONS}])yo", "e", t)  # Pyotr/Petr, Fyodor/Fedor, Artyom/Artem
    t = re.sub(r"^ye", "e", t)  # Yevgeny/Evgeny, Yelena/Elena
    t = re.sub(r"(?:iy|ii|ij)$", "y", t)  # Dmitriy/Dmitrii/Dmitry
    t = re.sub(r"ei$|ej$", "ey", t)  # Sergei/Sergej/Sergey, Alexei/Alexey
    t = re.sub(rf"(?<=[{_CONS}])i$", "y", t)  # Dmitri/Dmitry, Yuri/Yury
    t = re.sub(r"iya$|ia$", "ya", t)  # Natalia/Natalya, Nebenzia/Nebenzya
    t = re.sub(r"(.)\1", r"\1", t)  # Vassily/Vasily, Gennady/Genady
    return t


@lru_cache(maxsize=1)
def _variant_table() -> dict[str, str]:
    """Folded given-name variant -> folded canonical form, from the given-names gazetteer."""
    from ..gazetteer import default_gazetteers

    table: dict[str, str] = {}
    try:
        rows = default_gazetteers().rows("given_names")
    except OSError:
        rows = []
    for row in rows:
        canon = fold_name(row.get("name"))
        if not canon:
            continue
        for v in (row.get("variants") or "").split("|"):
            v = fold_name(v)
            if v and v != canon:
                table.setdefault(v, canon)
    return table


def name_tokens(name: str) -> list[str]:
    """Folded tokens of a name without honorifics."""
    toks = fold_name(name).replace("'s", "").split()
    while toks and toks[0] in HONORIFICS:
        toks = toks[1:]
    return toks


@lru_cache(maxsize=65536)
def name_key(name: str | None) -> str:
    """Key under which spellings of one person's name coincide (case, diacritics,
    transliteration: Sergei = Sergey, Aleksandr = Alexander, Dmitri = Dmitry ...)."""
    if not name:
        return ""
    toks = name_tokens(name)
    table = _variant_table()
    return " ".join(_norm_token(table.get(t, t)) for t in toks)


def surname(name: str) -> str:
    """The family name as written (last token; first for East Asian surname-first names)."""
    parts = name.split()
    if not parts:
        return ""
    if len(parts) == 2 and fold_name(parts[0]) in EAST_ASIAN_SURNAMES and len(fold_name(parts[1])) <= 8:
        return parts[0]
    return parts[-1]


def surname_key(name: str) -> str:
    return name_key(surname(name))
