"""Text in, facts out: pure functions over one press release (no Qt, no database, no I/O
beyond the one-time gazetteer load)."""

from __future__ import annotations

import re

from app.extract.context import Context
from app.extract.gazetteer import Gazetteers, default_gazetteers
from app.extract.header import read_header
from app.extract.model import Extraction
from app.extract.notes import add_warnings
from app.extract.text import split_sentences


def extract(text: str, path: str | None = None, gaz: Gazetteers | None = None, *,
            meta: dict | None = None, date: str | None = None) -> Extraction:
    """The facts of one release. `meta`: what the reader found outside the text (a saved
    page's metadata: "date", "time", "title", "outlet"; a dataset's "date"). `date`: the
    publication date a person gave (YYYY-MM-DD); it overrides whatever the text says."""
    from app.extract import culture, entities, events, people, quantities

    doc, body = read_header(text, path)
    _apply_meta(doc, meta or {})
    if date:
        doc.date, doc.date_origin = date, "user"
    ctx = Context(
        text=text,
        doc=doc,
        sentences=split_sentences(text),
        gaz=gaz or default_gazetteers(),
        body_start=body,
    )
    _canonical_place(ctx)
    if not doc.outlet:
        from app.extract.header import find_outlet

        doc.outlet = find_outlet(text, doc.title_span, [
            (r.get("marker", ""), r.get("outlet", "")) for r in ctx.gaz.rows("outlets")])
    ctx.places = entities.find_places(ctx)
    ctx.organizations = entities.find_organizations(ctx)
    ctx.people = people.find_people(ctx)
    result = Extraction(
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
    add_warnings(result, body)
    return result


def _canonical_place(ctx: Context) -> None:
    """The dateline city as the gazetteer names it ("NUR-SULTAN" -> Astana)."""
    if not ctx.doc.place:
        return
    from app.extract.lexicon import lexicon

    try:
        lex = lexicon(ctx.gaz)
        p = lex.place(ctx.doc.place) or lex.place(ctx.doc.place.split(",")[0].strip())
    except Exception:  # noqa: BLE001 - a missing gazetteer keeps the name as written
        p = None
    if p is not None and p.kind in ("city", "venue"):
        ctx.doc.place = p.name  # "NUR-SULTAN" -> Astana; "Novo-Ogaryovo, Moscow Region" -> Novo-Ogaryovo


def _apply_meta(doc, meta: dict) -> None:
    """A saved page's own metadata outranks what its visible text is guessed to say: the
    page states its publication date; the text's date line is found by pattern."""
    from app.extract.header import parse_date_text

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


__all__ = ["extract", "Extraction"]
