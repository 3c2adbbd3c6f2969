"""The word indexes behind the tables' text filters: one FTS5 index per base table over the
columns its view shows, kept in step by triggers, and rebuilt when those columns change."""

from __future__ import annotations

# Text filters of the user-facing views: one FTS5 index per base table over the text columns
# the view shows, dates included (view name -> base table, its columns). External content (the
# base table holds the text, the index only its words) kept in step by triggers, so every
# writer keeps it right without knowing about it. A LIKE '%text%' over 50,000 releases' facts
# reads every row; these answer from the words' lists. A query names the columns a table shows
# (`{kind place ...} : (...)`), so a filter never matches a column the user cannot see, such
# as a meeting's first source title while its column is hidden.
FILTER_FTS = {
    "people": ("persons", ("name", "title", "country", "first_date", "last_date")),
    "meetings": ("events", ("date_start", "date_end", "kind", "place", "participants",
                            "status", "category", "summary", "source_title")),
    "trade": ("quantities", ("measure", "unit", "period", "qualifier", "category", "text",
                             "source_title", "partners", "status", "direction")),
    "figures": ("quantities", ("measure", "unit", "period", "qualifier", "category", "text",
                               "source_title", "partners", "status", "direction")),
    "culture": ("culture_items", ("summary", "kind", "date_start", "place", "source_title")),
    "sources": ("documents", ("title", "ref", "path", "date")),
}


def filter_table(view: str) -> str:
    return "filter_" + FILTER_FTS[view][0]


def filter_sql(base: str, cols) -> str:
    """The word index of one base table and the triggers keeping it in step."""
    fts = f"filter_{base}"
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in cols)
    return f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(
    {names}, content="{base}", content_rowid="id",
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {base} BEGIN
    INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});
END;
CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {base} BEGIN
    INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});
END;
CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {names} ON {base} WHEN {changed} BEGIN
    INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});
    INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});
END;"""


FILTER_BASES = dict(FILTER_FTS.values())
FILTER_SQL = "\n".join(filter_sql(base, cols) for base, cols in FILTER_BASES.items()) + "\n"
# Fills the filter indexes of a database made before them (schema 4 -> 5).
FILTER_REBUILD_SQL = "".join(
    f"INSERT INTO filter_{base}(filter_{base}) VALUES ('rebuild');\n" for base in FILTER_BASES)


def stale_filter_indexes(conn) -> list[str]:
    """Base tables whose word index was made over other columns than FILTER_FTS names (by
    an earlier version of the app): they are dropped and rebuilt on opening."""
    out = []
    for base, cols in FILTER_BASES.items():
        have = [r[1] for r in conn.execute(f"PRAGMA table_info(filter_{base})")]
        if have and have != list(cols):
            out.append(base)
    return out


def filter_rebuild_sql(base: str) -> str:
    fts = f"filter_{base}"
    drops = "".join(f"DROP TRIGGER IF EXISTS {fts}_{t};\n" for t in ("ai", "ad", "au"))
    return (f"{drops}DROP TABLE IF EXISTS {fts};\n{filter_sql(base, FILTER_BASES[base])}\n"
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild');\n")
