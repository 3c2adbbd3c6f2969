"""Counts kept per person (see counts.py for how they are kept): the mentions of each person
by the documents of each month, and the meetings each person took part in by the months the
meeting starts and ends in, so that people in a time window are counted from these kept rows
instead of every mention and participation.

A date's key is its month (YYYY-MM) when it is a day (YYYY-MM-DD), else the date itself.
For a window whose first day is a month's first and whose last day is written -31
(window.window_bounds gives that for years and months), `key <= last day` and
`key >= first day cut to the key's length` keep exactly the rows window.overlap keeps,
so the counts within such a window are the counts of the facts (any other window reads
the facts). Rows of undated documents and meetings are not kept: no window holds them.

Deleting a document or meeting removes its rows before the database's cascades remove
the mentions and participations (during a cascade the parent row is gone, so the child
triggers find no date and change nothing)."""

from __future__ import annotations

TABLE = "kept_person_months"
YEAR = "'[0-9][0-9][0-9][0-9]*'"


def key(x: str) -> str:
    return (f"(CASE WHEN {x} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND "
            f"substr({x}, 9, 2) BETWEEN '01' AND '31' THEN substr({x}, 1, 7) ELSE {x} END)")


def _ends(e: str) -> tuple[str, str]:
    return key(f"{e}.date_start"), key(f"coalesce({e}.date_end, {e}.date_start)")


UPSERT = "ON CONFLICT(what, person_id, skey, ekey) DO UPDATE SET n = n + excluded.n"
TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    what TEXT NOT NULL,          -- 'm': mentions, 'e': meetings
    person_id INTEGER NOT NULL,
    skey TEXT NOT NULL,
    ekey TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (what, person_id, skey, ekey)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS {TABLE}_window ON {TABLE}(what, skey, ekey, person_id, n);
CREATE INDEX IF NOT EXISTS {TABLE}_spans ON {TABLE}(what, skey, ekey, person_id, n)
    WHERE skey != ekey;
