"""The writes a Store holder asks for go to the store's own file: import files and a dataset,
date a document, export, remove, re-extract, all through one Store."""

from __future__ import annotations

import json

from app.store import Store
from tests.store.conftest import CORPUS

FILES = sorted(CORPUS.glob("*.txt"))[:2]


def test_one_store_imports_dates_exports_and_removes(tmp_path):
    db = tmp_path / "w.db"
    with Store.open(db, create=True, write=True) as store:
        results = store.ingest(FILES)
        assert [r.status for r in results] == ["added", "added"]
        assert store.count("sources") == 2
        doc = store.rows("sources", order_by="id", limit=1)[0]
        out = store.set_document_date(doc["id"], "2020-05-05")
        assert out["date"] == "2020-05-05" and store.document(doc["id"])["date"] == "2020-05-05"
        result = store.export(["sources"], "json", tmp_path / "s.json")
        assert result.counts == {"sources": 2}
        assert len(json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["sources"]) == 2
        assert store.rebuild(reextract=True) == 2
        assert store.remove_document(doc["id"])["id"] == doc["id"]
        assert store.count("sources") == 1
        again = store.ingest_file(FILES[0])
        assert again.ok and store.count("sources") == 2


def test_a_dataset_goes_into_the_stores_file(tmp_path):
    src = tmp_path / "a.jsonl"
    text = FILES[0].read_text(encoding="utf-8")
    src.write_text(json.dumps({"text": text, "date": "2019-03-01", "title": "One"}) + "\n",
                   encoding="utf-8")
    with Store.open(tmp_path / "d.db", create=True, write=True) as store:
        r = store.import_dataset(src)
        assert r.added == 1 and store.rows("sources")[0]["title"] == "One"
        out = store.write_metadata(str(tmp_path / "m.json"))
        assert out is not None and json.loads(out.read_text(encoding="utf-8"))["databases"]
