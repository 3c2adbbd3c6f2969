"""Meetings together kept per two people (see counts.py for how counts are kept): for each two
people person_id < other_id, the meetings both took part in by the keys of the months the
meeting starts and ends in (counts_people.key), '' and '' for a meeting with no readable start
date, so that the People tab's contact network of its busiest 16 reads their pairs' kept rows
instead of every meeting of theirs (at 50,000 releases: ~27 ms of CPU to read their meeting ids,
~32 ms more to find which of the shared ones a time window keeps; the kept rows 1-2 ms).

A meeting counts once for two people however many documents name either in it: a
participation adds to the pairs only when it is its person's first in that meeting, and
takes from them only when it was the last. Deleting a meeting takes its pairs before the
database's cascades remove its participations (the child triggers then find no meeting and
change nothing), as counts_people does. Windows read the rows as counts_people's do (only
aligned windows; `skey > ''` leaves the undated out)."""

from __future__ import annotations

from .counts_people import YEAR, key
from .sqlite_file import has

TABLE = "kept_person_pairs"
UPSERT = "ON CONFLICT(person_id, other_id, skey, ekey) DO UPDATE SET n = n + excluded.n"
TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    person_id INTEGER NOT NULL,  -- the smaller of the two
    other_id INTEGER NOT NULL,
    skey TEXT NOT NULL,          -- '' for an undated meeting
    ekey TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (person_id, other_id, skey, ekey)
) WITHOUT ROWID;
"""


def _keys(e: str) -> str:
    """A meeting's start and end keys as two SQL expressions ('' and '' when undated)."""
    dated = f"{e}.date_start GLOB {YEAR}"
    return (f"CASE WHEN {dated} THEN {key(f'{e}.date_start')} ELSE '' END, "
            f"CASE WHEN {dated} THEN {key(f'coalesce({e}.date_end, {e}.date_start)')} ELSE '' END")


def _others(row: str) -> str:
    """The pairs of `row`'s person with the other people in its meeting, with the meeting's
    keys (none when the meeting row is gone)."""
    p = f"{row}.person_id"
    return (f"SELECT min({p}, o.person_id), max({p}, o.person_id), {_keys('e')} "
            f"FROM events e, (SELECT DISTINCT person_id FROM event_participants WHERE "
            f"event_id = {row}.event_id AND person_id != {p}) o WHERE e.id = {row}.event_id")


def _all_pairs(e: str) -> str:
    """Every pair of people in meeting `e` with its keys."""
    people = f"(SELECT DISTINCT person_id FROM event_participants WHERE event_id = {e}.id)"
    return (f"SELECT x.person_id, y.person_id, {_keys(e)} FROM {people} x, {people} y "
            f"WHERE x.person_id < y.person_id")


def _add(pairs: str) -> str:
    return (f"INSERT INTO {TABLE}(person_id, other_id, skey, ekey, n) SELECT *, 1 FROM "
            f"({pairs}) WHERE 1 {UPSERT};\n")


def _take(pairs: str) -> str:
    return (f"UPDATE {TABLE} SET n = n - 1 WHERE (person_id, other_id, skey, ekey) IN "
            f"({pairs});\n"
            f"DELETE FROM {TABLE} WHERE (person_id, other_id, skey, ekey) IN ({pairs}) AND "
            f"n <= 0;\n")


def script() -> str:
    same = ("SELECT 1 FROM event_participants WHERE event_id = {r}.event_id AND "
            "person_id = {r}.person_id")
    on = f"{TABLE}_participants"
    return (
        TABLE_SQL
        + f"CREATE TRIGGER IF NOT EXISTS {on}_ai AFTER INSERT ON event_participants WHEN NOT "
          f"EXISTS ({same.format(r='new')} AND id != new.id) BEGIN\n"
          f"{_add(_others('new'))}END;\n"
        + f"CREATE TRIGGER IF NOT EXISTS {on}_ad AFTER DELETE ON event_participants WHEN NOT "
          f"EXISTS ({same.format(r='old')}) BEGIN\n{_take(_others('old'))}END;\n"
        + f"CREATE TRIGGER IF NOT EXISTS {TABLE}_events_bd BEFORE DELETE ON events BEGIN\n"
          f"{_take(_all_pairs('old'))}END;\n"
        + f"CREATE TRIGGER IF NOT EXISTS {TABLE}_events_au AFTER UPDATE OF date_start, date_end "
          f"ON events WHEN ({_keys('old')}) IS NOT ({_keys('new')}) BEGIN\n"
          f"{_take(_all_pairs('old'))}"
          f"{_add(_all_pairs('new'))}END;\n")


def recount_sql() -> str:
    """(person_id, other_id, skey, ekey, n) of every kept row, counted from the participations."""
    people = "(SELECT DISTINCT event_id, person_id FROM event_participants)"
    return (f"SELECT x.person_id, y.person_id, {_keys('e')}, count(*) FROM {people} x "
            f"JOIN {people} y ON y.event_id = x.event_id AND y.person_id > x.person_id "
            f"JOIN events e ON e.id = x.event_id GROUP BY 1, 2, 3, 4")


def fill_sql() -> list[str]:
    return [f"INSERT INTO {TABLE}(person_id, other_id, skey, ekey, n) {recount_sql()}"]


def pair_counts(conn, people: list[int], cond: str = "", params=()) -> dict | None:
    """(a, b) -> meetings together of each two of `people` under a condition on the kept
    keys (counts_people.in_window; '' for every meeting, dated or not), or None: not kept
    here (a database opened read-only or unchecked before it had them)."""
    if not has(conn, TABLE):
        return None
    marks = ", ".join("?" for _ in people) or "NULL"
    where = f" AND skey > '' AND {cond}" if cond else ""
    return {(a, b): n for a, b, n in conn.execute(
        f"SELECT person_id, other_id, sum(n) FROM {TABLE} WHERE person_id IN ({marks}) AND "
        f"other_id IN ({marks}){where} GROUP BY person_id, other_id", [*people, *people, *params])}
