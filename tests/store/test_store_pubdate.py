"""Issue 11, store side: where a document's date came from, its dateline and outlet, an
event's date basis; the columns added to older databases; a publication date given at import
or later (set_document_date), which re-resolves the document's dates."""

import sqlite3

import pytest

from app.extract.model import DocumentInfo
from app.store import Store, StoreError
from app.store.db import connect
from app.store.ingest import ingest_paths
from app.store.pubdate import check_date, files_to_import, preview_file, set_document_date
from tests.store.fakes import FakeExtractor, make, release
from tests.store.test_store_invariants import check_invariants

DATELESS = ("Lavrov holds talks with the Serbian Foreign Minister\n\n"
            "Foreign Minister Sergey Lavrov held talks today with Foreign Minister of Serbia "
            "Marko Djuric in Moscow. The ministers discussed trade.\n")
DATED = release("Lavrov meets Djuric again", "2024-03-10",
                "On March 9, Foreign Minister Sergey Lavrov met Marko Djuric in Belgrade.")
PEOPLE = [("Sergey Lavrov", "Foreign Minister", "Russia", ["Sergey Lavrov"]),
          ("Marko Djuric", "Foreign Minister", "Serbia", ["Marko Djuric"])]


class DatingExtractor(FakeExtractor):
    """Like the real extractor's contract: with a publication date given, "today" is dated
    by it (basis "publication"); without one the talks stay undated and a warning says so."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def __call__(self, text, path=None, meta=None, date=None, cancel=None):
        self.calls.append((text, date))
        if text != DATELESS:
            return super().__call__(text, path, meta, date)
        ex = make(DATELESS, date, people=PEOPLE, places=["Moscow"], events=[
            {"kind": "talks", "date_start": date, "place": "Moscow",
             "participants": ["Sergey Lavrov", "Marko Djuric"], "status": "held",
             "date_basis": "publication" if date else None,
             "anchor": "held talks today with Foreign Minister of Serbia"}])
        ex.document = DocumentInfo(title=DATELESS.split("\n")[0], date=date, path=path,
                                   date_origin="user" if date else "none",
                                   place="Moscow", outlet="TASS",
                                   warnings=[] if date else
                                   ["no publication date found; 1 date left undated "
                                    "(give one with --date)"])
        return ex


@pytest.fixture
def fake(monkeypatch):
    fx = DatingExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    dated = make(DATED, "2024-03-10", people=PEOPLE, places=["Belgrade"], events=[
        {"kind": "meeting", "date_start": "2024-03-09", "place": "Belgrade",
         "participants": ["Sergey Lavrov", "Marko Djuric"], "status": "held",
         "date_basis": "stated", "anchor": "met Marko Djuric in Belgrade"}])
    dated.document.date_origin = "header"
    fx.add(dated)
    return fx


@pytest.fixture
def files(tmp_path):
    (tmp_path / "dateless.txt").write_text(DATELESS, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    return tmp_path / "dateless.txt", tmp_path / "dated.txt"


def _facts(db, doc_id):
    c = sqlite3.connect(db)
    try:
        return {
            "events": c.execute("SELECT e.date_start, e.date_basis, es.date_basis FROM events e "
                                "JOIN event_sources es ON es.event_id = e.id WHERE "
                                "es.document_id = ?", (doc_id,)).fetchall(),
            "mentions": c.execute('SELECT m.start, m."end", s.start, s."end" FROM mentions m '
                                  "JOIN sentences s ON s.id = m.sentence_id WHERE "
                                  "m.document_id = ?", (doc_id,)).fetchall(),
        }
    finally:
        c.close()


def test_new_columns_are_stored_and_shown_in_the_views(fake, files, tmp_path):
    db = tmp_path / "t.db"
    results = ingest_paths(db, [str(f) for f in files])
    assert [r.status for r in results] == ["added", "added"]
    undated, dated = results
    assert "no publication date found; 1 date left undated" in undated.message
    assert undated.warnings == ["no publication date found; 1 date left undated "
                                "(give one with --date)"]
    assert dated.warnings == [] and dated.message.endswith("(text, utf-8)")
    with Store.open(db) as store:
        rows = {r["id"]: r for r in store.rows("sources")}
        assert rows[undated.document_id]["date_origin"] == "none"
        assert rows[undated.document_id]["outlet"] == "TASS"
        assert rows[undated.document_id]["place"] == "Moscow"
        assert rows[dated.document_id]["date_origin"] == "header"
        assert store.document(undated.document_id)["warnings"] == undated.warnings
        meetings = {r["place"]: r for r in store.rows("meetings")}
        assert meetings["Belgrade"]["date_basis"] == "stated"
        assert meetings["Moscow"]["date_start"] is None
        assert {"date_basis"} <= set(store.columns("meetings"))
        assert {"date_origin", "outlet", "place", "time", "warnings"} <= set(
            store.columns("sources"))
    check_invariants(db)


def test_a_document_without_facts_is_reported_as_such(monkeypatch, tmp_path):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    text = fx.add(make(release("Nothing to see", "2024-01-05", "No facts here."), "2024-01-05"))
    f = tmp_path / "empty.txt"
    f.write_text(text, encoding="utf-8")
    [r] = ingest_paths(tmp_path / "t.db", [str(f)])
    assert r.status == "added" and r.facts == 0
    assert r.warnings == ["no facts found"] and r.message.endswith("; no facts found")


def test_a_date_given_at_import_dates_the_release(fake, files, tmp_path):
    db = tmp_path / "t.db"
    dateless, dated = files
    results = ingest_paths(db, [str(dateless), str(dated)], dates={str(dateless): "2024-03-03"})
    assert (DATELESS, "2024-03-03") in fake.calls
    assert not any(w for r in results for w in r.warnings)
    with Store.open(db) as store:
        doc = store.document(results[0].document_id)
        assert (doc["date"], doc["date_origin"]) == ("2024-03-03", "user")
        assert store.document(results[1].document_id)["date_origin"] == "header"
    assert _facts(db, results[0].document_id)["events"] == [
        ("2024-03-03", "publication", "publication")]


def test_a_date_given_for_a_stored_release_redates_it(fake, files, tmp_path):
    db = tmp_path / "t.db"
    dateless, _dated = files
    [first] = ingest_paths(db, [str(dateless)])
    [again] = ingest_paths(db, [str(dateless)], dates={str(dateless): "2024-03-03"})
    assert again.status == "present" and again.document_id == first.document_id
    assert "publication date set to 2024-03-03 (was none)" in again.message
    assert _facts(db, first.document_id)["events"][0][0] == "2024-03-03"
    [same] = ingest_paths(db, [str(dateless)], dates={str(dateless): "2024-03-03"})
    assert same.message.endswith(f"already present (document {first.document_id})")


def test_set_document_date_keeps_the_row_and_replaces_the_facts(fake, files, tmp_path):
    db = tmp_path / "t.db"
    results = ingest_paths(db, [str(f) for f in files])
    doc_id, other = results[0].document_id, results[1].document_id
    other_before = _facts(db, other)
    with Store.open(db) as store:
        before = store.document(doc_id)
        events_before = store.count("meetings")
        out = store.set_document_date(doc_id, "2024-03-03")
        after = store.document(doc_id)
        assert store.count("meetings") == events_before  # replaced, not added
        assert store.count("sources") == 2
    assert out["id"] == doc_id and out["old_date"] is None and out["date"] == "2024-03-03"
    assert out["warnings"] == []
    assert (after["date"], after["date_origin"], after["warnings"]) == ("2024-03-03", "user", [])
    for key in ("id", "sha256", "path", "added", "text", "origin"):
        assert after[key] == before[key]
    facts = _facts(db, doc_id)
    assert facts["events"] == [("2024-03-03", "publication", "publication")]
    # provenance: every mention lies inside its sentence of the stored text
    assert facts["mentions"] and all(s <= a < b <= e for a, b, s, e in facts["mentions"])
    assert _facts(db, other) == other_before
    check_invariants(db)
    # and back to what the text says
    set_document_date(db, doc_id, None)
    with Store.open(db) as store:
        assert store.document(doc_id)["date_origin"] == "none"
    assert _facts(db, doc_id)["events"] == [(None, None, None)]
    check_invariants(db)


def test_set_document_date_is_all_or_nothing(fake, files, tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    [r] = ingest_paths(db, [str(files[0])])
    snapshot = _dump(db)

    def broken(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("app.store.search_index.index_document", broken)
    with pytest.raises(StoreError, match="could not be re-extracted"):
        set_document_date(db, r.document_id, "2024-03-03")
    assert _dump(db) == snapshot
    monkeypatch.setattr("app.store.extraction.extract_release", broken)
    with pytest.raises(StoreError, match="extraction failed"):
        set_document_date(db, r.document_id, "2024-03-03")
    assert _dump(db) == snapshot


def _dump(db):
    c = sqlite3.connect(db)
    try:
        return {t: c.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
                for t in ("documents", "events", "event_sources", "mentions", "sentences",
                          "persons", "search_index")}
    finally:
        c.close()


@pytest.mark.parametrize("bad", ["2024-13-01", "2024-02-30", "24-06-2024", "yesterday", "",
                                 "2024-6-1", "1066-10-14"])
def test_bad_dates_are_refused_with_a_clear_message(bad):
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        check_date(bad)
    assert check_date(" 2024-02-29 ") == "2024-02-29"


def test_reextracting_keeps_a_date_a_person_gave(fake, files, tmp_path):
    from app.store import rebuild

    db = tmp_path / "t.db"
    [r] = ingest_paths(db, [str(files[0])], dates={str(files[0]): "2024-03-03"})
    fake.calls.clear()
    assert rebuild(db, reextract=True) == 1
    assert fake.calls == [(DATELESS, "2024-03-03")]
    with Store.open(db) as store:
        doc = store.document(r.document_id)
    assert (doc["date"], doc["date_origin"]) == ("2024-03-03", "user")


def test_older_databases_get_the_columns_once(seed_db):
    """A database made before these columns (they are dropped here, views as they were) gets
    them on opening, with its documents' dates marked as read from the header; opening it
    again changes nothing."""
    c = sqlite3.connect(seed_db)
    c.executescript("""
        DROP VIEW sources; DROP VIEW meetings;
        ALTER TABLE documents DROP COLUMN time; ALTER TABLE documents DROP COLUMN place;
        ALTER TABLE documents DROP COLUMN outlet; ALTER TABLE documents DROP COLUMN date_origin;
        ALTER TABLE documents DROP COLUMN warnings; ALTER TABLE events DROP COLUMN date_basis;
        ALTER TABLE event_sources DROP COLUMN date_basis;
        CREATE VIEW meetings AS SELECT id, date_start, date_end, kind, place, participants,
            status, category, summary, source_count AS sources, source_title AS source FROM events;
        CREATE VIEW sources AS SELECT id, title, date, ref, path, facts, added FROM documents;
    """)
    c.execute("INSERT INTO documents (sha256, title, date, path, added, text) "
              "VALUES ('x', 'undated', NULL, 'u.txt', '2024', 'text')")
    c.commit()
    counts = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "events", "mentions")}
    c.close()
    conn = connect(seed_db)
    conn.close()
    with Store.open(seed_db) as store:
        rows = store.rows("sources")
        assert {r["date_origin"] for r in rows if r["date"]} == {"header"}
        assert [r["date_origin"] for r in rows if not r["date"]] == ["none"]
        assert "date_basis" in store.columns("meetings")
        assert store.count("meetings") == counts["events"]
    before = _dump(seed_db)
    version = sqlite3.connect(seed_db).execute("PRAGMA schema_version").fetchone()[0]
    Store.open(seed_db).close()
    assert _dump(seed_db) == before
    assert sqlite3.connect(seed_db).execute("PRAGMA schema_version").fetchone()[0] == version


def test_preview_reads_the_header_without_extracting(files, tmp_path, monkeypatch):
    monkeypatch.setattr("app.store.extraction.extract_release", None)  # no full extraction may run
    dateless, dated = files
    undated = preview_file(dateless)
    assert undated.date is None and undated.date_origin == "none"
    assert undated.warnings[0].startswith("no publication date found")
    assert undated.title == DATELESS.split("\n")[0]
    found = preview_file(dated)
    assert (found.date, found.date_origin, found.warnings) == ("2024-03-10", "header", [])
    assert found.title == "Lavrov meets Djuric again"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty file" in preview_file(empty).error
    folder = tmp_path / "inside"
    folder.mkdir()
    (folder / "a.txt").write_text(DATED, encoding="utf-8")
    (tmp_path / "none").mkdir()
    assert files_to_import([folder, tmp_path / "none", dated]) == [
        str(folder / "a.txt"), str(tmp_path / "none"), str(dated)]


def test_preview_agrees_with_the_full_extraction(files):
    """The import dialog's prefill is what the import will store: the document reader and
    extract() must not drift apart (all layouts the tests hold, and the new corpus's)."""
    from app.extract import extract
    from app.store.readers import read_path
    from tests.store.conftest import CORPUS, ROOT

    paths = [*files, *sorted(CORPUS.glob("*.txt")), *sorted((ROOT / "tests" / "data").glob(
        "heldout/*.txt"))]
    assert len(paths) > 5
    for path in paths:
        read = read_path(path)
        doc = extract(read.text, str(path), meta=read.meta or None).document
        seen = preview_file(path)
        assert (seen.date, seen.date_origin, seen.title) == (
            doc.date, doc.date_origin if doc.date else "none", doc.title), path


def test_exports_carry_the_date_origin_and_basis(fake, files, tmp_path):
    import json

    from app.store import export_tables

    db = tmp_path / "t.db"
    ingest_paths(db, [str(f) for f in files], dates={str(files[0]): "2024-03-03"})
    out = tmp_path / "x.json"
    export_tables(db, ["sources", "meetings"], "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {(r["date"], r["date_origin"], r["outlet"], r["place"]) for r in data["sources"]} == {
        ("2024-03-03", "user", "TASS", "Moscow"), ("2024-03-10", "header", None, None)}
    assert sorted(r["date_basis"] for r in data["meetings"]) == ["publication", "stated"]
