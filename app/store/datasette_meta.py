"""Metadata for serving a Fact Browser database with Datasette (`datasette DB -m FILE`):
titles and descriptions of the views, what each column holds (and its unit), facets, the
full-text indexes the search box uses, label columns so links between tables show names,
and saved ("canned") queries: meetings of a person, trade between two partners by year, a
ranked search, and the source sentences of any fact.

Columns are read from the database when the metadata is written, so it names only columns
that exist (facets such as `partners` appear once the database has them).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from .db import connect

VIEWS = {
    "people": ("People", "One row per person across all releases, with the current post "
               "(from the latest release naming one), how often the releases mention them "
               "and how many meetings they took part in."),
    "meetings": ("Meetings", "Meetings, visits, talks, calls and other events, with their "
                 "dates, place, participants and status (held, planned, recurring). An event "
                 "reported by several releases is one row; `sources` counts them."),
    "trade": ("Trade", "Trade figures stated in the releases (the `figures` rows of category "
              "trade), with the period each is for."),
    "figures": ("Figures", "Every figure the releases state (trade, investment, counts, "
                "percentages) with what it measures and the period; `derived` rows are "
                "growth computed from two stated years."),
    "culture": ("Culture", "Cultural and memorial events (festivals, exhibitions, days of "
                "culture, anniversaries)."),
    "sources": ("Sources", "The releases themselves, one row per document."),
}
COLUMNS = {
    "id": "row id (use it with the fact_sources query to read the sentences stating it)",
    "name": "full name as first written", "post": "current post (latest release naming one)",
    "title": "post, or a release's title", "country": "country the post belongs to",
    "mentions": "number of mentions in all releases (count)",
    "meetings": "number of meetings taken part in (count)",
    "first_date": "first dated event (ISO date)", "last_date": "latest dated event (ISO date)",
    "date_start": "start date (ISO: YYYY-MM-DD, or YYYY-MM / YYYY when the text is coarser)",
    "date_end": "end date (ISO, as date_start)", "kind": "kind of event or item",
    "place": "where it happens", "participants": "people taking part, by name",
    "status": "held, planned or recurring (from the latest release)",
    "category": "meeting, union, trade, regions, culture or other",
    "summary": "one-line summary", "sources": "number of releases reporting it (count)",
    "source": "title of the first release reporting it",
    "measure": "what is measured",
    "value": "the number, with its multiplier applied, in the row's unit (46.5 billion USD is "
             "46500000000; 60 percent is 60)",
    "unit": "unit of value: USD, EUR, RUB, CNY, percent, count, times, tonnes, ...",
    "period": "period the figure is for (2023, 2024-Q1, 2024-2026, ...)",
    "qualifier": "about, over, more than, ... as the text says",
    "text": "the words of the figure as written", "derived": "1: computed growth, not stated",
    "formula": "how a derived row was computed", "conflict": "1: releases state other values "
    "for the same measure and period", "partners": "the two sides of a trade figure",
    "date": "publication date (ISO)", "ref": "the release's reference number",
    "path": "file (or dataset row) it was imported from", "facts": "facts read from it (count)",
    "added": "when it was imported (UTC)", "url": "where the release was published",
    "date_origin": "where the publication date came from",
}
FACETS = {
    "people": ("country", "post"),
    "meetings": ("kind", "status", "category", "place"),
    "trade": ("unit", "period", "partners", "status", "measure_kind", "direction"),
    "figures": ("category", "unit", "period", "partners", "status"),
    "culture": ("kind", "place"),
    "sources": ("date_origin", "outlet"),
}
SORT_DESC = {"people": "meetings", "meetings": "date_start", "trade": "period",
             "figures": "period", "culture": "date_start", "sources": "date"}
# view -> its text filter index (schema.FILTER_FTS): Datasette's search box on the view
VIEW_FTS = {"people": "filter_persons", "meetings": "filter_events",
            "trade": "filter_quantities", "figures": "filter_quantities",
            "culture": "filter_culture_items", "sources": "filter_documents"}
LABELS = {"persons": "name", "organizations": "name", "places": "name", "events": "summary",
          "quantities": "text", "culture_items": "summary", "documents": "title",
          "sentences": "text", "search_index": "label"}


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _queries(conn: sqlite3.Connection) -> dict:
    url = ", d.url" if "url" in _columns(conn, "documents") else ""
    return {**_person_and_trade_queries(conn), **_search_and_source_queries(url)}


def _pair_condition(conn: sqlite3.Connection) -> tuple[str, str]:
    """The SQL that keeps a pair's trade figures, and what it means (older databases have
    no partners column: then the sentence stating the figure must name both)."""
    if "partners" in _columns(conn, "quantities"):
        return ("q.partners LIKE '%' || :partner_a || '%' "
                "AND q.partners LIKE '%' || :partner_b || '%'",
                "figures whose partners include both")
    return ("EXISTS (SELECT 1 FROM quantity_sources qs JOIN sentences s "
            "ON s.id = qs.sentence_id WHERE qs.quantity_id = q.id "
            "AND s.text LIKE '%' || :partner_a || '%' "
            "AND s.text LIKE '%' || :partner_b || '%')",
            "figures stated in a sentence naming both")


def _person_and_trade_queries(conn: sqlite3.Connection) -> dict:
    pair, pair_note = _pair_condition(conn)
    return {
        "meetings_of_person": {
            "title": "Meetings of a person",
            "description": "Every meeting a person took part in, newest first. The name "
                           "may be part of a name or any alias (Lavrov, Sergei Lavrov).",
            "sql": "SELECT e.id, e.date_start, e.date_end, e.kind, e.place, e.status,\n"
                   "       e.participants, e.summary, e.source_count AS sources\n"
                   "FROM events e\n"
                   "WHERE e.id IN (\n"
                   "  SELECT ep.event_id FROM event_participants ep\n"
                   "  JOIN person_names n ON n.person_id = ep.person_id\n"
                   "  WHERE n.name LIKE '%' || :name || '%')\n"
                   "ORDER BY e.date_start DESC\nLIMIT 1000",
        },
        "trade_of_partners_by_year": {
            "title": "Trade of a partner pair by year",
            "description": f"Trade figures between two partners ({pair_note}), by year of "
                           "the period, with the figure's words.",
            "sql": "SELECT substr(q.period, 1, 4) AS year, q.measure, q.value, q.unit,\n"
                   "       q.period, q.qualifier, q.text, q.source_count AS sources, q.id\n"
                   "FROM quantities q\n"
                   f"WHERE q.category = 'trade' AND {pair}\n"
                   "ORDER BY year DESC, q.measure\nLIMIT 2000",
        },
    }


def _search_and_source_queries(url: str) -> dict:
    return {
        "search": {
            "title": "Search (ranked)",
            "description": "Names, aliases, summaries, measures and sentences matching the "
                           "words (SQLite FTS5 syntax: Lavr* for a prefix, \"a phrase\"); "
                           "names and summaries rank above sentences. The best 100.",
            "sql": "SELECT si.type, si.fact_id, si.label,\n"
                   "       snippet(search_fts, 1, '[', ']', '…', 12) AS context,\n"
                   f"       si.document_id, d.title AS document, d.date{url}\n"
                   "FROM search_fts\n"
                   "JOIN search_index si ON si.id = search_fts.rowid\n"
                   "LEFT JOIN documents d ON d.id = si.document_id\n"
                   "WHERE search_fts MATCH :words\n"
                   "ORDER BY bm25(search_fts, 10.0, 1.0)\nLIMIT 100",
        },
        "fact_sources": {
            "title": "Source sentences of a fact",
            "description": "Where a fact was read: each release and sentence stating it. "
                           "fact_type: person, organization, place, event (a meetings row), "
                           "quantity (a figures or trade row) or culture; fact_id: the "
                           "row's id.",
            "sql": "SELECT d.id AS document_id, d.title AS document, d.date"
                   f"{url},\n       s.text AS sentence, m.start, m.\"end\"\n"
                   "FROM mentions m\n"
                   "JOIN documents d ON d.id = m.document_id\n"
                   "LEFT JOIN sentences s ON s.id = m.sentence_id\n"
                   "WHERE m.fact_type = :fact_type AND m.fact_id = :fact_id\n"
                   "ORDER BY d.date, m.start",
        },
    }


def build_metadata(conn: sqlite3.Connection, name: str) -> dict:
    tables: dict = {}
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                           "WHERE type IN ('table', 'view')")}
    for view, (title, description) in VIEWS.items():
        if view not in existing:
            continue
        cols = _columns(conn, view)
        entry = {"title": title, "description": description,
                 "columns": {c: COLUMNS[c] for c in cols if c in COLUMNS},
                 "facets": [c for c in FACETS[view] if c in cols],
                 "sort_desc": SORT_DESC[view] if SORT_DESC[view] in cols else None,
                 "fts_table": VIEW_FTS[view] if VIEW_FTS[view] in existing else None,
                 "fts_pk": "id"}
        tables[view] = {k: v for k, v in entry.items() if v not in (None, [], {})}
        if "fts_table" not in tables[view]:
            tables[view].pop("fts_pk", None)
    for table, label in LABELS.items():
        if table in existing and label in _columns(conn, table):
            tables.setdefault(table, {})["label_column"] = label
    if "search_index" in existing:
        tables["search_index"].update({
            "title": "Search index",
            "description": "One row per name, alias, summary, measure, sentence and document. "
                           "The search box matches words (Lavr* for a prefix); the "
                           "'Search (ranked)' query orders by relevance.",
            "fts_table": "search_fts", "fts_pk": "id", "searchmode": "raw"})
    return {
        "title": "Fact Browser",
        "description": "Facts read from diplomatic press releases: people and their posts, "
                       "meetings, trade and other figures, culture; every fact traceable to "
                       "the sentences stating it (query fact_sources).",
        "databases": {name: {
            "title": "Fact Browser database",
            "description": "The views people, meetings, trade, figures, culture and sources "
                           "are what the app's tabs show; the other tables hold ids, sources "
                           "and search indexes.",
            "tables": tables,
            "queries": _queries(conn),
        }},
    }


# --- writing ----------------------------------------------------------------------------------
def _yaml_key(key: str) -> str:
    return key if key.replace("_", "").isalnum() else json.dumps(key)


def _yaml(value, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list) and v:
                lines.append(f"{pad}{_yaml_key(k)}:")
                lines += _yaml(v, indent + 2)
            elif isinstance(v, str) and "\n" in v:
                lines.append(f"{pad}{_yaml_key(k)}: |-")
                lines += [f"{pad}  {line}" for line in v.split("\n")]
            else:
                lines.append(f"{pad}{_yaml_key(k)}: {_scalar(v)}")
    else:
        for item in value:
            lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _scalar(value) -> str:
    if value in ({}, []):
        return json.dumps(value)
    # JSON's quoted strings, numbers and true/false/null are YAML too
    return json.dumps(value, ensure_ascii=False)


def to_yaml(metadata: dict) -> str:
    return "\n".join(_yaml(metadata)) + "\n"


def write_metadata(db_path, output: str | None = None) -> Path | None:
    """Write the metadata (YAML, or JSON for a .json name; '-' prints YAML). Returns the path
    written, or None when printed."""
    db_path = Path(db_path)
    conn = connect(db_path)
    try:
        meta = build_metadata(conn, db_path.stem)
    finally:
        conn.close()
    if output == "-":
        sys.stdout.write(to_yaml(meta))
        return None
    out = Path(output) if output else db_path.with_name(f"{db_path.stem}.metadata.yml")
    text = (json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
            if out.suffix.lower() == ".json" else to_yaml(meta))
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return out
