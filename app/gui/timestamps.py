"""ISO date strings (possibly partial: 2024, 2024-10, 2024-10-05) <-> UTC timestamps."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime


def parse_iso(value: str | None, end: bool = False) -> datetime | None:
    """First (or with end=True, last) day covered by an ISO date or partial date; None if unreadable."""
    if not value or not isinstance(value, str):
        return None
    parts = value.strip()[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else (12 if end else 1)
        if len(parts) > 2 and parts[2]:
            day = int(parts[2])
        else:
            day = calendar.monthrange(year, month)[1] if end else 1
        return datetime(year, month, day, tzinfo=UTC)
    except (ValueError, IndexError):
        return None


def to_ts(value: str | None, end: bool = False) -> float | None:
    dt = parse_iso(value, end)
    return dt.timestamp() if dt else None


def from_ts(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=UTC).date().isoformat()
