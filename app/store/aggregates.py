"""Read-only aggregates the browser's tables, plots and details need beyond Store.rows:
distinct filter values, plot columns, counts per month/year/kind, busiest people. Qt-free,
so a headless user of the store reaches the same numbers the GUI draws."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from heapq import nsmallest
from itertools import combinations

from app.store.queries import where_clause

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
    known = set(store.columns(table))
    col = order_by if order_by in known else "id"
    where, params = where_clause(table, filters)
    # the rows as Store.rows reads them (people in a time window: counts within it)
    source, source_params = store.source(table, filters) if hasattr(store, "source") else (table, [])
    params = [*source_params, *params]
    table = source
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
    """Which of these flag/text columns hold a value in any row (empty ones can be hidden).
    One EXISTS per column: it stops at the first row that has one."""
    known = [c for c in columns if c in set(store.columns(table))]
    used = set()
    for c in known:
        sql = (f'SELECT EXISTS (SELECT 1 FROM {table} WHERE "{c}" IS NOT NULL AND "{c}" != \'\' '
               f'AND "{c}" != 0)')
        try:
            if store.db.execute(sql).fetchone()[0]:
                used.add(c)
        except sqlite3.Error:
            used.add(c)
    return used


def year_counts(store, table: str, filters, column: str) -> list[tuple[str, int, int]]:
    """(year, rows, smallest id) per year of a date column under the filters, oldest first."""
    if (table, column) not in {("sources", "date"), ("meetings", "date_start"), ("culture", "date_start")}:
        raise ValueError("unsupported year column")
    where, params = where_clause(table, filters)
    glue = " AND " if where else " WHERE "
    sql = (f"SELECT substr({column}, 1, 4), COUNT(*), MIN(id) FROM {table}{where}{glue}"
           f"{column} > '' GROUP BY 1 ORDER BY 1")
    try:
        return store.db.execute(sql, params).fetchall()
    except sqlite3.Error:
        return []


# The meetings-per-month index (schema.ensure_indexes) is on exactly this expression.
MONTH_SQL = "substr(date_start, 1, 7)"


def _month_range(filters) -> tuple[str, list]:
    """A condition on MONTH_SQL implied by the time window (a superset of what the window
    keeps: the exact test is in where_clause), so the month index can serve a window."""
    conds, params = [], []
    # no lower bound: a meeting that starts before the window and ends in it is in it
    if filters is not None and getattr(filters, "date_to", None):
        conds.append(f"{MONTH_SQL} <= substr(?, 1, 7) || '~'")
        params.append(filters.date_to)
    return "".join(f" AND {c}" for c in conds), params


def month_buckets(store, table: str, filters, lane_col: str,
                  status_col: str | None = None) -> list[tuple[str, str | None, str | None, int, int]]:
    """(month or year, lane value, status, rows, smallest id) for the dated rows of a table
    under the filters, counted in SQL: what a timeline draws when it has too many rows to
    draw one by one."""
    if (table, lane_col, status_col) not in {("meetings", "kind", "status"), ("culture", "kind", None)}:
        raise ValueError("unsupported bucket columns")
    where, params = where_clause(table, filters)
    glue = " AND " if where else " WHERE "
    extra, extra_params = _month_range(filters)
    status = status_col or "NULL"
    group = f"{MONTH_SQL}, {lane_col}" + (f", {status_col}" if status_col else "")
    sql = (f"SELECT {MONTH_SQL}, {lane_col}, {status}, COUNT(*), MIN(id) FROM {table}{where}{glue}"
           f"date_start > ''{extra} GROUP BY {group}")
    try:
        return store.db.execute(sql, [*params, *extra_params]).fetchall()
    except sqlite3.Error:
        return []


def kind_counts(store, table: str, filters) -> list[tuple[str | None, int, int]]:
    """(kind, rows, smallest id) per kind under the filters."""
    if table not in ("culture", "meetings"):
        raise ValueError("unsupported kind table")
    where, params = where_clause(table, filters)
    try:
        return store.db.execute(f"SELECT kind, COUNT(*), MIN(id) FROM {table}{where} GROUP BY kind",
                                params).fetchall()
    except sqlite3.Error:
        return []


def person_month_buckets(store, filters, people: list[int]) -> list[tuple[str, int | None, str | None, int, int]]:
    """As month_buckets for meetings with one lane per person in `people`: (month, person id,
    status, meetings, smallest id); person id -1 = meetings with someone else named, None =
    meetings with nobody named. One pass over the participations (each meeting counted once
    per lane), one over the meetings nobody is named in."""
    where, params = where_clause("meetings", filters)
    marks = ", ".join("?" for _ in people) or "NULL"
    narrow = f" AND e.id IN (SELECT id FROM meetings{where})" if where else ""
    only = f" WHERE event_id IN (SELECT id FROM meetings{where})" if where else ""
    sql = (f"WITH p AS (SELECT event_id, CASE WHEN person_id IN ({marks}) THEN person_id ELSE -1 END "
           f"AS lane FROM event_participants{only} GROUP BY 1, 2) "
           f"SELECT substr(e.date_start, 1, 7), p.lane, e.status, COUNT(*), MIN(e.id) "
           f"FROM p JOIN events e ON e.id = p.event_id WHERE e.date_start > '' GROUP BY 1, 2, 3 "
           f"UNION ALL SELECT substr(e.date_start, 1, 7), NULL, e.status, COUNT(*), MIN(e.id) FROM events e "
           f"WHERE e.date_start > ''{narrow} AND NOT EXISTS (SELECT 1 FROM event_participants ep "
           f"WHERE ep.event_id = e.id) GROUP BY 1, 3")
    try:
        return store.db.execute(sql, [*people, *params, *params]).fetchall()
    except sqlite3.Error:
        return []


def _has_conditions(filters) -> bool:
    return bool(where_clause("meetings", filters)[0])


def busiest_people(store, filters, limit: int, linked: int, among: set[int] | None = None
                   ) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    """The `limit` people in the most dated meetings under the meetings filters (the time
    window), as [(person id, dated meetings)] busiest first, and the meetings together of
    the busiest `linked` of them, as [(person a, person b, meetings)] with a < b (dated or not
    when nothing filters the meetings): the People tab's bars and contact network.

    Without filters the counts come from the people's stored meeting counts less their undated
    meetings (few), so nothing reads every participation of a big archive. `among`: only
    these people are counted (those the People table's own filter keeps)."""
    try:
        if not _has_conditions(filters):
            undated = dict(store.db.execute(
                "SELECT ep.person_id, COUNT(DISTINCT ep.event_id) FROM events e "
                "JOIN event_participants ep ON ep.event_id = e.id "
                "WHERE e.date_start IS NULL OR e.date_start = '' GROUP BY ep.person_id").fetchall())
            counts = [(pid, n - undated.get(pid, 0)) for pid, n in store.db.execute(
                "SELECT id, meeting_count FROM persons WHERE meeting_count > 0")]
            top = sorted(((p, n) for p, n in counts if n > 0 and (among is None or p in among)),
                         key=lambda c: (-c[1], c[0]))[:limit]
            people = [p for p, _n in top[:linked]]
            marks = ", ".join("?" for _ in people) or "NULL"
            edges = store.db.execute(
                "SELECT a.person_id, b.person_id, COUNT(DISTINCT a.event_id) FROM event_participants a "
                "JOIN event_participants b ON b.event_id = a.event_id AND b.person_id > a.person_id "
                f"WHERE a.person_id IN ({marks}) AND b.person_id IN ({marks}) GROUP BY 1, 2",
                [*people, *people]).fetchall()
            return top, sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
        where, params = where_clause("meetings", filters)
        glue = " AND " if where else " WHERE "
        # one row per participation and document: duplicates dropped here, not by SQL's
        # slower DISTINCT
        pairs = set(store.db.execute(
            f"SELECT ep.event_id, ep.person_id FROM (SELECT id FROM meetings{where}{glue}"
            f"date_start > '') e JOIN event_participants ep ON ep.event_id = e.id", params).fetchall())
    except sqlite3.Error:
        return [], []
    if among is not None:
        pairs = {(e, p) for e, p in pairs if p in among}
    per_person = Counter(pid for _eid, pid in pairs)
    top = nsmallest(limit, per_person.items(), key=lambda c: (-c[1], c[0]))
    keep = {p for p, _n in top[:linked]}
    return top, pair_counts((e, p) for e, p in pairs if p in keep)


def pair_counts(pairs) -> list[tuple[int, int, int]]:
    """(person a, person b, meetings together) from distinct (meeting id, person id) pairs,
    a < b, most meetings first."""
    pairs = list(pairs)
    per_event = Counter(eid for eid, _pid in pairs)     # most meetings have one of these people
    by_event: dict[int, list[int]] = defaultdict(list)
    for eid, pid in pairs:
        if per_event[eid] > 1:
            by_event[eid].append(pid)
    counts: Counter = Counter()
    for people in by_event.values():
        if len(people) > 1:
            people.sort()
            counts.update(combinations(people, 2))
    return sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda e: (-e[2], e[0], e[1]))




