"""Bytes to text without ever storing mojibake.

UTF-8 is tried first and trusted even when a few bytes are damaged (they become U+FFFD and
the encoding says how many): a damaged UTF-8 file decoded as a one-byte encoding turns every
non-ASCII character into two or three wrong ones. UTF-16 is recognised with or without a
BOM. Only a file with no UTF-8 in it at all is given to the detector, and its guess is kept
only if the text then reads as the genre's languages (English, Russian, other Latin or
Cyrillic text): a one-byte encoding decodes anything, so "it decoded" proves nothing.
"""

from __future__ import annotations

import re

from .errors import ReadError

# Bad bytes tolerated in a UTF-8 file: a few per page of text, never more than the valid
# multi-byte characters (else it is more likely another encoding).
_BAD_FIXED, _BAD_PER_BYTE = 16, 1 / 2000
# One-byte encodings of Latin and Cyrillic text, most likely first: of two that read
# equally well the earlier wins (Latin-1 "Mïnsk" also decodes in cp1250, as "Mďnsk").
LEGACY = ("cp1252", "cp1251", "koi8_r", "iso8859_15", "cp1250", "iso8859_2", "koi8_u",
          "cp1257", "cp1254", "cp866", "mac_cyrillic", "iso8859_5", "latin_1")
_NAMES = {"iso8859_15": "iso-8859-15", "iso8859_2": "iso-8859-2", "iso8859_5": "iso-8859-5",
          "latin_1": "iso-8859-1", "koi8_r": "koi8-r", "koi8_u": "koi8-u",
          "mac_cyrillic": "mac-cyrillic"}
# A guess is refused when more than this share of its non-ASCII words look wrong.
MAX_ODD_SHARE = 0.15
_SAMPLE = 256 * 1024  # bytes of a one-byte-encoded file its encoding is judged on

# Letters of the genre's languages. Western European accented letters and the Russian
# alphabet are common; letters of other Latin and Cyrillic alphabets are plausible but,
# on a tie, less likely than the common ones.
_WESTERN = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœ" "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŸŒ")
_CENTRAL = set("ąćčďęěĺľłńňőŕřśšťůűźżžăşţșțğıİ" "ĄĆČĎĘĚĹĽŁŃŇŐŔŘŚŠŤŮŰŹŻŽĂŞŢȘȚĞ"
               "āēģīķļņōūėįų" "ĀĒĢĪĶĻŅŌŪĖĮŲ")
_CYRILLIC = {chr(c) for c in range(0x410, 0x450)} | set("ёЁ")
_CYRILLIC_OTHER = set("іїєґўјљњћџђѓќѕІЇЄҐЎЈЉЊЋЏЂЃЌЅ")
_RUSSIAN_COMMON = set("оеаинтсрвлкмОЕАИНТСРВЛКМ")  # ~70% of the letters of Russian text
_PUNCT = set("‘’‚“”„«»‹›–—…•·€£$№§°±×½¼¾©®™\u00a0\u2009\u202f\u200b\u2010\u2011\u2012\u2032")
_WORD = re.compile(r"[^\W\d_]+|[^\x00-\x7f]")


def decode(data: bytes, name: str = "input") -> tuple[str, str]:
    """Text and a description of the encoding used (kept in documents.encoding)."""
    bom = _bom(data)
    if bom:
        return bom
    utf16 = _utf16_without_bom(data)  # before UTF-8: ASCII NULs are valid UTF-8
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, name)
    if damaged:
        return damaged
    return _legacy(data, name)


