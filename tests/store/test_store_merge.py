"""One person, one event and one figure across documents; removal; re-extraction."""

import sqlite3

import pytest

from app.store import Store, rebuild, remove_document
from app.store.ingest import ingest_paths
from tests.store.fakes import FakeExtractor, make, release

ANNOUNCE = release(
    "Press release on the upcoming visit of Foreign Minister Sergey Lavrov to Minsk",
    "2024-06-20",
    "On June 24-25, Foreign Minister Sergey Lavrov will pay an official visit to Minsk. "
    "He will hold talks with Foreign Minister of Belarus Sergey Aleinik.\n\n"
    "Bilateral trade reached $46.5 billion in 2023.")
REPORT = release(
    "Foreign Minister Sergei Lavrov's talks in Minsk",
    "2024-06-26",
    "On June 24-25, Foreign Minister Sergei Lavrov paid an official visit to Minsk and held "
    "talks with Minister of Foreign Affairs of Belarus Maxim Ryzhenkov.\n\n"
    "Mr Lavrov noted that bilateral trade reached $46.5 billion in 2023. The share of "
    "the Russian rouble in settlements was 95 percent in 2023.")
LATER = release(
    "Statement on trade figures", "2025-02-01",
    "The Russian rouble accounted for 90 percent of settlements in 2023, Sergey Lavrov said.")


@pytest.fixture
def fake(monkeypatch):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    fx.add(make(
        ANNOUNCE, "2024-06-20",
        people=[("Sergey Lavrov", "Foreign Minister", "Russia", ["Sergey Lavrov"]),
                ("Sergey Aleinik", "Foreign Minister", "Belarus", ["Sergey Aleinik"])],
        places=["Minsk"],
        events=[{"kind": "visit", "date_start": "2024-06-24", "date_end": "2024-06-25",
                 "place": "Minsk", "participants": ["Sergey Lavrov", "Sergey Aleinik"],
                 "status": "planned", "anchor": "will pay an official visit to Minsk"}],
        quantities=[(46.5e9, "USD", "bilateral trade", "2023", "$46.5 billion")]))
    fx.add(make(
        REPORT, "2024-06-26",
        people=[("Sergei Lavrov", "Foreign Minister", "Russia", ["Sergei Lavrov", "Mr Lavrov"]),
                ("Maxim Ryzhenkov", "Minister of Foreign Affairs", "Belarus",
                 ["Maxim Ryzhenkov"])],
        places=["Minsk"],
        events=[{"kind": "visit", "date_start": "2024-06-24", "date_end": "2024-06-25",
                 "place": "Minsk", "participants": ["Sergei Lavrov", "Maxim Ryzhenkov"],
                 "status": "held", "anchor": "paid an official visit to Minsk"}],
        quantities=[(46.5e9, "USD", "bilateral trade", "2023", "$46.5 billion"),
                    (95, "percent", "share of the Russian rouble in settlements", "2023",
                     "95 percent")]))
    fx.add(make(
        LATER, "2025-02-01",
        people=[("Sergey Lavrov", None, None, ["Sergey Lavrov"])],
        quantities=[(90, "percent", "share of the Russian rouble in settlements", "2023",
                     "90 percent")]))
    return fx


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _ingest(tmp_path, db, *texts):
    paths = [_write(tmp_path, f"doc{i}_{abs(hash(t))}.txt", t) for i, t in enumerate(texts)]
    results = ingest_paths(db, paths)
    assert all(r.ok for r in results), [r.message for r in results]
    return results


