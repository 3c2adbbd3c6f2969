"""The Store: the one object every caller holds for a database. It keeps the checked
connection db.connect gives and answers reads of the user-facing views with filters done in
SQL (here: rows, counts, paging); the plots', details' and people's reads are mixed in by
concern (reads_*.py), the writes that go through it in writes.py."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from . import counts, counts_people, figure_matches, window, window_counts
from .db import connect
from .errors import StoreError
from .filters import TABLES, Filters
from .reads_details import DetailReads
from .reads_people import PeopleReads
from .reads_plots import PlotReads
from .schema import FILTER_FTS, filter_table
from .search import search
from .search_text import SearchHit
from .sqlite_file import has, version
from .sqlite_file import kept as keep_on
from .trade import partner_pairs, trade_view
from .where import _after, _text_match, source_where, text_alone, undated_on, where_clause
from .writes import Writes


class Store(PlotReads, PeopleReads, DetailReads, Writes):
    TABLES = TABLES

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = Path(path)
        self.conn = conn
        self._matches: dict = {}
        self._totals: dict = {}

    @classmethod
    def open(cls, path, create: bool = False, check: bool = True, write: bool = False) -> Store:
        """The database at `path`, checked (db.connect; write=True refuses one that opens
        read-only). Raises NeedsUpgrade for one that must be re-extracted first
        (app.store.upgrade_database), never re-extracts it here."""
        return cls(Path(path), connect(Path(path), create=create, write=write, check=check))

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

    def data_version(self):
        """A value that changes whenever the database does (a commit by any connection), or a
        fresh object (never equal to another) when it cannot be read."""
        try:
            return version(self.conn)
        except Exception:  # noqa: BLE001 - unknown: the caller redraws
            return object()

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
        source = window.periods_up_to(table, filters, order, descending) or source
        matched = figure_matches.matches(self.conn, table, filters)
        floor = self._window_floor(table, filters, order)

        def select(in_order: bool, key: tuple[str, list] | None) -> tuple[str, list]:
            where, params = (figure_matches.where(table, filters, matched[1], in_order,
                                                  self.conn) if matched
                             else source_where(table, filters, in_order, self.conn))
            if floor is not None:  # exact: no row the window keeps starts before it
                where = f"{where} AND date_start >= ?" if where else " WHERE date_start >= ?"
                params = [*params, floor]
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
                    table, filters, limit + (0 if after is not None else offset or 0),
                    matched[0] if matched else None):
                walk, walk_params = select(True, key)
                plan = [r[-1] for r in self.conn.execute(f"EXPLAIN QUERY PLAN {walk}",
                                                         walk_params)]
                if "USE TEMP B-TREE FOR ORDER BY" not in plan:  # an index gives the order
                    sql, params = walk, walk_params
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description]
            rows += [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        return rows[::-1] if backward else rows

    def _window_floor(self, table: str, filters: Filters | None, order: str) -> str | None:
        """The earliest start of the rows a time window keeps, for a page in date order,
        when the window's count found it on this connection (window_counts.floor)."""
        if (order != "date_start" or table not in window_counts.BASE or filters is None
                or filters.undated or not (filters.date_from or filters.date_to)
                or not getattr(self, "kept_counts", True)):
            return None
        bounds = window.window_bounds(filters.date_from, filters.date_to)
        return window_counts.floor(self.conn, table, *bounds)

    def source(self, table: str, filters: Filters | None = None) -> tuple[str, list]:
        """What to select a table's rows from under the filters (SQL and parameters): the
        view itself, or for people in a time window the view with their mentions and
        meetings counted within the window."""
        self._check(table)
        if table == "people" and filters is not None and (filters.date_from or filters.date_to):
            return (self._kept_people(filters) or
                    window.people_source(*window.window_bounds(filters.date_from, filters.date_to)))
        return table, []

    def _window_only(self, table: str, filters: Filters) -> bool:
        return _window_only(table, filters)

    def _kept_people(self, filters: Filters) -> tuple[str, list] | None:
        """The people in the window with their counts read from the kept counts
        (counts_people.py), or None when they cannot answer it: a window not from a
        month's first to a month's last day, a database without them, or switched off."""
        bounds = window.window_bounds(filters.date_from, filters.date_to)
        if not getattr(self, "kept_counts", True) or not counts_people.aligned(*bounds):
            return None
        if not has(self.conn, counts_people.TABLE):
            return None
        return counts_people.people_source(*bounds)

    def undated_hidden(self, table: str, filters: Filters | None) -> int:
        """How many rows the time window hides because they state no date (0 when no window
        is set or the undated rows are shown)."""
        self._check(table)
        if filters is None or filters.undated or not (filters.date_from or filters.date_to):
            return 0
        rest = replace(filters, date_from=None, date_to=None)
        kept = window.undated_kept(table)
        if kept and not rest.to_dict().keys() - {"columns"}:  # the whole table's undated rows
            # the same for every window: counted once while the database stays the same
            rows = keep_on(self.conn, f"_fb_undated_{table}_{getattr(self, 'kept_counts', 1)}",
                           lambda: self._kept(kept))
            if rows is not None:
                return rows[0][0]
        where, params = where_clause(table, rest, self.conn)
        glue = " AND " if where else " WHERE "
        cond, args = undated_on(table, self.conn)
        return self.conn.execute(f"SELECT count(*) FROM {table}{where}{glue}{cond}",
                                 [*params, *args]).fetchone()[0]

    def count(self, table, filters: Filters | None = None) -> int:
        self._check(table)
        if filters is None or (filters.ids is None and not filters.to_dict().keys() - {"columns"}):
            return self._total(table)
        if text_alone(filters):
            n = self._match_count(table, filters.text, filters.columns)
            if n is not None:
                return n
        matched = figure_matches.matches(self.conn, table, filters)
        if matched is not None:
            return matched[0]
        if table == "people" and filters is not None and (filters.date_from or filters.date_to):
            kept = self._kept_people(filters)
            bounds = window.window_bounds(filters.date_from, filters.date_to)
            if kept is not None and _window_only("people", filters):
                sql, params = counts_people.people_in(*bounds)
                return self.conn.execute(f"SELECT count(*) FROM people WHERE id IN ({sql})",
                                         params).fetchone()[0]
            if kept is not None:  # the people the window keeps are those counted in it
                where, params = source_where(table, filters)
                return self.conn.execute(f"SELECT count(*) FROM {kept[0]}{where}",
                                         [*kept[1], *params]).fetchone()[0]
        bounds = self._window(table, filters)
        n = None if bounds is None else window_counts.count(self.conn, table, *bounds)
        if n is not None:
            return n
        where, params = where_clause(table, filters, self.conn)
        return self.conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0]

    def _total(self, table: str) -> int:
        """Rows of a whole view, counted once while the database stays the same (a table
        model counts at every reset), from the kept counts where there are some."""
        now = self.data_version()
        hit = self._totals.get(table)
        if hit is None or hit[0] != now:
            kept = (self._kept("SELECT sum(n) FROM {kept} WHERE tbl = ?", [table])
                    if table in counts.KEPT else None)
            n = kept[0][0] if kept and kept[0][0] is not None else None
            if n is None and table == "sources":  # SQLite would count the paths' wider index
                n = (self._all("SELECT count(*) FROM documents INDEXED BY idx_documents_date")
                     or [[None]])[0][0]
            if n is None:
                n = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            hit = self._totals[table] = (now, n)
        return hit[1]

    def _match_count(self, table: str, text: str | None, shown=None,
                     in_view: bool = False) -> int | None:
        """Rows of the table's word index matching a filter text (None: no words in it),
        remembered while the database stays the same (the table model asks once per page).
        `in_view`: an estimate, the trade figures' matches not told from other figures'."""
        expr = _text_match(table, (text or "").strip(), shown, in_view)
        if expr is None:
            return None
        now = version(self.conn)
        key = (filter_table(table), expr)
        hit = self._matches.get(key)
        if hit is None or hit[0] != now:
            fts = key[0]
            n = self.conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?",
                                  (expr,)).fetchone()[0]
            if len(self._matches) > 64:
                self._matches.clear()
            hit = self._matches[key] = (now, n)
        return hit[1]

    def _many_matches(self, table: str, filters: Filters | None, wanted: int,
                      n: int | None = None) -> bool:
        """Whether walking the table in order (and testing each row against the matches)
        reaches `wanted` rows sooner than reading every match and sorting them (`n`: the
        matches, when they are known)."""
        if filters is None or not filters.text:
            return False
        # text alone: the count the table's count keeps; beside other filters, the word
        # index's own (narrowed to the trade figures it cost 15 ms more at 50,000 releases)
        alone = filters.to_dict().keys() - {"columns"} == {"text"}
        if n is None:
            n = self._match_count(table, filters.text, filters.columns, in_view=not alone)
        if not n:
            return False
        base = FILTER_FTS[table][0]
        rows = self.conn.execute(f"SELECT max(id) FROM {base}").fetchone()[0] or 0
        return n * n > wanted * rows

    # -- the Trade tab's reads (app/store/trade.py) -------------------------------------
    def trade_partners(self, filters: Filters | None = None):
        """[PartnerPair] with trade figures under the filters, most figures first."""
        return partner_pairs(self.conn, filters)

    def trade_view(self, filters: Filters | None = None, unit: str | None = None,
                   matches: str | None = None):
        """TradeView: the volume over time in one unit of the pair filters.partners names
        (every pair when it names none), its targets and forecasts, shares and growth
        (`matches`: the trade figures under the filters as kept_matches found them)."""
        return trade_view(self.conn, filters, unit, matches)

    def kept_matches(self, table: str, filters: Filters | None) -> str | None:
        """The ids (a JSON array) of the rows under a text filter beside another filter, as
        this connection's count and pages found them (store/figure_matches.py), or None."""
        found = figure_matches.matches(self.conn, table, filters)
        return found[1] if found else None

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in self.TABLES}

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search(self.conn, query, limit)


def _window_only(table: str, filters: Filters) -> bool:
    """Whether the filters set nothing but the time window."""
    rest = replace(filters, date_from=None, date_to=None, undated=None)
    return not filters.undated and not where_clause(table, rest)[0]


def export_tables(db_path, tables, fmt: str, dest, **options):
    """Write tables of the database at db_path to files (ExportResult): Store.export for a
    caller holding a path (filters=, ids=, progress=, bom=)."""
    from .export import write_export

    return write_export(lambda: Store.open(db_path), tables, fmt, dest, **options)
