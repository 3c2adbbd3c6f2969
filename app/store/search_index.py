"""Rows of the full-text index: one per fact (name, aliases, summary, measure...), one per
sentence and one per document. The FTS5 table follows search_index through triggers."""

from __future__ import annotations

import json

# the ids of a statement over many facts, given as one JSON array: one SQL text whatever
# their number, so the connection's cache of prepared statements keeps the hot ones
_IDS = "SELECT value FROM json_each(?)"

# fact_type -> (search type, SQL giving id, label and body for the ids put in {ids}); names
# listed in a body are sorted, so a row does not depend on the order its facts were stored in
_FACT_SQL = {
    "person": ("person", """
        SELECT p.id, p.name,
               coalesce((SELECT group_concat(name, ' ') FROM (SELECT n.name AS name
                          FROM person_names n WHERE n.person_id = p.id AND n.name <> p.name
                          ORDER BY n.name)), '')
               || ' ' || coalesce(p.title, '') || ' ' || coalesce(p.country, '')
          FROM persons p WHERE p.id IN ({ids})"""),
    "organization": ("organization", """
        SELECT id, name, coalesce(kind, '') || ' ' || coalesce(country, '')
          FROM organizations WHERE id IN ({ids})"""),
    "place": ("place", """
        SELECT id, name, coalesce(kind, '') || ' ' || coalesce(country, '')
          FROM places WHERE id IN ({ids})"""),
    "event": ("event", """
        SELECT e.id, coalesce(e.summary, e.kind, 'event'),
               coalesce(e.kind, '') || ' ' || coalesce(e.place, '') || ' '
               || coalesce(e.date_start, '') || ' '
               || coalesce((SELECT group_concat(name, ' ') FROM (SELECT p.name AS name
                             FROM (SELECT DISTINCT person_id FROM event_participants
                                   WHERE event_id = e.id) ep
                             JOIN persons p ON p.id = ep.person_id ORDER BY p.name)), '')
          FROM events e WHERE e.id IN ({ids})"""),
    "quantity": ("figure", """
        SELECT id, coalesce(text, value || ' ' || unit),
               coalesce(measure, '') || ' ' || coalesce(period, '') || ' ' || unit
               || ' ' || coalesce(category, '') || ' ' || coalesce(partners, '')
          FROM quantities WHERE id IN ({ids})"""),
    "culture": ("culture", """
        SELECT id, summary, coalesce(kind, '') || ' ' || coalesce(place, '')
          FROM culture_items WHERE id IN ({ids})"""),
}


# Facts whose label and body come only from columns written when the fact is created (a
# figure's text and measure, a place's name...): a mention more cannot change their row.
_FIXED = frozenset({"quantity", "culture", "organization", "place"})


