"""What the Store's aggregate reads return: small frozen records with named fields, so a
caller (the plots, the details, a headless script) reads `bucket.count`, not `row[3]`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class YearCount:
    year: str                  # "2011"
    count: int
    first_id: int              # the smallest row id of that year (a plot selects it on click)


@dataclass(frozen=True)
class MonthBucket:
    month: str                 # "2011-03", or "2011" for rows dated to the year only
    lane: str | int | None     # a kind, or a person id (-1: someone else, None: nobody named)
    status: str | None
    count: int
    first_id: int


@dataclass(frozen=True)
class KindCount:
    kind: str | None
    count: int
    first_id: int


@dataclass(frozen=True)
class PersonCount:
    person_id: int
    meetings: int


@dataclass(frozen=True)
class ContactCount:
    a: int                     # person ids, a < b
    b: int
    meetings: int              # meetings together


@dataclass(frozen=True)
class BusiestPeople:
    people: list[PersonCount]          # busiest first
    contacts: list[ContactCount]       # among the busiest few, most meetings first


@dataclass(frozen=True)
class PlotColumns:
    names: list[str]
    rows: list[tuple]                  # oldest first
    total: int                         # rows the filters match (may exceed len(rows))


@dataclass(frozen=True)
class PlotRows:
    rows: list[dict]
    total: int


@dataclass(frozen=True)
class MeetingMark:
    id: int
    date_start: str | None
    kind: str | None
    status: str | None
    participants: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingTip:
    date_start: str | None
    date_end: str | None
    kind: str | None
    place: str | None
    status: str | None
    participants: str | None
    summary: str | None


@dataclass(frozen=True)
class CultureMark:
    date_start: str | None
    kind: str | None


@dataclass(frozen=True)
class CultureTip:
    date_start: str | None
    summary: str | None
    place: str | None
