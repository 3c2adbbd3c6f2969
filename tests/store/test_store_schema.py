import sqlite3

import pytest
import sqlite_utils

from app.store import (
    MissingDatabase,
    NeedsUpgrade,
    NewerSchema,
    NotADatabase,
    Store,
    upgrade_database,
)
from app.store.schema import SCHEMA_VERSION

BASE_TABLES = {"documents", "sentences", "persons", "person_names", "posts", "organizations",
               "places", "events", "event_participants", "event_sources", "quantities",
               "quantity_sources", "culture_items", "mentions", "search_index"}


def test_built_database_has_schema_version_wal_and_foreign_keys(seed_db):
    conn = sqlite3.connect(seed_db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store.open(seed_db) as store:
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_tables_and_declared_foreign_keys_visible_to_sqlite_utils(seed_db):
    db = sqlite_utils.Database(seed_db)
    assert BASE_TABLES <= set(db.table_names())
    assert set(Store.TABLES) <= set(db.view_names())
    fks = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    for expected in [("sentences", "document_id", "documents"),
                     ("posts", "person_id", "persons"),
                     ("event_participants", "person_id", "persons"),
                     ("event_participants", "event_id", "events"),
                     ("event_sources", "document_id", "documents"),
                     ("quantity_sources", "quantity_id", "quantities"),
                     ("mentions", "sentence_id", "sentences")]:
        assert expected in fks
    # FTS5 table with diacritic-insensitive tokenizer
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()[0]
    assert "fts5" in sql.lower() and "remove_diacritics 2" in sql


def test_seed_document_stored_with_header_and_full_text(seed_db):
    from tests.store.conftest import SEED

    with Store.open(seed_db) as store:
        docs = store.rows("sources")
        assert len(docs) == 1
        doc = store.document(docs[0]["id"])
    assert doc["date"] == "2024-06-24"
    assert doc["ref"] == "1184-24-06-2024"
    assert doc["title"].startswith("Press release on the upcoming talks")
    assert doc["text"].strip() == SEED.read_text(encoding="utf-8").strip()
    assert len(doc["sha256"]) == 64


def test_views_have_contract_columns(seed_db):
    expected = {
        "people": ["id", "name", "post", "country", "mentions", "meetings", "first_date",
                   "last_date"],
        "meetings": ["id", "date_start", "date_end", "kind", "place", "participants", "status",
                     "category", "summary", "sources", "source"],
        "trade": ["id", "measure", "value", "unit", "period", "qualifier", "category", "text",
                  "source", "derived", "formula"],
        "culture": ["id", "summary", "kind", "date_start", "place", "source"],
        "sources": ["id", "title", "date", "ref", "path", "facts", "added"],
    }
    with Store.open(seed_db) as store:
        for table, cols in expected.items():
            assert store.columns(table)[:len(cols)] == cols
        assert store.columns("figures") == store.columns("trade")


def test_every_mention_lies_inside_its_document_and_sentence(seed_db):
    conn = sqlite3.connect(seed_db)
    rows = conn.execute(
        'SELECT m.start, m."end", length(d.text), s.start, s."end" FROM mentions m '
        "JOIN documents d ON d.id = m.document_id LEFT JOIN sentences s ON s.id = m.sentence_id"
    ).fetchall()
    assert rows, "the seed yields facts"
    for start, end, length, s_start, s_end in rows:
        assert 0 <= start < end <= length
        if s_start is not None:
            assert s_start <= start < s_end


def test_open_errors(tmp_path):
    with pytest.raises(MissingDatabase):
        Store.open(tmp_path / "none.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(NotADatabase):
        Store.open(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(NotADatabase):
        Store.open(other)
    newer = tmp_path / "newer.db"
    Store.open(newer, create=True).close()
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(NewerSchema):
        Store.open(newer)
    with pytest.raises(NotADatabase):
        Store.open(tmp_path)


def test_older_schema_rebuilt_from_stored_text(seed_db):
    # Schema 2 has no in-place migration: opening says so, and upgrade_database rebuilds it
    # from its documents' text.
    c = sqlite3.connect(seed_db)
    c.execute("INSERT INTO documents (sha256, title, added, origin, text) VALUES "
              "('x', 'User note', '2020-01-01T00:00:00+00:00', 'user', "
              "'10:00\n\nA note the user added about Sergey Lavrov in Minsk\n\nbody text here.')")
    c.commit()
    c.execute("PRAGMA user_version = 2")
    c.close()
    with pytest.raises(NeedsUpgrade) as raised:
        Store.open(seed_db)
    assert raised.value.version == 2 and raised.value.path == seed_db
    assert not (seed_db.parent / "seed.db.schema2.bak").exists()  # opening changed nothing
    assert upgrade_database(seed_db) == seed_db
    with Store.open(seed_db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        titles = [r["title"] for r in store.rows("sources")]
        assert len(titles) == 2 and any("user added" in (t or "") for t in titles)
        added = [r["added"] for r in store.rows("sources")]
        assert "2020-01-01T00:00:00+00:00" in added
    assert (seed_db.parent / "seed.db.schema2.bak").exists()


def test_schema_3_is_migrated_in_place_without_re_extraction(seed_db):
    c = sqlite3.connect(seed_db)
    expected = c.execute("SELECT id, first_date, last_date FROM persons ORDER BY id").fetchall()
    # Schema 3 kept the dates of the documents naming a person.
    c.execute("UPDATE persons SET first_date = '2024-06-24', last_date = '2024-06-24'")
    c.execute("PRAGMA user_version = 3")
    c.commit()
    docs_before = c.execute("SELECT id, sha256, added FROM documents").fetchall()
    c.close()
    with Store.open(seed_db) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT id, first_date, last_date FROM persons ORDER BY id"
                            ).fetchall() == expected
        assert conn.execute("SELECT id, sha256, added FROM documents").fetchall() == docs_before
    assert not list(seed_db.parent.glob("*.bak"))


def test_first_run_build_is_atomic_and_cleans_stale_temporaries(tmp_path):
    from app.store import ensure_default_db

    db = tmp_path / "data" / "factbrowser.db"
    db.parent.mkdir()
    stale = db.with_name(".factbrowser.db.building-999999999")
    stale.write_bytes(b"half-built")
    (db.parent / (stale.name + "-wal")).write_bytes(b"x")
    assert ensure_default_db(db) == db
    assert sorted(p.name for p in db.parent.iterdir()) == ["factbrowser.db"]
    with Store.open(db) as store:
        assert store.count("sources") >= 1


def test_fts_detected_by_sqlite_utils(seed_db):
    db = sqlite_utils.Database(seed_db)
    assert db["search_index"].detect_fts() == "search_fts"
    hits = list(db["search_index"].search("lavrov", columns=["type", "label"]))
    assert hits
