"""Reading the database: the user-facing tables with filters done in SQL, a fact's sources,
a document's highlighted spans, a person's and an event's detail, and who met whom."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.store import window
from app.store.db import connect
from app.store.errors import StoreError
from app.store.schema import FILTER_FTS, filter_table
from app.store.search import SearchHit, clean_text, column_phrase, filter_expression, search

# Columns a text filter looks in (the text and date columns of each table, in the order of
# the word index over the same columns of the base table, schema.FILTER_FTS).
TEXT_COLUMNS = {
    "people": ("name", "post", "country", "first_date", "last_date"),
    "meetings": ("date_start", "date_end", "kind", "place", "participants", "status",
                 "category", "summary", "source"),
    "trade": ("measure", "unit", "period", "qualifier", "category", "text", "source",
              "partners", "status", "direction"),
    "figures": ("measure", "unit", "period", "qualifier", "category", "text", "source",
                "partners", "status", "direction"),
    "culture": ("summary", "kind", "date_start", "place", "source"),
    "sources": ("title", "ref", "path", "date"),
}
# Read only when the caller says the column is shown (Filters.columns): a meeting's first
# source title names people ("Lavrov's talks...") who did not take part in it.
SHOWN_ONLY = {"source"}
# view column -> column of the word index, where the view renames it
_INDEX_NAME = {"source": "source_title", "post": "title"}


def text_columns(table: str, shown=None) -> tuple[str, ...]:
    """The columns a text filter reads: those of TEXT_COLUMNS the table shows (`shown`, the
    view's visible columns; None: every one but SHOWN_ONLY)."""
    if shown is None:
        return tuple(c for c in TEXT_COLUMNS[table] if c not in SHOWN_ONLY)
    shown = set(shown)
    return tuple(c for c in TEXT_COLUMNS[table] if c in shown)


# Which base fact a row of each table is, for provenance.
TABLE_FACT = {"people": "person", "meetings": "event", "trade": "quantity",
              "figures": "quantity", "culture": "culture", "sources": "document"}
FACT_ALIASES = {"people": "person", "persons": "person", "meetings": "event", "events": "event",
                "trade": "quantity", "figures": "quantity", "figure": "quantity",
                "quantities": "quantity", "culture_items": "culture",
                "organisation": "organization", "organizations": "organization",
                "places": "place"}
_LABEL_SQL = {
    "person": "(SELECT name FROM persons WHERE id = m.fact_id)",
    "organization": "(SELECT name FROM organizations WHERE id = m.fact_id)",
    "place": "(SELECT name FROM places WHERE id = m.fact_id)",
    "event": "(SELECT summary FROM events WHERE id = m.fact_id)",
    "quantity": "(SELECT text FROM quantities WHERE id = m.fact_id)",
    "culture": "(SELECT summary FROM culture_items WHERE id = m.fact_id)",
}


@dataclass
class Filters:
    text: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None
    kind: str | None = None
    year: int | None = None
    category: str | None = None
    ids: list[int] | None = None
    # the view's columns on screen: the text filter reads only those (None: see text_columns)
    columns: tuple[str, ...] | None = None

    def __setattr__(self, name, value) -> None:
        # Typed text can hold lone surrogates (pasted, or from a file name): not text
        # SQLite can be given, so each becomes U+FFFD, a character no word holds.
        object.__setattr__(self, name, clean_text(value))

    # while a time window is set, also keep the rows that state no date (app/store/window.py)
    undated: bool | None = None
    # figures of one pair of partners (as stored, "China–Russia"); "-": figures naming none
    partners: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", [])}


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_match(table: str, text: str, shown=None) -> str | None:
    expr = filter_expression(text)
    if expr is None:
        return None
    cols = text_columns(table, shown)
    if not cols:
        return None
    if len(cols) < len(TEXT_COLUMNS[table]):
        names = " ".join(_INDEX_NAME.get(c, c) for c in cols)
        expr = f"{{{names}}} : ({expr})"
    if table == "trade":
        # narrows the index's answer to trade rows (categories are single words of a fixed
        # set, app/extract/model.py); the view itself still requires category = 'trade'
        expr = f'({expr}) AND category : "trade"'
    return expr


def _text_condition(table: str, text: str, in_order: bool = False,
                    shown=None) -> tuple[str, list]:
    """Rows whose shown text columns hold each word of `text` at the start of a word (see
    search.filter_expression), found in the table's word index. Text without a letter or
    digit ("%", "$") has no words to look up: it is compared literally, by a scan.
    `in_order` keeps SQLite from looking the matches up by id (then sorting them all), so
    that it walks an index in the wanted order instead and stops at the page's end."""
    cols = text_columns(table, shown)
    if not cols:
        return "0", []   # no text column on screen: nothing shown can hold the text
    expr = _text_match(table, text, shown)
    if expr is None:
        return ("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")",
                [_like(text)] * len(cols))
    fts = filter_table(table)
    return f"{'+' if in_order else ''}id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [expr]


