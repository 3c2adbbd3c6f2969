"""After documents were attached or detached: drop facts no document supports any more and
recompute what depends on the remaining sources (event fields and status, current posts and
counts, first sources, conflicting figures, derived growth rows, search rows)."""

from __future__ import annotations

import json
import sqlite3

from .growth import (
    NO_GROWTH,
    SERIES_COLUMNS,
    SERIES_SQL,
    derive_growth,
    flag_conflicts,
    trade_units,
)
from .keys import entity_key
from .search_index import refresh_search
from .write_unit import insert_row  # noqa: F401 (merge imports it from here)


class _Change:
    """What settle needs to know about the change: the facts it touched and, while only a
    document was added (`incremental`), that document, its title and hash."""

    def __init__(self, conn: sqlite3.Connection, touched):
        self.touched = touched
        self.added = getattr(touched, "added_mentions", None)
        self.document = getattr(touched, "document", None)
        self.incremental = (self.added is not None and self.document is not None
                            and not getattr(touched, "detached", True))
        self.title, self.sha = conn.execute(
            "SELECT title, sha256 FROM documents WHERE id = ?", (self.document[0],)
        ).fetchone() if self.incremental else (None, None)
        self.full_dates: set[int] = set()  # persons whose date range is recomputed from all events
        self.later: dict[int, set[int]] = {}  # person -> events whose end moved later

    def ids(self, kind: str) -> list[int]:
        return sorted(self.touched.get(kind, ()))


def settle(conn: sqlite3.Connection, touched) -> None:
    """Drop unsupported facts among those touched, then recompute the survivors.

    While only a document was added (`touched.detached` false), counts, first sources and
    date ranges are brought up to date by difference with what the document added instead
    of being recounted over every source: a famous person has thousands of events, a
    common figure thousands of sources, and recounting them made each document slower
    than the one before."""
    change = _Change(conn, touched)
    _settle_events(conn, change)
    _settle_quantities(conn, change)
    _settle_culture(conn, change)
    _settle_persons(conn, change)
    for chunk, marks in chunked(change.ids("organization")):
        conn.execute(f"DELETE FROM organizations WHERE id IN ({marks}) AND NOT EXISTS (SELECT "
                     "1 FROM mentions WHERE fact_type = 'organization' AND fact_id = "
                     "organizations.id)", chunk)
    for chunk, marks in chunked(change.ids("place")):
        conn.execute(f"DELETE FROM places WHERE id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM "
                     "mentions WHERE fact_type = 'place' AND fact_id = places.id) AND NOT "
                     "EXISTS (SELECT 1 FROM events WHERE place_id = places.id)", chunk)
    refresh_search(conn, touched)


def _settle_events(conn, change: _Change) -> None:
    ids = change.ids("event")
    supported = set()
    for chunk, marks in chunked(ids):
        supported.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT event_id FROM event_sources WHERE event_id IN ({marks})", chunk))
    for eid in ids:
        if eid not in supported:
            conn.execute("DELETE FROM events WHERE id = ?", (eid,))
            continue
        before, after = _recompute_event(conn, eid)
        if before == after:
            continue
        # Every participant's first and last dates follow, not only those this change
        # named: an end date moving later only extends their ranges.
        people = [r[0] for r in conn.execute(
            "SELECT DISTINCT person_id FROM event_participants WHERE event_id = ?", (eid,))]
        if before[0] == after[0] and _later(before[1], after[1]):
            for pid in people:
                change.later.setdefault(pid, set()).add(eid)
        else:
            change.full_dates.update(people)


def _settle_quantities(conn, change: _Change) -> None:
    groups, series = set(), set()
    ids = change.ids("quantity")
    for chunk, marks in chunked(ids):
        for row in conn.execute("SELECT unit, measure_key, period, partners, status, direction, "
                                f"category, {SERIES_SQL} FROM quantities WHERE id IN ({marks})",
                                chunk):
            groups.add(tuple(row[:6]))
            if row[6] == "trade" and row[0] not in NO_GROWTH:  # else no growth is derived
                series.add(tuple(row[7:]))
        conn.execute(f"DELETE FROM quantities WHERE id IN ({marks}) AND derived = 0 AND NOT "
                     "EXISTS (SELECT 1 FROM quantity_sources WHERE quantity_id = quantities.id)",
                     chunk)
    if change.incremental:
        _added_sources(conn, change, ids)
    else:
        for qid in ids:
            _quantity_sources(conn, qid)
    for group in groups:
        flag_conflicts(conn, *group)
    # Sorted: derived rows get their ids in this order, and a set of tuples holding None
    # iterates in a different order in every process (None hashes by address before 3.12).
    units = trade_units(conn) if series else []
    for key in sorted(series, key=lambda k: [(v is None, v or "") for v in k]):
        change.touched["quantity"].update(derive_growth(
            conn, dict(zip(SERIES_COLUMNS, key, strict=True)), units))


