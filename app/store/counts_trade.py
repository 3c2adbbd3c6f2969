"""Trade figures counted per partner pair and kept (see counts.py for how counts are kept):
the Trade tab's pair chooser lists every pair with its number of figures, most first, and
opens on the first, which otherwise reads every trade figure (45 ms of CPU at 50,000
releases with the index in memory, 100-190 ms when it is not). The key is the stored pair,
'' for figures that name none (NULL or '', which the chooser shows together)."""

from __future__ import annotations

from .sqlite_file import has

TABLE = "kept_trade_pairs"
PAIR = "coalesce({row}.partners, '')"

TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    partners TEXT NOT NULL PRIMARY KEY,
    n INTEGER NOT NULL
) WITHOUT ROWID;
"""


def _add(row: str) -> str:
    return (f"INSERT INTO {TABLE}(partners, n) SELECT {PAIR.format(row=row)}, 1 WHERE "
            f"{row}.category = 'trade' ON CONFLICT(partners) DO UPDATE SET n = n + 1;\n")


def _take(row: str) -> str:
    pair = PAIR.format(row=row)
    return (f"UPDATE {TABLE} SET n = n - 1 WHERE partners = {pair} AND {row}.category = 'trade';\n"
            f"DELETE FROM {TABLE} WHERE partners = {pair} AND n <= 0;\n")


def script() -> str:
    on = f"{TABLE}_quantities"
    moved = ("old.category IS NOT new.category OR coalesce(old.partners, '') IS NOT "
             "coalesce(new.partners, '')")
    return (TABLE_SQL
            + f"CREATE TRIGGER IF NOT EXISTS {on}_ai AFTER INSERT ON quantities "
              f"WHEN new.category = 'trade' BEGIN\n{_add('new')}END;\n"
            + f"CREATE TRIGGER IF NOT EXISTS {on}_ad AFTER DELETE ON quantities "
              f"WHEN old.category = 'trade' BEGIN\n{_take('old')}END;\n"
            + f"CREATE TRIGGER IF NOT EXISTS {on}_au AFTER UPDATE OF category, partners ON "
              f"quantities WHEN ({moved}) AND 'trade' IN (old.category, new.category) BEGIN\n"
              f"{_take('old')}{_add('new')}END;\n")


def recount_sql() -> str:
    """(partners, n) of every kept row, counted from the figures."""
    return ("SELECT coalesce(partners, ''), count(*) FROM quantities WHERE category = 'trade' "
            "GROUP BY 1")


def fill_sql() -> list[str]:
    return [f"INSERT INTO {TABLE}(partners, n) {recount_sql()}"]


def pairs(conn) -> list[tuple[str | None, int]] | None:
    """(partners, figures) of every pair as kept ('' for none), or None: not kept here (a
    database opened read-only or unchecked before it had them)."""
    if not has(conn, TABLE):
        return None
    return conn.execute(f"SELECT partners, n FROM {TABLE}").fetchall()
