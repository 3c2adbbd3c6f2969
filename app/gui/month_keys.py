"""Months on a timeline: the bucket key of a date, the span of time a key covers, and the
timeline marks drawn from the store's counts per month (Store.month_buckets)."""

from __future__ import annotations


def month_key(date: str | None) -> str | None:
    """The bucket a date falls in: its month ("2011-03"), or its year when only that is known."""
    if not date:
        return None
    return date[:7] if len(date) >= 7 and date[4:5] == "-" else date[:4]


def bucket_span(key: str, cache: dict) -> tuple[float, float] | None:
    """UTC timestamps of the first and last day of a bucket key (cached: few distinct keys)."""
    try:
        return cache[key]
    except KeyError:
        from . import timestamps as dates

        lo, hi = dates.to_ts(key), dates.to_ts(key, end=True)
        cache[key] = (lo, hi) if lo is not None and hi is not None else None
        return cache[key]


def bucket_points(buckets, noun: str, plural: str, with_status: bool) -> list:
    """Timeline marks for counts per month: each MonthBucket (month, lane, status, count,
    first row id) becomes one TimePoint, spanning its month (or year, for rows dated to the
    year)."""
    from .plots.data import TimePoint

    spans: dict = {}
    points = []
    for b in buckets:
        n, first, status, lane = b.count, b.first_id, b.status, b.lane
        key = month_key(b.month)
        span = bucket_span(key, spans) if key else None
        if span is None:
            continue
        status = (status or "held") if with_status else "held"
        lane = lane or "other"
        what = f"{status} {noun if n == 1 else plural}" if with_status else \
            (noun if n == 1 else plural)
        when = key if len(key) > 4 else f"{key} (dates known to the year)"
        points.append(TimePoint(first, span[0], span[1], lane, status,
                                f"{when} · {lane}: {n:,} {what}\n"
                                "click: select the first of them", n, key))
    return points
