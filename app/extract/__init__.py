"""Text in, facts out: pure functions over one press release (no Qt, no database, no I/O
beyond the one-time gazetteer load)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.gazetteer import Gazetteers, default_gazetteers
from app.extract.model import DocumentInfo, Extraction
from app.extract.text import body_start, read_header, split_sentences


def extract(text: str, path: str | None = None, gaz: Gazetteers | None = None, *,
            meta: dict | None = None, date: str | None = None) -> Extraction:
    """The facts of one release. `meta`: what the reader found outside the text (a saved
    page's metadata: "date", "time", "title", "outlet"; a dataset's "date"). `date`: the
    publication date a person gave (YYYY-MM-DD); it overrides whatever the text says."""
    from app.extract import culture, entities, events, people, quantities

    doc = read_document(text, path, meta=meta, date=date)
    ctx = Context(
        text=text,
        doc=doc,
        sentences=split_sentences(text),
        gaz=gaz or default_gazetteers(),
        body_start=body_start(text),
    )
    ctx.places = entities.find_places(ctx)
    ctx.organizations = entities.find_organizations(ctx)
    ctx.people = people.find_people(ctx)
    return Extraction(
        text=text,
        document=ctx.doc,
        sentences=ctx.sentences,
        people=ctx.people,
        organizations=ctx.organizations,
        places=ctx.places,
        events=events.find_events(ctx),
        quantities=quantities.find_quantities(ctx),
        culture=culture.find_culture(ctx),
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


__all__ = ["extract", "read_document", "Extraction"]
