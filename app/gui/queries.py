"""Small read-only queries the GUI needs beyond the store API (distinct values for filters)."""

from __future__ import annotations

import sqlite3

ALLOWED = {
    ("meetings", "kind"), ("meetings", "place"), ("meetings", "category"),
    ("meetings", "status"), ("culture", "kind"), ("people", "name"), ("trade", "unit"),
    ("figures", "category"),
}


def distinct(store, table: str, column: str, limit: int = 500) -> list[str]:
    """Distinct non-empty values of a view column, most frequent first (for filter combos)."""
    if (table, column) not in ALLOWED:
        raise ValueError(f"{table}.{column} is not offered as a filter")
    sql = (f"SELECT {column}, COUNT(*) AS n FROM {table} WHERE {column} IS NOT NULL "
           f"AND {column} != '' GROUP BY {column} ORDER BY n DESC, {column} LIMIT ?")
    try:
        return [str(r[0]) for r in store.db.execute(sql, [limit]).fetchall()]
    except sqlite3.Error:
        return []


def years(store, table: str = "meetings", column: str = "date_start") -> list[int]:
    if (table, column) not in {("meetings", "date_start"), ("culture", "date_start")}:
        raise ValueError("unsupported year column")
    sql = (f"SELECT DISTINCT CAST(substr({column}, 1, 4) AS INTEGER) FROM {table} "
           f"WHERE {column} IS NOT NULL AND {column} != '' ORDER BY 1 DESC")
    try:
        return [int(r[0]) for r in store.db.execute(sql).fetchall() if r[0]]
    except sqlite3.Error:
        return []


PLOT_LIMIT = 20_000


def plot_rows(store, table: str, filters, columns: list[str], order_by: str,
              limit: int = PLOT_LIMIT, where_extra: str = "") -> tuple[list[dict], int]:
    """Only the columns a plot draws, for at most `limit` rows (the latest by order_by), and
    the number of rows the filters match, so plots stay quick on very large databases.
    `where_extra` is a fixed SQL condition (no user input) a plot narrows its rows by."""
    cols, data, total = plot_columns(store, table, filters, columns, order_by, limit,
                                     where_extra=where_extra)
    return [dict(zip(cols, r, strict=True)) for r in data], total


def plot_columns(store, table: str, filters, columns: list[str], order_by: str,
                 limit: int = PLOT_LIMIT, exprs: dict[str, str] | None = None,
                 where_extra: str = "") -> tuple[list[str], list[tuple], int]:
    """As plot_rows, as (column names, row tuples oldest first, total) without a dict per row;
    `exprs` adds computed columns (name -> fixed SQL expression over the table's columns)."""
    from app.store.queries import where_clause

    known = set(store.columns(table))
    cols = [c for c in dict.fromkeys(["id", *columns]) if c in known]
    where, params = where_clause(table, filters)
    if where_extra:
        where = f"{where} AND ({where_extra})" if where else f" WHERE ({where_extra})"
    order = order_by if order_by in known else "id"
    selected = [f'"{c}"' for c in cols] + [f"({e})" for e in (exprs or {}).values()]
    cols += list(exprs or {})
    sql = (f'SELECT {", ".join(selected)} FROM {table}{where} ORDER BY "{order}" DESC, id DESC LIMIT ?')
    try:
        rows = store.db.execute(sql, [*params, int(limit)]).fetchall()
    except sqlite3.Error:
        return cols, [], 0
    rows.reverse()
    if len(rows) < limit:
        total = len(rows)
    elif where_extra:
        total = int(store.db.execute(f"SELECT COUNT(*) FROM {table}{where}", params).fetchone()[0])
    else:
        total = store.count(table, filters)
    return cols, rows, total


def ts_sql(column: str, end: bool = False) -> str:
    """SQL for the UTC timestamp of the first (end=True: last) day a YYYY-MM-DD, YYYY-MM or
    YYYY date covers, as app.gui.dates.to_ts computes it. NULL for any other form (and for
    days past the month's end, which SQLite would roll over), so that callers parse those
    few values with to_ts and get exactly what it gives."""
    c = f'"{column}"'
    d4 = "[0-9][0-9][0-9][0-9]"
    d2 = "[0-9][0-9]"

    def stamp(day: str) -> str:
        return (f"CASE WHEN substr({day}, 9, 2) > '28' AND date({day}, '+0 days') IS NOT ({day}) "
                f"THEN NULL ELSE CAST(strftime('%s', {day}) AS REAL) END")

    month = f"date({c} || '-01', '+1 month', '-1 day')" if end else f"{c} || '-01'"
    year = f"{c} || '-12-31'" if end else f"{c} || '-01-01'"
    return (f"CASE WHEN {c} GLOB '0000*' THEN NULL "   # year 0: Python has none
            f"WHEN {c} GLOB '{d4}-{d2}-{d2}' THEN {stamp(c)} "
            f"WHEN {c} GLOB '{d4}-{d2}' THEN {stamp(month)} "
            f"WHEN {c} GLOB '{d4}' THEN {stamp(year)} END")


