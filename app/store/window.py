"""The time window, one meaning in every table: a row is kept when its date or period
overlaps the window; a row without a date is not kept unless asked for (Filters.undated).

What a value covers, as the first and last day (SQL over the stored text, compared as
ISO strings; a month's last day is written -31, which sorts after every real day of it):

| value | covers |
| --- | --- |
| `2024-06-24` | that day |
| `2024-06` | June 2024 |
| `2024` | the year |
| `2024-Q1` | January to March 2024 |
| `2023-H2` | July to December 2023 |
| `2021-01/2021-11`, `2024-06-24/2024-06-25` | the range, from its first part's start to its last part's end |
| `2024-2026` | 2024 to 2026 |
| `FY2023-2024` | 2023 to 2024 (the fiscal year's months are not stated, so both calendar years) |
| anything else, empty | undated |

A meeting covers its start to its end date; a person is in the window when they took part
in a meeting in it or a document dated in it mentions them.
"""

from __future__ import annotations

import re

from . import counts, counts_people

D4 = "[0-9][0-9][0-9][0-9]"


def _pad(x: str, end: bool) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD expression as its first (last) day."""
    return f"({x} || substr('{'-12-31' if end else '-01-01'}', length({x}) - 3))"


def _iso(x: str) -> str:
    """Whether an expression is YYYY, YYYY-MM or YYYY-MM-DD."""
    return (f"({x} GLOB '{D4}' OR {x} GLOB '{D4}-[01][0-9]' "
            f"OR {x} GLOB '{D4}-[01][0-9]-[0-3][0-9]')")


def bound_sql(column: str, end: bool = False) -> str:
    """SQL for the first (end: last) day a date or period column covers, NULL when it
    states no readable date."""
    c = column if "." in column else f'"{column}"'
    if end:
        quarter = (f"substr({c}, 1, 4) || CASE substr({c}, 7, 1) WHEN '1' THEN '-03-31' "
                   "WHEN '2' THEN '-06-31' WHEN '3' THEN '-09-31' ELSE '-12-31' END")
        half = f"substr({c}, 1, 4) || CASE substr({c}, 7, 1) WHEN '1' THEN '-06-31' ELSE '-12-31' END"
        second = f"substr({c}, instr({c}, '/') + 1)"
        rng = f"CASE WHEN {_iso(second)} THEN {_pad(second, True)} END"
        years = f"substr({c}, 6, 4) || '-12-31'"
        fiscal = (f"CASE WHEN {c} GLOB 'FY{D4}-{D4}' THEN substr({c}, 8, 4) "
                  f"ELSE substr({c}, 3, 4) END || '-12-31'")
        plain = _pad(c, True)
    else:
        quarter = (f"substr({c}, 1, 4) || CASE substr({c}, 7, 1) WHEN '1' THEN '-01-01' "
                   "WHEN '2' THEN '-04-01' WHEN '3' THEN '-07-01' ELSE '-10-01' END")
        half = f"substr({c}, 1, 4) || CASE substr({c}, 7, 1) WHEN '1' THEN '-01-01' ELSE '-07-01' END"
        first = f"substr({c}, 1, instr({c}, '/') - 1)"
        rng = f"CASE WHEN {_iso(first)} THEN {_pad(first, False)} END"
        years = f"substr({c}, 1, 4) || '-01-01'"
        fiscal = f"substr({c}, 3, 4) || '-01-01'"
        plain = _pad(c, False)
    return (f"(CASE WHEN {c} IS NULL OR {c} = '' THEN NULL "
            f"WHEN {_iso(c)} THEN {plain} "
            f"WHEN {c} GLOB '{D4}-Q[1-4]' THEN {quarter} "
            f"WHEN {c} GLOB '{D4}-H[12]' THEN {half} "
            f"WHEN {c} GLOB '*?/?*' THEN {rng} "
            f"WHEN {c} GLOB '{D4}-{D4}' THEN {years} "
            f"WHEN {c} GLOB 'FY{D4}' OR {c} GLOB 'FY{D4}-{D4}' THEN {fiscal} END)")


_ISO = re.compile(r"[0-9]{4}(?:-[01][0-9](?:-[0-3][0-9])?)?")
_SHAPES = [(re.compile(pattern, re.DOTALL), shape) for pattern, shape in (
    (r"[0-9]{4}-Q[1-4]", "quarter"), (r"[0-9]{4}-H[12]", "half"), (r".+/.+", "range"),
    (r"[0-9]{4}-[0-9]{4}", "years"), (r"FY[0-9]{4}(?:-[0-9]{4})?", "fiscal"))]
_QUARTER = {"1": ("-01-01", "-03-31"), "2": ("-04-01", "-06-31"), "3": ("-07-01", "-09-31")}


def _pad_py(x: str, end: bool) -> str | None:
    if not _ISO.fullmatch(x):
        return None
    return x + ("-12-31" if end else "-01-01")[len(x) - 4:]


def bounds(value: str | None) -> tuple[str | None, str | None]:
    """bound_sql's first and last day of a period, worked out in Python (the same values:
    tests/store/test_store_trade_periods.py compares them): a few hundred distinct periods
    in ~0.3 ms, not ~4 ms of SQL CASE expressions."""
    if value is None or value == "" or not isinstance(value, str):
        return None, None
    if _ISO.fullmatch(value):
        return _pad_py(value, False), _pad_py(value, True)
    shape = next((shape for pattern, shape in _SHAPES if pattern.fullmatch(value)), None)
    year, digit = value[:4], value[6:7]
    if shape == "quarter":
        first, last = _QUARTER.get(digit, ("-10-01", "-12-31"))
        return year + first, year + last
    if shape == "half":
        return (year + "-01-01", year + "-06-31") if digit == "1" else (year + "-07-01",
                                                                      year + "-12-31")
    if shape == "range":  # around the first "/"
        first, _slash, second = value.partition("/")
        return _pad_py(first, False), _pad_py(second, True)
    if shape == "years":
        return year + "-01-01", value[5:9] + "-12-31"
    if shape == "fiscal":
        return value[2:6] + "-01-01", (value[7:11] if len(value) > 6 else value[2:6]) + "-12-31"
    return None, None


def window_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """The window's first and last day ("2024" as a start is 2024-01-01, as an end 2024-12-31)."""
    def pad(value, end):
        value = (value or "").strip()[:10]
        if not value:
            return None
        suffix = "-12-31" if end else "-01-01"
        return value + suffix[len(value) - 4:] if len(value) in (4, 7) else value
    return pad(date_from, False), pad(date_to, True)


