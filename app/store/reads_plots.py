"""The Store's reads for the plots and filter lists: distinct filter values, plot columns,
counts per month/year/kind, the busiest people and who met whom, a row's position. Qt-free,
so a headless user of the store reaches the same numbers the GUI draws."""

from __future__ import annotations

import sqlite3

from . import group_map, window, window_counts
from .counts import TABLE as KEPT_TABLE
from .records import (
    KindCount,
    MonthBucket,
    PlotColumns,
    PlotRows,
    YearCount,
)
from .schema import FILTER_FTS
from .where import source_where, text_match_ids, where_clause

ALLOWED = {
    ("meetings", "kind"), ("meetings", "place"), ("meetings", "category"),
    ("meetings", "status"), ("culture", "kind"), ("people", "name"), ("trade", "unit"),
    ("figures", "category"),
}
PLOT_LIMIT = 20_000
# A text filter matching at least 1/N of a table is counted per month, kind or year by
# walking a covering index of those columns and testing each entry against the matches
# (~0.3 us an entry) rather than reading each match's row (~3 us, a page when cold; a
# release's row fills a page of its own, hence its larger N).
WALK_SHARE = {"sources": 50, "culture": 8, "meetings": 8}
# The meetings-per-month index (schema.ensure_indexes) is on exactly this expression.
MONTH_SQL = "substr(date_start, 1, 7)"


