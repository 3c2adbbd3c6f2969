"""Full-text search over facts, sentences and documents. Any user text is safe: it is cut
into word tokens here and each becomes a quoted prefix term, so FTS5 syntax in the input
(quotes, AND/OR/NOT, *, -, parentheses, column filters) is never interpreted."""

from __future__ import annotations

import json
import math
import sqlite3

from .search_names import name_index
from .search_text import (
    _TOKEN,
    _WHAT,
    SHORT,
    SearchHit,
    _date_range,
    _prefix,
    clean_text,
    excerpt,
    fold,
    mark_words,
)
from .search_words import prefix_words

MAX_TERMS = 12

# search type -> user-facing table showing it, and a small bonus so facts outrank sentences
_TYPE_TABLE = {
    "person": "people", "event": "meetings", "figure": "figures", "place": None,
    "organization": None, "culture": "culture", "sentence": "sources", "document": "sources",
}
_TYPE_BONUS = {"person": 3.0, "event": 2.0, "figure": 1.5, "culture": 1.5, "place": 1.5,
               "organization": 1.5, "document": 1.0, "sentence": 0.0}


def _tokens(query: str) -> list[str]:
    return [t for t in _TOKEN.findall(query or "")[:MAX_TERMS] if t.strip("_")]


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


def _rank_word(ranked: list[str], shares: dict[str, float], rows: int,
               last: str = "") -> tuple[list[str], float]:
    """The one word the passes rank on, and the factor that scales its scores to those of
    all the ranked words. bm25 reads the whole list of rows of each word it weighs (to
    count them); every row holds every word, and in a row a word is nearly always once, so
    one word orders the rows nearly as they all do: the rarest (the shortest list), its
    weight (estimated from the shares, as bm25's idf) scaled up to theirs. The query's
    last word is a prefix in the labels' pass, whose rows bm25 would merge again to count
    them: it is chosen only when rarer by a fifth."""
    if len(ranked) < 2 or rows <= 0:
        return ranked, 1.0
    rows_of = {t: max(shares.get(t, 0.0) * rows, _PROBE / 2) for t in ranked}  # < _PROBE: ?
    idf = {t: math.log(max(rows - n + 0.5, 1.0) / (n + 0.5)) for t, n in rows_of.items()}
    word = min(ranked, key=lambda t: (rows_of[t] * (1.25 if t == last else 1.0),
                                      ranked.index(t)))
    return [word], sum(idf.values()) / max(idf[word], 1e-6)


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


_DETAIL_SQL = {
    "person": ("SELECT id, NULL, first_date, last_date, title, country, (SELECT "
               "group_concat(n.name, ', ') FROM person_names n WHERE n.person_id = p.id AND "
               "n.name <> p.name) FROM persons p", ("title", "country"), ("also",)),
    "event": ("SELECT id, kind, date_start, date_end, place, participants FROM events", (),
              ("place", "participants")),
    "figure": ("SELECT id, category, period, NULL, measure FROM quantities", ("measure",), ()),
    "culture": ("SELECT id, kind, date_start, NULL, place FROM culture_items", (), ("place",)),
    "document": ("SELECT id, NULL, date, NULL, ref, path FROM documents", (), ("ref", "path")),
    "place": ("SELECT id, kind, NULL, NULL, country FROM places", (), ("country",)),
    "organization": ("SELECT id, kind, NULL, NULL, country FROM organizations", (),
                     ("country",)),
}


def _describe(conn, hits: list[SearchHit], tokens: list[str], whole: set[str]) -> None:
    """Fill each hit's `what` and `date` (a sentence's: its release's, with the release's
    title), and its snippet: the columns beside the label that say what it is or why it
    matched, a query per type."""
    by_type: dict[str, list[SearchHit]] = {}
    for hit in hits:
        by_type.setdefault(hit.type, []).append(hit)
    for stype, group in by_type.items():
        if stype == "sentence":
            ids = sorted({h.document_id for h in group if h.document_id is not None})
            rows = {r[0]: r[1:] for r in conn.execute(
                f"SELECT id, title, date FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
                ids)} if ids else {}
            for h in group:
                title, date = rows.get(h.document_id, (None, None))
                h.what, h.source, h.date = "sentence", title, date
            continue
        sql, always, if_matched = _DETAIL_SQL.get(stype, (None, (), ()))
        rows = {}
        if sql:
            ids = sorted({h.fact_id for h in group})
            rows = {r[0]: r[1:] for r in conn.execute(
                f"{sql} WHERE id IN ({', '.join('?' * len(ids))})", ids)}
        for h in group:
            row = rows.get(h.fact_id)
            if row is None:
                h.what = _WHAT.get(stype, stype)
                continue
            sub, first, last, *extra = row
            base = _WHAT.get(stype, stype)
            h.what = base + (f" ({sub})" if sub and sub not in (stype, base) else "")
            h.date = _date_range(first, last)
            named = dict(zip(always + if_matched, extra, strict=False))
            in_label = {fold(h.label[a:b]) for a, b in h.label_marks}
            pieces = []
            for column in always + if_matched:
                value = " ".join(str(named.get(column) or "").split())
                if not value:
                    continue
                marks = mark_words(value, tokens, whole)
                if column in always or any(fold(value[a:b]) not in in_label for a, b in marks):
                    pieces.append((f"also {value}" if column == "also" else value, marks,
                                   5 if column == "also" else 0))
            text, marks = "", []
            for value, value_marks, shift in pieces:
                if text:
                    text += ", "
                marks += [[len(text) + a + shift, len(text) + b + shift] for a, b in value_marks]
                text += value
            h.snippet, h.snippet_marks = text, marks


