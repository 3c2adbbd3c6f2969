"""Text in, facts out: pure functions over one press release (no Qt, no database, no I/O
beyond the one-time gazetteer load)."""

from __future__ import annotations

from collections.abc import Callable

from app.extract.context import Context
from app.extract.gazetteer import Gazetteers, default_gazetteers
from app.extract.model import DocumentInfo, Extraction
from app.extract.text import body_start, read_header, split_sentences


class Cancelled(Exception):
    """The caller's cancel callable said stop (between stages or sentences)."""


class _Checked(list):
    """The sentence list, asking `cancel` every few sentences while a stage walks it: a long
    release can then be stopped inside one stage, not only between documents."""

    def __init__(self, items, cancel):
        super().__init__(items)
        self.cancel = cancel

    def __iter__(self):
        for i, item in enumerate(list.__iter__(self)):
            if not i & 31 and self.cancel():
                raise Cancelled()
            yield item


def extract(text: str, path: str | None = None, gaz: Gazetteers | None = None, *,
            meta: dict | None = None, date: str | None = None,
            cancel: Callable[[], bool] | None = None) -> Extraction:
    """The facts of one release. `meta`: what the reader found outside the text (a saved
    page's metadata: "date", "time", "title", "outlet"; a dataset's "date"). `date`: the
    publication date a person gave (YYYY-MM-DD); it overrides whatever the text says.
    `cancel`: asked between stages and sentences; when it returns True, Cancelled is
    raised (nothing is returned half-made)."""
    from app.extract import culture, entities, events, people, quantities

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    doc = read_document(text, path, meta=meta, date=date)
    sentences = split_sentences(text)
    ctx = Context(
        text=text,
        doc=doc,
        sentences=_Checked(sentences, cancel) if cancel is not None else sentences,
        gaz=gaz or default_gazetteers(),
        body_start=body_start(text),
    )
    check()
    ctx.places = entities.find_places(ctx)
    check()
    ctx.organizations = entities.find_organizations(ctx)
    check()
    ctx.people = people.find_people(ctx)
    check()
    found_events = events.find_events(ctx)
    check()
    found_quantities = quantities.find_quantities(ctx)
    check()
    found_culture = culture.find_culture(ctx)
    return Extraction(
        text=text,
        document=ctx.doc,
        sentences=sentences,
        people=ctx.people,
        organizations=ctx.organizations,
        places=ctx.places,
        events=found_events,
        quantities=found_quantities,
        culture=found_culture,
    )


def read_document(text: str, path: str | None = None, *, meta: dict | None = None,
                  date: str | None = None) -> DocumentInfo:
    """What `extract` knows of the document before reading its facts (title, publication
    date and where it came from, time, dateline place, outlet), at a fraction of its cost:
    what an import shows before it starts. Same arguments as `extract`."""
    doc = read_header(text, path)
    if date:
        doc.date, doc.date_origin = date, "user"
    elif doc.date:
        doc.date_origin = "header"
    return doc


__all__ = ["extract", "read_document", "Cancelled", "Extraction"]