def refresh_search(conn, touched) -> None:
    """Rewrite the search row of each touched fact whose label, body or first mention
    changed. Most touched facts (a person named again, a figure restated) keep the same
    row, and rewriting it would cost an FTS5 delete and insert each for nothing."""
    # While only a document was added, and it has the highest id, a fact's first mention
    # (by document, then position) is the one its row already shows, if it shows one.
    added_only = getattr(touched, "document", None) is not None and \
        not getattr(touched, "detached", True)
    relabelled = getattr(touched, "relabelled", ())
    new_doc = touched.document[0] if added_only else None
    for fact_type, ids in touched.items():
        if fact_type not in _FACT_SQL or not ids:
            continue
        stype, sql = _FACT_SQL[fact_type]
        shown = _shown_rows(conn, stype, sorted(ids))
        keys = _doc_keys(conn, {rows[0][0] for rows in shown.values() if len(rows) == 1}
                         | ({new_doc} if added_only else set()))
        todo = []  # (fact id, rows shown, first mention kept) of the rows that may change
        for fact_id in ids:
            old = shown.get(fact_id, [])
            # While only a document was added, a row keeps its first mention unless the new
            # document comes first in the documents' order (date, then hash: not the order
            # they were imported in).
            keeps_first = (added_only and len(old) == 1 and old[0][0] is not None
                           and keys[old[0][0]] <= keys[new_doc])
            if keeps_first and fact_type in _FIXED and (fact_type, fact_id) not in relabelled:
                continue  # its label and body are not rewritten, its first mention stays
            todo.append((fact_id, old, keeps_first))
        labels = _by_id(conn, sql, [t[0] for t in todo])
        firsts = _first_mentions(conn, fact_type, [
            t[0] for t in todo if not t[2] and not (added_only and t[1] and t[1][0][0] is not None)])
        for fact_id, old, keeps_first in todo:
            row = labels.get(fact_id)
            if row is None:
                if old:
                    conn.execute("DELETE FROM search_index WHERE type = ? AND fact_id = ?",
                                 (stype, fact_id))
                continue
            if keeps_first:
                first = old[0][:3]
            elif added_only and old and old[0][0] is not None:
                first = _new_first(conn, fact_type, fact_id, new_doc) or old[0][:3]
            else:
                first = firsts.get(fact_id)
            doc_id, start, end = first if first else (None, None, None)
            values = (doc_id, start, end, row[0] or "", row[1] or "")
            if len(old) == 1 and old[0] == values:
                continue
            if old:
                conn.execute("DELETE FROM search_index WHERE type = ? AND fact_id = ?",
                             (stype, fact_id))
            conn.execute(
                'INSERT INTO search_index (type, fact_id, document_id, start, "end", label, body) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (stype, fact_id, *values))


def _by_id(conn, sql: str, ids: list[int]) -> dict[int, tuple]:
    """The label and body of each fact that still exists, in one query."""
    out: dict[int, tuple] = {}
    for fact_id, *row in conn.execute(sql.format(ids=_IDS), (json.dumps(ids),)):
        out[fact_id] = tuple(row)
    return out


def _shown_rows(conn, stype: str, ids: list[int]) -> dict[int, list[tuple]]:
    """The search rows the facts have now, read in in one query."""
    shown: dict[int, list[tuple]] = {}
    for fact_id, *row in conn.execute(
            'SELECT fact_id, document_id, start, "end", label, body FROM search_index '
            f"WHERE type = ? AND fact_id IN ({_IDS}) ORDER BY fact_id, rowid",
            (stype, json.dumps(ids))):
        shown.setdefault(fact_id, []).append(tuple(row))
    return shown


def _doc_keys(conn, doc_ids: set) -> dict[int, tuple]:
    """Documents in the order first mentions follow: date (undated last), then hash."""
    ids = sorted(i for i in doc_ids if i is not None)
    keys: dict[int, tuple] = {}
    for doc_id, date, sha in conn.execute(
            f"SELECT id, date, sha256 FROM documents WHERE id IN ({_IDS})", (json.dumps(ids),)):
        keys[doc_id] = (date is None, date or "", sha)
    return keys


def _new_first(conn, fact_type: str, fact_id: int, new_doc: int):
    """While only `new_doc` was added and comes first: the fact's first mention in it."""
    return conn.execute(
        'SELECT document_id, start, "end" FROM mentions WHERE fact_type = ? AND '
        "fact_id = ? AND document_id = ? ORDER BY start LIMIT 1",
        (fact_type, fact_id, new_doc)).fetchone()


def _first_mentions(conn, fact_type: str, ids: list[int]) -> dict[int, tuple]:
    """Each fact's first mention (by document date, hash, then position) in one query: the
    same top-1 subquery per fact as one query each would be (it stops at the first row; a
    window over all of a famous person's mentions sorted them all)."""
    out: dict[int, tuple] = {}
    for fact_id, *first in conn.execute(
            'SELECT m.fact_id, m.document_id, m.start, m."end" FROM mentions m WHERE '
            "m.rowid IN (SELECT (SELECT m2.rowid FROM mentions m2 JOIN documents d ON "
            "d.id = m2.document_id WHERE m2.fact_type = ? AND m2.fact_id = f.value ORDER BY "
            "d.date IS NULL, d.date, d.sha256, m2.start LIMIT 1) FROM json_each(?) f)",
            (fact_type, json.dumps(ids))):
        out[fact_id] = tuple(first)
    return out


def index_document(conn, doc_id: int) -> None:
    """The document's own row and its sentences."""
    conn.execute("DELETE FROM search_index WHERE document_id = ? AND type IN "
                 "('document', 'sentence')", (doc_id,))
    conn.execute(
        'INSERT INTO search_index (type, fact_id, document_id, start, "end", label, body) '
        "SELECT 'document', id, id, NULL, NULL, coalesce(title, path, ''), "
        "coalesce(ref, '') || ' ' || coalesce(path, '') FROM documents WHERE id = ?", (doc_id,))
    conn.execute(
        'INSERT INTO search_index (type, fact_id, document_id, start, "end", label, body) '
        "SELECT 'sentence', id, document_id, start, \"end\", '', text FROM sentences "
        "WHERE document_id = ?", (doc_id,))