# Lookups the tabs make for a few rows they already show (hover tooltips, marking a selection
# on a plot). A closed or changed store yields nothing rather than breaking hover or selection.

def _marks(ids) -> str:
    return ", ".join("?" for _ in ids) or "NULL"


def _rows(store, sql: str, params: list) -> list[tuple]:
    try:
        return store.db.execute(sql, params).fetchall()
    except Exception:  # noqa: BLE001 - closed store, changed schema: the caller shows nothing
        return []


def source_dates(store, ids: list[int]) -> list[str | None]:
    """The dates of these documents."""
    return [d for (d,) in _rows(store, f"SELECT date FROM sources WHERE id IN ({_marks(ids)})", list(ids))]


def person_names(store, ids: list[int]) -> dict[int, str]:
    """Person id -> name, for these people."""
    return dict(_rows(store, f"SELECT id, name FROM persons WHERE id IN ({_marks(ids)})", list(ids)))


def meeting_tooltip_row(store, meeting_id: int) -> tuple | None:
    """(date_start, date_end, kind, place, status, participants, summary) of one meeting."""
    rows = _rows(store, "SELECT date_start, date_end, kind, place, status, participants, summary "
                        "FROM meetings WHERE id = ?", [int(meeting_id)])
    return rows[0] if rows else None


