"""What the reader should know about a document's extraction: no publication date, a
language the extractor does not read, no facts at all (DocumentInfo.warnings)."""

from __future__ import annotations

import re
import unicodedata

from ..gates import first_char_gate
from ..model import Extraction

# Words so frequent in English prose that a text written in English holds many of them.
_ENGLISH = frozenset("the of and to in a on with for was is that by at as were has have "
                     "from be are it its which an this will".split())
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_WORD = first_char_gate(
    re.compile(r"\b(?:" + "|".join(sorted(_ENGLISH)) + r")\b", re.I))
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_SCRIPT_LANG = {"CYRILLIC": "Russian", "CJK": "Chinese", "ARABIC": "Arabic", "HANGUL": "Korean",
                "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "GREEK": "Greek",
                "HEBREW": "Hebrew", "THAI": "Thai", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian",
                "DEVANAGARI": "Hindi"}


def language_note(text: str) -> str | None:
    """"mostly Russian text: ..." when most letters are of another script, "mostly
    non-English text: ..." when Latin-script words are seldom English ones."""
    sample = text[:20000]
    # Counted in C over bytes (a regex findall built a list of every letter): the ASCII
    # letters, and the characters outside ASCII.
    ascii_part = sample.encode("ascii", "ignore")
    latin = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    if len(sample) - len(ascii_part) < latin:
        return _english_note(sample)  # (most releases: no letter-by-letter look needed)
    scripts: dict[str, int] = {}
    latin = 0
    for ch in sample:
        if not ch.isalpha():
            continue
        if ch.isascii():
            latin += 1
            continue
        name = unicodedata.name(ch, "")
        script = name.split(" ")[0]
        if script == "LATIN":
            latin += 1
        else:
            scripts[script] = scripts.get(script, 0) + 1
    other = max(scripts.items(), key=lambda kv: kv[1], default=(None, 0))
    if other[0] and other[1] > latin:
        lang = _SCRIPT_LANG.get(other[0], other[0].title())
        return f"mostly {lang} text: facts are read from English only"
    return _english_note(sample)


def _english_note(sample: str) -> str | None:
    sample = sample[:3000]
    words = len(_WORD.findall(sample))
    if words >= 40 and len(_ENGLISH_WORD.findall(sample)) < 0.08 * words:
        return "mostly non-English text: facts are read from English only"
    return None


def add_warnings(ex: Extraction, body: int) -> None:
    from ..time.dates import count_undated

    doc = ex.document
    lang = language_note(ex.text)
    if lang:
        doc.warnings.append(lang)
    if not doc.date:
        n = count_undated(ex.text, ex.sentences, body)
        what = f"{n} date{'s' if n != 1 else ''} left undated" if n else "no dates to place"
        doc.warnings.append(f"no publication date found; {what} (give one with --date)")
    if not (ex.people or ex.events or ex.quantities or ex.culture):
        if lang:
            why = "the text is not in English"
        elif not ex.sentences or len(_WORD.findall(ex.text)) < 20:
            why = "no sentences to read"
        else:
            why = "no names, meetings or figures recognised"
        doc.warnings.append(f"no facts found: {why}")