def test_one_person_one_event_two_sources_then_removal(fake, tmp_path):
    db = tmp_path / "m.db"
    a, r = _ingest(tmp_path, db, ANNOUNCE, REPORT)
    with Store.open(db) as store:
        lavrovs = [p for p in store.rows("people") if "Lavrov" in p["name"]]
        assert len(lavrovs) == 1
        assert lavrovs[0]["meetings"] == 1
        meetings = store.rows("meetings")
        assert len(meetings) == 1
        m = meetings[0]
        assert (m["date_start"], m["date_end"], m["place"]) == ("2024-06-24", "2024-06-25",
                                                                 "Minsk")
        assert m["status"] == "held" and m["sources"] == 2
        detail = store.event(m["id"])
        assert {p["name"] for p in detail["participants"]} == {
            "Sergey Lavrov", "Sergey Aleinik", "Maxim Ryzhenkov"}
        assert [s["status"] for s in detail["sources"]] == ["planned", "held"]
        person = store.person(lavrovs[0]["id"])
        assert {a for a in person["aliases"]} >= {"Sergey Lavrov", "Sergei Lavrov"}
        assert len({m["document_id"] for m in person["mentions"]}) == 2
        assert store.search("Ryzhen")[0].type == "person"
    remove_document(db, r.document_id)
    with Store.open(db) as store:
        m = store.rows("meetings")[0]
        assert m["status"] == "planned" and m["sources"] == 1
        names = {p["name"] for p in store.rows("people")}
        assert "Maxim Ryzhenkov" not in names and "Sergey Lavrov" in names
        assert store.search("Ryzhenkov") == []
        assert [q["value"] for q in store.rows("trade")] == [46.5e9]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM mentions WHERE document_id = ?",
                        (r.document_id,)).fetchone()[0] == 0


def test_same_figure_is_one_fact_conflicts_flagged(fake, tmp_path):
    db = tmp_path / "q.db"
    _a, _r, later = _ingest(tmp_path, db, ANNOUNCE, REPORT, LATER)
    with Store.open(db) as store:
        trade = [q for q in store.rows("figures") if q["unit"] == "USD"]
        assert len(trade) == 1 and trade[0]["sources"] == 2 and trade[0]["conflict"] == 0
        shares = [q for q in store.rows("figures") if q["unit"] == "percent"]
        assert sorted(q["value"] for q in shares) == [90, 95]
        assert all(q["conflict"] == 1 for q in shares)
        assert len(store.provenance("quantity", trade[0]["id"])) == 2
    remove_document(db, later.document_id)
    with Store.open(db) as store:
        shares = [q for q in store.rows("figures") if q["unit"] == "percent"]
        assert [(q["value"], q["conflict"]) for q in shares] == [(95, 0)]


def test_post_history_and_current_post(fake, tmp_path):
    db = tmp_path / "p.db"
    _ingest(tmp_path, db, ANNOUNCE, REPORT, LATER)
    with Store.open(db) as store:
        lavrov = next(p for p in store.rows("people") if "Lavrov" in p["name"])
        assert lavrov["post"] == "Foreign Minister" and lavrov["country"] == "Russia"
        # First and last dates are those of his events, not of the documents naming him.
        assert lavrov["first_date"] == "2024-06-24" and lavrov["last_date"] == "2024-06-25"
        posts = store.person(lavrov["id"])["posts"]
        assert [p["as_of"] for p in posts] == ["2024-06-20", "2024-06-26"]
        history = store.person(lavrov["id"])["post_history"]
        assert [(h["title"], h["from"], h["to"]) for h in history] == [
            ("Foreign Minister", "2024-06-20", "2024-06-26")]


def test_same_document_twice_not_duplicated(fake, tmp_path):
    db = tmp_path / "d.db"
    _ingest(tmp_path, db, ANNOUNCE)
    copy = _write(tmp_path, "copy.txt", ANNOUNCE.replace("\n", "\r\n") + "  \n\n")
    (res,) = ingest_paths(db, [copy])
    assert res.status == "present"
    with Store.open(db) as store:
        assert store.count("sources") == 1


def test_reextract_keeps_user_documents(fake, tmp_path):
    db = tmp_path / "r.db"
    _ingest(tmp_path, db, ANNOUNCE, REPORT)
    with Store.open(db) as store:
        before = {t: store.rows(t) for t in ("people", "meetings", "figures")}
    assert rebuild(db, reextract=True) == 2
    with Store.open(db) as store:
        assert store.count("sources") == 2
        for table, rows in before.items():
            strip = [{k: v for k, v in r.items() if k != "id"} for r in rows]
            now = [{k: v for k, v in r.items() if k != "id"} for r in store.rows(table)]
            assert sorted(map(repr, now)) == sorted(map(repr, strip)), table
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # raises if the FTS index and its content table disagree
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")


