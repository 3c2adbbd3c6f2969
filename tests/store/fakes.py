"""Extractions built by hand, so the store's merging is tested independently of the extractor."""

from __future__ import annotations

from app.extract.document.text import split_sentences
from app.extract.model import (
    CultureItem,
    DocumentInfo,
    Entity,
    Event,
    Extraction,
    Person,
    Quantity,
)


def span_of(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words))


def release(title: str, date: str, body: str) -> str:
    d, m, y = date[8:10], date[5:7], date[0:4]
    return f"10:00\n\n{title}\n\n1000-{d}-{m}-{y}\n\n{body}\n"


def make(text: str, date: str, people=(), places=(), events=(), quantities=(), culture=()):
    """people: (name, title, country, [surface forms]); events: dicts with Event fields and
    'anchor' (words in text); quantities: (value, unit, measure, period, surface words[, {other fields}])."""
    ex = Extraction(text=text, document=DocumentInfo(title=text.split("\n")[2], date=date,
                                                     ref=None),
                    sentences=split_sentences(text))
    for name, title, country, forms in people:
        spans = [span_of(text, f) for f in forms if f in text]
        ex.people.append(Person(name, title, country, spans,
                                aliases=[f for f in forms if f != name]))
    for name in places:
        ex.places.append(Entity(name, [span_of(text, name)]))
    for ev in events:
        fields = dict(ev)
        anchor = fields.pop("anchor")
        fields.setdefault("category", "meeting")
        fields.setdefault("date_end", None)
        fields.setdefault("summary", anchor)
        ex.events.append(Event(span=span_of(text, anchor), **fields))
    for value, unit, measure, period, words, *more in quantities:
        # a sixth item: the figure's other fields (partners, status, measure_kind, ...)
        extra = dict(more[0]) if more else {}
        category = extra.pop("category", "trade")
        ex.quantities.append(Quantity(value, unit, measure, period, category, None, words,
                                      span_of(text, words), **extra))
    for summary, when, words in culture:
        ex.culture.append(CultureItem(summary, when, None, span_of(text, words)))
    return ex


class FakeExtractor:
    """Replaces app.store.extraction.extract_release: text -> the Extraction registered for it."""

    def __init__(self):
        self.by_text: dict[str, Extraction] = {}

    def add(self, ex: Extraction) -> str:
        self.by_text[ex.text] = ex
        return ex.text

    def __call__(self, text, path=None, meta=None, date=None, cancel=None):
        ex = self.by_text[text]
        ex.document.path = path
        return ex