def position(store, table: str, filters, order_by: str | None, descending: bool,
             row_id: int) -> int | None:
    """Row number of `row_id` in Store.rows(table, filters, order_by, descending), computed
    by counting the rows that sort before it (NULL sorts first ascending, as in SQLite), or
    None when the filters hide it. Constant work however far down the row is."""
    from app.store.queries import where_clause

    known = set(store.columns(table))
    col = order_by if order_by in known else "id"
    where, params = where_clause(table, filters)
    glue = " AND " if where else " WHERE "
    try:
        found = store.db.execute(f'SELECT "{col}" FROM {table}{where}{glue}id = ?',
                                 [*params, int(row_id)]).fetchone()
        if found is None:
            return None
        value = found[0]
        c = f'"{col}"'
        if col == "id":
            before = "id > ?" if descending else "id < ?"
            extra = [int(row_id)]
        elif value is None:
            # NULLs come first ascending (before them: lower ids), last descending
            before = (f"({c} IS NOT NULL OR id > ?)" if descending else f"({c} IS NULL AND id < ?)")
            extra = [int(row_id)]
        elif descending:
            before = f"({c} > ? OR ({c} = ? AND id > ?))"
            extra = [value, value, int(row_id)]
        else:
            before = f"({c} IS NULL OR {c} < ? OR ({c} = ? AND id < ?))"
            extra = [value, value, int(row_id)]
        sql = f"SELECT COUNT(*) FROM {table}{where}{glue}{before}"
        return int(store.db.execute(sql, [*params, *extra]).fetchone()[0])
    except sqlite3.Error:
        return None


def dated_meetings_per_person(store, filters, limit: int = 12) -> list[tuple[int, int]]:
    """(person id, dated meetings they took part in) for the busiest people, under the meetings
    filters (the app-wide time window): the People tab's bars."""
    from app.store.queries import where_clause

    where, params = where_clause("meetings", filters)
    glue = " AND " if where else " WHERE "
    sql = (f"SELECT ep.person_id, COUNT(DISTINCT ep.event_id) AS n FROM event_participants ep "
           f"WHERE ep.event_id IN (SELECT id FROM meetings{where}{glue}date_start IS NOT NULL "
           f"AND date_start != '') GROUP BY ep.person_id ORDER BY n DESC, ep.person_id LIMIT ?")
    try:
        return [(int(a), int(b)) for a, b in store.db.execute(sql, [*params, int(limit)]).fetchall()]
    except sqlite3.Error:
        return []


def columns_in_use(store, table: str, columns: list[str]) -> set[str]:
    """Which of these flag/text columns hold a value in any row (empty ones can be hidden)."""
    known = [c for c in columns if c in set(store.columns(table))]
    if not known:
        return set()
    sql = "SELECT " + ", ".join(f'MAX(CASE WHEN "{c}" IS NOT NULL AND "{c}" != \'\' AND "{c}" != 0 '
                                f"THEN 1 ELSE 0 END)" for c in known) + f" FROM {table}"
    try:
        row = store.db.execute(sql).fetchone()
    except sqlite3.Error:
        return set(known)
    return {c for c, used in zip(known, row, strict=True) if used}


def ids_by_year(store, table: str, filters, column: str, limit_per_year: int = 2000) -> dict[str, list[int]]:
    """Row ids per year of a date column under the filters (for per-year bars)."""
    from app.store.queries import where_clause

    if (table, column) not in {("sources", "date"), ("meetings", "date_start"), ("culture", "date_start")}:
        raise ValueError("unsupported year column")
    where, params = where_clause(table, filters)
    glue = " AND " if where else " WHERE "
    sql = (f'SELECT substr({column}, 1, 4), id FROM {table}{where}{glue}{column} IS NOT NULL '
           f"AND {column} != '' ORDER BY {column}, id")
    out: dict[str, list[int]] = {}
    try:
        for year, row_id in store.db.execute(sql, params):
            ids = out.setdefault(year, [])
            if len(ids) < limit_per_year:
                ids.append(row_id)
    except sqlite3.Error:
        return {}
    return out
