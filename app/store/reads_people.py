"""The Store's reads about who took part in meetings: the busiest people, their meetings
together, and meetings per month with one timeline lane per person. Qt-free."""

from __future__ import annotations

import sqlite3
from collections import Counter
from heapq import nsmallest
from itertools import islice

from . import contacts, counts_pairs, counts_people, window
from .contacts import pair_counts
from .records import BusiestPeople, MonthBucket, PersonCount
from .sqlite_file import kept
from .where import where_clause

# A participation read from the people's side (their meeting ids) costs about a third of one
# read from the window's (each meeting's participants looked up): measured at 44,855 releases
PEOPLE_SIDE = 2
BOUND_STEP = 32   # people counted in one statement while looking for a window's busiest


def _marks(ids) -> str:
    return ", ".join("?" for _ in ids) or "NULL"


class PeopleReads:
    """Mixed into Store (store.py): needs self.conn and PlotReads._all."""

    def person_month_buckets(self, filters, people: list[int]) -> list[MonthBucket]:
        """As month_buckets for meetings with one lane per person in `people` (the lane is
        the person id; -1 = meetings with someone else named, None = with nobody named).
        One pass over the participations (each meeting counted once per lane), one over
        the meetings nobody is named in."""
        where, params = where_clause("meetings", filters)
        narrow = f" AND e.id IN (SELECT id FROM meetings{where})" if where else ""
        only = f" WHERE event_id IN (SELECT id FROM meetings{where})" if where else ""
        sql = (f"WITH p AS (SELECT event_id, CASE WHEN person_id IN ({_marks(people)}) "
               f"THEN person_id ELSE -1 END AS lane FROM event_participants{only} GROUP BY 1, 2) "
               f"SELECT substr(e.date_start, 1, 7), p.lane, e.status, COUNT(*), MIN(e.id) "
               f"FROM p JOIN events e ON e.id = p.event_id WHERE e.date_start > '' "
               f"GROUP BY 1, 2, 3 UNION ALL SELECT substr(e.date_start, 1, 7), NULL, e.status, "
               f"COUNT(*), MIN(e.id) FROM events e WHERE e.date_start > ''{narrow} AND NOT "
               f"EXISTS (SELECT 1 FROM event_participants ep WHERE ep.event_id = e.id) "
               f"GROUP BY 1, 3")
        return [MonthBucket(*r) for r in self._all(sql, [*people, *params, *params])]

    def dated_meetings_per_person(self, filters, limit: int = 12) -> list[PersonCount]:
        """The busiest people by dated meetings they took part in, under the meetings
        filters (the app-wide time window)."""
        where, params = where_clause("meetings", filters)
        glue = " AND " if where else " WHERE "
        sql = (f"SELECT ep.person_id, COUNT(DISTINCT ep.event_id) AS n FROM event_participants "
               f"ep WHERE ep.event_id IN (SELECT id FROM meetings{where}{glue}date_start IS NOT "
               f"NULL AND date_start != '') GROUP BY ep.person_id ORDER BY n DESC, ep.person_id "
               f"LIMIT ?")
        return [PersonCount(int(a), int(b)) for a, b in self._all(sql, [*params, int(limit)])]

    def busiest_people(self, filters, limit: int, linked: int,
                       among: set[int] | None = None) -> BusiestPeople:
        """The `limit` people in the most dated meetings under the meetings filters (the
        time window), busiest first, and the meetings together of the busiest `linked` of
        them (dated or not when nothing filters the meetings): the People tab's bars and
        contact network. `among`: only these people are counted (those the People table's
        own filter keeps)."""
        try:
            if not where_clause("meetings", filters)[0]:
                return self._busiest_unfiltered(limit, linked, among)
            known = self._busiest_kept(filters, limit, linked, among)
            if known is not None:
                return known
            where, params = where_clause("meetings", filters)
            # one row per participation and document: duplicates dropped here, not by
            # SQL's slower DISTINCT
            pairs = set(self.conn.execute(
                f"SELECT ep.event_id, ep.person_id FROM (SELECT id FROM meetings{where}"
                f"{' AND ' if where else ' WHERE '}date_start > '') e JOIN event_participants "
                f"ep ON ep.event_id = e.id", params).fetchall())
        except sqlite3.Error:
            return BusiestPeople([], [])
        if among is not None:
            pairs = {(e, p) for e, p in pairs if p in among}
        per_person = Counter(pid for _eid, pid in pairs)
        top = nsmallest(limit, per_person.items(), key=lambda c: (-c[1], c[0]))
        keep = {p for p, _n in top[:linked]}
        return BusiestPeople([PersonCount(p, n) for p, n in top],
                             pair_counts((e, p) for e, p in pairs if p in keep))

    def _busiest_kept(self, filters, limit: int, linked: int, among) -> BusiestPeople | None:
        """busiest_people in a time window and nothing else, the counts read from the kept
        per-person counts (counts_people.py) and only the linked people's meetings read;
        None when those cannot answer (see Store._kept_people)."""
        if filters.undated or not self._window_only("meetings", filters):
            return None
        found = self._kept_people(filters)
        if found is None:
            return None
        lo, hi = window.window_bounds(filters.date_from, filters.date_to)
        top = self._window_top(lo, hi, limit, among)
        keep = [p for p, _n in top[:linked]]
        busiest = [PersonCount(p, n) for p, n in top]
        if not keep:   # no network asked for (the meetings tab's lanes)
            return BusiestPeople(busiest, [])
        return BusiestPeople(busiest, self._window_contacts(keep, lo, hi))

    def _window_top(self, lo, hi, limit: int, among) -> list[tuple[int, int]]:
        """The `limit` people in the most dated meetings in an aligned window, busiest first:
        nobody has more in a window than in all (_dated_meetings), so people are counted in
        that order, a few at a time, until the next one's meetings in all could not place
        them (at 50,000 releases, 2010-2012: ~350 people's kept rows in 11 statements instead
        of the window's 29,000 rows of everyone; with the network 23 -> 8-10 ms of CPU). The
        bound is the people's stored meeting counts, as for the busiest without a window."""
        bounds = [c for c in self._dated_meetings() if among is None or c[0] in among]
        cond, params = counts_people.in_window(lo, hi, "e", "near")
        early = counts_people.early_meetings(lo, hi)
        early_n = dict(self.conn.execute(*early)) if early else {}
        top: list[tuple[int, int]] = []
        for at in range(0, len(bounds), BOUND_STEP):
            chunk = [p for p, _n in bounds[at:at + BOUND_STEP]]
            if len(top) >= limit and (-bounds[at][1], chunk[0]) > (-top[-1][1], top[-1][0]):
                break   # not even all their meetings in the window would place them
            near = dict(self.conn.execute(
                f"SELECT person_id, sum(n) FROM {counts_people.TABLE} WHERE what = 'e' AND "
                f"person_id IN ({_marks(chunk)}) AND {cond} GROUP BY person_id",
                [*chunk, *params]))
            counts = ((p, near.get(p, 0) + early_n.get(p, 0)) for p in chunk)
            top = nsmallest(limit, [*top, *((p, n) for p, n in counts if n > 0)],
                            key=lambda c: (-c[1], c[0]))
        return top

    def _window_contacts(self, keep: list[int], lo, hi) -> list:
        """The contacts of `keep` in an aligned window: from the kept pairs, or from whichever
        side holds fewer participations (PEOPLE_SIDE): these people's in all or the window's
        (from the kept counts)."""
        cond, params = counts_people.in_window(lo, hi)
        kept_pairs = self._kept_pairs(keep, cond, params)
        if kept_pairs is not None:
            return kept_pairs
        sql, args = counts_people.meetings_in(lo, hi)
        in_window = self.conn.execute(f"SELECT sum(n) FROM ({sql})", args).fetchone()[0] or 0
        marks = _marks(keep)
        theirs = self.conn.execute(f"SELECT sum(meeting_count) FROM persons WHERE id IN ({marks})",
                                   keep).fetchone()[0] or 0

        def first():   # the earliest start key of their meetings in the window: none starts before it
            return self.conn.execute(
                f"SELECT min(skey) FROM {counts_people.TABLE} WHERE what = 'e' AND person_id IN "
                f"({marks}) AND {cond}", [*keep, *params]).fetchone()[0]

        if theirs <= PEOPLE_SIDE * in_window:
            return contacts.in_window(self.conn, keep, lo, hi, first, in_window)
        start = first()
        return [] if start is None else contacts.window_first(self.conn, keep, lo, hi, start)

    def _busiest_unfiltered(self, limit: int, linked: int, among) -> BusiestPeople:
        """busiest_people without filters, from _dated_meetings."""
        top = list(islice((c for c in self._dated_meetings() if among is None or c[0] in among),
                          limit))
        keep = [p for p, _n in top[:linked]]
        kept_pairs = self._kept_pairs(keep)
        return BusiestPeople([PersonCount(p, n) for p, n in top],
                             contacts.all_meetings(self.conn, keep) if kept_pairs is None
                             else kept_pairs)

    def _kept_pairs(self, keep: list[int], cond: str = "", params=()) -> list | None:
        """The contacts of `keep` from the kept pairs (counts_pairs) under a condition on
        their keys, or None: not kept here, or the kept counts switched off (tests)."""
        if not getattr(self, "kept_counts", True):
            return None
        pairs = counts_pairs.pair_counts(self.conn, keep, cond, params)
        return None if pairs is None else contacts.ranked(pairs)

    def _dated_meetings(self) -> list[tuple[int, int]]:
        """(person id, dated meetings) of everyone in one, busiest first: the people's stored
        meeting counts less their undated meetings (few), so nothing reads every participation
        of a big archive. Kept on the connection while the database stays the same (the
        People tab reads them when it opens, under each text filter and when a time window
        is cleared: ~10 ms each at 44,855 releases)."""
        def read():
            undated = dict(self.conn.execute(
                "SELECT ep.person_id, COUNT(DISTINCT ep.event_id) FROM events e "
                "JOIN event_participants ep ON ep.event_id = e.id "
                "WHERE e.date_start IS NULL OR e.date_start = '' GROUP BY ep.person_id").fetchall())
            counts = [(pid, n - undated.get(pid, 0)) for pid, n in self.conn.execute(
                "SELECT id, meeting_count FROM persons WHERE meeting_count > 0")]
            return sorted(((p, n) for p, n in counts if n > 0), key=lambda c: (-c[1], c[0]))
        return kept(self.conn, "_fb_dated_meetings", read)

    def person_names(self, ids: list[int]) -> dict[int, str]:
        """Person id -> name, for these people."""
        return dict(self._all(f"SELECT id, name FROM persons WHERE id IN ({_marks(ids)})", ids))
