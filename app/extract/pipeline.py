"""The extraction pipeline: the document's header, its sentences, then each stage in turn
(places, organisations, people, events, figures, culture), each reading what the earlier ones
found through the shared Context."""

from __future__ import annotations

from collections.abc import Callable

from .context import Context
from .document.notes import add_warnings
from .document.read import document_header
from .document.text import split_sentences
from .gazetteer import Gazetteers, default_gazetteers
from .model import Extraction


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
    # The stages load on the first extraction (~125 ms): reading a header, or the store's
    # keys, need not pay for them.
    from .culture import culture
    from .events import events
    from .figures import quantities
    from .names import entities, people

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    gaz = gaz or default_gazetteers()
    doc, body = document_header(text, path, meta, date, gaz)
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
