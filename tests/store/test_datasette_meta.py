"""The Datasette metadata, served by Datasette's own test client over a built database."""

import asyncio
import json
import shutil
import sqlite3

import pytest

from app.store.datasette_meta import build_metadata, to_yaml, write_metadata
from app.store.db import connect
from app.store.ingest import ingest_paths
from tests.store.conftest import CORPUS

datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the test extra")
yaml = pytest.importorskip("yaml")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A database of the seed and the test corpus, its metadata written as YAML and loaded
    back the way `datasette DB -m metadata.yml` does."""
    from app.store import ensure_default_db

    db = tmp_path_factory.mktemp("ds") / "facts.db"
    ensure_default_db(db)
    ingest_paths(db, [CORPUS])
    out = write_metadata(db, str(db.with_name("metadata.yml")))
    meta = yaml.safe_load(out.read_text(encoding="utf-8"))
    ds = datasette_app.Datasette([str(db)], metadata=meta)
    return db, meta, ds


def get(ds, path: str):
    async def go():
        return await ds.client.get(path)
    return asyncio.run(go())


def test_yaml_is_the_metadata(served):
    db, meta, _ds = served
    conn = connect(db)
    try:
        assert meta == build_metadata(conn, "facts")
    finally:
        conn.close()
    tricky = {"a": "quote \" and colon: x", "b": "two\nlines", "c": [1, True, None], "d": {}}
    assert yaml.safe_load(to_yaml(tricky)) == tricky


def test_only_existing_columns_are_named(served, tmp_path):
    db, meta, _ds = served
    conn = connect(db)
    tables = meta["databases"]["facts"]["tables"]
    try:
        for view in ("people", "meetings", "trade", "figures", "culture", "sources"):
            cols = {r[1] for r in conn.execute(f"PRAGMA table_info({view})")}
            assert set(tables[view].get("facets", [])) <= cols
            assert set(tables[view]["columns"]) <= cols
    finally:
        conn.close()
    # figures have partners: the facet and a partner-pair query over that column
    assert "partners" in tables["trade"]["facets"]
    assert "q.partners LIKE" in meta["databases"]["facts"]["queries"][
        "trade_of_partners_by_year"]["sql"]
    # a database whose figures have no partners column is not given one
    copy = tmp_path / "older.db"
    shutil.copy(db, copy)
    conn = sqlite3.connect(copy)
    conn.executescript("""
        DROP VIEW trade; DROP VIEW figures;
        CREATE VIEW figures AS SELECT id, measure, value, unit, period, category FROM quantities;
        CREATE VIEW trade AS SELECT * FROM figures WHERE category = 'trade';""")
    meta2 = build_metadata(conn, "older")
    conn.close()
    assert "partners" not in meta2["databases"]["older"]["tables"]["trade"].get("facets", [])


def test_views_answer_with_titles_and_facets(served):
    _db, _meta, ds = served
    page = get(ds, "/facts/meetings")
    assert page.status_code == 200
    assert "Meetings" in page.text and "held, planned or recurring" in page.text
    data = get(ds, "/facts/meetings.json?_shape=objects&_extra=facet_results").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert {"kind", "status"} <= set(facets)
    statuses = {v["value"] for v in facets["status"]["results"]}
    assert statuses and statuses <= {"held", "planned", "recurring", None}
    people = get(ds, "/facts/people.json?_shape=objects&_extra=facet_results").json()
    assert "country" in people["facet_results"].get("results", people["facet_results"])


def test_search_boxes_use_the_fts_tables(served):
    _db, _meta, ds = served
    hits = get(ds, "/facts/search_index.json?_search=Lavr*&_shape=objects").json()["rows"]
    assert hits and all("lavr" in json.dumps(h, ensure_ascii=False).lower() for h in hits)
    rows = get(ds, "/facts/meetings.json?_search=Minsk&_shape=objects").json()["rows"]
    assert rows and all("minsk" in json.dumps(r, ensure_ascii=False).lower() for r in rows)


def test_canned_queries_answer(served):
    _db, _meta, ds = served
    rows = get(ds, "/facts/meetings_of_person.json?name=Lavrov&_shape=objects").json()["rows"]
    assert rows and all("Lavrov" in (r["participants"] or "") for r in rows)
    dates = [r["date_start"] or "" for r in rows]
    assert dates == sorted(dates, reverse=True)
    ranked = get(ds, "/facts/search.json?words=Lavrov&_shape=objects").json()["rows"]
    assert ranked and ranked[0]["type"] != "sentence"  # a name ranks above the sentences
    fid = rows[0]["id"]
    src = get(ds, f"/facts/fact_sources.json?fact_type=event&fact_id={fid}"
                  "&_shape=objects").json()["rows"]
    assert src and all(s["sentence"] and s["document"] for s in src)
    trade = get(ds, "/facts/trade_of_partners_by_year.json?partner_a=Russia&partner_b=Belarus"
                    "&_shape=objects")
    assert trade.status_code == 200
