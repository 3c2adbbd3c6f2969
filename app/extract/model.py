"""The facts one document yields. Plain dataclasses: the contract between extractor, store and CLI.

Every fact carries character spans into the document text, so a value shown anywhere
can be traced back to the words it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

Span = tuple[int, int]


# Where a document's publication date came from (DocumentInfo.date_origin).
DATE_ORIGINS = ("header", "dateline", "page metadata", "file name", "user", "dataset", "none")


@dataclass
class DocumentInfo:
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD: the publication date
    ref: str | None = None
    path: str | None = None
    title_span: Span | None = None
    time: str | None = None  # HH:MM of publication, when the release shows it
    place: str | None = None  # the dateline's city ("MOSCOW, March 3. /TASS/." -> Moscow)
    outlet: str | None = None  # who published it (TASS, BelTA, the Kremlin, an embassy, ...)
    date_origin: str = "none"  # one of DATE_ORIGINS
    # What the reader should know about this document's extraction ("no publication date
    # found; 3 dates left undated (give one with --date)", "mostly Russian text: ...").
    warnings: list[str] = field(default_factory=list)


@dataclass
class Person:
    name: str  # canonical full name as first written in the document
    title: str | None = None  # post, e.g. "Foreign Minister"
    country: str | None = None  # country the post belongs to, e.g. "Russia"
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other surface forms seen


@dataclass
class Entity:
    """An organisation or a place."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    kind: str | None = None  # place: city/country/region/venue; org: body/company/...
    country: str | None = None


@dataclass
class Event:
    kind: str  # visit, talks, meeting, telephone conversation, session, forum,
    # anniversary, signing, cultural, other
    category: str  # meeting, union, trade, regions, culture, other
    date_start: str | None
    date_end: str | None
    place: str | None
    participants: list[str]
    status: str  # held, planned, recurring
    summary: str
    span: Span
    precision: str | None = None  # day, month, quarter, year, season
    # "stated": the text gives the date; "publication": the release states none for the
    # event it reports, so it is dated by its publication date.
    date_basis: str | None = None


@dataclass
class Quantity:
    value: float
    unit: str  # USD, EUR, RUB, CNY, percent, count, times, tonnes, ...
    measure: str | None
    period: str | None  # "2023", "2024-Q1", "2024-2026", "2024-01/2024-04"
    category: str  # meeting, union, trade, regions, culture, other
    qualifier: str | None  # about, over, more than, almost, some, ...
    text: str  # the surface words of the figure
    span: Span
    # The two partners (sorted: two countries, or a country and a bloc such as ASEAN), or
    # empty when the figure is not bilateral.
    partners: list[str] = field(default_factory=list)
    # What is measured, from a small vocabulary: trade turnover, exports, imports, investment,
    # currency share, partner share, growth, count, other. `measure` is the noun phrase shown.
    measure_kind: str | None = None
    direction: str | None = None  # exports/imports: "Russia→China" (exporter→importer)
    status: str = "actual"  # actual, target, forecast


@dataclass
class CultureItem:
    summary: str
    date_start: str | None
    place: str | None
    span: Span
    kind: str | None = None  # festival, commemoration, memorial, day, prize, project, ...


@dataclass
class Extraction:
    text: str
    document: DocumentInfo
    sentences: list[Span] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    culture: list[CultureItem] = field(default_factory=list)

    def sentence_index(self, span: Span) -> int | None:
        """Index of the sentence holding the start of span."""
        start = span[0]
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if start < s:
                hi = mid - 1
            elif start >= e:
                lo = mid + 1
            else:
                return mid
        return None

    def to_json(self) -> dict:
        """The documented extraction contract (see README, 'Extraction contract')."""
        doc = asdict(self.document)
        doc.pop("title_span", None)
        return {
            "document": doc,
            "people": [
                {"name": p.name, "title": p.title, "country": p.country,
                 "mentions": [list(m) for m in p.mentions]}
                for p in self.people
            ],
            "organizations": [{"name": o.name, "mentions": [list(m) for m in o.mentions]}
                              for o in self.organizations],
            "places": [{"name": p.name, "mentions": [list(m) for m in p.mentions]}
                       for p in self.places],
            "events": [
                {"kind": e.kind, "category": e.category, "date_start": e.date_start,
                 "date_end": e.date_end, "place": e.place, "participants": list(e.participants),
                 "status": e.status, "summary": e.summary, "span": list(e.span),
                 "date_basis": e.date_basis}
                for e in self.events
            ],
            "quantities": [
                {"value": q.value, "unit": q.unit, "measure": q.measure, "period": q.period,
                 "category": q.category, "qualifier": q.qualifier, "text": q.text,
                 "span": list(q.span), "partners": list(q.partners),
                 "measure_kind": q.measure_kind, "direction": q.direction, "status": q.status}
                for q in self.quantities
            ],
            "culture": [
                {"summary": c.summary, "date_start": c.date_start, "place": c.place,
                 "span": list(c.span)}
                for c in self.culture
            ],
        }
