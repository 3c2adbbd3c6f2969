"""Figures and cultural items of one document merged with those other documents stated:
a figure is one value of one measure, period, pair of partners, status and direction; a
cultural item one summary (or its restatement) on compatible dates. Part of merge.attach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .keys import entity_key, key_words, measure_key, restates, summary_key
from .settle import insert_row

if TYPE_CHECKING:
    from .merge import Touched, _Doc


def merge_culture(doc: _Doc, item, touched: Touched) -> None:
    conn = doc.conn
    key = summary_key(item.summary)
    row = conn.execute(
        "SELECT id FROM culture_items WHERE summary_key = ? AND date_start IS ?",
        (key, item.date_start)).fetchone()
    cid = row[0] if row else _restated_culture(doc, item)
    if cid is None:
        cid = insert_row(conn, "culture_items", {
            "summary": item.summary, "summary_key": key, "kind": item.kind,
            "date_start": item.date_start, "place": item.place, "source_title": doc.title})
    touched["culture"].add(cid)
    doc.culture.add(cid)
    doc.mention("culture", cid, item.span)


def _restated_culture(doc: _Doc, item) -> int | None:
    """The stored item another release names in other words: the same kind, compatible
    dates (equal, or one the month or year of the other), no other place, and the key words of the summaries restating each other (keys.restates:
    one word in common is enough only on the same day and in the same place). The closest
    wins; a date more precise than the stored one is kept."""
    words = key_words(item.summary)
    if not words or not item.date_start:
        # Undated, nothing says two yearly parades or days of remembrance are one: only
        # the same words (summary_key) make an undated item one.
        return None
    # candidates: the items of the kind whose date is compatible, from the (kind, date_start)
    # index: dated within this one (a range) or by a part of it (its month, its year); the
    # whole year's items, read before, grew with the archive (hundreds at 20,000 releases)
    date = item.date_start
    parts = [date[:k] for k in range(4, len(date))]
    marks = ", ".join("?" * len(parts)) or "NULL"
    rows = doc.conn.execute(
        "SELECT id, summary, date_start, place FROM culture_items WHERE kind IS ? AND "
        "date_start >= ? AND date_start < ? UNION ALL "
        "SELECT id, summary, date_start, place FROM culture_items WHERE kind IS ? AND "
        f"date_start IN ({marks})", [item.kind, date, date + "~", item.kind, *parts]).fetchall()
    best, best_score = None, 0.0
    for cid, summary, date, place in rows:
        if cid in doc.culture or not _compatible_dates(item.date_start, date):
            continue
        if item.place and place and entity_key(item.place) != entity_key(place):
            continue
        close = bool(item.date_start and len(item.date_start) == 10 and date == item.date_start
                     and item.place and place)
        score = restates(words, key_words(summary), close)
        if score > best_score or (score == best_score and best is not None and cid < best):
            best, best_score = cid, score
    if best is not None and item.date_start:
        doc.conn.execute(
            "UPDATE culture_items SET date_start = ? WHERE id = ? AND (date_start IS NULL OR "
            "length(date_start) < length(?))", (item.date_start, best, item.date_start))
    return best


def _compatible_dates(a: str | None, b: str | None) -> bool:
    """Equal, or one the month or year of the other (2024, 2024-06-12)."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def partners_text(partners) -> str | None:
    """A figure's partners as stored: the sorted pair joined by an en dash ("China–Russia"),
    or None when the figure is not bilateral."""
    names = sorted({str(p).strip() for p in partners or () if str(p).strip()})
    return "–".join(names) if names else None


def merge_quantity(doc: _Doc, q, touched: Touched) -> None:
    conn = doc.conn
    mkey = measure_key(q.measure)
    partners = partners_text(getattr(q, "partners", None))
    status = getattr(q, "status", None) or "actual"
    direction = getattr(q, "direction", None)
    # One figure is one value of one measure, period, pair of partners, status and direction:
    # Russia–China and Russia–Belarus trade for 2023 are two figures, a target is not an actual.
    # Without a measure nothing says two equal numbers are one figure, so they stay apart.
    # A stated value v matches when |v - x| <= 1e-9 * max(1, |v|), which implies
    # |v - x| < 2e-9 * max(1, |x|): that window is read from the index, the exact test is
    # made here, and the oldest match wins (as when every value of the group was read).
    qid = None
    if mkey:
        window = 2e-9 * max(1.0, abs(q.value))
        rows = conn.execute(
            "SELECT id, value FROM quantities WHERE unit = ? AND measure_key = ? AND period IS ? "
            "AND partners IS ? AND status IS ? AND direction IS ? "
            "AND derived = 0 AND value BETWEEN ? AND ?",
            (q.unit, mkey, q.period, partners, status, direction,
             q.value - window, q.value + window)).fetchall()
        qid = min((row_id for row_id, value in rows
                   if abs(value - q.value) <= 1e-9 * max(1.0, abs(value))), default=None)
    if qid is None:
        qid = insert_row(conn, "quantities", {  # with its first source, as for events
            "value": q.value, "unit": q.unit, "measure": q.measure, "measure_key": mkey,
            "period": q.period, "qualifier": q.qualifier, "category": q.category,
            "text": q.text, "source_title": doc.title, "partners": partners,
            "measure_kind": getattr(q, "measure_kind", None), "direction": direction,
            "status": status})
    else:
        _restated(conn, qid, q, touched)
    touched["quantity"].add(qid)
    span = tuple(q.span)
    doc.rows["figures"].append((qid, doc.id, span[0], span[1], doc.sentence_id(span), q.text,
                                q.qualifier))
    doc.mention("quantity", qid, span)


# Of the categories documents give one figure, the one kept (whatever order they came in):
# a figure any release counts as trade is a trade figure, and its growth is derived.
CATEGORY_RANK = {"trade": 0, "regions": 1, "union": 2, "culture": 3, "meeting": 4, "other": 5}


def wording_key(text, qualifier) -> tuple[str, str]:
    """Of the wordings documents give one figure, the one shown is the least by this key:
    a choice that does not depend on which document came first."""
    return (text or "", qualifier or "")


def _restated(conn, qid: int, q, touched: Touched) -> None:
    """Another document states a stored figure: its wording and category are kept if they
    come first in the orders above, so the row is the same in any import order."""
    text, qualifier, category = conn.execute(
        "SELECT text, qualifier, category FROM quantities WHERE id = ?", (qid,)).fetchone()
    changes = {}
    if wording_key(q.text, q.qualifier) < wording_key(text, qualifier):
        changes.update(text=q.text, qualifier=q.qualifier)
    if CATEGORY_RANK.get(q.category, 9) < CATEGORY_RANK.get(category, 9):
        changes["category"] = q.category
    if changes:
        sets = ", ".join(f"{k} = ?" for k in changes)
        conn.execute(f"UPDATE quantities SET {sets} WHERE id = ?", [*changes.values(), qid])
        touched.relabelled.add(("quantity", qid))
