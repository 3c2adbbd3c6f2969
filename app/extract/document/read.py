"""What is known of a document before its facts are read: its header (title, publication
date and where it came from, time, dateline place, outlet) and where its body starts, from its
text, what the reader found outside the text, and a date a person gave."""

from __future__ import annotations

import re

from ..gazetteer import Gazetteers, default_gazetteers
from ..lexicon import lexicon
from ..model import DocumentInfo
from .header import find_outlet, parse_date_text, read_header


def read_document(text: str, path: str | None = None, *, meta: dict | None = None,
                  date: str | None = None, gaz: Gazetteers | None = None) -> DocumentInfo:
    """What `extract` knows of the document before reading its facts (title, publication
    date and where it came from, time, dateline place, outlet), at a fraction of its cost:
    what an import shows before it starts. Same arguments as `extract`."""
    return document_header(text, path, meta, date, gaz or default_gazetteers())[0]


def document_header(text: str, path: str | None, meta: dict | None, date: str | None,
                    gaz: Gazetteers) -> tuple[DocumentInfo, int]:
    """The document's header facts and where its body starts."""
    doc, body = read_header(text, path)
    _apply_meta(doc, meta or {})
    if date:
        doc.date, doc.date_origin = date, "user"
    _canonical_place(doc, gaz)
    if not doc.outlet:
        doc.outlet = find_outlet(text, doc.title_span, [
            (r.get("marker", ""), r.get("outlet", "")) for r in gaz.rows("outlets")])
    return doc, body


def _canonical_place(doc: DocumentInfo, gaz: Gazetteers) -> None:
    """The dateline city as the gazetteer names it ("NUR-SULTAN" -> Astana)."""
    if not doc.place:
        return
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
