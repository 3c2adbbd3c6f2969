"""Meetings together of a few people (the People tab's contact network), counted from each
person's meeting ids rather than by joining the participations to themselves.

The busiest people are the ones a self-join hurts most: at 44,855 releases the busiest 16
take part in ~120,000 meetings, and a join that looks up each meeting's other participants
costs ~650 ms of CPU. Each person's meeting ids are read from the participations' person
index as one comma-separated list, parsed by numpy (~3 ms for the 16; as Python sets ~19 ms),
and the meetings are grouped by id once: each meeting of two or more of them gets the set of
them in it as a bit mask, and the pairs are counted per distinct mask (a few hundred), not
per meeting (~5 ms; intersecting 120 pairs of sets cost ~11 ms)."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import combinations
from typing import TYPE_CHECKING

from . import window
from .records import ContactCount
from .sqlite_file import kept

if TYPE_CHECKING:   # numpy is imported when first used: not at start-up, nor by the CLI
    import numpy as np

KEPT_PEOPLE = 64   # the lists of the busiest few (~1 MB for 16 at 44,855 releases)
# Which of the shared meetings a window keeps: looked up by id when they are fewer than the
# window's participations over BY_ID (a lookup ~1.9 us, a step of the date index tested
# against the list ~0.5 us, with ~1.35 participations per meeting), else by the date index
BY_ID = 5


def meeting_ids(conn: sqlite3.Connection, people: list[int]) -> dict[int, np.ndarray]:
    """Each person's meetings, dated or not, as an array of ids (read-only; a meeting named
    in two documents is listed twice). Kept on the connection while the database stays the
    same: the network under a filter or a time window is mostly of the same busiest people
    (a worker's connection is kept open between reads, see store_pool.py)."""
    import numpy as np

    lists = kept(conn, "_fb_meeting_ids", dict)
    out = {}
    for pid in people:
        if pid not in lists:
            if len(lists) >= KEPT_PEOPLE:
                lists.clear()
            text = conn.execute("SELECT group_concat(event_id) FROM event_participants "
                                "WHERE person_id = ?", (pid,)).fetchone()[0]
            ids = np.fromstring(text or "", dtype=np.int64, sep=",")
            ids.flags.writeable = False
            lists[pid] = ids
        out[pid] = lists[pid]
    return out


def shared(meetings: dict[int, np.ndarray], people: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The meetings two or more of `people` took part in (ids, ascending) and, for each, which
    of them: bit i stands for people[i] (Python ints past 64 people)."""
    import numpy as np

    bits = np.array([1 << i for i in range(len(people))],
                    dtype=np.uint64 if len(people) <= 64 else object)
    if not people:
        return np.zeros(0, dtype=np.int64), bits
    ids = np.concatenate([meetings[p] for p in people])
    who = np.repeat(bits, [len(meetings[p]) for p in people])
    order = np.argsort(ids, kind="stable")
    ids, who = ids[order], who[order]
    if not len(ids):
        return ids, who
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    masks = np.bitwise_or.reduceat(who, starts)
    many = (masks & (masks - 1)) != 0     # more than one bit set
    return ids[starts][many], masks[many]


def _pairs(people: list[int], masks: np.ndarray) -> list[ContactCount]:
    """Meetings together of each two of `people`, from each shared meeting's mask."""
    import numpy as np

    counts: Counter = Counter()
    if len(masks):
        values, n = np.unique(masks, return_counts=True)
        for mask, k in zip(values.tolist(), n.tolist(), strict=True):
            them = sorted(p for i, p in enumerate(people) if mask >> i & 1)
            for pair in combinations(them, 2):
                counts[pair] += k
    return ranked(counts)


def ranked(counts: dict[tuple[int, int], int]) -> list[ContactCount]:
    """Most meetings together first, then by the two ids (what the network draws first)."""
    return [ContactCount(a, b, n) for (a, b), n in
            sorted(counts.items(), key=lambda e: (-e[1], e[0][0], e[0][1])) if n]


def all_meetings(conn: sqlite3.Connection, people: list[int]) -> list[ContactCount]:
    """Meetings together of each two of these people, dated or not."""
    people = list(dict.fromkeys(people))
    return _pairs(people, shared(meeting_ids(conn, people), people)[1])


def in_window(conn: sqlite3.Connection, people: list[int], lo: str | None, hi: str | None,
              first: str | Callable[[], str | None], rows: int | None = None
              ) -> list[ContactCount]:
    """Meetings together of each two of these people among the meetings overlapping the
    window [lo, hi] (window.overlap): the meetings two of them share (any date), then which
    of those the window keeps. `rows`: the window's participations (from the kept counts),
    None when not known: the shared meetings are then looked up by id, else whichever way
    costs less (BY_ID): by id, or from the meetings' date index from `first` (a date no
    meeting of theirs in the window starts before; a function giving it, or None when they
    have none there, is called only on that way). Its cost follows these people's meetings
    (see window_first for the other way round)."""
    people = list(dict.fromkeys(people))
    ids, masks = shared(meeting_ids(conn, people), people)
    if not len(ids):
        return []
    cond, params = window.overlap("meetings", lo, hi)
    listed = "[" + ",".join(map(str, ids.tolist())) + "]"
    if rows is None or len(ids) * BY_ID <= rows:
        sql = (f"SELECT group_concat(e.id) FROM json_each(?) AS j CROSS JOIN events AS e "
               f"ON e.id = j.value WHERE {cond}")
        args = [listed, *params]
    else:
        start = first() if callable(first) else first
        if start is None:
            return []
        sql = (f"SELECT group_concat(id) FROM events WHERE date_start >= ? AND {cond} "
               f"AND +id IN (SELECT value FROM json_each(?))")
        args = [start, *params, listed]
    import numpy as np

    found = np.fromstring(conn.execute(sql, args).fetchone()[0] or "", dtype=np.int64, sep=",")
    # each found id is one of `ids` (ascending): its place there, by binary search (np.isin
    # would import numpy.ma on its first call, ~18 ms)
    return _pairs(people, masks[np.searchsorted(ids, np.sort(found))])


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
