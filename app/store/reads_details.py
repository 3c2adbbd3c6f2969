"""The Store's reads for details: a document and its highlighted spans, a fact's sources,
a person's and a meeting's detail, who met whom, and the few-row lookups the tabs make for
tooltips and for marking a selection on a plot. Qt-free."""

from __future__ import annotations

from .errors import StoreError
from .filters import Filters
from .records import ContactCount, CultureMark, CultureTip, MeetingMark, MeetingTip
from .where import where_clause

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




def _marks(ids) -> str:
    return ", ".join("?" for _ in ids) or "NULL"


class DetailReads:
    """Mixed into Store (store.py): needs self.conn and self.rows."""

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

    def contacts(self, filters: Filters | None = None) -> list[ContactCount]:
        """Meetings together of every two people under the meetings filters, most first."""
        where, params = where_clause("meetings", filters)
        sql = f"""
            WITH ev AS (SELECT id FROM meetings{where}),
                 pe AS (SELECT DISTINCT event_id, person_id FROM event_participants
                         WHERE event_id IN (SELECT id FROM ev))
            SELECT a.person_id, b.person_id, count(*) FROM pe a
              JOIN pe b ON a.event_id = b.event_id AND a.person_id < b.person_id
             GROUP BY a.person_id, b.person_id ORDER BY count(*) DESC, a.person_id, b.person_id
        """
        return [ContactCount(*r) for r in self.conn.execute(sql, params)]

    def documents(self) -> list[dict]:
        return self.rows("sources", order_by="date")

    # -- lookups for a few rows the tabs already show (hover tooltips, marking a selection
    # on a plot): a closed or changed store yields nothing rather than breaking either
    def _quiet(self, sql: str, params=()) -> list[tuple] | None:
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        except Exception:  # noqa: BLE001 - closed store, changed schema: the caller shows nothing
            return None

    def source_dates(self, ids: list[int]) -> list[str | None]:
        """The dates of these documents."""
        return [d for (d,) in self._quiet(
            f"SELECT date FROM sources WHERE id IN ({_marks(ids)})", ids) or []]

    def meeting_tip(self, meeting_id: int) -> MeetingTip | None:
        """What a meeting's tooltip shows."""
        rows = self._quiet("SELECT date_start, date_end, kind, place, status, participants, "
                           "summary FROM meetings WHERE id = ?", [int(meeting_id)])
        return MeetingTip(*rows[0]) if rows else None

    def meeting_marks(self, ids: list[int], with_names: bool) -> list[MeetingMark] | None:
        """These meetings' dates, kinds and statuses and, with_names, their participants'
        names; None when the store cannot be read."""
        rows = self._quiet(f"SELECT id, date_start, kind, status FROM meetings WHERE id IN "
                           f"({_marks(ids)})", ids)
        names: dict[int, list[str]] = {}
        if with_names and rows is not None:
            found = self._quiet("SELECT ep.event_id, p.name FROM event_participants ep JOIN "
                                f"persons p ON p.id = ep.person_id WHERE ep.event_id IN "
                                f"({_marks(ids)})", ids)
            if found is None:
                return None
            for eid, name in found:
                names.setdefault(eid, []).append(name)
        if rows is None:
            return None
        return [MeetingMark(*r, participants=tuple(names.get(r[0], ()))) for r in rows]

    def document_url(self, doc_id: int) -> str | None:
        """The address a document was published at, when its dataset gave one."""
        from .datasets import document_url

        return document_url(self.conn, doc_id)

    def max_meeting_id(self) -> int | None:
        """The highest meeting id (a bound on how many there are); None when unreadable."""
        rows = self._quiet("SELECT MAX(id) FROM events")
        return None if rows is None else rows[0][0] or 0

    def culture_marks(self, ids: list[int]) -> list[CultureMark]:
        """The dates and kinds of these cultural items."""
        return [CultureMark(*r) for r in self._quiet(
            f"SELECT date_start, kind FROM culture WHERE id IN ({_marks(ids)})", ids) or []]

    def culture_tip(self, item_id: int) -> CultureTip | None:
        """What a cultural item's tooltip shows."""
        rows = self._quiet("SELECT date_start, summary, place FROM culture WHERE id = ?",
                           [int(item_id)])
        return CultureTip(*rows[0]) if rows else None


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