def _value_condition(table: str, column: str, value: str) -> tuple[str, list]:
    """`column` holds `value` (a person or place picked from a list): LIKE, on the rows
    whose words the table's word index says can hold it, instead of on every row."""
    like = f"{column} LIKE ? ESCAPE '\\'"
    expr = column_phrase(value, column)
    if expr is None:
        return like, [_like(value)]
    fts = filter_table(table)
    return (f"id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?) AND {like}",
            [expr, _like(value)])


def window_condition(table: str, filters: Filters) -> tuple[str, list]:
    """The time window's one meaning (app/store/window.py): rows whose date or period
    overlaps it, and the undated ones only when filters.undated asks for them."""
    lo, hi = window.window_bounds(filters.date_from, filters.date_to)
    if table == "people":
        sql, params = window.people_in(lo, hi)
        cond = f"id IN ({sql})"
    else:
        cond, params = window.overlap(table, lo, hi)
    if filters.undated:
        cond = f"({cond} OR {window.undated(table)})"
    return cond, params


def where_clause(table: str, filters: Filters | None) -> tuple[str, list]:
    """SQL condition and parameters for one user-facing table."""
    return _where(table, filters)


def _where(table: str, filters: Filters | None, in_order: bool = False) -> tuple[str, list]:
    if not filters:
        return "", []
    conds: list[str] = []
    params: list = []
    if filters.text and filters.text.strip():
        cond, args = _text_condition(table, filters.text.strip(), in_order, filters.columns)
        conds.append(cond)
        params += args
    if filters.date_from or filters.date_to:
        cond, args = window_condition(table, filters)
        conds.append(cond)
        params += args
    if filters.year and table == "people":
        # someone the documents show before and after that year was around in it
        conds.append("substr(first_date, 1, 4) <= ? AND substr(last_date, 1, 4) >= ?")
        params += [f"{int(filters.year):04d}"] * 2
    elif filters.year:
        col = {"meetings": "date_start", "trade": "period", "figures": "period",
               "culture": "date_start", "sources": "date"}[table]
        conds.append(f"substr({col}, 1, 4) = ?")
        params.append(f"{int(filters.year):04d}")
    if filters.person and filters.person.strip():
        col = {"meetings": "participants", "people": "name"}.get(table)
        if col:
            cond, args = _value_condition(table, col, filters.person.strip())
            conds.append(cond)
            params += args
    if filters.place and filters.place.strip() and table in ("meetings", "culture"):
        cond, args = _value_condition(table, "place", filters.place.strip())
        conds.append(cond)
        params += args
    if filters.kind and table in ("meetings", "culture"):
        conds.append("kind = ?")
        params.append(filters.kind)
    if filters.partners and table in ("trade", "figures"):
        conds.append("partners IS NULL" if filters.partners == "-" else "partners = ?")
        params += [] if filters.partners == "-" else [filters.partners]
    if filters.category and table in ("meetings", "trade", "figures"):
        conds.append("category = ?")
        params.append(filters.category)
    if filters.ids is not None:
        ids = [int(i) for i in filters.ids]
        conds.append(f"id IN ({', '.join('?' for _ in ids)})" if ids else "0")
        params += ids
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def _after(order: str, descending: bool, value, row_id: int) -> list[tuple[str, list]]:
    """The rows sorting after (value, id) in ORDER BY order, id (NULLs first ascending, last
    descending, as SQLite sorts them), as conditions to read one after the other. Each is a
    range on the order column, so SQLite walks its index from the key on; one condition with
    OR would make it read and sort every row before the key."""
    c, i = f'"{order}"', int(row_id)
    if order == "id":
        return [("id < ?" if descending else "id > ?", [i])]
    if value is None:
        nulls = (f"{c} IS NULL AND id {'<' if descending else '>'} ?", [i])
        return [nulls] if descending else [nulls, (f"{c} IS NOT NULL", [])]
    if descending:
        return [(f"{c} <= ? AND ({c} < ? OR id < ?)", [value, value, i]), (f"{c} IS NULL", [])]
    return [(f"{c} >= ? AND ({c} > ? OR id > ?)", [value, value, i])]


