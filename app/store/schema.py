"""Tables, indexes, views and the full-text index of a Fact Browser database.

Base tables hold one row per fact with declared foreign keys; the user-facing views
(people, meetings, trade, figures, culture, sources) show them with names instead of ids.
Every fact has rows in `mentions` (document, span, sentence), which is also how a fact's
life is counted: a fact no document mentions any more is removed.
"""

from __future__ import annotations

from app.store.window import bound_sql

SCHEMA_VERSION = 5

# fact_type values used in mentions/search_index, and the base table behind each.
FACT_TABLES = {
    "person": "persons",
    "organization": "organizations",
    "place": "places",
    "event": "events",
    "quantity": "quantities",
    "culture": "culture_items",
}

TABLES_SQL = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT,
    date TEXT,
    ref TEXT,
    path TEXT,
    added TEXT NOT NULL,
    encoding TEXT,
    origin TEXT NOT NULL DEFAULT 'user',
    facts INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    time TEXT,
    place TEXT,
    outlet TEXT,
    date_origin TEXT NOT NULL DEFAULT 'none',
    warnings TEXT
);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    surname_key TEXT,
    title TEXT,
    country TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    meeting_count INTEGER NOT NULL DEFAULT 0,
    first_date TEXT,
    last_date TEXT
);
CREATE TABLE person_names (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    UNIQUE (person_id, name)
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    title TEXT,
    country TEXT,
    as_of TEXT,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT,
    country TEXT
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT,
    country TEXT
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    kind TEXT,
    category TEXT,
    date_start TEXT,
    date_end TEXT,
    precision TEXT,
    place_id INTEGER REFERENCES places(id) ON DELETE SET NULL,
    place TEXT,
    status TEXT,
    summary TEXT,
    participants TEXT,
    source_count INTEGER NOT NULL DEFAULT 0,
    source_title TEXT,
    date_basis TEXT
);
CREATE TABLE event_sources (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    kind TEXT,
    category TEXT,
    date_start TEXT,
    date_end TEXT,
    precision TEXT,
    place TEXT,
    status TEXT,
    summary TEXT,
    date_basis TEXT
);
CREATE TABLE event_participants (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    post_at_date TEXT,
    UNIQUE (event_id, person_id, document_id)
);
CREATE TABLE quantities (
    id INTEGER PRIMARY KEY,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    measure TEXT,
    measure_key TEXT,
    period TEXT,
    qualifier TEXT,
    category TEXT,
    text TEXT,
    derived INTEGER NOT NULL DEFAULT 0,
    formula TEXT,
    conflict INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    source_title TEXT,
    partners TEXT,
    measure_kind TEXT,
    direction TEXT,
    status TEXT NOT NULL DEFAULT 'actual'
);
CREATE TABLE quantity_sources (
    id INTEGER PRIMARY KEY,
    quantity_id INTEGER NOT NULL REFERENCES quantities(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
    text TEXT,
    qualifier TEXT
);
CREATE TABLE culture_items (
    id INTEGER PRIMARY KEY,
    summary TEXT NOT NULL,
    summary_key TEXT NOT NULL,
    kind TEXT,
    date_start TEXT,
    place TEXT,
    source_title TEXT,
    source_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    fact_type TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_id INTEGER REFERENCES sentences(id) ON DELETE SET NULL
);
CREATE TABLE search_index (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    fact_id INTEGER NOT NULL,
    document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER,
    "end" INTEGER,
    label TEXT NOT NULL,
    body TEXT
);
CREATE VIRTUAL TABLE search_fts USING fts5(
    label, body, content="search_index", content_rowid="id",
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_index_ai AFTER INSERT ON search_index BEGIN
    INSERT INTO search_fts(rowid, label, body) VALUES (new.id, new.label, new.body);
END;
CREATE TRIGGER search_index_ad AFTER DELETE ON search_index BEGIN
    INSERT INTO search_fts(search_fts, rowid, label, body)
        VALUES ('delete', old.id, old.label, old.body);
END;
CREATE TRIGGER search_index_au AFTER UPDATE ON search_index BEGIN
    INSERT INTO search_fts(search_fts, rowid, label, body)
        VALUES ('delete', old.id, old.label, old.body);
    INSERT INTO search_fts(rowid, label, body) VALUES (new.id, new.label, new.body);
END;
"""

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


# Every column used to join, filter or sort at scale has an index.
INDEXES_SQL = """
CREATE INDEX IF NOT EXISTS idx_documents_date ON documents(date);
CREATE INDEX IF NOT EXISTS idx_documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS idx_sentences_doc ON sentences(document_id, idx);
CREATE INDEX IF NOT EXISTS idx_persons_key ON persons(name_key);
CREATE INDEX IF NOT EXISTS idx_persons_name ON persons(name);
CREATE INDEX IF NOT EXISTS idx_persons_mentions ON persons(mention_count);
CREATE INDEX IF NOT EXISTS idx_persons_dates ON persons(last_date, first_date);
CREATE INDEX IF NOT EXISTS idx_events_status ON events(status);
CREATE INDEX IF NOT EXISTS idx_quantities_value ON quantities(value);
CREATE INDEX IF NOT EXISTS idx_quantities_period ON quantities(period);
CREATE INDEX IF NOT EXISTS idx_culture_date ON culture_items(date_start);
CREATE INDEX IF NOT EXISTS idx_persons_surname ON persons(surname_key);
CREATE INDEX IF NOT EXISTS idx_person_names_key ON person_names(name_key);
CREATE INDEX IF NOT EXISTS idx_posts_person ON posts(person_id, as_of);
CREATE INDEX IF NOT EXISTS idx_posts_doc ON posts(document_id);
CREATE INDEX IF NOT EXISTS idx_events_date ON events(date_start, date_end);
CREATE INDEX IF NOT EXISTS idx_events_place ON events(place_id);
CREATE INDEX IF NOT EXISTS idx_events_kind_date ON events(kind, date_start);
CREATE INDEX IF NOT EXISTS idx_events_category_date ON events(category, date_start);
-- GUI timelines: meetings per month, kind and status counted from this index alone
CREATE INDEX IF NOT EXISTS idx_events_month ON events(substr(date_start, 1, 7), kind, status, date_start);
-- import: the stored events of a date a new report may be about, read from the index alone
CREATE INDEX IF NOT EXISTS idx_events_match ON events(date_start, date_end, place_id, kind);
CREATE INDEX IF NOT EXISTS idx_event_sources_event ON event_sources(event_id);
CREATE INDEX IF NOT EXISTS idx_event_sources_doc ON event_sources(document_id);
CREATE INDEX IF NOT EXISTS idx_event_participants_event ON event_participants(event_id, person_id);
CREATE INDEX IF NOT EXISTS idx_event_participants_person ON event_participants(person_id, event_id);
CREATE INDEX IF NOT EXISTS idx_event_participants_doc ON event_participants(document_id);
CREATE INDEX IF NOT EXISTS idx_quantities_group ON quantities(unit, measure_key, period);
CREATE INDEX IF NOT EXISTS idx_quantities_category_period ON quantities(category, period);
CREATE INDEX IF NOT EXISTS idx_quantities_category_value ON quantities(category, value);
-- GUI trade plots: rows per unit, and a unit's latest periods first, measures read from the index
DROP INDEX IF EXISTS idx_quantities_category_unit;
CREATE INDEX IF NOT EXISTS idx_quantities_unit_period ON quantities(category, unit, period, measure);
-- GUI tables sorted by a column users sort big tables by (a page otherwise sorts every row)
CREATE INDEX IF NOT EXISTS idx_quantities_category_measure ON quantities(category, measure);
CREATE INDEX IF NOT EXISTS idx_events_place_name ON events(place);
CREATE INDEX IF NOT EXISTS idx_quantity_sources_q ON quantity_sources(quantity_id);
-- import: a new figure's match among those stated (value range), a group's conflict flag
-- (min and max value) and the trade rows growth is derived from, without reading the
-- whole (unit, measure) group, which grows with the archive
CREATE INDEX IF NOT EXISTS idx_quantities_match
    ON quantities(unit, measure_key, period, derived, value, conflict);
CREATE INDEX IF NOT EXISTS idx_quantities_growth ON quantities(unit, measure_key, period)
    WHERE derived = 0 AND conflict = 0 AND category = 'trade';
CREATE INDEX IF NOT EXISTS idx_quantity_sources_doc ON quantity_sources(document_id);
-- import: one figure is one (unit, measure, period, partners, status, direction) and value;
-- its group's conflict flag is the min and max value of the group, read from this index
CREATE INDEX IF NOT EXISTS idx_quantities_identity
    ON quantities(unit, measure_key, period, partners, status, direction, derived, value);
-- GUI trade: the partner pairs and their figures
CREATE INDEX IF NOT EXISTS idx_quantities_partners ON quantities(category, partners, period);
-- the time window on figures: the first and last day of each period (app/store/window.py)
CREATE INDEX IF NOT EXISTS idx_quantities_span
    ON quantities(category, {span_start}, {span_end});
CREATE INDEX IF NOT EXISTS idx_culture_key ON culture_items(summary_key, date_start);
-- import: the items of one kind and year a restatement may be about
CREATE INDEX IF NOT EXISTS idx_culture_kind_date ON culture_items(kind, date_start);
-- GUI timelines: cultural items per month and kind counted from this index alone
CREATE INDEX IF NOT EXISTS idx_culture_month ON culture_items(substr(date_start, 1, 7), kind, date_start);
DROP INDEX IF EXISTS idx_mentions_fact;
CREATE INDEX IF NOT EXISTS idx_mentions_fact_pos ON mentions(fact_type, fact_id, document_id, start);
CREATE INDEX IF NOT EXISTS idx_mentions_doc ON mentions(document_id, start);
CREATE INDEX IF NOT EXISTS idx_search_fact ON search_index(type, fact_id);
CREATE INDEX IF NOT EXISTS idx_search_doc ON search_index(document_id);
"""

INDEXES_SQL = INDEXES_SQL.replace("{span_start}", bound_sql("period")).replace(
    "{span_end}", bound_sql("period", True))

# The views are plain projections: counts, joined names and first sources are kept up to
# date on the base rows whenever a document touches them (merge.settle), so sorting and
# filtering a view of many thousands of rows uses indexes instead of per-row subqueries.
VIEWS_SQL = """
CREATE VIEW people AS
SELECT id, name, title AS post, country, mention_count AS mentions, meeting_count AS meetings,
       first_date, last_date
FROM persons;

CREATE VIEW meetings AS
SELECT id, date_start, date_end, kind, place, participants, status, category, summary,
       source_count AS sources, source_title AS source, date_basis
FROM events;

CREATE VIEW figures AS
SELECT id, measure, value, unit, period, qualifier, category, text, source_title AS source,
       derived, formula, source_count AS sources, conflict,
       partners, measure_kind, direction, status
FROM quantities;

CREATE VIEW trade AS
SELECT * FROM figures WHERE category = 'trade';

CREATE VIEW culture AS
SELECT id, summary, kind, date_start, place, source_title AS source, source_count AS sources
FROM culture_items;

CREATE VIEW sources AS
SELECT id, title, date, ref, path, facts, added, date_origin, time, outlet, place, warnings
FROM documents;
"""

# Columns a base table gained after databases were made with it: added on opening when
# `PRAGMA table_info` lacks them (additive and idempotent, so it needs no schema number and
# merges with other such additions). Rows stored before get the column's default.
def ensure_indexes(conn) -> None:
    """Indexes added since a database was made (creating an existing one is a no-op)."""
    conn.executescript(INDEXES_SQL)


# Columns added after schema 5 without a version step, so that other additive changes merge
# beside them: each is added to a database that lacks it (PRAGMA table_info), then the views
# showing it are made again. (table, column, declaration, SQL filling existing rows.)
ADDED_COLUMNS = [
    ("documents", "time", "TEXT", None),
    ("documents", "place", "TEXT", None),
    ("documents", "outlet", "TEXT", None),
    # The reader of those databases took a date only from the release's header line.
    ("documents", "date_origin", "TEXT NOT NULL DEFAULT 'none'",
     "UPDATE documents SET date_origin = 'header' WHERE date IS NOT NULL"),
    ("documents", "warnings", "TEXT", None),
    ("events", "date_basis", "TEXT", None),
    ("event_sources", "date_basis", "TEXT", None),
    ("culture_items", "source_count", "INTEGER NOT NULL DEFAULT 0",
     "UPDATE culture_items SET source_count = (SELECT count(DISTINCT document_id) FROM "
     "mentions WHERE fact_type = 'culture' AND fact_id = culture_items.id)"),
    # figures' partners, what they measure, direction and status (facts of the extraction:
    # stored documents gain them when re-extracted, `factbrowser build --reextract`)
    ("quantities", "partners", "TEXT", None),
    ("quantities", "measure_kind", "TEXT", None),
    ("quantities", "direction", "TEXT", None),
    ("quantities", "status", "TEXT NOT NULL DEFAULT 'actual'", None),
]
# view -> a column it must show (else it is made again from VIEWS_SQL)
VIEW_NEEDS = {"sources": "date_origin", "meetings": "date_basis", "culture": "sources",
              "figures": "partners", "trade": "partners"}


def _view_sql(name: str) -> str:
    start = VIEWS_SQL.index(f"CREATE VIEW {name} AS")
    return VIEWS_SQL[start:VIEWS_SQL.index(";", start) + 1]


def missing_columns(conn) -> tuple[list[tuple], list[str]]:
    """The ADDED_COLUMNS a database lacks, and the views to make again."""
    have: dict[str, set[str]] = {}
    for table, *_rest in ADDED_COLUMNS:
        if table not in have:
            have[table] = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    columns = [c for c in ADDED_COLUMNS if c[1] not in have[c[0]]]
    views = [v for v, col in VIEW_NEEDS.items()
             if col not in {r[1] for r in conn.execute(f"PRAGMA table_info({v})")}]
    return columns, views


def ensure_columns(conn) -> None:
    """Add the columns and view columns a database made before them lacks, in one
    transaction (nothing happens when it has them all). Adding a column rewrites no row;
    only the stated date origin of existing documents is filled in."""
    if missing_columns(conn) == ([], []):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        columns, views = missing_columns(conn)  # again: another process may have added them
        for table, column, decl, fill in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")
            if fill:
                conn.execute(fill)
        for view in views:
            conn.execute(f"DROP VIEW IF EXISTS {view}")
            conn.execute(_view_sql(view))
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def create_schema(conn) -> None:
    conn.executescript(TABLES_SQL + FILTER_SQL + INDEXES_SQL + VIEWS_SQL)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