"""


def _doc_people(doc: str) -> str:
    return (f"person_id IN (SELECT fact_id FROM mentions WHERE document_id = {doc}.id AND "
            f"fact_type = 'person')")


def _mention_triggers() -> str:
    dk, ok, nk = key("d.date"), key("old.date"), key("new.date")
    take_doc = (f"UPDATE {TABLE} SET n = n - (SELECT count(*) FROM mentions m WHERE "
                f"m.document_id = old.id AND m.fact_type = 'person' AND m.fact_id = "
                f"{TABLE}.person_id) WHERE old.date GLOB {YEAR} AND what = 'm' AND skey = {ok} "
                f"AND ekey = skey AND {_doc_people('old')};\n"
                f"DELETE FROM {TABLE} WHERE what = 'm' AND skey = {ok} AND ekey = skey AND n <= 0;\n")
    return (
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_mentions_ai AFTER INSERT ON mentions "
        f"WHEN new.fact_type = 'person' BEGIN\n"
        f"INSERT INTO {TABLE}(what, person_id, skey, ekey, n) SELECT 'm', new.fact_id, {dk}, "
        f"{dk}, 1 FROM documents d WHERE d.id = new.document_id AND d.date GLOB {YEAR} "
        f"{UPSERT};\nEND;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_mentions_ad AFTER DELETE ON mentions "
        f"WHEN old.fact_type = 'person' BEGIN\n"
        f"UPDATE {TABLE} SET n = n - 1 WHERE what = 'm' AND person_id = old.fact_id AND "
        f"skey = (SELECT {dk} FROM documents d WHERE d.id = old.document_id AND d.date GLOB "
        f"{YEAR}) AND ekey = skey;\n"
        f"DELETE FROM {TABLE} WHERE what = 'm' AND person_id = old.fact_id AND n <= 0;\nEND;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_documents_bd BEFORE DELETE ON documents "
        f"BEGIN\n{take_doc}END;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_documents_au AFTER UPDATE OF date ON documents "
        f"WHEN (old.date GLOB {YEAR}) IS NOT (new.date GLOB {YEAR}) OR {ok} IS NOT {nk} BEGIN\n"
        f"{take_doc}"
        f"INSERT INTO {TABLE}(what, person_id, skey, ekey, n) SELECT 'm', fact_id, {nk}, {nk}, "
        f"count(*) FROM mentions WHERE document_id = new.id AND fact_type = 'person' AND "
        f"new.date GLOB {YEAR} GROUP BY fact_id {UPSERT};\nEND;\n")


def _meeting_triggers() -> str:
    (es, ee), (os_, oe), (ns, ne) = _ends("e"), _ends("old"), _ends("new")
    take_event = (f"UPDATE {TABLE} SET n = n - 1 WHERE old.date_start GLOB {YEAR} AND "
                  f"what = 'e' AND skey = {os_} AND ekey = {oe} AND person_id IN "
                  f"(SELECT person_id FROM event_participants WHERE event_id = old.id);\n"
                  f"DELETE FROM {TABLE} WHERE what = 'e' AND skey = {os_} AND ekey = {oe} "
                  f"AND n <= 0;\n")
    return (
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_participants_ai AFTER INSERT ON "
        f"event_participants WHEN NOT EXISTS (SELECT 1 FROM event_participants WHERE "
        f"event_id = new.event_id AND person_id = new.person_id AND id != new.id) BEGIN\n"
        f"INSERT INTO {TABLE}(what, person_id, skey, ekey, n) SELECT 'e', new.person_id, {es}, "
        f"{ee}, 1 FROM events e WHERE e.id = new.event_id AND e.date_start GLOB {YEAR} "
        f"{UPSERT};\nEND;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_participants_ad AFTER DELETE ON "
        f"event_participants WHEN NOT EXISTS (SELECT 1 FROM event_participants WHERE "
        f"event_id = old.event_id AND person_id = old.person_id) BEGIN\n"
        f"UPDATE {TABLE} SET n = n - 1 WHERE what = 'e' AND person_id = old.person_id AND "
        f"(skey, ekey) = (SELECT {es}, {ee} FROM events e WHERE e.id = old.event_id AND "
        f"e.date_start GLOB {YEAR});\n"
        f"DELETE FROM {TABLE} WHERE what = 'e' AND person_id = old.person_id AND n <= 0;\nEND;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_events_bd BEFORE DELETE ON events BEGIN\n"
        f"{take_event}END;\n"
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_events_au AFTER UPDATE OF date_start, date_end "
        f"ON events WHEN (old.date_start GLOB {YEAR}) IS NOT (new.date_start GLOB {YEAR}) OR "
        f"{os_} IS NOT {ns} OR {oe} IS NOT {ne} BEGIN\n{take_event}"
        f"INSERT INTO {TABLE}(what, person_id, skey, ekey, n) SELECT DISTINCT 'e', person_id, "
        f"{ns}, {ne}, 1 FROM event_participants WHERE event_id = new.id AND new.date_start "
        f"GLOB {YEAR} {UPSERT};\nEND;\n")


def script() -> str:
    return TABLE_SQL + _mention_triggers() + _meeting_triggers()


def recount_sql() -> list[str]:
    """(what, person_id, skey, ekey, n) of every kept row, counted from the facts."""
    dk = key("d.date")
    es, ee = _ends("e")
    return [f"SELECT 'm', m.fact_id, {dk}, {dk}, count(*) FROM mentions m JOIN documents d "
            f"ON d.id = m.document_id WHERE m.fact_type = 'person' AND d.date GLOB {YEAR} "
            f"GROUP BY m.fact_id, {dk}",
            f"SELECT 'e', ep.person_id, {es}, {ee}, count(DISTINCT e.id) FROM "
            f"event_participants ep JOIN events e ON e.id = ep.event_id WHERE e.date_start "
            f"GLOB {YEAR} GROUP BY ep.person_id, {es}, {ee}"]


def fill_sql() -> list[str]:
    return [f"INSERT INTO {TABLE}(what, person_id, skey, ekey, n) {s}" for s in recount_sql()]


def aligned(lo: str | None, hi: str | None) -> bool:
    """Whether the kept counts answer this window exactly (see the module's notes)."""
    def form(value, day):
        return value is None or (len(value) == 10 and value[4] == "-" and value[7] == "-"
                                 and value[8:] == day and (value[:4] + value[5:7]).isdigit())
    return (lo or hi) is not None and form(lo, "01") and form(hi, "31")


def in_window(lo: str | None, hi: str | None, what: str = "e",
              part: str | None = None) -> tuple[str, list]:
    """The kept rows' condition for an aligned window (no table prefix). A row whose keys
    are equal (every mention's: one key, at least a year long) and that starts before the
    window's first year ends before it too: the window holds only the rows starting in that
    year or later and, before it, those ending in another month than they start. `part`:
    "near" for the first (a range from that year on in either index; the mentions' rows are
    all of this part), "early" for the others (the spans index, about a quarter of the
    meetings' rows and 0.02% of them in the window at 50,000 releases), None for both."""
    conds, params = [], []
    if lo and (what == "m" or part is not None):
        conds.append("skey >= ?" if what == "m" or part == "near" else "skey < ? AND skey != ekey")
        params.append(lo[:4])
    if hi:
        conds.append("skey <= ?")
        params.append(hi)
    if lo:
        conds.append("ekey >= substr(?, 1, length(ekey))")
        params.append(lo)
    return " AND ".join(conds), params


def _rows(what: str, lo: str | None, hi: str | None) -> tuple[str, list]:
    """One person's (p.id) kept rows in the window (the meetings' from the window's first
    year): a seek in the primary key per person, cheaper than reading the window's rows of
    everyone for a page of 200 or a count."""
    cond, params = in_window(lo, hi, what, "near")
    return f"FROM {TABLE} WHERE what = '{what}' AND person_id = p.id AND {cond}", params


def _early(lo: str | None, hi: str | None, columns: str) -> tuple[str, list] | None:
    """The meetings' rows of the window starting before its first year (the spans index),
    or None for a window open at the start (all its rows are read by the "near" part)."""
    if not lo:
        return None
    cond, params = in_window(lo, hi, "e", "early")
    return (f"SELECT {columns} FROM {TABLE} INDEXED BY {TABLE}_spans WHERE what = 'e' "
            f"AND {cond}"), params


def early_meetings(lo: str | None, hi: str | None) -> tuple[str, list] | None:
    """(person id, dated meetings in the window starting before its first year) of everyone
    with some (aligned window; None for a window open at the start: there are none)."""
    early = _early(lo, hi, "person_id, sum(n)")
    return None if early is None else (f"{early[0]} GROUP BY person_id", early[1])


def people_in(lo: str | None, hi: str | None) -> tuple[str, list]:
    """window.people_in read from the kept counts (only for an aligned window)."""
    (m, mp), (e, ep) = _rows("m", lo, hi), _rows("e", lo, hi)
    early = _early(lo, hi, "person_id")
    sql = f"SELECT id FROM persons p WHERE EXISTS (SELECT 1 {m}) OR EXISTS (SELECT 1 {e})"
    return (sql + f" OR id IN ({early[0]})", [*mp, *ep, *early[1]]) if early else (sql, [*mp, *ep])


def meetings_in(lo: str | None, hi: str | None) -> tuple[str, list]:
    """(person id, dated meetings in the window) of everyone in one (aligned window): the
    window index read from the window's first year up to its last start key, and the spans
    index before that year, not every meeting row in the primary key's person order nor
    every row starting before the window (at 50,000 releases, 2010-2012: 20,000 + 9,000
    rows read instead of 61,000)."""
    cond, params = in_window(lo, hi, "e", "near")
    near = (f"SELECT person_id, n FROM {TABLE} INDEXED BY {TABLE}_window WHERE what = 'e' "
            f"AND {cond}")
    early = _early(lo, hi, "person_id, n")
    if early:
        near, params = f"{near} UNION ALL {early[0]}", [*params, *early[1]]
    return f"SELECT person_id, sum(n) AS n FROM ({near}) GROUP BY person_id", params


def people_source(lo: str | None, hi: str | None) -> tuple[str, list]:
    """window.people_source read from the kept counts (only for an aligned window)."""
    (m, mp), (e, ep) = _rows("m", lo, hi), _rows("e", lo, hi)
    early = _early(lo, hi, "person_id, sum(n) AS n")
    sql = ("(SELECT p.id, p.name, p.post, p.country, "
           f"coalesce((SELECT sum(n) {m}), 0) AS mentions, "
           f"coalesce((SELECT sum(n) {e}), 0){' + coalesce(early.n, 0)' if early else ''} "
           "AS meetings, p.first_date, p.last_date FROM people p")
    if not early:
        return sql + ") AS people", [*mp, *ep]
    return (sql + f" LEFT JOIN ({early[0]} GROUP BY person_id) AS early ON "
            "early.person_id = p.id) AS people", [*mp, *ep, *early[1]])