def meeting_marks(store, ids: list[int], with_names: bool) -> tuple[list[tuple], dict[int, list[str]]] | None:
    """[(id, date_start, kind, status)] of these meetings and, with_names, meeting id -> the
    names of its participants; None when the store cannot be read."""
    marks = _marks(ids)
    try:
        rows = store.db.execute(
            f"SELECT id, date_start, kind, status FROM meetings WHERE id IN ({marks})", list(ids)).fetchall()
        names: dict[int, list[str]] = {}
        if with_names:
            for eid, name in store.db.execute(
                    "SELECT ep.event_id, p.name FROM event_participants ep JOIN persons p "
                    f"ON p.id = ep.person_id WHERE ep.event_id IN ({marks})", list(ids)):
                names.setdefault(eid, []).append(name)
    except Exception:  # noqa: BLE001 - as _rows
        return None
    return rows, names


def max_meeting_id(store) -> int | None:
    """The highest meeting id (a bound on how many there are); None when unreadable."""
    try:
        return store.db.execute("SELECT MAX(id) FROM events").fetchone()[0] or 0
    except Exception:  # noqa: BLE001 - as _rows
        return None


def culture_dates_kinds(store, ids: list[int]) -> list[tuple[str | None, str | None]]:
    """[(date_start, kind)] of these cultural items."""
    return _rows(store, f"SELECT date_start, kind FROM culture WHERE id IN ({_marks(ids)})", list(ids))


def culture_tooltip_row(store, item_id: int) -> tuple | None:
    """(date_start, summary, place) of one cultural item."""
    rows = _rows(store, "SELECT date_start, summary, place FROM culture WHERE id = ?", [int(item_id)])
    return rows[0] if rows else None


def data_version(store):
    """A value that changes whenever the database does (a commit by any connection), or a
    fresh object (never equal to another) when it cannot be read."""
    conn = store.conn
    try:
        return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes
    except Exception:  # noqa: BLE001 - unknown: the caller redraws
        return object()
