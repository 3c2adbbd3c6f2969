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


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value):
    """Text SQLite can bind: a lone surrogate (e.g. from a command-line argument that was not
    valid UTF-8) becomes U+FFFD instead of raising UnicodeEncodeError."""
    if isinstance(value, str) and _SURROGATES.search(value):
        return _SURROGATES.sub("\ufffd", value)
    return value


def _tokens(query: str) -> list[str]:
    return [t for t in _TOKEN.findall(query or "")[:MAX_TERMS] if t.strip("_")]


SHORT = 3  # a word this short is whole-word only, and not ranked on, unless typed last


def _prefix(token: str, last: bool) -> bool:
    # A short word inside a query ("of", "the", "EU") is a word, not the start of one:
    # as a prefix it would expand to a large part of the vocabulary (of* is offer, office,
    # official...), each with a list of rows to merge. The last word is still being typed;
    # a one-letter prefix would be everything.
    return len(token) > 1 if last else len(token) > SHORT


def _terms(tokens: list[str], column: str = "", whole: set[str] = frozenset()) -> str:
    last = len(tokens) - 1
    return " ".join(f'{column}"{t}"{"*" if _prefix(t, i == last) and t not in whole else ""}'
                    for i, t in enumerate(tokens))


def match_expression(query: str) -> str | None:
    """A MATCH expression that means: every word of the query, as a word prefix (short words
    within the query as whole words)."""
    tokens = _tokens(query)
    return _terms(tokens) if tokens else None


COMMON = 0.05  # a word in more than this share of the newest rows is not ranked on
_PROBE = 500


def column_phrase(value: str, column: str) -> str | None:
    """A MATCH expression for rows whose `column` holds the words of `value` in a row, the
    first at a word's start (None: no words): the candidates of a LIKE '%value%' on a name
    or place chosen from a list."""
    pieces = [t for t in _TOKEN.findall(value or "") if t.strip("_")][:MAX_TERMS]
    return f'{column} : "{" ".join(pieces)}"*' if pieces else None


def _shares(conn, tokens: list[str]) -> dict[str, float]:
    """Share of the newest rows holding each word (as a whole word), estimated from how far
    back its newest _PROBE rows reach: a fraction of a millisecond each."""
    top = conn.execute("SELECT max(rowid) FROM search_fts").fetchone()[0] or 0
    out = {}
    for t in set(tokens):
        row = conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ? "
                           "ORDER BY rowid DESC LIMIT 1 OFFSET ?", (f'"{t}"', _PROBE - 1)).fetchone()
        out[t] = _PROBE / (top - row[0] + 1) if row else 0.0
    return out


def _rank_tokens(tokens: list[str], shares: dict[str, float] | None = None) -> list[str]:
    """The words results are ranked on. bm25 reads the whole list of rows of every word it
    weighs, and a word that is in a large share of the rows ("of", "the", "Russian" in
    these releases) weighs little: short words inside the query are left out, and words in
    more than COMMON of the newest rows unless all are."""
    kept = [t for i, t in enumerate(tokens) if i == len(tokens) - 1 or len(t) > SHORT]
    kept = kept or tokens
    if not shares or len(kept) < 2:
        return kept
    rare = [t for t in kept if shares.get(t, 0.0) <= COMMON]
    return rare or [min(kept, key=lambda t: shares.get(t, 0.0))]


def filter_expression(text: str) -> str | None:
    """A MATCH expression for a table's filter field: each whitespace-separated word must
    begin a word of some text column (any order, any case or accents). Words joined by
    punctuation stay together as a phrase ("2.5" is 2 then 5, "Al-Thani" is al then thani),
    and the last part of each is a prefix, so the table narrows as the user types. None when
    the text has no letter or digit (the caller then compares the text literally)."""
    parts = []
    for word in (text or "").split()[:MAX_TERMS]:
        pieces = [t for t in _TOKEN.findall(word) if t.strip("_")]
        if pieces:
            parts.append('"' + " ".join(pieces) + '"*')
    return " ".join(parts) if parts else None


