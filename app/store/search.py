"""Full-text search over facts, sentences and documents. Any user text is safe: it is cut
into word tokens here and each becomes a quoted prefix term, so FTS5 syntax in the input
(quotes, AND/OR/NOT, *, -, parentheses, column filters) is never interpreted."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12

# search type -> user-facing table showing it, and a small bonus so facts outrank sentences
_TYPE_TABLE = {
    "person": "people", "event": "meetings", "figure": "figures", "place": None,
    "organization": None, "culture": "culture", "sentence": "sources", "document": "sources",
}
_TYPE_BONUS = {"person": 3.0, "event": 2.0, "figure": 1.5, "culture": 1.5, "place": 1.5,
               "organization": 1.5, "document": 1.0, "sentence": 0.0}


@dataclass
class SearchHit:
    type: str
    fact_id: int
    table: str | None
    label: str
    snippet: str
    document_id: int | None
    start: int | None
    end: int | None
    rank: float


def match_expression(query: str) -> str | None:
    """A MATCH expression that means: every word of the query, as a word prefix."""
    tokens = _TOKEN.findall(query or "")[:MAX_TERMS]
    tokens = [t.replace('"', "") for t in tokens if t.strip("_")]
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def search(conn: sqlite3.Connection, query: str, limit: int = 50,
           types: set[str] | None = None) -> list[SearchHit]:
    expr = match_expression(query)
    if expr is None:
        return []
    limit = max(1, min(int(limit or 50), 1000))
    try:
        rows = conn.execute(
            """SELECT si.type, si.fact_id, si.label, si.document_id, si.start, si."end",
                      bm25(search_fts, 8.0, 1.0) AS score,
                      snippet(search_fts, 1, '[', ']', '…', 12) AS snip,
                      q.category
                 FROM search_fts
                 JOIN search_index si ON si.id = search_fts.rowid
                 LEFT JOIN quantities q ON si.type = 'figure' AND q.id = si.fact_id
                WHERE search_fts MATCH ?
                ORDER BY score
                LIMIT ?""",
            (expr, limit * 4)).fetchall()
    except sqlite3.OperationalError:
        return []  # cannot happen with quoted terms; a search box must never crash the app
    hits = []
    for stype, fact_id, label, doc_id, start, end, score, snip, category in rows:
        if types and stype not in types:
            continue
        table = _TYPE_TABLE.get(stype)
        if stype == "figure" and category == "trade":
            table = "trade"
        # bm25 is lower-is-better and negative; flip it so higher rank is better
        rank = -score + _TYPE_BONUS.get(stype, 0.0)
        snippet = snip if snip and "[" in snip else (label or snip or "")
        if stype == "sentence":
            label = snip or ""
        hits.append(SearchHit(stype, fact_id, table, label or "", snippet, doc_id, start, end,
                              round(rank, 4)))
    hits.sort(key=lambda h: -h.rank)
    return hits[:limit]
