"""Writing one document's facts into the database, merged with what other documents said.

`attach` adds an Extraction for a stored document, `detach` takes a document's support away,
and `settle` (app/store/settle.py) then removes facts no document supports any more and
recomputes what depends on the remaining sources. All three run inside the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict

from ..extract import Extraction
from .keys import (
    entity_key,
    key_words,
    person_key,
    restates,
    surname_key,
)
from .merge_items import merge_culture, merge_quantity, partners_text  # noqa: F401
from .settle import count_facts, insert_row, settle


class Touched(defaultdict):
    """fact type -> ids of the facts a change touched, and how many mentions of each fact
    it added. `detached` says whether support was also taken away; while it is not,
    a stored count plus the mentions added is the count itself (settle relies on it)."""

    def __init__(self):
        super().__init__(set)
        self.added_mentions: Counter = Counter()
        self.detached = False
        # for updates by difference while only documents are added (settle): the document
        # attached, its date, and per person the events they are newly linked to
        self.document: tuple[int, str | None] | None = None
        self.new_links: defaultdict[int, set[int]] = defaultdict(set)
        self.new_posts: set[int] = set()  # persons given a post by the document
        # (fact type, id) of facts whose shown attributes changed (their search rows follow)
        self.relabelled: set[tuple[str, int]] = set()


def new_touched() -> Touched:
    return Touched()


class _Doc:
    """What attach needs to know about the document being written."""

    def __init__(self, conn, doc_id: int, ex: Extraction, touched: Touched):
        self.conn = conn
        self.touched = touched
        self.id = doc_id
        self.ex = ex
        self.date = ex.document.date
        self.title = ex.document.title
        self.sentence_ids: list[int] = []
        self.mentions: list[tuple] = []
        # rows nothing reads while the document is attached: written once each, in order, at
        # the end (flush), so their ids are those one insert per row would give
        self.rows: dict[str, list[tuple]] = {"posts": [], "participants": [], "figures": []}
        self.people: dict[str, int] = {}  # every surface form in this document -> person id
        self.titles: dict[int, str | None] = {}
        self.places: dict[str, int] = {}
        self.culture: set[int] = set()  # cultural items this document names

    def sentence_id(self, span) -> int | None:
        idx = self.ex.sentence_index(tuple(span))
        if idx is None or idx >= len(self.sentence_ids):
            return None
        return self.sentence_ids[idx]

    def mention(self, fact_type: str, fact_id: int, span) -> None:
        start, end = int(span[0]), int(span[1])
        if not 0 <= start < end <= len(self.ex.text):
            return  # a span outside the text points nowhere: no provenance row for it
        # written together at the end of attach (nothing reads them before), in this order
        self.mentions.append((fact_type, fact_id, self.id, start, end,
                              self.sentence_id((start, end))))
        self.touched.added_mentions[fact_type, fact_id] += 1

    def flush(self) -> None:
        for key, sql in _DEFERRED:
            if self.rows[key]:
                self.conn.executemany(sql, self.rows[key])
            self.rows[key] = []
        self.conn.executemany('INSERT INTO mentions (fact_type, fact_id, document_id, start, '
                              '"end", sentence_id) VALUES (?, ?, ?, ?, ?, ?)', self.mentions)
        self.mentions = []


# Matching reads persons, person_names, events and event_sources as the document is written,
# never these: a post, a participation or a figure's source of this document only counts
# from settle on (and the events this document reports are kept out of its own matching).
_DEFERRED = (
    ("posts", "INSERT INTO posts (person_id, title, country, as_of, document_id) "
              "VALUES (?, ?, ?, ?, ?)"),
    ("participants", "INSERT OR IGNORE INTO event_participants (event_id, person_id, "
                     "document_id, post_at_date) VALUES (?, ?, ?, ?)"),
    ("figures", 'INSERT INTO quantity_sources (quantity_id, document_id, start, "end", '
                "sentence_id, text, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?)"),
)


def attach(conn: sqlite3.Connection, doc_id: int, ex: Extraction, touched: Touched) -> None:
    doc = _Doc(conn, doc_id, ex, touched)
    touched.document = (doc_id, ex.document.date)
    text = ex.text
    # One statement for all sentences. A rowid is one more than the largest, so the rows
    # get consecutive ids from there, as when inserted one by one.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
    conn.executemany('INSERT INTO sentences (document_id, idx, start, "end", text) '
                     "VALUES (?, ?, ?, ?, ?)",
                     [(doc_id, idx, s, e, text[s:e]) for idx, (s, e) in enumerate(ex.sentences)])
    doc.sentence_ids = list(range(first, first + len(ex.sentences)))
    for person in ex.people:
        pid = _person(conn, person.name, person.country)
        touched["person"].add(pid)
        for form in dict.fromkeys([person.name, *person.aliases]):
            doc.people.setdefault(form, pid)
            doc.people.setdefault(person_key(form), pid)
            conn.execute("INSERT OR IGNORE INTO person_names (person_id, name, name_key) "
                         "VALUES (?, ?, ?)", (pid, form, person_key(form)))
        doc.titles[pid] = person.title
        if person.title or person.country:
            doc.rows["posts"].append((pid, person.title, person.country, doc.date, doc_id))
            touched.new_posts.add(pid)
        for span in person.mentions:
            doc.mention("person", pid, span)
    for fact_type, table, entities in (("organization", "organizations", ex.organizations),
                                       ("place", "places", ex.places)):
        for ent in entities:
            eid = _entity(conn, table, ent.name, ent.kind, ent.country, touched)
            touched[fact_type].add(eid)
            if fact_type == "place":
                doc.places[entity_key(ent.name)] = eid
            for span in ent.mentions:
                doc.mention(fact_type, eid, span)
    for event in ex.events:
        _event(doc, event, touched)
    for q in ex.quantities:
        merge_quantity(doc, q, touched)
    for item in ex.culture:
        merge_culture(doc, item, touched)
    doc.flush()


def _person(conn, name: str, country: str | None) -> int:
    key = person_key(name)
    row = conn.execute("SELECT person_id FROM person_names WHERE name_key = ? LIMIT 1",
                       (key,)).fetchone()
    if row:
        return row[0]
    parts = key.split()
    surname = surname_key(name)
    if surname:
        cands = conn.execute("SELECT id, name_key, country FROM persons WHERE surname_key = ?",
                             (surname,)).fetchall()
        fits = [c for c in cands if _compatible(parts, c[1].split(), country, c[2])]
        if len(fits) == 1:
            return fits[0][0]
    return insert_row(conn, "persons", {"name": name, "name_key": key, "surname_key": surname,
                                     "country": country})


def _compatible(a: list[str], b: list[str], country_a, country_b) -> bool:
    """"Lavrov" or "S. Lavrov" and "Sergey Lavrov" are one person when nothing contradicts."""
    if country_a and country_b and country_a != country_b:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    return a[0][0] == b[0][0] and (len(a[0]) == 1 or len(b[0]) == 1)


_FACT_TYPE = {"places": "place", "organizations": "organization"}


def _entity(conn, table: str, name: str, kind, country, touched: Touched | None = None) -> int:
    key = entity_key(name) or name
    row = conn.execute(f"SELECT id, kind, country FROM {table} WHERE name_key = ?",
                       (key,)).fetchone()
    if row:
        # Of the kinds and countries documents give, the least one is kept (not the first
        # importer's), so the row is the same in any import order.
        changes = {col: new for col, new, old in (("kind", kind, row[1]),
                                                  ("country", country, row[2]))
                   if new is not None and (old is None or new < old)}
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*changes.values(), row[0]])
            if touched is not None:
                touched.relabelled.add((_FACT_TYPE[table], row[0]))
        return row[0]
    return insert_row(conn, table, {"name": name, "name_key": key, "kind": kind,
                                 "country": country})


def _participant_ids(doc: _Doc, names: list[str]) -> list[int]:
    ids = []
    for name in names:
        pid = doc.people.get(name) or doc.people.get(person_key(name))
        if pid is None:
            pid = _person(doc.conn, name, None)
        if pid not in ids:
            ids.append(pid)
    return ids


def _event(doc: _Doc, ev, touched: Touched) -> None:
    conn = doc.conn
    participants = _participant_ids(doc, ev.participants)
    place_id = None
    if ev.place:
        place_id = doc.places.get(entity_key(ev.place)) or _entity(conn, "places", ev.place,
                                                                  None, None)
        touched["place"].add(place_id)
    event_id = _matching_event(doc, ev, place_id, participants)
    linked: set[int] = set()
    if event_id is not None and participants:
        linked = {r[0] for r in conn.execute(
            "SELECT DISTINCT person_id FROM event_participants WHERE event_id = ?", (event_id,))}
    if event_id is None:
        # Written with what settle would compute for a one-source event (its people, one
        # source, this document as first source): settle then finds nothing to rewrite,
        # where an update would redo the event's filter-index words.
        names = sorted({r[0] for r in conn.execute(
            f"SELECT name FROM persons WHERE id IN ({', '.join('?' * len(participants))})",
            participants)}) if participants else []
        event_id = insert_row(conn, "events", {
            "kind": ev.kind, "category": ev.category, "date_start": ev.date_start,
            "date_end": ev.date_end, "precision": ev.precision, "place_id": place_id,
            "place": ev.place, "status": ev.status, "summary": ev.summary,
            "participants": ", ".join(names) if names else None, "source_count": 1,
            "source_title": doc.title, "date_basis": getattr(ev, "date_basis", None)})
    touched["event"].add(event_id)
    span = tuple(ev.span)
    insert_row(conn, "event_sources", {
        "event_id": event_id, "document_id": doc.id, "start": span[0], "end": span[1],
        "sentence_id": doc.sentence_id(span), "kind": ev.kind, "category": ev.category,
        "date_start": ev.date_start, "date_end": ev.date_end, "precision": ev.precision,
        "place": ev.place, "status": ev.status, "summary": ev.summary,
        "date_basis": getattr(ev, "date_basis", None)})
    for pid in participants:
        touched["person"].add(pid)
        if pid not in linked:
            touched.new_links[pid].add(event_id)
        doc.rows["participants"].append((event_id, pid, doc.id, doc.titles.get(pid)))
    doc.mention("event", event_id, span)


def _matching_event(doc: _Doc, ev, place_id, participants: list[int]) -> int | None:
    """The stored event another document reported with the same dates, place and people:
    when both name participants, at least one in common; when one names none, the same place
    and either the same kind or the same several-day range (when neither names any, also
    summaries that restate each other: keys.restates), or the same kind, a place only one
    report gives and summaries that restate each other. The closest match wins."""
    if not ev.date_start:
        return None
    rows = doc.conn.execute(
        "SELECT id, kind, date_end, place_id FROM events WHERE date_start = ? AND id NOT IN "
        "(SELECT event_id FROM event_sources WHERE document_id = ?)",
        (ev.date_start, doc.id)).fetchall()
    # Of equal scores the first wins: in the order of (date_end, id), as SQL sorts them
    # (NULL first, numbers before text), sorted here so the covering index serves the query.
    rows.sort(key=lambda r: (_sql_order(r[2]), r[0]))
    best, best_score = None, 0
    mine = set(participants)
    rows = [r for r in rows if not (ev.date_end and r[2] and ev.date_end != r[2])
            and not (place_id and r[3] and place_id != r[3])]
    # the people of every remaining candidate in one query, not one query per candidate
    people: dict[int, set[int]] = {r[0]: set() for r in rows}
    for start in range(0, len(rows), 500):
        chunk = [r[0] for r in rows[start:start + 500]]
        for event_id, person_id in doc.conn.execute(
                "SELECT event_id, person_id FROM event_participants WHERE event_id IN "
                f"({', '.join('?' * len(chunk))})", chunk):
            people[event_id].add(person_id)
    words = key_words(ev.summary)

    def restated(event_id: int, close: bool, unknown: float = 0.0) -> float:
        """restates() with the stored summary; `unknown` when either has no key words."""
        row = doc.conn.execute("SELECT summary FROM events WHERE id = ?", (event_id,)).fetchone()
        theirs = key_words(row[0] if row else None)
        return restates(words, theirs, close) if words and theirs else unknown

    for event_id, kind, date_end, other_place in rows:
        same_place = bool(place_id and place_id == other_place)
        others = people[event_id]
        if mine and others:
            if not mine & others:
                continue
        else:
            same_range = bool(ev.date_end and ev.date_end == date_end
                              and ev.date_end != ev.date_start)
            if same_place and (kind == ev.kind or same_range):
                # Nobody named on either side: two festivals in one city on one day are
                # two events unless their words restate each other.
                if not mine and not others and not restated(event_id, True, unknown=1.0):
                    continue
            elif not (kind == ev.kind and not (place_id and other_place)
                      and restated(event_id, False)):
                continue   # else: one report names no place, but restates the other
        score = 10 * len(mine & others) + 3 * same_place + 2 * (kind == ev.kind) + \
            (ev.date_end == date_end) + 2 * (not mine and not others) + 1
        if score > best_score:
            best, best_score = event_id, score
    return best


def _sql_order(value) -> tuple:
    """A sort key that orders values as SQLite does: NULL, then numbers, then text."""
    if value is None:
        return (0, 0)
    return (1, value) if isinstance(value, int | float) else (2, str(value))


def detach(conn: sqlite3.Connection, doc_id: int, touched: Touched, delete: bool) -> None:
    """Take away everything the document contributed (and the document itself if delete)."""
    touched.detached = True
    for fact_type, fact_id in conn.execute(
            "SELECT DISTINCT fact_type, fact_id FROM mentions WHERE document_id = ?", (doc_id,)):
        touched[fact_type].add(fact_id)
    for (eid,) in conn.execute("SELECT event_id FROM event_sources WHERE document_id = ?",
                               (doc_id,)):
        touched["event"].add(eid)
    for (pid,) in conn.execute("SELECT person_id FROM event_participants WHERE document_id = ? "
                               "UNION SELECT person_id FROM posts WHERE document_id = ?",
                               (doc_id, doc_id)):
        touched["person"].add(pid)
    for (eid,) in conn.execute("SELECT place_id FROM events WHERE place_id IS NOT NULL AND id IN "
                               "(SELECT event_id FROM event_sources WHERE document_id = ?)",
                               (doc_id,)):
        touched["place"].add(eid)
    if delete:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return
    for table in ("search_index", "mentions", "posts", "event_participants", "event_sources",
                  "quantity_sources", "sentences"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))


__all__ = ["attach", "count_facts", "detach", "new_touched", "settle"]
