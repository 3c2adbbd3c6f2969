"""Text in, facts out: pure functions over one press release (no Qt, no database, no I/O
beyond the one-time gazetteer load).

This is the extractor's public face: the store, the GUI and the CLI import from here, never
from a submodule. The pipeline is in `pipeline.py`; the stages live in sub-packages by concern
(document, names, time, figures, events, culture) over the shared pieces at this level
(model, context, gazetteer, lexicon, tokens, fold, gates)."""

from __future__ import annotations

from .document.header import parse_date_text
from .document.read import read_document
from .fold import fold
from .gazetteer import Gazetteers, default_gazetteers
from .model import DocumentInfo, Extraction
from .names.names import name_key, surname
from .pipeline import Cancelled, extract

__all__ = [
    "Cancelled", "DocumentInfo", "Extraction", "Gazetteers", "default_gazetteers", "extract",
    "fold", "name_key", "parse_date_text", "read_document", "surname",
]