def chunked(ids: list[int]):
    """([ids as a JSON array], the subquery listing them) once, or nothing when there are no
    ids: one SQL text whatever their number, so the connection's cache of prepared
    statements keeps the hot ones (a text per number of ids pushed them out: every insert
    into figures prepared again with its 20 indexes, +40% CPU per release)."""
    if ids:
        yield [json.dumps(ids)], "SELECT value FROM json_each(?)"


def _added_sources(conn, change: _Change, ids: list[int]) -> None:
    """While only a document was added, every touched figure has one source more, the new
    document, which becomes its first source unless another comes before it: one statement
    each over all the touched figures."""
    for chunk, marks in chunked(ids):
        conn.execute(f"UPDATE quantities SET source_count = source_count + 1 WHERE id IN ({marks})",
                     chunk)
        # the first source is written only when it changes (a shown, filtered column)
        conn.execute(
            "UPDATE quantities SET source_title = ?4 WHERE source_title IS NOT ?4 AND NOT "
            "EXISTS (SELECT 1 FROM quantity_sources qs JOIN documents d ON d.id = "
            f"qs.document_id WHERE qs.quantity_id = quantities.id AND {_EARLIER}) AND id IN "
            "(SELECT value FROM json_each(?6))",
            (None, *change.document, change.title, change.sha, *chunk))


def _quantity_sources(conn, qid: int) -> None:
    """A figure's source count, first source and shown wording, counted over its sources."""
    conn.execute(
        "UPDATE quantities SET source_count = (SELECT count(DISTINCT document_id) FROM "
        "quantity_sources WHERE quantity_id = ?1), source_title = (SELECT d.title FROM "
        "quantity_sources qs JOIN documents d ON d.id = qs.document_id WHERE "
        "qs.quantity_id = ?1 ORDER BY d.date, d.sha256 LIMIT 1) WHERE id = ?1", (qid,))
    # the wording shown is the least of those its remaining sources give (merge.py)
    wording = conn.execute("SELECT text, qualifier FROM quantity_sources WHERE "
                           "quantity_id = ? ORDER BY coalesce(text, ''), "
                           "coalesce(qualifier, '') LIMIT 1", (qid,)).fetchone()
    if wording:
        conn.execute("UPDATE quantities SET text = ?1, qualifier = ?2 WHERE id = ?3 AND "
                     "derived = 0 AND (text IS NOT ?1 OR qualifier IS NOT ?2)",
                     (*wording, qid))


def _settle_culture(conn, change: _Change) -> None:
    ids = change.ids("culture")
    for chunk, marks in chunked(ids):
        conn.execute(f"DELETE FROM culture_items WHERE id IN ({marks}) AND NOT EXISTS (SELECT 1 "
                     "FROM mentions WHERE fact_type = 'culture' AND fact_id = culture_items.id)",
                     chunk)
    if not change.incremental:
        for cid in ids:
            conn.execute(
                "UPDATE culture_items SET source_title = (SELECT d.title FROM mentions m JOIN "
                "documents d ON d.id = m.document_id WHERE m.fact_type = 'culture' AND "
                "m.fact_id = ?1 ORDER BY d.date, d.sha256 LIMIT 1), source_count = (SELECT "
                "count(DISTINCT document_id) FROM mentions WHERE fact_type = 'culture' AND "
                "fact_id = ?1) WHERE id = ?1", (cid,))
        return
    # the items the new document names (a touched item it does not name is not one of them)
    named = [cid for cid in ids if change.added["culture", cid]]
    for chunk, marks in chunked(named):
        conn.execute(f"UPDATE culture_items SET source_count = source_count + 1 WHERE id IN "
                     f"({marks})", chunk)
        conn.execute(
            "UPDATE culture_items SET source_title = ?4 WHERE source_title IS NOT ?4 AND NOT "
            "EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = m.document_id WHERE "
            "m.fact_type = 'culture' AND m.fact_id = culture_items.id AND "
            f"{_EARLIER.replace('qs.', 'm.')}) AND id IN (SELECT value FROM json_each(?6))",
            (None, *change.document, change.title, change.sha, *chunk))


