"""The words of a search, Qt- and SQL-free: the hit record, text SQLite can bind, which query
words are prefixes, case and accent folding, marking matched words and cutting an excerpt
around them, and a hit's one line for the GUI and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class SearchHit:
    """One result. `label` is what the hit is called (a sentence's own words for a sentence,
    an excerpt around the match for a long summary), `snippet` the words around a match
    elsewhere in it ("" when the label holds the matches: nothing is shown twice); both are
    plain text, their matched words given as [start, end) offsets in `label_marks` and
    `snippet_marks`, for the GUI to set in bold and the CLI to mark as a terminal allows."""
    type: str
    fact_id: int
    table: str | None
    label: str
    snippet: str
    document_id: int | None
    start: int | None
    end: int | None
    rank: float
    what: str = ""                   # what it is in words: person, meeting (talks), figure ...
    date: str | None = None          # its date, period or date range; a sentence's release's
    source: str | None = None        # a sentence's release title
    label_marks: list = field(default_factory=list)
    snippet_marks: list = field(default_factory=list)


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value):
    """Text SQLite can bind: a lone surrogate (e.g. from a command-line argument that was not
    valid UTF-8) becomes U+FFFD instead of raising UnicodeEncodeError."""
    if isinstance(value, str) and _SURROGATES.search(value):
        return _SURROGATES.sub("\ufffd", value)
    return value


SHORT = 3  # a word this short is whole-word only, and not ranked on, unless typed last


def _prefix(token: str, last: bool) -> bool:
    # A short word inside a query ("of", "the", "EU") is a word, not the start of one:
    # as a prefix it would expand to a large part of the vocabulary (of* is offer, office,
    # official...), each with a list of rows to merge. The last word is still being typed;
    # a one-letter prefix would be everything.
    return len(token) > 1 if last else len(token) > SHORT


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """keys.fold, memoised: results repeat the same words (names, places) again and again."""
    from .keys import fold as _fold

    return _fold(text)


def _fold_text(text: str) -> str:
    from .keys import fold as _fold

    return _fold(text)


def excerpt(text: str, tokens: list[str], whole: set[str] = frozenset(),
            words: int = 24) -> tuple[str, list[list[int]]]:
    """(text, marks): `text` with its white space folded, cut to `words` words around the
    first match (… where cut), and the [start, end) of each matched word in it."""
    text = " ".join((text or "").split())
    marks = mark_words(text, tokens, whole)
    spans = list(_TOKEN.finditer(text))
    if len(spans) <= words:
        return text, marks
    first = next((i for i, m in enumerate(spans) if marks and m.start() == marks[0][0]), 0)
    lo = max(0, first - words // 3)
    hi = min(len(spans), lo + words)
    lo = max(0, hi - words)
    start, end = spans[lo].start(), spans[hi - 1].end()
    head = "…" if lo > 0 else ""
    cut = head + text[start:end] + ("…" if hi < len(spans) else "")
    shift = len(head) - start
    return cut, [[x + shift, y + shift] for x, y in marks if x >= start and y <= end]


def render_marked(text: str, marks, on: str, off: str, escape=lambda t: t) -> str:
    """`text` with each marked span between `on` and `off`, the rest passed through `escape`
    (html.escape for the GUI; bold ANSI codes or nothing for a terminal)."""
    out, pos = [], 0
    for a, b in sorted(marks or ()):
        if a < pos:
            continue
        out += [escape(text[pos:a]), on, escape(text[a:b]), off]
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


_WHAT = {"person": "person", "event": "meeting", "figure": "figure", "culture": "culture",
         "place": "place", "organization": "organisation", "document": "release",
         "sentence": "sentence"}
# Per search type: what else says what the hit is (a meeting's kind...), its dates, and the
# columns that may say why it matched, each shown beside the label only when it holds a
# matched word the label does not ("always" columns are shown anyway: a figure's label is
# its number, the measure says what it is; a person's post).

def _date_range(first, last) -> str | None:
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last or None


def mark_words(text: str, tokens: list[str], whole: set[str] = frozenset()) -> list[list[int]]:
    """[start, end) of the words of `text` a query's tokens match as FTS5 does: a word that
    begins with a token (the same word for a token matched whole), case and accents folded."""
    last = len(tokens) - 1
    terms = [(fold(t), _prefix(t, i == last) and t not in whole) for i, t in enumerate(tokens)]
    out = []
    if not text or not any(t in _fold_text(text) for t, _p in terms):
        return out   # most columns beside a label hold no query word: one test, not a word loop
    for m in _TOKEN.finditer(text):
        word = fold(m.group(0))
        if any(word.startswith(t) if prefix else word == t for t, prefix in terms):
            out.append([m.start(), m.end()])
    return out


def hit_parts(hit: SearchHit) -> dict:
    """The pieces of a hit's one line, shared by the GUI and the CLI: what it is, its label
    (matched words marked), its date, the words around a match elsewhere, and for a
    sentence the release it is in."""
    return {"what": hit.what or _WHAT.get(hit.type, hit.type), "label": hit.label,
            "label_marks": hit.label_marks, "date": hit.date, "snippet": hit.snippet,
            "snippet_marks": hit.snippet_marks, "source": hit.source}


def hit_line(hit: SearchHit, on: str = "", off: str = "") -> str:
    """One plain line for a terminal: matched words between `on` and `off` (ANSI bold on a
    terminal; nothing when the output is a file or a pipe)."""
    p = hit_parts(hit)
    line = f"{p['what']:<24} {render_marked(p['label'], p['label_marks'], on, off)}"
    if p["date"]:
        line += f"  {p['date']}"
    if p["snippet"]:
        line += f"  · {render_marked(p['snippet'], p['snippet_marks'], on, off)}"
    if p["source"]:
        line += f"  (in: {p['source']})"
    return line
