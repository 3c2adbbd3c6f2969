"""A cultural item or event restated in other words by another release is one row with
several sources; different items of the same kind and year stay apart. Texts written here."""

import sqlite3

import pytest

from app.store import Store, remove_document
from app.store.ingest import ingest_paths
from app.store.keys import key_words, restates

# One folk festival, announced, previewed and reported in different words.
FESTIVAL = [
    ("cooperation.txt", "Press release on regional cooperation\n12 March 2025\n\n"
     'The international folk art festival "Amber Threads" will take place in Grodno on '
     "14 June 2025. Craftsmen from twelve countries will present their works."),
    ("preview.txt", "Grodno prepares for the summer\n2 May 2025\n\n"
     "On 14 June 2025, the Amber Threads festival of folk crafts will open in Grodno and "
     "bring together masters of weaving and pottery."),
    ("results.txt", "Results of the season\n20 June 2025\n\n"
     "More than ten thousand guests attended the Amber Threads folk art festival held in "
     "Grodno on June 14, 2025, the organisers said."),
]
# Two other festivals of the same year: one in the same city on the same day.
OTHERS = [
    ("jazz.txt", "Announcement for the press\n1 March 2025\n\n"
     'The international jazz festival "Blue Bridge" will be held in Grodno on 14 June 2025.'),
    ("song.txt", "Note for the media\n3 March 2025\n\n"
     'The song festival "Northern Lights" will take place in Vitebsk on 20 August 2025.'),
]


def _ingest(tmp_path, releases):
    paths = []
    for name, text in releases:
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(path)
    db = tmp_path / "restated.db"
    results = ingest_paths(db, paths)
    assert all(r.ok for r in results), [r.message for r in results]
    return db


def _festival_rows(store):
    return [r for r in store.rows("culture") if r["kind"] == "festival"]


def test_three_releases_restating_one_festival_give_one_row_with_three_sources(tmp_path):
    db = _ingest(tmp_path, FESTIVAL)
    with Store.open(db) as store:
        rows = _festival_rows(store)
        assert len(rows) == 1, rows
        item = rows[0]
        assert item["sources"] == 3 and item["date_start"] == "2025-06-14"
        docs = {p["document_id"] for p in store.provenance("culture", item["id"])}
        assert len(docs) == 3
        # the event reported by each release (nobody named) is one meeting row too
        cultural = [r for r in store.rows("meetings") if r["kind"] == "cultural"]
        assert len(cultural) == 1 and cultural[0]["sources"] == 3


def test_two_different_festivals_of_one_year_stay_two_rows(tmp_path):
    db = _ingest(tmp_path, FESTIVAL + OTHERS)
    with Store.open(db) as store:
        rows = _festival_rows(store)
        names = sorted(r["summary"] for r in rows)
        assert len(rows) == 3, names
        assert sorted(r["sources"] for r in rows) == [1, 1, 3]
        assert any("Blue Bridge" in n for n in names) and any("Northern Lights" in n for n in names)
        cultural = [r for r in store.rows("meetings") if r["kind"] == "cultural"]
        assert sorted(r["sources"] for r in cultural) == [1, 1, 3], cultural


def test_removing_one_source_keeps_the_item_with_the_others(tmp_path):
    db = _ingest(tmp_path, FESTIVAL)
    with Store.open(db) as store:
        item = _festival_rows(store)[0]
        first = store.rows("sources", order_by="date")[0]["id"]
    remove_document(db, first)
    with Store.open(db) as store:
        rows = _festival_rows(store)
        assert [r["id"] for r in rows] == [item["id"]] and rows[0]["sources"] == 2
        assert rows[0]["source"] == "Grodno prepares for the summer"
        left = [r["id"] for r in store.rows("sources")]
    for doc in left:
        remove_document(db, doc)
    with Store.open(db) as store:
        assert store.rows("culture") == []


def test_key_words_fold_plurals_and_drop_genre_words():
    assert key_words('The international folk art festival "Amber Threads"') == \
        {"folk", "art", "amber", "thread"}
    assert key_words("Folk crafts festivals held in the city") == {"folk", "craft", "city"}
    # adjectives are not their countries: these are two different items
    a, b = key_words("Days of Belarusian culture in Russia"), key_words(
        "Days of Russian culture in Belarus")
    assert a == {"belarusian", "russia"} and restates(a, b) == 0.0


@pytest.mark.parametrize("a, b, close, same", [
    # a shorter restatement of a longer name counts in full (overlap coefficient)
    ("Amber Threads folk art festival", 'folk art festival "Amber Threads" in Grodno', False, True),
    # one word in common is not enough ...
    ("festival of folk crafts", "Amber Threads folk art festival", False, False),
    # ... unless the same day and place are already known
    ("festival of folk crafts", "Amber Threads folk art festival", True, True),
    # one of four words on the same day and place: half or more must be shared
    ('jazz festival "Blue Bridge" in Grodno', '"Amber Threads" folk art festival in Grodno',
     True, False),
    ("80th anniversary of the liberation of Belarus",
     "liberation of Belarus from the Nazi invaders, 80th anniversary", False, True),
    ("80th anniversary of the liberation of Belarus", "80th anniversary of the Victory", False,
     False),
])
def test_restates_threshold(a, b, close, same):
    assert (restates(key_words(a), key_words(b), close) > 0) is same


def test_a_database_without_culture_source_counts_gets_them_on_opening(seed_db):
    c = sqlite3.connect(seed_db)
    c.executescript("""
        DROP VIEW culture;
        DROP INDEX IF EXISTS idx_culture_kind_date;
        ALTER TABLE culture_items DROP COLUMN source_count;
        CREATE VIEW culture AS SELECT id, summary, kind, date_start, place,
            source_title AS source FROM culture_items;
    """)
    c.commit()
    want = dict(c.execute("SELECT fact_id, count(DISTINCT document_id) FROM mentions WHERE "
                          "fact_type = 'culture' GROUP BY fact_id").fetchall())
    c.close()
    assert want
    with Store.open(seed_db) as store:
        assert "sources" in store.columns("culture")
        assert {r["id"]: r["sources"] for r in store.rows("culture")} == want
    with Store.open(seed_db) as store:   # once: nothing left to add
        from app.store.added_columns import missing_columns
        assert missing_columns(store.conn) == ([], [])


def test_a_month_and_a_day_of_it_are_one_date_and_the_finer_is_kept(tmp_path):
    releases = [
        ("plan.txt", "Plans for the summer\n10 February 2025\n\n"
         'The "Amber Threads" folk art festival will take place in Grodno in June 2025.'),
        ("programme.txt", "Programme announced\n1 June 2025\n\n"
         "The Amber Threads festival of folk art will open in Grodno on 14 June 2025."),
        ("elsewhere.txt", "Another region\n2 June 2025\n\n"
         "The Amber Threads festival of folk art will open in Brest on 21 June 2025."),
    ]
    db = _ingest(tmp_path, releases)
    with Store.open(db) as store:
        rows = sorted(_festival_rows(store), key=lambda r: r["place"] or "")
        assert [(r["place"], r["date_start"], r["sources"]) for r in rows] == [
            ("Brest", "2025-06-21", 1), ("Grodno", "2025-06-14", 2)], rows
