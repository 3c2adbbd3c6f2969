"""Sentences and the release header (time, title, reference), found in the text itself."""

from __future__ import annotations

import re

from ..model import DocumentInfo, Span

# Words after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "lt", "prof", "vs", "etc",
    "inc", "ltd", "co", "corp", "approx", "art", "para", "vol", "pp", "e.g", "i.e", "u.s",
}

_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+)")


_WORD_BEFORE_STOP = re.compile(r"([A-Za-z][A-Za-z.]*)\.+$")
_LINE = re.compile(r"[^\n]+")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding white space. Paragraph breaks always split."""
    spans: list[Span] = []
    for para in _LINE.finditer(text):
        _split_paragraph(text, para.start(), para.end(), spans)
    return spans


def _split_paragraph(text: str, start: int, end: int, out: list[Span]) -> None:
    seg_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        nxt = _next_non_space(text, stop, end)
        if nxt is None:
            break
        ch = text[nxt]
        # A new sentence starts with a capital, a quote or a bracket; digits and lower case
        # continue the sentence ("In 2023. 91 delegations", "approx. five").
        if not (ch.isupper() or ch in "\"“‘'(["):
            continue
        word = _WORD_BEFORE_STOP.search(text[max(seg_start, m.start() - 12):m.start() + 1])
        if word and text[m.start()] == "." and word.group(1).lower().rstrip(".") in _ABBREV:
            continue
        if word and len(word.group(1)) == 1 and word.group(1).isupper():
            continue  # an initial: "A. Lukashenko"
        _push(text, seg_start, stop, out)
        seg_start = nxt
    _push(text, seg_start, end, out)


def _next_non_space(text: str, pos: int, end: int) -> int | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos if pos < end else None


# A run-on "sentence" (a list without full stops, a page of text without any) is cut into
# pieces of at most this many characters, at a space where there is one: the longest real
# sentence in the test releases has ~550, and per-sentence work must stay bounded.
MAX_SENTENCE = 4000


def _push(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        cut = cut if cut > s else s + MAX_SENTENCE
        _push(text, s, cut, out)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))


def read_header(text: str, path: str | None = None) -> DocumentInfo:
    """The release's metadata (see app.extract.document.header)."""
    from .header import read_header as _read

    return _read(text, path)[0]


def body_start(text: str) -> int:
    """Offset where the body starts: after the header lines (reference, date line, headline)."""
    from .header import read_header as _read

    return _read(text)[1]