def test_remove_by_path_and_unknown(fake, tmp_path):
    from app.store import StoreError

    db = tmp_path / "x.db"
    (a,) = _ingest(tmp_path, db, ANNOUNCE)
    with pytest.raises(StoreError):
        remove_document(db, 999)
    remove_document(db, a.path)
    with Store.open(db) as store:
        assert store.counts() == {t: 0 for t in Store.TABLES}
        assert store.conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 0
        store.conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")


OLDER = release(
    "Comment on trade", "2023-03-01",
    "Bilateral trade amounted to $43.0 billion in 2022, Foreign Minister Sergey Lavrov said.")


def test_derived_growth_rows_marked_with_formula(fake, tmp_path):
    fake.add(make(OLDER, "2023-03-01",
                  people=[("Sergey Lavrov", "Foreign Minister", "Russia", ["Sergey Lavrov"])],
                  quantities=[(43.0e9, "USD", "bilateral trade", "2022", "$43.0 billion")]))
    db = tmp_path / "g.db"
    older, _a = _ingest(tmp_path, db, OLDER, ANNOUNCE)
    with Store.open(db) as store:
        derived = [q for q in store.rows("trade") if q["derived"]]
        assert len(derived) == 1
        d = derived[0]
        assert d["unit"] == "percent" and d["period"] == "2023"
        assert abs(d["value"] - (46.5 / 43.0 - 1) * 100) < 0.01
        assert "46,500,000,000 USD" in d["formula"] and "43,000,000,000" in d["formula"]
        assert all(not q["derived"] for q in store.rows("trade") if q["unit"] == "USD")
    remove_document(db, older.document_id)
    with Store.open(db) as store:
        assert [q for q in store.rows("trade") if q["derived"]] == []


def test_current_post_is_latest_by_document_date_not_import_order(fake, tmp_path):
    new = release("Talks", "2024-05-01", "Foreign Minister Andrei Rudenko held talks.")
    old = release("Talks", "2019-05-01", "Deputy Foreign Minister Andrey Rudenko held talks.")
    fake.add(make(new, "2024-05-01", people=[("Andrei Rudenko", "Foreign Minister", "Russia",
                                              ["Andrei Rudenko"])]))
    fake.add(make(old, "2019-05-01", people=[("Andrey Rudenko", "Deputy Foreign Minister",
                                              "Russia", ["Andrey Rudenko"])]))
    db = tmp_path / "h.db"
    _ingest(tmp_path, db, new, old)
    with Store.open(db) as store:
        (row,) = store.rows("people")
        assert row["post"] == "Foreign Minister"
        history = store.person(row["id"])["post_history"]
        assert [(h["title"], h["from"]) for h in history] == [
            ("Deputy Foreign Minister", "2019-05-01"), ("Foreign Minister", "2024-05-01")]


def test_people_year_filter_spans_first_to_last(fake, tmp_path):
    from app.store import Filters

    db = tmp_path / "y.db"
    _ingest(tmp_path, db, ANNOUNCE, LATER)
    with Store.open(db) as store:
        names = {r["name"] for r in store.rows("people", Filters(year=2024))}
        assert "Sergey Lavrov" in names
        # The later document names him but reports no event of his in 2025.
        assert store.rows("people", Filters(year=2025)) == []
        assert store.rows("people", Filters(year=2023)) == []


def test_faulty_extraction_fails_that_file_only(fake, tmp_path):
    bad_text = release("Broken", "2024-01-01", "Minister Ivan Petrov spoke in Minsk today.")
    ex = make(bad_text, "2024-01-01",
              people=[("Ivan Petrov", "Minister", "Russia", ["Ivan Petrov"])])
    ex.people[0].mentions.append((5, 10_000_000))  # a span past the end is dropped
    ex.quantities.append(None)  # a broken fact object makes storing fail
    fake.add(ex)
    db = tmp_path / "f.db"
    paths = [_write(tmp_path, "bad.txt", bad_text), _write(tmp_path, "good.txt", ANNOUNCE)]
    bad, good = ingest_paths(db, paths)
    assert bad.status == "failed" and "could not be stored" in bad.message
    assert good.status == "added"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM persons WHERE name = 'Ivan Petrov'"
                        ).fetchone()[0] == 0