class Store:
    TABLES = ("people", "meetings", "trade", "figures", "culture", "sources")

    def __init__(self, path: Path, conn):
        self.path = path
        # the connection itself, not a sqlite_utils.Database: only .execute is used, and
        # sqlite-utils (with pandas when installed, ~0.4 s) stays out of the window's start-up
        self.conn = getattr(conn, "conn", conn)
        self.db = self.conn
        self._matches: dict = {}

    @classmethod
    def open(cls, path, create: bool = False, check: bool = True) -> Store:
        path = Path(path)
        return cls(path, connect(path, create=create, check=check))

    @property
    def checked(self) -> bool:
        """Whether opening checked the file for damage (see db.connect's check)."""
        return getattr(self.conn, "checked", True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- user-facing tables -------------------------------------------------------------
    def _check(self, table: str) -> str:
        if table not in self.TABLES:
            raise StoreError(f"unknown table {table!r} (choose from {', '.join(self.TABLES)})")
        return table

    def columns(self, table: str) -> list[str]:
        cur = self.conn.execute(f"SELECT * FROM {self._check(table)} LIMIT 0")
        return [d[0] for d in cur.description]

    @property
    def read_only(self) -> str | None:
        """Why this database may only be read here (None: it may be written)."""
        return getattr(self.conn, "read_only", None)

    def rows(self, table, filters: Filters | None = None, order_by: str | None = None,
             descending: bool = False, limit: int | None = None, offset: int = 0,
             after: dict | None = None, before: dict | None = None) -> list[dict]:
        """Rows in order; a page is either `offset` rows in, or the `limit` rows that sort
        right after the row `after` or right before the row `before` (keyset paging: rows
        another process adds meanwhile cannot shift it)."""
        cols = self.columns(table)
        order = order_by if order_by in cols else "id"
        backward = before is not None and after is None
        if backward:  # the rows before a row are those after it in the reverse order
            after, descending = before, not descending
        direction = "DESC" if descending else "ASC"

        source, source_params = self.source(table, filters)

        def select(in_order: bool, key: tuple[str, list] | None) -> tuple[str, list]:
            where, params = _where(table, filters, in_order)
            if key is not None:
                where = f"{where} AND {key[0]}" if where else f" WHERE {key[0]}"
                params = [*params, *key[1]]
            params = [*source_params, *params]
            sql = f'SELECT * FROM {source}{where} ORDER BY "{order}" {direction}'
            if order != "id":
                sql += f", id {direction}"
            if limit is not None:
                sql += " LIMIT ? OFFSET ?"
                params = [*params, int(limit) - len(rows),
                          0 if after is not None else int(offset or 0)]
            return sql, params

        rows: list[dict] = []
        keys = [None] if after is None else _after(order, descending, after.get(order),
                                                     after["id"])
        for key in keys:
            if limit is not None and len(rows) >= limit:
                break
            sql, params = select(False, key)
            if limit is not None and order != "id" and self._many_matches(
                    table, filters, limit + (0 if after is not None else offset or 0)):
                walk, walk_params = select(True, key)
                plan = [r[-1] for r in self.conn.execute(f"EXPLAIN QUERY PLAN {walk}",
                                                         walk_params)]
                if "USE TEMP B-TREE FOR ORDER BY" not in plan:  # an index gives the order
                    sql, params = walk, walk_params
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            rows += [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        return rows[::-1] if backward else rows

    def source(self, table: str, filters: Filters | None = None) -> tuple[str, list]:
        """What to select a table's rows from under the filters (SQL and parameters): the
        view itself, or for people in a time window the view with their mentions and
        meetings counted within the window."""
        self._check(table)
        if table == "people" and filters is not None and (filters.date_from or filters.date_to):
            return window.people_source(*window.window_bounds(filters.date_from, filters.date_to))
        return table, []

    def undated_hidden(self, table: str, filters: Filters | None) -> int:
        """How many rows the time window hides because they state no date (0 when no window
        is set or the undated rows are shown)."""
        self._check(table)
        if filters is None or filters.undated or not (filters.date_from or filters.date_to):
            return 0
        where, params = where_clause(table, replace(filters, date_from=None, date_to=None))
        glue = " AND " if where else " WHERE "
        if table in ("trade", "figures"):
            # all less the dated: a range on the periods' index, where "undated" reads every row
            dated = window.bound_sql("period")
            return (self.conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]
                    - self.conn.execute(f"SELECT count(*) FROM {table}{where}{glue}{dated} > ''",
                                        params).fetchone()[0])
        return self.conn.execute(
            f"SELECT count(*) FROM {table}{where}{glue}{window.undated(table)}",
            params).fetchone()[0]

    def count(self, table, filters: Filters | None = None) -> int:
        self._check(table)
        if filters is not None and filters.ids is None and \
                filters.to_dict().keys() - {"columns"} == {"text"}:
            n = self._match_count(table, filters.text, filters.columns)
            if n is not None:
                return n
        where, params = where_clause(table, filters)
        return self.conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]

    def _match_count(self, table: str, text: str | None, shown=None) -> int | None:
        """Rows of the table's word index matching a filter text (None: no words in it),
        remembered while the database stays the same (the table model asks once per page)."""
        expr = _text_match(table, (text or "").strip(), shown)
        if expr is None:
            return None
        version = (self.conn.execute("PRAGMA data_version").fetchone()[0],
                   self.conn.total_changes)
        key = (filter_table(table), expr)
        hit = self._matches.get(key)
        if hit is None or hit[0] != version:
            fts = key[0]
            n = self.conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?",
                                  (expr,)).fetchone()[0]
            if len(self._matches) > 64:
                self._matches.clear()
            hit = self._matches[key] = (version, n)
        return hit[1]

    def _many_matches(self, table: str, filters: Filters | None, wanted: int) -> bool:
        """Whether walking the table in order (and testing each row against the matches)
        reaches `wanted` rows sooner than reading every match and sorting them."""
        if filters is None or not filters.text:
            return False
        n = self._match_count(table, filters.text, filters.columns)
        if not n:
            return False
        base = FILTER_FTS[table][0]
        rows = self.conn.execute(f"SELECT max(id) FROM {base}").fetchone()[0] or 0
        return n * n > wanted * rows

    # -- the Trade tab's aggregates (app/store/trade.py) -------------------------------
    def trade_partners(self, filters: Filters | None = None):
        """[PartnerPair] with trade figures under the filters, most figures first."""
        from app.store.trade import partner_pairs
        return partner_pairs(self.conn, filters)

    def trade_view(self, filters: Filters | None = None, unit: str | None = None):
        """TradeView: the volume over time in one unit of the pair filters.partners names
        (every pair when it names none), its targets and forecasts, shares and growth."""
        from app.store.trade import trade_view
        return trade_view(self.conn, filters, unit)

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in self.TABLES}

    # -- search and provenance ----------------------------------------------------------
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search(self.conn, query, limit)

    def document(self, doc_id) -> dict:
        """A document's row; `warnings` as a list (one per stored line)."""
        cur = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,))
        row = cur.fetchone()
        if row is None:
            raise StoreError(f"no document {doc_id}")
        out = dict(zip([d[0] for d in cur.description], row, strict=True))
        out["warnings"] = [w for w in (out.get("warnings") or "").split("\n") if w]
        out.setdefault("date_origin", "header" if out.get("date") else "none")
        return out

    def set_document_date(self, doc_id, date: str | None) -> dict:
        """Give a document a publication date (YYYY-MM-DD; None: the one its text gives)
        and re-extract it against that date: its facts are replaced, all or nothing, and
        it keeps its id. Returns what changed (ingest.reextract_document)."""
        from app.store.ingest import find_document, reextract_document
        from app.store.pubdate import check_date

        date = check_date(date) if date is not None else None
        return reextract_document(self.conn, find_document(self.conn, doc_id), date=date)

    def highlights(self, doc_id) -> list[dict]:
        cases = " ".join(f"WHEN '{t}' THEN {sql}" for t, sql in _LABEL_SQL.items())
        cur = self.conn.execute(
            f'SELECT m.start, m."end", m.fact_type, m.fact_id, CASE m.fact_type {cases} END '
            "FROM mentions m WHERE m.document_id = ? ORDER BY m.start, m.\"end\" DESC",
            (doc_id,))
        return [{"start": s, "end": e, "type": t, "fact_id": f, "label": lbl or ""}
                for s, e, t, f, lbl in cur.fetchall()]

    def provenance(self, fact_type: str, fact_id: int, limit: int | None = None) -> list[dict]:
        fact_type = FACT_ALIASES.get(fact_type, fact_type)
        if fact_type == "document":
            doc = self.document(fact_id)
            return [{"document_id": doc["id"], "title": doc["title"], "start": 0,
                     "end": len(doc["text"]), "sentence_start": None, "sentence_end": None,
                     "sentence": None, "date": doc["date"]}]
        if fact_type == "sentence":
            sql = ('SELECT s.document_id, d.title, s.start, s."end", s.start, s."end", s.text, '
                   "d.date FROM sentences s JOIN documents d ON d.id = s.document_id "
                   "WHERE s.id = ?")
            params: tuple = (fact_id,)
        else:
            sql = ('SELECT m.document_id, d.title, m.start, m."end", s.start, s."end", s.text, '
                   "d.date FROM mentions m JOIN documents d ON d.id = m.document_id "
                   "LEFT JOIN sentences s ON s.id = m.sentence_id "
                   "WHERE m.fact_type = ? AND m.fact_id = ? ORDER BY d.date, d.id, m.start")
            params = (fact_type, fact_id)
            if limit is not None:
                sql += " LIMIT ?"
                params = (fact_type, fact_id, int(limit))
        keys = ("document_id", "title", "start", "end", "sentence_start", "sentence_end",
                "sentence", "date")
        return [dict(zip(keys, r, strict=True)) for r in self.conn.execute(sql, params)]

    # -- detail views -------------------------------------------------------------------
    def _one(self, table: str, row_id: int) -> dict:
        rows = self.rows(table, Filters(ids=[row_id]))
        if not rows:
            raise StoreError(f"no row {row_id} in {table}")
        return rows[0]

    def person(self, person_id: int, mention_limit: int | None = 2000) -> dict:
        """The people row plus posts, post_history, aliases, meetings and mentions (the first
        mention_limit of them; out["mentions_total"] says how many there are)."""
        out = self._one("people", person_id)
        cur = self.conn.execute(
            "SELECT p.title, p.country, p.as_of, p.document_id, d.title FROM posts p "
            "JOIN documents d ON d.id = p.document_id WHERE p.person_id = ? "
            "ORDER BY p.as_of NULLS FIRST, p.id", (person_id,))
        out["posts"] = [{"title": t, "country": c, "as_of": a, "document_id": d, "source": s}
                        for t, c, a, d, s in cur.fetchall()]
        out["post_history"] = _condense(out["posts"])
        out["aliases"] = [r[0] for r in self.conn.execute(
            "SELECT name FROM person_names WHERE person_id = ? ORDER BY name", (person_id,))]
        ids = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT event_id FROM event_participants WHERE person_id = ?", (person_id,))]
        out["meetings"] = self.rows("meetings", Filters(ids=ids), order_by="date_start") \
            if ids else []
        out["mentions"] = self.provenance("person", person_id, limit=mention_limit)
        out["mentions_total"] = self.conn.execute(
            "SELECT count(*) FROM mentions WHERE fact_type = 'person' AND fact_id = ?",
            (person_id,)).fetchone()[0]
        return out

    def event(self, event_id: int) -> dict:
        out = self._one("meetings", event_id)
        cur = self.conn.execute(
            "SELECT ep.person_id, p.name, ep.post_at_date, d.date FROM event_participants ep "
            "JOIN persons p ON p.id = ep.person_id JOIN documents d ON d.id = ep.document_id "
            "WHERE ep.event_id = ? ORDER BY p.name, d.date DESC NULLS LAST", (event_id,))
        participants: dict[int, dict] = {}
        for pid, name, post, _date in cur.fetchall():
            entry = participants.setdefault(pid, {"person_id": pid, "name": name,
                                                  "post_at_date": None})
            if entry["post_at_date"] is None:
                entry["post_at_date"] = post
        for entry in participants.values():
            if entry["post_at_date"] is None:
                # the reporting document gave no title: the post other documents show as of
                # the event's date (else the earliest known)
                row = self.conn.execute(
                    "SELECT title FROM posts WHERE person_id = ? AND title IS NOT NULL "
                    "ORDER BY (as_of > coalesce(?, '9999')), "
                    "CASE WHEN as_of > coalesce(?, '9999') THEN as_of END, as_of DESC LIMIT 1",
                    (entry["person_id"], out["date_start"], out["date_start"])).fetchone()
                entry["post_at_date"] = row[0] if row else None
        out["participants"] = list(participants.values())
        cur = self.conn.execute(
            'SELECT es.document_id, d.title, d.date, es.start, es."end", s.start, s."end", '
            "s.text, es.status, es.date_basis FROM event_sources es JOIN documents d ON "
            "d.id = es.document_id LEFT JOIN sentences s ON s.id = es.sentence_id "
            "WHERE es.event_id = ? ORDER BY d.date, d.id", (event_id,))
        keys = ("document_id", "title", "date", "start", "end", "sentence_start",
                "sentence_end", "sentence", "status", "date_basis")
        out["sources"] = [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]
        return out

    def contacts(self, filters: Filters | None = None) -> list[tuple[int, int, int]]:
        where, params = where_clause("meetings", filters)
        sql = f"""
            WITH ev AS (SELECT id FROM meetings{where}),
                 pe AS (SELECT DISTINCT event_id, person_id FROM event_participants
                         WHERE event_id IN (SELECT id FROM ev))
            SELECT a.person_id, b.person_id, count(*) FROM pe a
              JOIN pe b ON a.event_id = b.event_id AND a.person_id < b.person_id
             GROUP BY a.person_id, b.person_id ORDER BY count(*) DESC, a.person_id, b.person_id
        """
        return [tuple(r) for r in self.conn.execute(sql, params)]

    def documents(self) -> list[dict]:
        return self.rows("sources", order_by="date")


def _condense(posts: list[dict]) -> list[dict]:
    """Consecutive reports of the same post become one span: {title, country, from, to,
    documents}."""
    out: list[dict] = []
    for p in posts:
        if not p["title"]:
            continue
        last = out[-1] if out else None
        if last and (last["title"], last["country"]) == (p["title"], p["country"]):
            last["to"] = p["as_of"] or last["to"]
            last["documents"].append(p["document_id"])
        else:
            out.append({"title": p["title"], "country": p["country"], "from": p["as_of"],
                        "to": p["as_of"], "documents": [p["document_id"]]})
    return out