# Dates of meetings, cultural items and releases are ISO (YYYY, YYYY-MM or YYYY-MM-DD) by
# construction, and compare as strings without computing their days: `start <= last day`
# and `end >= the window's first day cut to the end's length` are the overlap test, and the
# date indexes serve them. Periods of figures take every form above: their first and last
# days are computed, and an index on those expressions (schema.INDEXES_SQL) serves them.
YEAR_GLOB = "'[0-9][0-9][0-9][0-9]*'"
ISO_SPANS = {"meetings": ("date_start", "coalesce(date_end, date_start)"),
             "culture": ("date_start", "date_start"), "sources": ("date", "date")}
# Meetings whose end is in another month than their start, or is coarser than a month: the
# only ones that can start before a window's first month and be in it, or start after that
# month and end before the window (window_counts.py). A partial index holds them (schema.py;
# at 50,000 releases 11% of the meetings); a read uses it when its WHERE has this very term.
SPANNING = ("(substr(coalesce(date_end, date_start), 1, 7) != substr(date_start, 1, 7) "
            "OR length(coalesce(date_end, date_start)) < 7)")


def overlap(table: str, lo: str | None, hi: str | None) -> tuple[str, list]:
    """SQL condition (and parameters) keeping the rows of a table (not people) whose date
    overlaps [lo, hi]; rows without a readable date fail it."""
    if table in ("trade", "figures"):  # a period's first and last day, worked out in SQL
        start, end = bound_sql("period"), bound_sql("period", True)
        dated, lo_cmp = f"{start} IS NOT NULL", "?"
    else:  # ISO dates, maybe coarser than the window's ("2024-06" against "2024-06-15")
        start, end = ISO_SPANS[table]
        dated, lo_cmp = f"{start} GLOB {YEAR_GLOB}", f"substr(?, 1, length({end}))"
    conds, params = [dated], []
    if hi:
        conds.append(f"{start} <= ?")
        params.append(hi)
    if lo and table not in ("trade", "figures"):
        # Implied by the test below (an ISO end on or after the first day is at least its
        # year): a cheap comparison that rejects most earlier rows first, and for a date
        # that is its own end a lower bound the date index can start from.
        conds.append(f"{end} >= ?" if end == start else f"({end} >= ? OR length({end}) < 4)")
        params.append(lo[:4])
    if lo:
        conds.append(f"{end} >= {lo_cmp}")
        params.append(lo)
    return "(" + " AND ".join(conds) + ")", params


