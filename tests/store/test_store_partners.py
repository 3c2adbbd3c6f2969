"""A figure's partners, measure kind, direction and status in the database: identity,
conflicts, derived growth, the views and the migration of a database made before them."""

import sqlite3

import pytest

from app.store import Store, remove_document
from app.store.ingest import ingest_paths
from tests.store.fakes import FakeExtractor, make, release

MANY = release(
    "Trade with partners", "2024-03-01",
    "Trade with China reached $240.1 billion in 2023. Trade with Belarus came to $46.5 "
    "billion in 2023. Trade with Vietnam stood at $3.6 billion in 2023. The sides aim to "
    "bring trade with Vietnam to $10 billion by 2023 under the old plan.")
OTHER = release(
    "China trade revised", "2024-04-01",
    "Customs now put trade with China at $227.8 billion in 2023, and at $190.3 billion "
    "in 2022. Trade with Belarus reached $46.5 billion in 2023.")

CHINA = {"partners": ["Russia", "China"], "measure_kind": "trade turnover"}
BELARUS = {"partners": ["Belarus", "Russia"], "measure_kind": "trade turnover"}
VIETNAM = {"partners": ["Russia", "Vietnam"], "measure_kind": "trade turnover"}


@pytest.fixture
def fake(monkeypatch):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    fx.add(make(MANY, "2024-03-01", quantities=[
        (240.1e9, "USD", "bilateral trade", "2023", "$240.1 billion", CHINA),
        (46.5e9, "USD", "bilateral trade", "2023", "$46.5 billion", BELARUS),
        (3.6e9, "USD", "bilateral trade", "2023", "$3.6 billion", VIETNAM),
        (10e9, "USD", "bilateral trade", "2023", "$10 billion", {**VIETNAM, "status": "target"}),
    ]))
    fx.add(make(OTHER, "2024-04-01", quantities=[
        (227.8e9, "USD", "bilateral trade", "2023", "$227.8 billion", CHINA),
        (190.3e9, "USD", "bilateral trade", "2022", "$190.3 billion", CHINA),
        (46.5e9, "USD", "bilateral trade", "2023", "$46.5 billion", BELARUS),
    ]))
    return fx


def _ingest(tmp_path, db, *texts):
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    results = ingest_paths(db, paths)
    assert all(r.ok for r in results), [r.message for r in results]
    return results


def _stated(store):
    return {(q["partners"], q["status"], q["period"], q["value"]): q
            for q in store.rows("figures") if not q["derived"]}


def test_different_partners_are_different_figures_and_not_conflicts(fake, tmp_path):
    db = tmp_path / "p.db"
    _ingest(tmp_path, db, MANY)
    with Store.open(db) as store:
        rows = _stated(store)
        assert set(rows) == {("China–Russia", "actual", "2023", 240.1e9),
                             ("Belarus–Russia", "actual", "2023", 46.5e9),
                             ("Russia–Vietnam", "actual", "2023", 3.6e9),
                             ("Russia–Vietnam", "target", "2023", 10e9)}
        # three pairs, and a target beside an actual: nothing conflicts
        assert [q["conflict"] for q in rows.values()] == [0, 0, 0, 0]
        assert {q["measure_kind"] for q in rows.values()} == {"trade turnover"}
        assert set(store.columns("trade")) >= {"partners", "measure_kind", "direction", "status"}


def test_same_pair_measure_period_status_with_two_values_conflict(fake, tmp_path):
    db = tmp_path / "c.db"
    _many, other = _ingest(tmp_path, db, MANY, OTHER)
    with Store.open(db) as store:
        rows = _stated(store)
        flags = {k: q["conflict"] for k, q in rows.items()}
        assert flags[("China–Russia", "actual", "2023", 240.1e9)] == 1
        assert flags[("China–Russia", "actual", "2023", 227.8e9)] == 1
        assert flags[("China–Russia", "actual", "2022", 190.3e9)] == 0
        assert flags[("Belarus–Russia", "actual", "2023", 46.5e9)] == 0
        assert flags[("Russia–Vietnam", "actual", "2023", 3.6e9)] == 0
        # the same value for the same pair in two releases: one figure, two sources
        assert rows[("Belarus–Russia", "actual", "2023", 46.5e9)]["sources"] == 2
    remove_document(db, other.document_id)
    with Store.open(db) as store:
        assert all(q["conflict"] == 0 for q in _stated(store).values())


def test_derived_growth_is_per_pair(fake, tmp_path):
    db = tmp_path / "g.db"
    _ingest(tmp_path, db, MANY, OTHER)
    with Store.open(db) as store:
        derived = [q for q in store.rows("figures") if q["derived"]]
    # China has 2022 and 2023 but its 2023 is in conflict, so no growth is derived; Belarus
    # and Vietnam have no 2022: the Belarus 2023 figure is never divided by China's 2022.
    assert derived == []