def _bom(data: bytes) -> tuple[str, str] | None:
    for bom, enc, label in ((b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
                            (b"\xff\xfe\x00\x00", "utf-32", "utf-32"),
                            (b"\x00\x00\xfe\xff", "utf-32", "utf-32"),
                            (b"\xff\xfe", "utf-16", "utf-16"), (b"\xfe\xff", "utf-16", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), label
            except UnicodeDecodeError:
                return None  # damaged: UTF-8 is handled as such below, UTF-16/32 refused
    return None


def looks_like_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when every other byte is mostly NUL (the high byte of
    ASCII characters), else None."""
    head = data[:65536]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    # Latin text: nearly every high byte is NUL; Cyrillic text: at least its spaces and
    # punctuation are, and the other half never is.
    if nul_odd >= 0.1 and nul_even <= 0.01:
        return "utf-16-le"
    if nul_even >= 0.1 and nul_odd <= 0.01:
        return "utf-16-be"
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    enc = looks_like_utf16(data)
    if enc is None or len(data) % 2:
        return None
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return None
    sample = text[:_SAMPLE // 2]
    return (text, enc) if odd_share(sample) <= MAX_ODD_SHARE and not _controls(text) else None


def _damaged_utf8(data: bytes, name: str) -> tuple[str, str] | None:
    """UTF-8 with some invalid bytes: stored with each replaced by U+FFFD when they are few,
    refused (naming the first one's offset) when many. None when it is not UTF-8 at all."""
    valid = _multibyte_count(data)
    if valid == 0:
        return None  # no UTF-8 character in it at all: another encoding
    # Each invalid byte becomes one lone surrogate: counted in one linear pass.
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad_at = _ESCAPED.search(escaped)
    bad = len(_ESCAPED.findall(escaped))
    if bad > max(valid, 3):
        return None  # hardly any UTF-8 in it: another encoding
    if bad > _BAD_FIXED + int(len(data) * _BAD_PER_BYTE):
        first = len(escaped[:bad_at.start()].encode("utf-8", errors="surrogateescape"))
        raise ReadError(f"{name}: not valid UTF-8 ({bad} bad bytes, the first at byte "
                        f"{first}); save it as UTF-8 and retry")
    text = data.decode("utf-8", errors="replace")
    return text, f"utf-8 ({bad} bad byte{'s' if bad != 1 else ''} replaced)"


_ESCAPED = re.compile("[\udc80-\udcff]")
_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _multibyte_count(data: bytes) -> int:
    return len(_MULTI.findall(data))


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    """The one-byte encoding whose text reads as the genre's languages and that the
    detector (charset-normalizer) also finds coherent. Of several, the one with fewer odd
    words, then the detector's least chaotic, then the one with common rather than rarer
    letters, then the more likely encoding wins."""
    readable: dict[str, tuple] = {}  # text -> (odd, rare, rank, encoding): one per text
    # Judged on a sample (one-byte encodings read every part alike): linear, and bounded.
    sample = data if len(data) <= _SAMPLE else data[:_SAMPLE // 2] + data[-_SAMPLE // 2:]
    for rank, enc in enumerate(LEGACY):
        try:
            data.decode(enc)
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        if text in readable or _controls(text):
            continue
        odd, rare = word_shares(text)
        if odd <= MAX_ODD_SHARE:
            readable[text] = (odd, rare, rank, enc)
    chaos = _detector_chaos(data, [v[3] for v in readable.values()]) if readable else {}
    ranked = sorted((round(v[0], 1), chaos[v[3]], v[1], v[2], v[3], text)
                    for text, v in readable.items() if v[3] in chaos)
    if not ranked:
        raise ReadError(f"{name}: unknown text encoding (not UTF-8, and no other encoding "
                        "reads as Latin or Cyrillic text; save it as UTF-8 and retry)")
    enc = ranked[0][4]
    text = data.decode(enc)
    if _controls(text):
        raise ReadError(f"{name}: control characters in the text as {_NAMES.get(enc, enc)}; "
                        "save it as UTF-8 and retry")
    return text, _NAMES.get(enc, enc)


def _detector_chaos(data: bytes, encodings: list[str]) -> dict[str, float]:
    """The detector's chaos (0 = coherent) for each encoding it accepts at all."""
    import codecs

    from charset_normalizer import from_bytes

    if len(encodings) == 1:
        probe = from_bytes(data[:_SAMPLE], cp_isolation=encodings).best()
        return {encodings[0]: probe.chaos} if probe is not None else {}
    names = {codecs.lookup(e).name: e for e in encodings}
    out = {}
    for match in from_bytes(data[:_SAMPLE], cp_isolation=encodings):
        try:
            enc = names.get(codecs.lookup(match.encoding).name)
        except LookupError:
            continue
        if enc is not None:
            out[enc] = round(match.chaos, 2)
    return out


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _controls(text: str) -> bool:
    """C0/C1 control characters other than line breaks and tabs: not in a press release."""
    return _CONTROL.search(text) is not None


def odd_share(text: str) -> float:
    return word_shares(text)[0]


def word_shares(text: str) -> tuple[float, float]:
    """The share of the words holding non-ASCII characters that look wrong for Latin or
    Cyrillic text in the genre's languages: symbols inside words, Latin and Cyrillic mixed
    in one word, capitals after small letters, Latin words made mostly of accented letters
    (Russian read as cp1252), Cyrillic that is not Russian-like in its letters. The second
    share is of words with letters less common than Western European or Russian ones: not
    wrong, but on a tie the common reading wins."""
    odd = total = rarer = 0.0
    cyr_letters = cyr_common = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        total += 1
        if len(word) == 1 and not word.isalpha():
            if word not in _PUNCT:
                odd += 1
            continue
        latin = cyr = accented = rare = 0
        for c in word:
            if c in _CYRILLIC:
                cyr += 1
                cyr_letters += 1
                cyr_common += c in _RUSSIAN_COMMON
            elif c in _CYRILLIC_OTHER:
                cyr += 1
                rare += 1
            elif c.isascii():
                latin += 1
            elif c in _WESTERN:
                latin += 1
                accented += 1
            elif c in _CENTRAL:
                latin += 1
                accented += 1
                rare += 1
            else:
                rare += 3
        if (latin and cyr) or rare >= 3 or _case_odd(word):
            odd += 1
        elif latin and len(word) >= 3 and accented * 2 > len(word):
            odd += 1
        elif rare:
            rarer += 1
    if cyr_letters >= 20 and cyr_common < 0.5 * cyr_letters:
        return 1.0, 0.0  # Cyrillic letters, but not in the proportions of a Cyrillic language
    return (odd / total, rarer / total) if total else (0.0, 0.0)


def _case_odd(word: str) -> bool:
    """A capital after a small letter (сНЧАЫ, dŸ); all-capital and CamelCase-free words pass."""
    seen_lower = False
    for c in word:
        if c.islower():
            seen_lower = True
        elif c.isupper() and seen_lower:
            return True
    return False


def decode_html(data: bytes, name: str = "input") -> tuple[str, str]:
    """A saved page: valid UTF-8 whatever the page declares (pages are often saved as
    UTF-8 under an old declaration), then the declared charset if the text reads well in
    it, then as any other text."""
    if _bom(data) is None:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        declared = _declared_charset(data)
        if declared and not declared.replace("-", "").replace("_", "").startswith(("utf", "ucs")):
            try:
                text = data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text is not None and not _controls(text) and odd_share(text) <= MAX_ODD_SHARE:
                return text, declared
    return decode(data, name)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
                           re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares, from its first few kilobytes (as browsers do)."""
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii").lower() if match else None