def make_snippet(text: str, query: str, words: int = 14) -> str:
    """The words around the first match, matches in [brackets] (case- and accent-blind)."""
    from app.store.keys import fold

    terms = [fold(t) for t in _tokens(query)]
    found = [m for m in _TOKEN.finditer(text or "")
             if any(fold(m.group(0)).startswith(t) for t in terms)]
    if not found:
        return (text or "")[:200]
    all_words = list(_TOKEN.finditer(text))
    first = next(i for i, m in enumerate(all_words) if m.start() == found[0].start())
    lo = max(0, first - words // 3)
    hi = min(len(all_words), lo + words)
    start, end = all_words[lo].start(), all_words[hi - 1].end()
    marked = {m.start(): m.end() for m in found if start <= m.start() < end}
    out, pos = [], start
    for s, e in sorted(marked.items()):
        out += [text[pos:s], "[", text[s:e], "]"]
        pos = e
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


# Newest matching rows ranked per query part: bounded work at any size. Names and summaries
# get more, so that a fact's row is among them however many sentences repeat its name.
CANDIDATES = {"label : ": 4000, "": 1000}


def _top(conn, tokens: list[str], ranked: list[str], whole: set[str], column: str,
         n: int) -> list[tuple[int, float]]:
    """Best-ranked rows among the newest CANDIDATES[column] matches: bm25 is computed for at most
    that many rows, however common the words, so search stays fast on a large archive.
    Rows must hold every word; they are ranked on the words that carry meaning."""
    expr = _terms(tokens, column, whole)
    if ranked == tokens:
        return conn.execute(
            "SELECT id, score FROM (SELECT rowid AS id, bm25(search_fts, 8.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY score LIMIT ?", (expr, CANDIDATES[column], n)).fetchall()
    return conn.execute(
        "SELECT rowid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts "
        "WHERE search_fts MATCH ? AND +rowid IN (SELECT rowid FROM search_fts "
        "WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY score LIMIT ?",
        (_terms(ranked, column, whole), expr, CANDIDATES[column], n)).fetchall()


def _named(conn, query: str) -> list[int]:
    """Search rows of the people (by name or alias), places and organisations whose name is
    the query, through their name keys: found however many newer rows repeat the name, so
    that typing a name in full always brings its person or place first."""
    from app.store.keys import entity_key, person_key

    try:
        person, entity = person_key(query), entity_key(query)
    except Exception:  # an odd query must not break search
        return []
    if not (person or entity):
        return []
    return [r[0] for r in conn.execute(
        "SELECT id FROM search_index WHERE type = 'person' AND fact_id IN "
        "(SELECT id FROM persons WHERE name_key = ?1 UNION "
        "SELECT person_id FROM person_names WHERE name_key = ?1) "
        "UNION ALL SELECT id FROM search_index WHERE type = 'place' AND fact_id IN "
        "(SELECT id FROM places WHERE name_key = ?2) "
        "UNION ALL SELECT id FROM search_index WHERE type = 'organization' AND fact_id IN "
        "(SELECT id FROM organizations WHERE name_key = ?2)", (person, entity))]


def search(conn: sqlite3.Connection, query: str, limit: int = 50,
           types: set[str] | None = None) -> list[SearchHit]:
    query = clean_text(query)
    tokens = _tokens(query)
    if not tokens:
        return []
    limit = max(1, min(int(limit or 50), 1000))
    try:
        # names and summaries first (a rare name must not drown in common sentences), then
        # everything
        scores: dict[int, float] = {}
        shares = _shares(conn, tokens) if len(tokens) > 1 else {}
        ranked = _rank_tokens(tokens, shares)
        # a word inside the query that is a whole word of at least _PROBE rows ("Alexander"
        # in "Alexander Kozlovich") was typed in full: it is matched as that word. As a
        # prefix FTS5 would merge its whole list of rows with those of every longer word
        # (Alexandra, Alexandrov...). The last word is still being typed: a prefix.
        whole = {t for t in tokens[:-1] if shares.get(t, 0.0) > 0}
        for column in ("label : ", ""):
            for row_id, score in _top(conn, tokens, ranked, whole, column, limit * 4):
                scores.setdefault(row_id, score)
        named = _named(conn, query)
        if named:
            best = min(scores.values(), default=0.0) - 1.0
            for row_id in named:
                scores[row_id] = best
        if not scores:
            return []
        ids = list(scores)
        marks = ", ".join("?" for _ in ids)
        rows = conn.execute(
            f"""SELECT si.id, si.type, si.fact_id, si.label, si.document_id, si.start,
                       si."end", q.category
                  FROM search_index si
                  LEFT JOIN quantities q ON si.type = 'figure' AND q.id = si.fact_id
                 WHERE si.id IN ({marks})""", ids).fetchall()
    except sqlite3.OperationalError:
        return []  # cannot happen with quoted terms; a search box must never crash the app
    hits = []
    for row_id, stype, fact_id, label, doc_id, start, end, category in rows:
        if types and stype not in types:
            continue
        table = _TYPE_TABLE.get(stype)
        if stype == "figure" and category == "trade":
            table = "trade"
        # bm25 is lower-is-better and negative; flip it so higher rank is better
        rank = -scores[row_id] + _TYPE_BONUS.get(stype, 0.0)
        hits.append((round(rank, 4), row_id, SearchHit(stype, fact_id, table, label or "", "",
                                                       doc_id, start, end, round(rank, 4))))
    hits.sort(key=lambda h: (-h[0], h[1]))
    hits = hits[:limit]
    # snippets (Python over each body) only for the hits returned
    bodies = dict(conn.execute(
        f"SELECT id, body FROM search_index WHERE id IN ({', '.join('?' for _ in hits)})",
        [row_id for _r, row_id, _h in hits]).fetchall()) if hits else {}
    out = []
    for _rank, row_id, hit in hits:
        snip = make_snippet(bodies.get(row_id), query)
        hit.snippet = snip if snip and "[" in snip else (hit.label or snip or "")
        if hit.type == "sentence":
            hit.label = snip or ""
        out.append(hit)
    return out