def _settle_persons(conn, change: _Change) -> None:
    persons = change.ids("person")
    touched, full_dates, later = change.touched, change.full_dates, change.later
    # a person's updates read other tables, never another person's row: the unsupported
    # ones go first, in one statement, and the counts of the others in one more
    for chunk, marks in chunked(persons):
        conn.execute(
            f"DELETE FROM persons WHERE id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM mentions "
            "WHERE fact_type = 'person' AND fact_id = persons.id) AND NOT EXISTS (SELECT 1 FROM "
            "event_participants WHERE person_id = persons.id)", chunk)
    if change.incremental:
        conn.executemany("UPDATE persons SET mention_count = mention_count + ?, "
                         "meeting_count = meeting_count + ? WHERE id = ?",
                         [(change.added["person", pid], len(touched.new_links.get(pid, ())), pid)
                          for pid in persons])
    for pid in persons:
        if change.incremental:
            _update_person(conn, pid, touched.new_links.get(pid, ()), later.pop(pid, ()),
                           pid in full_dates, pid in touched.new_posts)
        else:
            _recompute_person(conn, pid)
    # participants of a changed event whom the change did not name: only their dates
    for pid in sorted((full_dates | set(later)) - set(persons)):
        if pid in full_dates:
            conn.execute(f"UPDATE persons SET {_DATES_SQL} WHERE id = ?1", (pid,))
        else:
            _extend_dates(conn, pid, later[pid])


# Another document (?2 is the new one, ?3 its date, ?4 its title) that comes before the new
# one in the first-source order (d.date, then d.sha256: not the order of import; ?5 is the
# new one's hash). SQLite sorts NULL dates first.
_EARLIER = ("qs.document_id <> ?2 AND ((d.date IS NULL AND ?3 IS NOT NULL) OR d.date < ?3 "
            "OR (d.date IS ?3 AND d.sha256 < ?5))")


def _later(old, new) -> bool:
    """Whether an event's end moved later (or appeared), so ranges only need extending."""
    if new is None:
        return False
    if old is None:
        return True
    return isinstance(old, str) and isinstance(new, str) and new > old


_SOURCE_ORDER = ("FROM event_sources es JOIN documents d ON d.id = es.document_id "
                 "WHERE es.event_id = ? ORDER BY d.date DESC NULLS LAST, (es.status = 'held') DESC, "
                 "d.sha256 DESC, es.id")


def _recompute_event(conn, eid: int) -> tuple:
    """An event shows what its latest source says (a report after an announcement turns
    planned into held); fields the latest source leaves empty come from earlier ones.
    Returns its (start, end) before and after (the end is the start when it has none)."""
    fields = ("kind", "category", "date_start", "date_end", "precision", "place", "status",
              "summary")
    rows = conn.execute(f"SELECT {', '.join('es.' + f for f in fields)}, es.date_basis "
                        f"{_SOURCE_ORDER}", (eid,)).fetchall()
    values = {}
    for i, name in enumerate(fields):
        values[name] = next((r[i] for r in rows if r[i] is not None), None)
    # whether the date shown is stated or the publication date: that of the source giving it
    values["date_basis"] = next((r[-1] for r in rows if r[2] is not None), None)
    if values["place"]:
        row = conn.execute("SELECT id FROM places WHERE name_key = ?",
                           (entity_key(values["place"]),)).fetchone()
        values["place_id"] = row[0] if row else None
    else:
        values["place_id"] = None
    values["participants"] = conn.execute(
        "SELECT group_concat(name, ', ') FROM (SELECT DISTINCT p.name AS name FROM "
        "event_participants ep JOIN persons p ON p.id = ep.person_id WHERE ep.event_id = ? "
        "ORDER BY p.name)", (eid,)).fetchone()[0]
    values["source_count"] = conn.execute(
        "SELECT count(DISTINCT document_id) FROM event_sources WHERE event_id = ?",
        (eid,)).fetchone()[0]
    values["source_title"] = conn.execute(
        "SELECT d.title FROM event_sources es JOIN documents d ON d.id = es.document_id "
        "WHERE es.event_id = ? ORDER BY d.date, d.sha256 LIMIT 1", (eid,)).fetchone()[0]
    # Only the columns that change are written: mostly none (another report of a known
    # meeting), and each write of a shown column also rewrites its filter index words.
    current = dict(zip(values, conn.execute(
        f"SELECT {', '.join(values)} FROM events WHERE id = ?", (eid,)).fetchone(), strict=True))
    changed = {k: v for k, v in values.items()
               if not (type(v) is type(current[k]) and v == current[k])}
    if changed:
        sets = ", ".join(f"{k} = ?" for k in changed)
        conn.execute(f"UPDATE events SET {sets} WHERE id = ?", [*changed.values(), eid])
    return _span(current), _span(values)


