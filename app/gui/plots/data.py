"""What the plots draw, as plain data: the tabs build these (often off the UI thread) from
the store's aggregates, and nothing here needs Qt or pyqtgraph."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field


@dataclass
class Bar:
    label: str
    value: float
    ids: list[int] = field(default_factory=list)   # table row ids this bar stands for
    tip: str = ""
    derived: bool = False                           # computed from other figures: drawn hatched
    group: int = 0                                   # colour index


@dataclass
class TimePoint:
    id: int
    start: float            # UTC timestamp
    end: float              # UTC timestamp, == start for one-day events
    lane: str
    status: str = "held"    # held | planned | recurring
    tip: str = ""
    count: int = 1          # aggregated: a bucket of `count` rows (start..end: its month or year)
    key: str = ""           # aggregated: the bucket's month or year ("2011-03", "2011")



@dataclass
class VolumeBar:
    start: float            # in years (2023.0 = 1 January 2023)
    end: float
    value: float            # already scaled to the axis
    ids: list[int] = field(default_factory=list)
    tip: str = ""
    derived: bool = False
    group: int = 0          # colour (one per pair when several pairs are drawn)
    label: str = ""         # the value written above the bar


@dataclass
class PlanPoint:
    at: float               # in years
    value: float
    status: str             # target or forecast
    label: str              # "target 2030"
    ids: list[int] = field(default_factory=list)
    tip: str = ""


def year_position(iso: str | None, end: bool = False) -> float | None:
    """An ISO day's place on a year axis, by month (a period's end closes its last month)."""
    if not iso:
        return None
    try:
        year, month = int(iso[:4]), int(iso[5:7]) if len(iso) >= 7 else (12 if end else 1)
    except ValueError:
        return None
    if not 1 <= month <= 12:
        return None
    if len(iso) >= 10 and not end:
        try:
            day = min(int(iso[8:10]), calendar.monthrange(year, month)[1])
        except ValueError:
            day = 1
        return year + (month - 1) / 12 + (day - 1) / calendar.monthrange(year, month)[1] / 12
    return year + (month if end else month - 1) / 12