def _mark_hits(conn, hits: list[tuple[int, SearchHit]], tokens: list[str],
               whole: set[str]) -> None:
    """Labels with the query's words marked as FTS5 matched them (a word that begins with a
    query word, case and accents folded): an excerpt around them for a long summary, a
    sentence's own words for a sentence. Marked here rather than by FTS5's snippet(), which
    re-reads every prefix's list of rows for each hit: measured at 20,000 releases for the 50
    returned rows only, one statement bounded by their rowid range costs 5-13 ms (72-550 ms
    as one statement per row), against 1-3 ms for this."""
    if not hits:
        return
    ids = [row_id for row_id, _h in hits]
    bodies = dict(conn.execute(
        f"SELECT id, body FROM search_index WHERE id IN ({', '.join('?' * len(ids))})", ids))
    for row_id, hit in hits:
        text = bodies.get(row_id) if hit.type == "sentence" or not hit.label else hit.label
        hit.label, hit.label_marks = excerpt(text or "", tokens, whole)
        hit.snippet, hit.snippet_marks = "", []


# Newest matching rows ranked per query part: bounded work at any size (bm25 costs 3-6 us a
# row: 4,000 label candidates were 13-25 ms of a search at 20,000 releases). People, places
# and organisations come from the name index whatever their number of rows, so the labels'
# pass only has the other facts (meetings, figures, items) to find.
CANDIDATES = {"label : ": 1000, "": 1000}


def _any_of(words: list[str], column: str) -> str:
    return column + "(" + " OR ".join('"' + w.replace('"', '""') + '"' for w in words) + ")"


def _top(conn, tokens: list[str], ranked: list[str], whole: set[str], column: str,
         n: int, words: list[str] | None = None) -> list[tuple[int, float]]:
    """Best-ranked rows among the newest CANDIDATES[column] matches: bm25 is computed for at most
    that many rows, however common the words, so search stays fast on a large archive.
    Rows must hold every word; they are ranked on the words that carry meaning. `words`:
    the index's words a single prefix token begins, matched as any of them."""
    expr = _terms(tokens, column, whole) if words is None else _any_of(words, column)
    if ranked == tokens:
        return conn.execute(
            "SELECT id, score FROM (SELECT rowid AS id, bm25(search_fts, 8.0, 1.0) AS score "
            "FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
            "ORDER BY score LIMIT ?", (expr, CANDIDATES[column], n)).fetchall()
    if column and ranked[-1] != tokens[-1] and conn.execute(
            "SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1",
            (_terms(ranked, column, whole),)).fetchone() is None:
        # No label holds the ranked word: one walk of its list of rows, where joining it
        # with the other words' label rows merges them all first ("bilateral trade": 'trade'
        # is in 18% of the rows; 29 -> 10 ms at 50,000 releases).
        return []
    ids = [r[0] for r in conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expr, CANDIDATES[column]))]
    if not ids:
        return []
    # The candidates' rowid range lets FTS5 seek past the older rows of the ranked words'
    # lists instead of reading them whole; the answer is the same.
    return conn.execute(
        "SELECT rowid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts "
        "WHERE search_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN "
        "(SELECT value FROM json_each(?)) ORDER BY score LIMIT ?",
        (_terms(ranked, column, whole), ids[-1], ids[0], json.dumps(ids), n)).fetchall()


def _named(conn, query: str) -> list[int]:
    """Search rows of the people (by name or alias), places and organisations whose name is
    the query, through their name keys: found however many newer rows repeat the name, so
    that typing a name in full always brings its person or place first."""
    from .keys import entity_key, person_key

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


def _people_fill(index, names: list[int], limit: int, types) -> bool:
    """Whether the people the name index found fill the page by themselves. A name row
    ranks above the best text row (by 0.5) and a person's bonus is the largest: no row of
    the text passes could be shown, and the passes are what costs on a short prefix
    ("Alex": every word it begins, in every sentence, merged twice in each pass)."""
    if types and "person" not in types:
        return False
    return sum(1 for row_id in names if row_id in index.people) >= limit


