"""Meetings together of a few people (the People tab's contact network), counted from each
person's set of meeting ids rather than by joining the participations to themselves.

The busiest people are the ones a self-join hurts most: at 44,855 releases the busiest 16
take part in ~120,000 meetings, and a join that looks up each meeting's other participants
costs ~650 ms of CPU. Reading each person's meeting ids from the participations' person index
(one JSON array per person) and intersecting the sets in Python costs ~45 ms."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from itertools import combinations

from . import window
from .records import ContactCount
from .sqlite_file import kept

KEPT_PEOPLE = 64   # the sets of the busiest few (~7 MB for 16 at 44,855 releases)


def meeting_ids(conn: sqlite3.Connection, people: list[int]) -> dict[int, frozenset[int]]:
    """Each person's meetings, dated or not (a meeting named in two documents once): one
    JSON array per person, parsed in C (a fifth cheaper than a row per meeting id).
    Kept on the connection while the database stays the same: the network under a filter or
    a time window is mostly of the same busiest people (a worker's connection is kept open
    between reads, see store_pool.py)."""
    sets = kept(conn, "_fb_meeting_ids", dict)
    out = {}
    for pid in people:
        if pid not in sets:
            if len(sets) >= KEPT_PEOPLE:
                sets.clear()
            sets[pid] = frozenset(json.loads(conn.execute(
                "SELECT json_group_array(event_id) FROM event_participants WHERE person_id = ?",
                (pid,)).fetchone()[0]))
        out[pid] = sets[pid]
    return out


def together(meetings: dict[int, frozenset[int]]) -> dict[tuple[int, int], frozenset[int]]:
    """(a, b), a < b -> the meetings both took part in, for the pairs that have any."""
    people = sorted(meetings)
    out = {}
    for i, a in enumerate(people):
        for b in people[i + 1:]:
            both = meetings[a] & meetings[b]
            if both:
                out[a, b] = both
    return out


def ranked(counts: dict[tuple[int, int], int]) -> list[ContactCount]:
    """Most meetings together first, then by the two ids (what the network draws first)."""
    return [ContactCount(a, b, n) for (a, b), n in
            sorted(counts.items(), key=lambda e: (-e[1], e[0][0], e[0][1])) if n]


def all_meetings(conn: sqlite3.Connection, people: list[int]) -> list[ContactCount]:
    """Meetings together of each two of these people, dated or not."""
    return ranked({k: len(v) for k, v in together(meeting_ids(conn, people)).items()})


def in_window(conn: sqlite3.Connection, people: list[int], lo: str | None, hi: str | None,
              first: str) -> list[ContactCount]:
    """Meetings together of each two of these people among the meetings overlapping the
    window [lo, hi] (window.overlap): the meetings two of them share (any date), then which
    of those the window keeps, read from the meetings' date index from `first` (a date no
    meeting of theirs in the window starts before) rather than each meeting's row (at
    44,855 releases 7,500 rows read from a fresh connection cost ~60 ms, the index ~15 ms).
    Its cost follows these people's meetings (see window_first for the other way round)."""
    shared = together(meeting_ids(conn, people))
    if not shared:
        return []
    cond, params = window.overlap("meetings", lo, hi)
    ids = sorted(set().union(*shared.values()))
    kept = {i for i, in conn.execute(
        f"SELECT id FROM events WHERE date_start >= ? AND {cond} "
        f"AND +id IN (SELECT value FROM json_each(?))", [first, *params, json.dumps(ids)])}
    return ranked({k: len(v & kept) for k, v in shared.items()})


def window_first(conn: sqlite3.Connection, people: list[int], lo: str | None, hi: str | None,
                 first: str) -> list[ContactCount]:
    """As in_window, from the window's meetings and each one's participants: cheaper when the
    window holds fewer participations than these people have in all. `first` as for
    in_window: the meetings' date index is read from there, not from the archive's first day."""
    cond, params = window.overlap("meetings", lo, hi)
    marks = ", ".join("?" for _ in people) or "NULL"
    return pair_counts(set(conn.execute(
        f"SELECT ep.event_id, ep.person_id FROM events e JOIN event_participants ep "
        f"ON ep.event_id = e.id WHERE {cond} AND e.date_start >= ? "
        f"AND +ep.person_id IN ({marks})", [*params, first, *people])))


def pair_counts(pairs) -> list[ContactCount]:
    """Meetings together of each two people, from distinct (meeting id, person id) pairs,
    a < b, most meetings first."""
    pairs = list(pairs)
    per_event = Counter(eid for eid, _pid in pairs)     # most meetings have one of these people
    by_event: dict[int, list[int]] = defaultdict(list)
    for eid, pid in pairs:
        if per_event[eid] > 1:
            by_event[eid].append(pid)
    counts: Counter = Counter()
    for people in by_event.values():
        if len(people) > 1:
            people.sort()
            counts.update(combinations(people, 2))
    return [ContactCount(a, b, n) for (a, b), n in
            sorted(counts.items(), key=lambda e: (-e[1], e[0][0], e[0][1]))]
