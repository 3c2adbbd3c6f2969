"""SQL conditions for the user-facing views under Filters: the word index for text, the time
window's one meaning (window.py), picked values, years, kinds, ids; and keyset paging."""

from __future__ import annotations

from dataclasses import replace

from . import periods, window
from .filters import _INDEX_NAME, TEXT_COLUMNS, Filters, text_columns
from .schema import filter_table
from .search import column_phrase, filter_expression

FIGURES = ("trade", "figures")     # views of quantities, dated by their period


def undated(table: str) -> str:
    """SQL condition: the row has no readable date (a figure: no readable period)."""
    return periods.undated() if table in FIGURES else window.undated(table)


def stored_pair(filters: Filters) -> str | None:
    """The partner pair the filters keep, when it is a stored pair ("-" is "none stated")."""
    return None if filters.partners == "-" else filters.partners


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_match(table: str, text: str, shown=None, in_view: bool = False,
                pair: str | None = None) -> str | None:
    """The word index's MATCH expression for a text filter. `in_view`: the matches are only
    ever read beside the view's own rows (id IN ..., a join), so they need not be trade rows.
    `pair`: the figures are read beside `partners = pair`: the matches are narrowed to the
    rows holding the pair's words in their partners column (the phrase is the stored value
    itself, which the index's tokenizer splits as it split the row's), a superset of the
    pair's rows that the word index finds in a few ms (at 50,000 releases the Trade tab's
    count under "billion" 29 -> 20 ms, its first page 27 -> 16, under "trade" 80 -> 35)."""
    expr = filter_expression(text)
    if expr is None:
        return None
    cols = text_columns(table, shown)
    if not cols:
        return None
    if len(cols) < len(TEXT_COLUMNS[table]):
        names = " ".join(_INDEX_NAME.get(c, c) for c in cols)
        expr = f"{{{names}}} : ({expr})"
    if table == "trade" and not in_view:
        # narrows the index's answer to trade rows when it is counted alone (categories are
        # single words of a fixed set, app/extract/model.py). Beside the view, which requires
        # category = 'trade' itself, it would only cost: reading the category's word list
        # (every trade figure) took 50 of 80 ms of the Trade tab's count under a filter at
        # 50,000 releases.
        expr = f'({expr}) AND category : "trade"'
    if pair and table in FIGURES and any(ch.isalnum() for ch in pair):
        expr = f'({expr}) AND partners : "{pair.replace(chr(34), chr(34) * 2)}"'
    return expr


def _text_condition(table: str, text: str, in_order: bool = False,
                    shown=None, pair: str | None = None) -> tuple[str, list]:
    """Rows whose shown text columns hold each word of `text` at the start of a word (see
    search.filter_expression), found in the table's word index. Text without a letter or
    digit ("%", "$") has no words to look up: it is compared literally, by a scan.
    `in_order` keeps SQLite from looking the matches up by id (then sorting them all), so
    that it walks an index in the wanted order instead and stops at the page's end."""
    cols = text_columns(table, shown)
    if not cols:
        return "0", []   # no text column on screen: nothing shown can hold the text
    expr = _text_match(table, text, shown, in_view=True, pair=pair)
    if expr is None:
        return ("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")",
                [_like(text)] * len(cols))
    fts = filter_table(table)
    return f"{'+' if in_order else ''}id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH ?)", [expr]


def text_alone(filters: Filters | None) -> bool:
    """Whether the filters set a text and nothing else (the columns on screen aside)."""
    return (filters is not None and filters.ids is None and bool((filters.text or "").strip())
            and filters.to_dict().keys() - {"columns"} == {"text"})


def text_match_ids(table: str, filters: Filters | None) -> tuple[str, list] | None:
    """SQL selecting the ids (as `id`) of the rows of `table` the filters keep, when they set
    nothing but a text the word index answers (else None): the word index's matches, as
    _text_condition tests them."""
    if not text_alone(filters):
        return None
    if not text_columns(table, filters.columns):
        return None
    expr = _text_match(table, filters.text.strip(), filters.columns, in_view=True)
    if expr is None:
        return None
    fts = filter_table(table)
    return f"SELECT rowid AS id FROM {fts} WHERE {fts} MATCH ?", [expr]


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


def undated_on(table: str, conn=None) -> tuple[str, list]:
    """undated's condition and its parameters; a figure's, on a connection, from the
    periods kept on it (periods.undated_on)."""
    return periods.undated_on(conn) if table in FIGURES else (undated(table), [])


def window_condition(table: str, filters: Filters, conn=None) -> tuple[str, list]:
    """The time window's one meaning (app/store/window.py): rows whose date or period
    overlaps it, and the undated ones only when filters.undated asks for them. `conn`: the
    connection the condition is read on (figures' periods are picked from those kept on
    it, periods.overlap)."""
    lo, hi = window.window_bounds(filters.date_from, filters.date_to)
    if table == "people":
        sql, params = window.people_in(lo, hi)
        cond = f"id IN ({sql})"
    elif table in FIGURES:  # tested once per distinct period, not per figure
        cond, params = periods.overlap(lo, hi, seek=not filters.text, conn=conn)
    else:
        cond, params = window.overlap(table, lo, hi)
    if filters.undated:
        sql, args = undated_on(table, conn)
        cond, params = f"({cond} OR {sql})", [*params, *args]
    return cond, params


def where_clause(table: str, filters: Filters | None, conn=None) -> tuple[str, list]:
    """SQL condition and parameters for one user-facing table (`conn`: the connection it is
    read on, see window_condition)."""
    return _where(table, filters, conn=conn)


def source_where(table: str, filters: Filters | None, in_order: bool = False,
                 conn=None) -> tuple[str, list]:
    """The condition on the rows of Store.source(table, filters). People in a time window
    come from a source that has counted each one's mentions and meetings within it: the
    window's test reads those counts (the same people as window.people_in, whose two
    reads of the window's documents and meetings it would otherwise repeat)."""
    if table != "people" or filters is None or not (filters.date_from or filters.date_to):
        return _where(table, filters, in_order, conn)
    rest = replace(filters, date_from=None, date_to=None, undated=None)
    where, params = _where(table, rest, in_order)
    cond = "(people.mentions > 0 OR people.meetings > 0)"
    if filters.undated:
        cond = f"({cond} OR {window.undated('people')})"
    return (f"{where} AND {cond}" if where else f" WHERE {cond}"), params


def _where(table: str, filters: Filters | None, in_order: bool = False,
           conn=None) -> tuple[str, list]:
    if not filters:
        return "", []
    conds: list[str] = []
    params: list = []
    if filters.text and filters.text.strip():
        cond, args = _text_condition(table, filters.text.strip(), in_order, filters.columns,
                                     stored_pair(filters))
        conds.append(cond)
        params += args
    if filters.date_from or filters.date_to:
        cond, args = window_condition(table, filters, conn)
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