def ts_sql(column: str, end: bool = False) -> str:
    """SQL for the UTC timestamp of the first (end=True: last) day a YYYY-MM-DD, YYYY-MM or
    YYYY date covers, as app.gui.timestamps.to_ts computes it. NULL for any other form (and for
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


def _month_range(filters) -> tuple[str, list]:
    """A condition on MONTH_SQL implied by the time window (a superset of what the window
    keeps: the exact test is in where_clause), so the month index can serve a window."""
    # no lower bound: a meeting that starts before the window and ends in it is in it
    if filters is not None and getattr(filters, "date_to", None):
        return f" AND {MONTH_SQL} <= substr(?, 1, 7) || '~'", [filters.date_to]
    return "", []


def _and(where: str) -> str:
    return " AND " if where else " WHERE "


class PlotReads:
    """Mixed into Store (store.py): needs self.conn, self.columns, self.count, self.source."""

    def _all(self, sql: str, params=()) -> list[tuple]:
        """Rows of a read; none when the store cannot answer it (closed, or a schema the
        read does not know): a plot or a list then shows nothing rather than breaking."""
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        except sqlite3.Error:
            return []

    def _kept(self, sql: str, params=()) -> list[tuple] | None:
        """Rows of a read of the kept counts (counts.py), or None when this database has
        none (opened read-only before they were made) or they are switched off
        (`kept_counts = False`: tests compare them with the recount): read the facts then."""
        if not getattr(self, "kept_counts", True):
            return None
        try:
            return self.conn.execute(sql.replace("{kept}", KEPT_TABLE), list(params)).fetchall()
        except sqlite3.OperationalError:
            return None

    def _window(self, table: str, filters) -> tuple | None:
        """The window's first and last day when the filters set only a time window on a
        table with kept counts (and they are not switched off), else None."""
        if (table not in window_counts.BASE or filters is None
                or not getattr(self, "kept_counts", True) or not self._window_only(table, filters)):
            return None
        return window.window_bounds(filters.date_from, filters.date_to)

    def window_groups(self, table: str, filters) -> list[tuple] | None:
        """(month, kind, status, n, min_id) under filters that set only a time window, from
        the kept counts and rows at its edges (window_counts.py); None when they cannot
        answer (other filters, undated rows asked for, no kept counts)."""
        bounds = self._window(table, filters)
        if bounds is None:
            return None
        # a tab's months and kinds under one window: the second read is the memo
        key = (table, bounds, self.data_version())
        memo = getattr(self, "_window_memo", None)
        if memo is None or memo[0] != key:
            memo = self._window_memo = (key, window_counts.groups(self.conn, table, *bounds))
        return memo[1]

    def _map_groups(self, table: str, filters) -> list[tuple] | None:
        """The groups of group_map.SPECS[table] under filters that set only a text, from
        the word index's matches and each row's group kept on the connection; None when
        they set more, or the kept counts are switched off (tests compare with SQL)."""
        if not getattr(self, "kept_counts", True):
            return None
        match = text_match_ids(table, filters)
        if match is None:
            return None
        # a share of the table SQL would count by walking a whole index: the map's cost
        build = not group_map.ready(self.conn, table) and self._walks(table, filters)
        return group_map.groups(self.conn, table, match, build)

    def _grouping_where(self, table: str, filters) -> tuple[str, list]:
        """where_clause for a read counting groups: with the text filter as `+id IN` (the
        rows walked in a covering index's order) when it matches a large share of the table
        (WALK_SHARE). The same rows either way; only SQLite's plan differs."""
        where, params = where_clause(table, filters)
        if self._walks(table, filters):
            return source_where(table, filters, in_order=True)
        return where, params

    def _walks(self, table: str, filters) -> bool:
        """Whether the text filter matches at least 1/WALK_SHARE of the table."""
        if filters is None or not (filters.text or "").strip() or table not in WALK_SHARE:
            return False
        n = self._match_count(table, filters.text, filters.columns)
        # the largest id stands for the number of rows: one step down the table's b-tree
        rows = self._all(f"SELECT max(id) FROM {FILTER_FTS[table][0]}")
        return bool(n and rows and n * WALK_SHARE[table] >= (rows[0][0] or 0))

    def distinct(self, table: str, column: str, limit: int = 500) -> list[str]:
        """Distinct non-empty values of a view column, most frequent first (filter lists)."""
        if (table, column) not in ALLOWED:
            raise ValueError(f"{table}.{column} is not offered as a filter")
        return [str(r[0]) for r in self._all(
            f"SELECT {column}, COUNT(*) AS n FROM {table} WHERE {column} IS NOT NULL "
            f"AND {column} != '' GROUP BY {column} ORDER BY n DESC, {column} LIMIT ?", [limit])]

    def years(self, table: str = "meetings", column: str = "date_start") -> list[int]:
        """The years a date column holds, latest first."""
        if (table, column) not in {("meetings", "date_start"), ("culture", "date_start")}:
            raise ValueError("unsupported year column")
        return [int(r[0]) for r in self._all(
            f"SELECT DISTINCT CAST(substr({column}, 1, 4) AS INTEGER) FROM {table} "
            f"WHERE {column} IS NOT NULL AND {column} != '' ORDER BY 1 DESC") if r[0]]

    def plot_rows(self, table: str, filters, columns: list[str], order_by: str,
                  limit: int = PLOT_LIMIT) -> PlotRows:
        """Only the columns a plot draws, for at most `limit` rows (the latest by order_by),
        and the number of rows the filters match, so plots stay quick on big databases."""
        got = self.plot_columns(table, filters, columns, order_by, limit)
        return PlotRows([dict(zip(got.names, r, strict=True)) for r in got.rows], got.total)

    def plot_columns(self, table: str, filters, columns: list[str], order_by: str,
                     limit: int = PLOT_LIMIT, stamps: dict[str, tuple[str, bool]] | None = None,
                     dated: bool = False) -> PlotColumns:
        """As plot_rows, as column names and row tuples, without a dict per row. `stamps`
        adds timestamp columns: name -> (date column, whether its last day; see ts_sql);
        `dated` keeps only the rows whose order_by column holds a value."""
        known = set(self.columns(table))
        cols = [c for c in dict.fromkeys(["id", *columns]) if c in known]
        order = order_by if order_by in known else "id"
        where, params = where_clause(table, filters)
        if dated:
            where = f'{where}{_and(where)}("{order}" > \'\')'
        stamps = {k: v for k, v in (stamps or {}).items() if v[0] in known}
        selected = [f'"{c}"' for c in cols] + [f"({ts_sql(c, end)})" for c, end in stamps.values()]
        try:
            rows = self.conn.execute(
                f'SELECT {", ".join(selected)} FROM {table}{where} '
                f'ORDER BY "{order}" DESC, id DESC LIMIT ?', [*params, int(limit)]).fetchall()
        except sqlite3.Error:
            return PlotColumns(cols + list(stamps), [], 0)
        rows.reverse()
        if len(rows) < limit:
            total = len(rows)
        elif dated:
            total = int(self.conn.execute(f"SELECT COUNT(*) FROM {table}{where}",
                                          params).fetchone()[0])
        else:
            total = self.count(table, filters)
        return PlotColumns(cols + list(stamps), rows, total)

    def position(self, table: str, filters, order_by: str | None, descending: bool,
                 row_id: int) -> int | None:
        """Row number of `row_id` in rows(table, filters, order_by, descending), by counting
        the rows that sort before it (NULL first ascending, as in SQLite), or None when the
        filters hide it. Constant work however far down the row is."""
        col = order_by if order_by in set(self.columns(table)) else "id"
        where, params = source_where(table, filters)
        # the rows as rows() reads them (people in a time window: counts within it)
        source, source_params = self.source(table, filters)
        params = [*source_params, *params]
        glue = _and(where)
        found = self._all(f'SELECT "{col}" FROM {source}{where}{glue}id = ?',
                          [*params, int(row_id)])
        if not found:
            return None
        value, c, i = found[0][0], f'"{col}"', int(row_id)
        if col == "id":
            before, extra = ("id > ?" if descending else "id < ?"), [i]
        elif value is None:
            # NULLs come first ascending (before them: lower ids), last descending
            before = f"({c} IS NOT NULL OR id > ?)" if descending else f"({c} IS NULL AND id < ?)"
            extra = [i]
        elif descending:
            before, extra = f"({c} > ? OR ({c} = ? AND id > ?))", [value, value, i]
        else:
            before, extra = f"({c} IS NULL OR {c} < ? OR ({c} = ? AND id < ?))", [value, value, i]
        n = self._all(f"SELECT COUNT(*) FROM {source}{where}{glue}{before}", [*params, *extra])
        return int(n[0][0]) if n else None

    def columns_in_use(self, table: str, columns: list[str]) -> set[str]:
        """Which of these flag/text columns hold a value in any row (empty ones can be
        hidden). One EXISTS per column: it stops at the first row that has one."""
        known = set(self.columns(table))
        used = set()
        for c in (c for c in columns if c in known):
            sql = (f'SELECT EXISTS (SELECT 1 FROM {table} WHERE "{c}" IS NOT NULL AND '
                   f'"{c}" != \'\' AND "{c}" != 0)')
            try:
                if self.conn.execute(sql).fetchone()[0]:
                    used.add(c)
            except sqlite3.Error:
                used.add(c)
        return used

    def year_counts(self, table: str, filters, column: str) -> list[YearCount]:
        """Rows per year of a date column under the filters, oldest first."""
        if (table, column) not in {("sources", "date"), ("meetings", "date_start"),
                                   ("culture", "date_start")}:
            raise ValueError("unsupported year column")
        groups = self._map_groups(table, filters) if table == "sources" else None
        if groups is not None:
            return [YearCount(*r) for r in groups]
        where, params = self._grouping_where(table, filters)
        return [YearCount(*r) for r in self._all(
            f"SELECT substr({column}, 1, 4), COUNT(*), MIN(id) FROM {table}{where}{_and(where)}"
            f"{column} > '' GROUP BY 1 ORDER BY 1", params)]

    def _text_groups(self, table: str, filters, where: str, params: list) -> list[tuple] | None:
        """(month or NULL, kind, NULL, n, min_id) of every cultural item under filters that
        set a text and no window, read once for the tab's kinds and its months alike (the
        same filters on the same data: the second read is the memo)."""
        if (table != "culture" or filters is None or filters.date_from or filters.date_to
                or not (filters.text or "").strip()):
            return None
        key = (table, repr(filters), self.data_version())
        memo = getattr(self, "_groups_memo", None)
        if memo is None or memo[0] != key:
            groups = self._map_groups(table, filters)
            memo = self._groups_memo = (key, groups if groups is not None else self._all(
                f"SELECT {MONTH_SQL}, kind, NULL, COUNT(*), MIN(id) FROM {table}{where} "
                f"GROUP BY {MONTH_SQL}, kind", params))
        return memo[1]

    def month_buckets(self, table: str, filters, lane_col: str,
                      status_col: str | None = None) -> list[MonthBucket]:
        """The dated rows of a table under the filters counted per month (or year), lane
        value and status in SQL: what a timeline draws when it has too many rows to draw
        one by one."""
        if (table, lane_col, status_col) not in {("meetings", "kind", "status"),
                                                 ("culture", "kind", None)}:
            raise ValueError("unsupported bucket columns")
        groups = self._map_groups(table, filters) if table == "meetings" else None
        if groups is not None:
            return [MonthBucket(*r) for r in groups]
        where, params = self._grouping_where(table, filters)
        kept = None if where else self._kept(
            f"SELECT month, kind, {'status' if status_col else 'NULL'}, n, min_id FROM {{kept}} "
            "WHERE tbl = ? AND month > '' ORDER BY month, kind, status", [table])
        if kept is None and where:
            kept = self.window_groups(table, filters)
        if kept is None and where:
            groups = self._text_groups(table, filters, where, params)
            # the dated ones: date_start > '' (a blob's month is a blob, after any text)
            kept = None if groups is None else [g for g in groups if g[0] is not None and g[0] != ""]
        if kept is not None:
            return [MonthBucket(*r) for r in kept]
        extra, extra_params = _month_range(filters)
        group = f"{MONTH_SQL}, {lane_col}" + (f", {status_col}" if status_col else "")
        sql = (f"SELECT {MONTH_SQL}, {lane_col}, {status_col or 'NULL'}, COUNT(*), MIN(id) "
               f"FROM {table}{where}{_and(where)}date_start > ''{extra} GROUP BY {group}")
        return [MonthBucket(*r) for r in self._all(sql, [*params, *extra_params])]

    def kind_counts(self, table: str, filters) -> list[KindCount]:
        """Rows per kind under the filters."""
        if table not in ("culture", "meetings"):
            raise ValueError("unsupported kind table")
        where, params = self._grouping_where(table, filters)
        kept = None if where else self._kept(
            "SELECT kind, sum(n), min(min_id) FROM {kept} WHERE tbl = ? GROUP BY kind", [table])
        if kept is None and where:
            groups = self.window_groups(table, filters)
            if groups is None:
                groups = self._text_groups(table, filters, where, params)
            kept = None if groups is None else window_counts.kinds(groups)
        if kept is not None:
            return [KindCount(*r) for r in kept]
        return [KindCount(*r) for r in self._all(
            f"SELECT kind, COUNT(*), MIN(id) FROM {table}{where} GROUP BY kind", params)]