def test_derived_growth_carries_the_pair(monkeypatch, tmp_path):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    text = release("Two years", "2024-03-01",
                   "Trade with China: $190.3 billion in 2022 and $240.1 billion in 2023. "
                   "Trade with Belarus: $39.8 billion in 2022.")
    fx.add(make(text, "2024-03-01", quantities=[
        (190.3e9, "USD", "bilateral trade", "2022", "$190.3 billion", CHINA),
        (240.1e9, "USD", "bilateral trade", "2023", "$240.1 billion", CHINA),
        (39.8e9, "USD", "bilateral trade", "2022", "$39.8 billion", BELARUS)]))
    db = tmp_path / "d.db"
    _ingest(tmp_path, db, text)
    with Store.open(db) as store:
        derived = [q for q in store.rows("figures") if q["derived"]]
    assert [(q["partners"], q["period"], q["value"], q["measure_kind"]) for q in derived] == [
        ("China–Russia", "2023", 26.17, "growth")]


def _make_old(db):
    """Take the new columns away again, as a database made before them looked."""
    conn = sqlite3.connect(db)
    conn.executescript("""
        DROP VIEW trade; DROP VIEW figures;
        DROP TRIGGER filter_quantities_ai; DROP TRIGGER filter_quantities_ad;
        DROP TRIGGER filter_quantities_au; DROP TABLE filter_quantities;
        DROP INDEX idx_quantities_identity_flag; DROP INDEX idx_quantities_partners;
        DROP INDEX idx_quantities_series;
        DROP INDEX idx_quantities_kind; DROP INDEX idx_quantities_direction;
        DROP INDEX idx_quantities_has_partners;
        DROP TRIGGER kept_trade_pairs_quantities_ai; DROP TRIGGER kept_trade_pairs_quantities_ad;
        DROP TRIGGER kept_trade_pairs_quantities_au; DROP TABLE kept_trade_pairs;
        ALTER TABLE quantities DROP COLUMN partners;
        ALTER TABLE quantities DROP COLUMN measure_kind;
        ALTER TABLE quantities DROP COLUMN direction;
        ALTER TABLE quantities DROP COLUMN status;
        CREATE VIRTUAL TABLE filter_quantities USING fts5(
            measure, unit, period, qualifier, category, text, source_title,
            content="quantities", content_rowid="id", tokenize='unicode61 remove_diacritics 2');
        INSERT INTO filter_quantities(filter_quantities) VALUES ('rebuild');
        CREATE VIEW figures AS SELECT id, measure, value, unit, period, qualifier, category,
            text, source_title AS source, derived, formula, source_count AS sources, conflict
            FROM quantities;
        CREATE VIEW trade AS SELECT * FROM figures WHERE category = 'trade';
    """)
    conn.close()


def test_a_database_made_before_the_columns_gains_them_in_place(fake, tmp_path):
    db = tmp_path / "old.db"
    _ingest(tmp_path, db, MANY)
    _make_old(db)
    ids_before = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM quantities"))
    with Store.open(db) as store:
        rows = store.rows("trade")
        assert sorted(r["id"] for r in rows) == ids_before     # migrated, not rebuilt
        assert {r["status"] for r in rows} == {"actual"} and {r["partners"] for r in rows} == {None}
        # the text filter indexes the new columns and still finds the old words
        assert store.count("trade", _filters(text="billion")) == len(rows)
        schema = sorted(store.conn.execute("SELECT name, sql FROM sqlite_master"))
    with Store.open(db) as store:     # a second opening changes nothing
        assert sorted(store.conn.execute("SELECT name, sql FROM sqlite_master")) == schema
    # new figures written into the migrated database carry their partners
    _ingest(tmp_path, db, OTHER)
    with Store.open(db) as store:
        found = store.rows("trade", _filters(text="Russia"))
        assert sorted((r["partners"], r["value"]) for r in found if not r["derived"]) == [
            ("Belarus–Russia", 46.5e9), ("China–Russia", 190.3e9), ("China–Russia", 227.8e9)]


def _filters(**kw):
    from app.store import Filters
    return Filters(**kw)


def test_exports_carry_the_new_columns(fake, tmp_path):
    import json

    from app.store import export_tables

    db = tmp_path / "e.db"
    _ingest(tmp_path, db, MANY)
    out = tmp_path / "trade.json"
    export_tables(db, ["trade"], "json", out)
    rows = json.loads(out.read_text(encoding="utf-8"))["trade"]
    assert {(r["partners"], r["status"], r["measure_kind"]) for r in rows} == {
        ("China–Russia", "actual", "trade turnover"), ("Belarus–Russia", "actual", "trade turnover"),
        ("Russia–Vietnam", "actual", "trade turnover"), ("Russia–Vietnam", "target", "trade turnover")}


def test_search_finds_a_figure_by_its_partners(fake, tmp_path):
    db = tmp_path / "s.db"
    _ingest(tmp_path, db, MANY)
    with Store.open(db) as store:
        ids = [h.fact_id for h in store.search("Vietnam") if h.type == "figure"]
        found = store.rows("figures", _filters(ids=ids)) if ids else []
        assert sorted((r["partners"], r["status"]) for r in found) == [
            ("Russia–Vietnam", "actual"), ("Russia–Vietnam", "target")]
