"""Text in, facts out: pure functions over one press release (no Qt, no database, no I/O
beyond the one-time gazetteer load)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extract.context import Context
from app.extract.document.header import read_header
from app.extract.document.notes import add_warnings
from app.extract.document.text import split_sentences
from app.extract.gazetteer import Gazetteers, default_gazetteers
from app.extract.model import DocumentInfo, Extraction


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
    from app.extract.culture import culture
    from app.extract.events import events
    from app.extract.figures import quantities
    from app.extract.names import entities, people

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    gaz = gaz or default_gazetteers()
    doc, body = _document(text, path, meta, date, gaz)
    sentences = split_sentences(text)
    ctx = Context(
        text=text,
        doc=doc,
        sentences=_Checked(sentences, cancel) if cancel is not None else sentences,
        gaz=gaz,
        body_start=body,
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
    result = Extraction(
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
    add_warnings(result, body)
    return result


def read_document(text: str, path: str | None = None, *, meta: dict | None = None,
                  date: str | None = None, gaz: Gazetteers | None = None) -> DocumentInfo:
    """What `extract` knows of the document before reading its facts (title, publication
    date and where it came from, time, dateline place, outlet), at a fraction of its cost:
    what an import shows before it starts. Same arguments as `extract`."""
    return _document(text, path, meta, date, gaz or default_gazetteers())[0]


def _document(text: str, path: str | None, meta: dict | None, date: str | None,
              gaz: Gazetteers) -> tuple[DocumentInfo, int]:
    """The document's header facts and where its body starts."""
    doc, body = read_header(text, path)
    _apply_meta(doc, meta or {})
    if date:
        doc.date, doc.date_origin = date, "user"
    _canonical_place(doc, gaz)
    if not doc.outlet:
        from app.extract.document.header import find_outlet

        doc.outlet = find_outlet(text, doc.title_span, [
            (r.get("marker", ""), r.get("outlet", "")) for r in gaz.rows("outlets")])
    return doc, body


def _canonical_place(doc: DocumentInfo, gaz: Gazetteers) -> None:
    """The dateline city as the gazetteer names it ("NUR-SULTAN" -> Astana)."""
    if not doc.place:
        return
    from app.extract.lexicon import lexicon

    try:
        lex = lexicon(gaz)
        p = lex.place(doc.place) or lex.place(doc.place.split(",")[0].strip())
    except Exception:  # noqa: BLE001 - a missing gazetteer keeps the name as written
        p = None
    if p is not None and p.kind in ("city", "venue"):
        doc.place = p.name  # "NUR-SULTAN" -> Astana; "Novo-Ogaryovo, Moscow Region" -> Novo-Ogaryovo


def _apply_meta(doc: DocumentInfo, meta: dict) -> None:
    """A saved page's own metadata outranks what its visible text is guessed to say: the
    page states its publication date; the text's date line is found by pattern."""
    from app.extract.document.header import parse_date_text

    if meta.get("date"):
        raw = str(meta["date"])
        iso = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[T ]([0-2]\d:[0-5]\d))?", raw)
        got = (int(iso[1]), int(iso[2]), int(iso[3]), iso[4]) if iso else parse_date_text(raw)
        if got and got[0]:
            doc.date = f"{got[0]:04d}-{got[1]:02d}-{got[2]:02d}"
            doc.date_origin = "page metadata"
            doc.time = meta.get("time") or (got[3] if got[3] else doc.time)
    if meta.get("title") and not doc.title:
        doc.title = meta["title"]
    if meta.get("outlet"):
        doc.outlet = meta["outlet"]


__all__ = ["extract", "read_document", "Cancelled", "Extraction"]