def _span(event: dict) -> tuple:
    """An event's start, and its end (the start when it has none)."""
    end = event["date_end"]
    return event["date_start"], event["date_start"] if end is None else end


_DATES_SQL = (
    "meeting_count = (SELECT count(DISTINCT event_id) FROM event_participants WHERE "
    "person_id = ?1), first_date = (SELECT min(e.date_start) FROM event_participants ep "
    "JOIN events e ON e.id = ep.event_id WHERE ep.person_id = ?1), last_date = (SELECT "
    "max(coalesce(e.date_end, e.date_start)) FROM event_participants ep JOIN events e ON "
    "e.id = ep.event_id WHERE ep.person_id = ?1)")


def _recompute_person(conn, pid: int) -> None:
    """A person's current post is the latest one a document shows; their first and last
    dates are those of the events they took part in, not of the documents naming them."""
    conn.execute("UPDATE persons SET mention_count = (SELECT count(*) FROM mentions WHERE "
                 f"fact_type = 'person' AND fact_id = ?1), {_DATES_SQL} WHERE id = ?1", (pid,))
    _current_post(conn, pid)


def _update_person(conn, pid: int, new_events, later_events, full_dates: bool,
                   new_post: bool) -> None:
    """`_recompute_person` after only a document was added (its counts grown by the
    mentions and the events newly linked to the person in _settle_persons): the date
    range widens to the dates of those events (and of events whose end moved later),
    and the current post can only have changed if the document gave the person a post."""
    if full_dates:
        conn.execute(f"UPDATE persons SET {_DATES_SQL} WHERE id = ?1", (pid,))
    elif new_events or later_events:
        _extend_dates(conn, pid, {*new_events, *later_events})
    if new_post:
        _current_post(conn, pid)


def _extend_dates(conn, pid: int, events) -> None:
    """min and max with the given events' dates, in SQL so they compare as the full
    recomputation does (NULLs ignored)."""
    marks = ", ".join("?" * len(events))
    conn.execute(
        "UPDATE persons SET first_date = (SELECT min(v) FROM (SELECT first_date AS v UNION ALL "
        f"SELECT date_start FROM events WHERE id IN ({marks}))), last_date = (SELECT max(v) "
        "FROM (SELECT last_date AS v UNION ALL SELECT coalesce(date_end, date_start) FROM "
        f"events WHERE id IN ({marks}))) WHERE id = ?",
        (*sorted(events), *sorted(events), pid))


def _current_post(conn, pid: int) -> None:
    row = conn.execute("SELECT title, country FROM posts WHERE person_id = ? "
                       "ORDER BY as_of DESC NULLS LAST, (title IS NULL), (SELECT sha256 FROM "
                       "documents WHERE id = posts.document_id) DESC, id DESC LIMIT 1",
                       (pid,)).fetchone()
    if row:
        country = row[1] or conn.execute(
            "SELECT country FROM posts WHERE person_id = ? AND country IS NOT NULL "
            "ORDER BY as_of DESC NULLS LAST, (SELECT sha256 FROM documents WHERE id = "
            "posts.document_id) DESC, id DESC LIMIT 1", (pid,)).fetchone()
        if isinstance(country, tuple):
            country = country[0]
        # written only when it changes (the name, title and country are filtered columns)
        conn.execute("UPDATE persons SET title = ?1, country = coalesce(?2, country) WHERE "
                     "id = ?3 AND (title IS NOT ?1 OR country IS NOT coalesce(?2, country))",
                     (row[0], country, pid))


def count_facts(conn, doc_id: int) -> int:
    return conn.execute("SELECT count(*) FROM (SELECT DISTINCT fact_type, fact_id FROM mentions "
                        "WHERE document_id = ?)", (doc_id,)).fetchone()[0]