def undated(table: str) -> str:
    """SQL condition: the row states no readable date (people: none of their meetings is
    dated and no dated document mentions them)."""
    if table == "people":
        return ("(NOT EXISTS (SELECT 1 FROM event_participants ep JOIN events e ON "
                "e.id = ep.event_id WHERE ep.person_id = people.id AND "
                f"e.date_start GLOB {YEAR_GLOB}) AND NOT EXISTS (SELECT 1 FROM mentions m "
                "JOIN documents d ON d.id = m.document_id WHERE m.fact_type = 'person' AND "
                f"m.fact_id = people.id AND d.date GLOB {YEAR_GLOB}))")
    if table in ("trade", "figures"):
        return f"({bound_sql('period')} IS NULL)"
    return f"(coalesce({ISO_SPANS[table][0]}, '') NOT GLOB {YEAR_GLOB})"


def undated_kept(table: str) -> str | None:
    """SQL counting the rows of a whole table that state no readable date (as `undated`)
    from the kept counts (counts.py, counts_people.py) rather than every row: a person is
    dated exactly when a dated mention or meeting of theirs is kept. None: none are kept."""
    if table == "people":
        return ("SELECT count(*) FROM people WHERE " + " AND ".join(
            f"NOT EXISTS (SELECT 1 FROM {counts_people.TABLE} k WHERE k.what = '{what}' "
            "AND k.person_id = people.id)" for what in ("m", "e")))
    if table in ("meetings", "culture"):  # kept per start month: '' or the date's first 7
        return (f"SELECT coalesce(sum(n), 0) FROM {counts.TABLE} WHERE tbl = '{table}' "
                f"AND month NOT GLOB {YEAR_GLOB}")
    return None


def periods_up_to(table: str, filters, order: str, descending: bool) -> str | None:
    """For figures in a window read latest period first: the table as two ranges of its
    period index that hold every period starting by the window's last day (a period starts
    in the year it is written with, or is a fiscal year "FY..."), so that SQLite merges two
    ordered walks that start at the window instead of sorting every figure dated before it
    (at 20,000 releases 216 -> 7 ms for the Trade tab's first page). None: not such a read."""
    if (table not in ("trade", "figures") or order != "period" or not descending
            or filters is None or filters.undated or not filters.date_to):
        return None
    hi = window_bounds(filters.date_from, filters.date_to)[1] or ""
    if not (hi[:4].isdigit() and hi[:4] < "9999"):
        return None
    after = f"{int(hi[:4]) + 1:04d}"
    return (f"(SELECT * FROM {table} WHERE period < '{after}' UNION ALL "
            f"SELECT * FROM {table} WHERE period >= 'FY' AND period < 'FZ') AS {table}")


def _doc_in(lo, hi) -> tuple[str, list]:
    cond, params = overlap("sources", lo, hi)
    return f"SELECT id FROM documents WHERE {cond}", params


def _event_in(lo, hi) -> tuple[str, list]:
    cond, params = overlap("meetings", lo, hi)
    return f"SELECT id FROM events WHERE {cond}", params


def people_in(lo, hi) -> tuple[str, list]:
    """SQL for the ids of the people in the window: in a meeting in it, or mentioned by a
    document dated in it."""
    docs, dparams = _doc_in(lo, hi)
    events, eparams = _event_in(lo, hi)
    # +fact_type: the mentions of the window's documents are read per document from
    # idx_mentions_doc_fact, not every person's mentions from the index by fact
    return (f"SELECT fact_id FROM mentions WHERE +fact_type = 'person' AND document_id IN ({docs}) "
            f"UNION SELECT person_id FROM event_participants WHERE event_id IN ({events})",
            [*dparams, *eparams])


def people_source(lo, hi) -> tuple[str, list]:
    """The people view with its mentions and meetings counted within the window (people
    outside it counted 0: the window's condition drops them)."""
    docs, dparams = _doc_in(lo, hi)
    events, eparams = _event_in(lo, hi)
    sql = ("(SELECT p.id, p.name, p.post, p.country, coalesce(m.n, 0) AS mentions, "
           "coalesce(e.n, 0) AS meetings, p.first_date, p.last_date FROM people p "
           "LEFT JOIN (SELECT fact_id, count(*) AS n FROM mentions WHERE +fact_type = 'person' "
           f"AND document_id IN ({docs}) GROUP BY fact_id) m ON m.fact_id = p.id "
           "LEFT JOIN (SELECT person_id, count(DISTINCT event_id) AS n FROM event_participants "
           f"WHERE event_id IN ({events}) GROUP BY person_id) e ON e.person_id = p.id) AS people")
    return sql, [*dparams, *eparams]
