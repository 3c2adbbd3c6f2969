"""Figures that depend on other figures: conflicting values flagged, and year-on-year growth
derived within a trade series. Part of settle."""

from __future__ import annotations

from .write_unit import insert_row


def flag_conflicts(conn, unit, mkey, period, partners=None, status="actual",
                    direction=None) -> None:
    """Different values for one measure, period, pair of partners, status and direction are
    all kept, and flagged: only those are conflicts (Russia–China and Russia–Belarus trade
    for 2023 are not, nor a target beside an actual)."""
    if not mkey or period is None:
        return
    # Two values differ when the smallest and the largest do: each is one index lookup
    # (min and max alone in a subquery), where counting distinct values reads the whole group.
    where = ("WHERE unit = ? AND measure_key = ? AND period IS ? AND partners IS ? "
             "AND status IS ? AND direction IS ? AND derived = 0")
    args = (unit, mkey, period, partners, status, direction)
    low, high = conn.execute(f"SELECT (SELECT min(value) FROM quantities {where}), "
                             f"(SELECT max(value) FROM quantities {where})",
                             args + args).fetchone()
    flag = 1 if low != high else 0
    # only the rows whose flag changes are written. The flag is written into the SQL, not
    # bound: compared with the partial indexes' `conflict != 0`, a bound value makes SQLite
    # prepare the statement again whenever it differs from the last (the UPDATE, with its
    # 18 indexes and trigger, cost ~10% of the writer's instructions in re-preparing).
    conn.execute(f"UPDATE quantities SET conflict = {flag} {where} AND conflict <> {flag}",
                 args)


# The columns whose values make figures one series, stated for different periods: growth
# is derived within a series (per unit), and its derived rows carry the same values (the
# measure key with " growth" added). A column added here (who the partners are, whether
# the figure is a forecast) splits series further and is carried into the derived rows.
SERIES_COLUMNS = ("measure_key", "partners")
SERIES_SQL = ", ".join(SERIES_COLUMNS)
NO_GROWTH = ("percent", "times", "count")  # units whose year-on-year ratio means nothing
# A series' stated trade rows (?1 the unit, then SERIES_COLUMNS), as its partial index holds them
_SERIES_WHERE = ("unit = ?1 AND " + " AND ".join(
    f"{c} IS ?{i}" for i, c in enumerate(SERIES_COLUMNS, 2))
    + " AND status = 'actual' AND derived = 0 AND conflict = 0 AND category = 'trade'")
# Each stated year's first row: the next period, then its smallest id, each a seek
_FIRST_OF_EACH_YEAR = (
    "WITH RECURSIVE periods(period) AS ("
    f"SELECT min(period) FROM quantities WHERE {_SERIES_WHERE} UNION ALL "
    f"SELECT (SELECT min(period) FROM quantities WHERE {_SERIES_WHERE} "
    "AND period > periods.period) FROM periods WHERE periods.period IS NOT NULL) "
    "SELECT q.id, q.value, q.period, q.measure FROM periods JOIN quantities q ON q.id = "
    f"(SELECT min(id) FROM quantities WHERE {_SERIES_WHERE} AND period = periods.period) "
    "WHERE periods.period GLOB '[12][0-9][0-9][0-9]' ORDER BY q.period, q.id")


def trade_units(conn) -> list[str]:
    """The units trade figures are stated in (a handful), each read from the index."""
    units, unit = [], ""
    while True:
        row = conn.execute("SELECT min(unit) FROM quantities WHERE unit > ? AND derived = 0 "
                           "AND conflict = 0 AND category = 'trade'", (unit,)).fetchone()
        if row[0] is None:
            return units
        unit = row[0]
        if unit not in NO_GROWTH:
            units.append(unit)


def derive_growth(conn, series: dict, units: list[str]) -> set[int]:
    """Year-on-year growth of a trade series stated for consecutive years, in every unit it
    is stated in, as derived rows (marked derived = 1, with the formula naming the rows
    they come from). All of the series' derived rows are rebuilt from its stated rows, so
    they are the same whatever order documents came in. Returns the ids of derived rows
    removed or added, so their search rows follow."""
    mkey = series["measure_key"]
    derived_key = {**series, "measure_key": f"{mkey} growth"}
    where = " AND ".join(f"{c} IS ?" for c in SERIES_COLUMNS)
    changed = {r[0] for r in conn.execute(
        f"SELECT id FROM quantities WHERE derived = 1 AND unit = 'percent' AND {where}",
        tuple(derived_key.values()))}
    conn.execute(f"DELETE FROM quantities WHERE derived = 1 AND unit = 'percent' AND {where}",
                 tuple(derived_key.values()))
    if not mkey:
        return changed
    # Each year's first row is found by seeks into the series' own index (the next period,
    # then its smallest id), so a series stated by thousands of releases costs what its
    # years cost: every stated row was read for each release that touched the series.
    for unit in units:
        rows = conn.execute(_FIRST_OF_EACH_YEAR, (unit, *series.values())).fetchall()
        by_year = {}
        for row in rows:  # one row per year (no conflict); the oldest if values tie
            by_year.setdefault(int(row[2]), row)
        for year, (qid, value, _period, measure) in sorted(by_year.items()):
            prev = by_year.get(year - 1)
            if prev is None or not prev[1]:
                continue
            growth = round((value / prev[1] - 1) * 100, 2)
            changed.add(insert_row(conn, "quantities", {
                **derived_key,
                "value": growth, "unit": "percent", "measure": f"{measure} growth",
                "period": str(year), "qualifier": None,
                "category": "trade", "text": f"{growth:+.1f}% ({year - 1} to {year})",
                "derived": 1, "measure_kind": "growth", "status": "actual",
                "formula": f"(#{qid} {_num(value)} {unit} / #{prev[0]} {_num(prev[1])} "
                           f"{unit} - 1) * 100"}))
    return changed


def _num(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1e6 else f"{value:g}"