def _scores(conn, query: str, tokens: list[str], limit: int,
            types=None) -> tuple[dict[int, float], set]:
    """bm25 scores (lower is better) of the rows to show, and the query words matched whole:
    names from the name index first (a name typed in full before the names it begins),
    then names and summaries (a rare name must not drown in common sentences), then
    everything."""
    scores: dict[int, float] = {}
    shares = _shares(conn, tokens)
    ranked = _rank_tokens(tokens, shares)
    rows = conn.execute("SELECT max(rowid) FROM search_fts").fetchone()[0] or 0
    ranked, scale = _rank_word(ranked, shares, rows, tokens[-1])
    # A word inside the query that is a whole word of at least _PROBE rows ("Alexander" in
    # "Alexander Kozlovich") was typed in full: it is matched as that word. As a prefix
    # FTS5 would first merge its whole list of rows with those of every longer word
    # (Alexandra, Alexandrov...), whatever the LIMIT. The last word may still be being
    # typed: a prefix, except in the pass over all text when it is such a word too
    # ("trade": 16 -> 3 ms at 20,000 releases). The labels' pass keeps it a prefix: FTS5
    # keeps only a prefix's label rows before joining the words, and without one it walks
    # every row holding all the words ("memory of the common past": 1 -> 42 ms).
    whole = {t for t in tokens[:-1] if shares.get(t, 0.0) > 0}
    whole_all = whole | {t for t in tokens[-1:] if shares.get(t, 0.0) > 0}
    last = len(tokens) - 1
    index = name_index(conn)
    names = index.match(
        [(fold(t), _prefix(t, i == last) and t not in whole) for i, t in enumerate(tokens)],
        limit)
    # a single word joins no other: whole in the labels too ("the" 84 -> 51 ms, "Russia"
    # 24 -> 16 ms at 20,000 releases)
    whole_label = whole_all if len(tokens) == 1 else whole
    if not _people_fill(index, names, limit, types):
        # A single prefix is matched as the words it begins (each then weighs as itself in
        # bm25, a rare one more than a common one): its rows are not merged, twice a pass.
        words = (prefix_words(conn, tokens[0]) if len(tokens) == 1 and not whole_all
                 and _prefix(tokens[0], True) else None)
        for column, whole_words in (("label : ", whole_label), ("", whole_all)):
            if words == []:
                break
            for row_id, score in _top(conn, tokens, ranked, whole_words, column, limit * 4,
                                      words):
                scores.setdefault(row_id, score * scale)
    best = min(scores.values(), default=0.0)
    for i, row_id in enumerate(names):   # in the name index's order, before any other row
        scores[row_id] = best - 0.5 - (len(names) - i) * 1e-3
    named = _named(conn, query)
    if named:
        best = min(scores.values(), default=0.0) - 1.0
        for row_id in named:
            scores[row_id] = best
    return scores, whole


_ROWS_SQL = """SELECT si.id, si.type, si.fact_id, si.label, si.document_id, si.start, si."end",
                      q.category
                 FROM search_index si
                 LEFT JOIN quantities q ON si.type = 'figure' AND q.id = si.fact_id
                WHERE si.id IN (SELECT value FROM json_each(?))"""
_MAX_BONUS = max(_TYPE_BONUS.values())


def _best_rows(conn, scores: dict[int, float], limit: int, types) -> list[tuple]:
    """(rank, row id, hit) of the `limit` best rows, best first. Rows are read best bm25
    first in growing batches, until no row left could reach the last kept hit even with the
    largest type bonus: the same hits as reading the row of every candidate, which costs a
    random page each (3-5 ms for the ~400 candidates of a search at 20,000 releases)."""
    order = sorted(scores, key=lambda i: (scores[i], i))
    hits: list[tuple] = []
    done, batch = 0, 2 * limit
    while done < len(order):
        chunk = order[done:done + batch]
        done, batch = done + len(chunk), batch * 2
        for row_id, stype, fact_id, label, doc_id, start, end, category in conn.execute(
                _ROWS_SQL, (json.dumps(chunk),)):
            if types and stype not in types:
                continue
            table = _TYPE_TABLE.get(stype)
            if stype == "figure" and category == "trade":
                table = "trade"
            # bm25 is lower-is-better and negative; flip it so higher rank is better
            rank = round(-scores[row_id] + _TYPE_BONUS.get(stype, 0.0), 4)
            hits.append((rank, row_id, SearchHit(stype, fact_id, table, label or "", "",
                                                  doc_id, start, end, rank)))
        hits.sort(key=lambda h: (-h[0], h[1]))
        del hits[limit:]
        if (len(hits) == limit and done < len(order)
                and round(-scores[order[done]] + _MAX_BONUS, 4) < hits[-1][0]):
            break
    return hits


def search(conn: sqlite3.Connection, query: str, limit: int = 50,
           types: set[str] | None = None) -> list[SearchHit]:
    query = clean_text(query)
    tokens = _tokens(query)
    if not tokens:
        return []
    limit = max(1, min(int(limit or 50), 1000))
    try:
        scores, whole = _scores(conn, query, tokens, limit, types)
        if not scores:
            return []
        hits = _best_rows(conn, scores, limit, types)
    except sqlite3.OperationalError:
        return []  # cannot happen with quoted terms; a search box must never crash the app
    try:
        _mark_hits(conn, [(row_id, hit) for _r, row_id, hit in hits], tokens, whole)
        _describe(conn, [hit for _r, _id, hit in hits], tokens, whole)
    except sqlite3.OperationalError:
        pass  # the hits stand without marks or dates rather than fail the search
    return [hit for _r, _id, hit in hits]
