"""The tense around a date: the word that governs it (a future "will", "scheduled"; a past
"met", "was held") and whether anything nearby speaks of the future. The year of a date that
does not write one follows from it (resolve.guess_year)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Span

FUTURE = re.compile(  # (the lookahead, every word's first letter, only speeds the scan up)
    r"(?=[wsp'ufietncdga])\b(?:will|would|shall|'ll|scheduled|planned|plans?|planning|upcoming|forthcoming|"
    r"intends?|intention|expected|to\s+be\s+(?:held|hosted|convened|organi[sz]ed|opened|signed|launched)|is\s+to|are\s+to|next|tomorrow|coming|"
    r"due\s+to|set\s+to|going\s+to|agreed\s+to|decided\s+to|"
    r"to\s+(?:meet|hold|visit|attend|take\s+part|participate))\b", re.I)
# ... and the verbs that report a past event as such.
PAST_EVENT = re.compile(  # "will be held" is no past: no "be" before the participle
    r"(?=[wtmvhsgrapco])(?<!\bbe\s)(?<!\bbeen\s)\b(?:was\s+held|were\s+held|took\s+place|met|visited|held\s+talks|had\s+talks|"
    r"talked|spoke|hosted|was\s+signed|were\s+signed|gathered|had\s+(?:a\s+)?meetings?|"
    r"received|was\s+received|attended|took\s+part|participated|chaired|"
    r"had\s+taken\s+place|was\s+launched|opened|held|had|"
    r"(?:was|were)\s+(?:extended|agreed|adopted|established|approved|reached|concluded))\b", re.I)


@dataclass
class Tense:
    """The tense around one date: that of the governing word, and whether any word nearby
    speaks of the future (a year back is claimed only when none does)."""

    future: bool = False
    past: bool = False
    any_future: bool = False


_PLACE_TAIL = re.compile(r"(?:\s*,?\s*[A-Z][\w'’-]*)*\s*,?\s*(?:on|in|at|from)?\s*")
_ASIDE = re.compile(r",\s*(?:which|who|whose|whom|where)\b[^,;()]*|\([^()]*\)")


def tense_window(text: str, c0: int, c1: int, span: Span) -> str:
    """The words around a date that set its tense, without asides that do not hold it
    ("..., which will coordinate ...", a bracket)."""
    parts, pos = [], c0
    for m in _ASIDE.finditer(text, c0, c1):
        if m.start() <= span[0] < m.end():
            continue
        if m.end() <= span[0] and _PLACE_TAIL.fullmatch(text, m.end(), span[0]):
            continue  # ", which X will convene in Montreux, Switzerland, on 22 January": its own
        parts.append(text[pos:m.start()])
        pos = m.end()
    parts.append(text[pos:c1])
    return " ".join(parts)


def _markers(s: str) -> list[tuple[int, int, bool, str]]:
    """(start, end, is_future, word) of every tense marker in s."""
    out = [(m.start(), m.end(), True, m.group(0)) for m in FUTURE.finditer(s)]
    out += [(m.start(), m.end(), False, m.group(0)) for m in PAST_EVENT.finditer(s)]
    return out


def tense_marker(text: str, start: int, c0: int, c1: int, span: Span) -> Tense:
    """The tense word that governs a date: the nearest one before it in its clause ("talks
    held on May 3 will ..." is past), else the first after it ("On July 3, X will ..."), else
    the last one earlier in the sentence ("They noted the summit held in Moscow on July 8-9,
    2024, and the BRICS summit in Kazan on October 22-24")."""
    before = _markers(tense_window(text, c0, span[0], span))
    after = _markers(tense_window(text, span[1], c1, span))
    any_future = any(m[2] for m in before + after)
    if before:
        word = max(before, key=lambda m: (m[1], m[2]))
    elif after:
        word = min(after, key=lambda m: (m[0], not m[2]))
    else:
        earlier = _markers(tense_window(text, start, c0, span))
        if not earlier:
            return Tense(any_future=any_future)
        word = max(earlier, key=lambda m: (m[1], m[2]))
    return Tense(future=word[2], past=not word[2], any_future=any_future or word[2])