def test_participant_post_at_event_date_from_history(fake, tmp_path):
    early = release("Appointment", "2019-01-10", "Deputy Minister Oleg Popov was appointed.")
    late = release("Appointment", "2024-01-10", "Minister Oleg Popov was appointed.")
    meet = release("Meeting", "2021-03-02",
                   "On March 1, Oleg Popov met Ivan Sidorov in Kazan for talks.")
    fake.add(make(early, "2019-01-10", people=[("Oleg Popov", "Deputy Minister", "Russia",
                                                ["Oleg Popov"])]))
    fake.add(make(late, "2024-01-10", people=[("Oleg Popov", "Minister", "Russia",
                                               ["Oleg Popov"])]))
    fake.add(make(meet, "2021-03-02",
                  people=[("Oleg Popov", None, None, ["Oleg Popov"]),
                          ("Ivan Sidorov", None, None, ["Ivan Sidorov"])],
                  events=[{"kind": "talks", "date_start": "2021-03-01", "place": "Kazan",
                           "participants": ["Oleg Popov", "Ivan Sidorov"], "status": "held",
                           "anchor": "met Ivan Sidorov in Kazan"}]))
    db = tmp_path / "pp.db"
    _ingest(tmp_path, db, late, meet, early)
    with Store.open(db) as store:
        (m,) = store.rows("meetings")
        posts = {p["name"]: p["post_at_date"] for p in store.event(m["id"])["participants"]}
        assert posts == {"Oleg Popov": "Deputy Minister", "Ivan Sidorov": None}


def test_event_match_prefers_shared_participants_and_range_without_names(fake, tmp_path):
    a = release("Plans", "2024-03-01",
                "On March 10-11, the forum will be held in Kazan. On March 10-11, Ivan Orlov "
                "will also meet Petr Lebedev in Kazan.")
    b = release("Results", "2024-03-12",
                "On March 10-11, Ivan Orlov held talks with Petr Lebedev in Kazan. The forum "
                "took place in Kazan on March 10-11.")
    people = [("Ivan Orlov", None, None, ["Ivan Orlov"]),
              ("Petr Lebedev", None, None, ["Petr Lebedev"])]
    fake.add(make(a, "2024-03-01", people=people, places=["Kazan"], events=[
        {"kind": "forum", "date_start": "2024-03-10", "date_end": "2024-03-11",
         "place": "Kazan", "participants": [], "status": "planned",
         "anchor": "the forum will be held in Kazan"},
        {"kind": "meeting", "date_start": "2024-03-10", "date_end": "2024-03-11",
         "place": "Kazan", "participants": ["Ivan Orlov", "Petr Lebedev"],
         "status": "planned", "anchor": "will also meet Petr Lebedev"}]))
    fake.add(make(b, "2024-03-12", people=people, places=["Kazan"], events=[
        {"kind": "talks", "date_start": "2024-03-10", "date_end": "2024-03-11",
         "place": "Kazan", "participants": ["Ivan Orlov", "Petr Lebedev"], "status": "held",
         "anchor": "held talks with Petr Lebedev in Kazan"},
        {"kind": "cultural", "date_start": "2024-03-10", "date_end": "2024-03-11",
         "place": "Kazan", "participants": [], "status": "held",
         "anchor": "The forum took place in Kazan"}]))
    db = tmp_path / "em.db"
    _ingest(tmp_path, db, a, b)
    with Store.open(db) as store:
        rows = store.rows("meetings", order_by="id")
        assert len(rows) == 2
        assert all(r["sources"] == 2 and r["status"] == "held" for r in rows)
        by_people = {bool(r["participants"]): r for r in rows}
        assert by_people[True]["participants"] == "Ivan Orlov, Petr Lebedev"
