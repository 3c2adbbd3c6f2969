"""After any sequence of imports and removals, the counts and names kept on base rows equal a
fresh computation, and no fact is left without a source."""

import random
import sqlite3
import sys
from pathlib import Path

import pytest

from app.store import ingest_paths, rebuild, remove_document

ROOT = Path(__file__).resolve().parents[2]


def check_invariants(db: Path) -> None:
    c = sqlite3.connect(db)
    q = lambda sql: c.execute(sql).fetchall()  # noqa: E731
    assert q("PRAGMA integrity_check") == [("ok",)]
    assert q("PRAGMA foreign_key_check") == []
    c.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    for base in ("persons", "events", "quantities", "culture_items", "documents"):
        # the text filters' word indexes hold exactly the words of their rows
        c.execute(f"INSERT INTO filter_{base}(filter_{base}, rank) VALUES ('integrity-check', 1)")
    assert q("""SELECT id FROM persons p WHERE mention_count != (SELECT count(*) FROM mentions
                WHERE fact_type = 'person' AND fact_id = p.id)
                OR meeting_count != (SELECT count(DISTINCT event_id) FROM event_participants
                WHERE person_id = p.id)
                OR first_date IS NOT (SELECT min(e.date_start) FROM event_participants ep
                JOIN events e ON e.id = ep.event_id WHERE ep.person_id = p.id)
                OR last_date IS NOT (SELECT max(coalesce(e.date_end, e.date_start))
                FROM event_participants ep JOIN events e ON e.id = ep.event_id
                WHERE ep.person_id = p.id)""") == []
    assert q("""SELECT id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE
                fact_type = 'person' AND fact_id = p.id) AND NOT EXISTS (SELECT 1 FROM
                event_participants WHERE person_id = p.id)""") == []
    assert q("""SELECT id FROM events e WHERE source_count != (SELECT count(DISTINCT
                document_id) FROM event_sources WHERE event_id = e.id) OR source_count = 0
                OR participants IS NOT (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT
                p.name AS name FROM event_participants ep JOIN persons p ON p.id = ep.person_id
                WHERE ep.event_id = e.id ORDER BY p.name))""") == []
    assert q("""SELECT id FROM quantities x WHERE derived = 0 AND (source_count = 0 OR
                source_count != (SELECT count(DISTINCT document_id) FROM quantity_sources
                WHERE quantity_id = x.id))""") == []
    assert q("""SELECT id FROM culture_items c WHERE source_count != (SELECT count(DISTINCT
                document_id) FROM mentions WHERE fact_type = 'culture' AND fact_id = c.id)""") == []
    for kind, table in (("culture", "culture_items"), ("organization", "organizations")):
        assert q(f"""SELECT id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE
                     fact_type = '{kind}' AND fact_id = t.id)""") == []
    assert q("""SELECT id FROM places p WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE
                fact_type = 'place' AND fact_id = p.id) AND NOT EXISTS (SELECT 1 FROM events
                WHERE place_id = p.id)""") == []
    assert q("""SELECT d.id FROM documents d WHERE facts != (SELECT count(*) FROM (SELECT
                DISTINCT fact_type, fact_id FROM mentions WHERE document_id = d.id))""") == []
    for fact_type, table, stype in (("person", "persons", "person"),
                                    ("event", "events", "event"),
                                    ("quantity", "quantities", "figure"),
                                    ("culture", "culture_items", "culture")):
        missing = q(f"""SELECT id FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM search_index
                        WHERE type = '{stype}' AND fact_id = t.id)""")
        stale = q(f"""SELECT fact_id FROM search_index s WHERE type = '{stype}' AND NOT EXISTS
                      (SELECT 1 FROM {table} WHERE id = s.fact_id)""")
        assert missing == [] and stale == [], fact_type
    c.close()


@pytest.mark.slow
def test_invariants_through_imports_removals_and_reextraction(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_corpus

    files = make_corpus.generate(24, tmp_path / "corpus", seed=11)
    files += sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    db = tmp_path / "inv.db"
    results = ingest_paths(db, files)
    assert all(r.ok for r in results), [r.message for r in results if not r.ok]
    check_invariants(db)
    rng = random.Random(5)
    ids = [r.document_id for r in results]
    for doc_id in rng.sample(ids, 10):
        remove_document(db, doc_id)
    check_invariants(db)
    ingest_paths(db, files[:12])  # some come back, some are still present
    check_invariants(db)
    rebuild(db, reextract=True)
    check_invariants(db)
