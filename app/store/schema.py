"""Tables, indexes, views and the full-text index of a Fact Browser database.

Base tables hold one row per fact with declared foreign keys; the user-facing views
(people, meetings, trade, figures, culture, sources) show them with names instead of ids.
Every fact has rows in `mentions` (document, span, sentence), which is also how a fact's
life is counted: a fact no document mentions any more is removed.
"""

from __future__ import annotations

from .filter_index import (  # noqa: F401 (callers import these names from here)
    FILTER_BASES,
    FILTER_FTS,
    FILTER_REBUILD_SQL,
    FILTER_SQL,
    filter_rebuild_sql,
    filter_sql,
    filter_table,
    stale_filter_indexes,
)
from .window import SPANNING, bound_sql

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
-- GUI timelines: a text filter's meetings per month, kind and status, its matches looked up
-- by id in this index alone (app/store/group_map.py)
CREATE INDEX IF NOT EXISTS idx_events_groups ON events(id, kind, status, date_start);
-- the time window on meetings: the rows at its edges (app/store/window_counts.py)
CREATE INDEX IF NOT EXISTS idx_events_spans ON events(date_start, date_end) WHERE {spanning};
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
DROP INDEX IF EXISTS idx_quantities_growth;
CREATE INDEX IF NOT EXISTS idx_quantities_series
    ON quantities(unit, measure_key, partners, status, period)
    WHERE derived = 0 AND conflict = 0 AND category = 'trade';
CREATE INDEX IF NOT EXISTS idx_quantity_sources_doc ON quantity_sources(document_id);
-- import: one figure is one (unit, measure, period, partners, status, direction) and value;
-- its group's conflict flag is the min and max value of the group, read from this index,
-- and the rows whose flag must change are found in it too (conflict is its last column: a
-- group stated by thousands of releases is not read row by row for each new figure)
DROP INDEX IF EXISTS idx_quantities_identity;
CREATE INDEX IF NOT EXISTS idx_quantities_identity_flag
    ON quantities(unit, measure_key, period, partners, status, direction, derived, value,
                  conflict);
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
-- the time window on people: the people a document dated in it mentions, from the index alone
CREATE INDEX IF NOT EXISTS idx_mentions_doc_fact ON mentions(document_id, fact_type, fact_id);
-- the Trade tab's optional columns: whether any figure uses one is a seek into a partial
-- index holding only the rows that do (a scan of every figure when none does)
CREATE INDEX IF NOT EXISTS idx_quantities_derived ON quantities(derived) WHERE derived != 0;
CREATE INDEX IF NOT EXISTS idx_quantities_conflict ON quantities(conflict) WHERE conflict != 0;
CREATE INDEX IF NOT EXISTS idx_quantities_formula ON quantities(formula) WHERE formula IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_quantities_kind ON quantities(measure_kind)
    WHERE measure_kind IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_quantities_direction ON quantities(direction)
    WHERE direction IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_quantities_has_partners ON quantities(partners)
    WHERE partners IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_search_fact ON search_index(type, fact_id);
CREATE INDEX IF NOT EXISTS idx_search_doc ON search_index(document_id);
"""

INDEXES_SQL = INDEXES_SQL.replace("{spanning}", SPANNING).replace(
    "{span_start}", bound_sql("period")).replace(
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

def ensure_indexes(conn) -> None:
    """Indexes added since a database was made (creating an existing one is a no-op)."""
    conn.executescript(INDEXES_SQL)


def create_schema(conn) -> None:
    conn.executescript(TABLES_SQL + FILTER_SQL + INDEXES_SQL + VIEWS_SQL)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
