"""The writer's reads that must not grow with the archive: a trade series' growth is derived
from each year's first row, found by seeks, not from every row a long series holds.

Work is counted in SQLite virtual-machine steps (a progress handler), not in time, so the
test says the same on a loaded machine: ten times the rows may not cost ten times the steps.
"""

from __future__ import annotations

from app.store.db import connect
from app.store.growth import derive_growth

SERIES = {"measure_key": "bilateral trade", "partners": "Belarus–Russia"}


def _db(tmp_path, rows: int):
    conn = connect(tmp_path / f"scale-{rows}.db", create=True, write=True)
    # the same series restated by many releases: one value a year, so no conflicts
    conn.executemany(
        "INSERT INTO quantities (value, unit, measure, measure_key, period, category, partners,"
        " status) VALUES (?, 'USD', 'bilateral trade', 'bilateral trade', ?, 'trade',"
        " 'Belarus–Russia', 'actual')",
        [(100.0 + (i % 20), str(2000 + i % 20)) for i in range(rows)])
    return conn


def _steps(conn, work) -> int:
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 100)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 0)
    return steps[0]


def _growth(tmp_path, rows: int) -> tuple[int, list]:
    conn = _db(tmp_path, rows)
    growth = _steps(conn, lambda: derive_growth(conn, dict(SERIES), ["USD"]))
    derived = conn.execute("SELECT period, value FROM quantities WHERE derived = 1 "
                           "ORDER BY period").fetchall()
    conn.close()
    return growth, derived


def test_a_long_series_costs_what_its_years_cost_not_what_it_holds(tmp_path):
    small_growth, small_derived = _growth(tmp_path, 200)
    big_growth, big_derived = _growth(tmp_path, 2000)
    # the same nineteen years of growth either way (the first row of each year)
    assert [p for p, _v in big_derived] == [str(y) for y in range(2001, 2020)]
    assert big_derived == small_derived
    # before: every stated row of the series was read (3.7x the steps for 10x the rows)
    assert big_growth < 2 * small_growth, (small_growth, big_growth)
