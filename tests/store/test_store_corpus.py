"""The shipped seed plus the test corpus, through the real extractor: one Sergey Lavrov with
all his meetings, and the June 24-25, 2024 visit as one held event with two sources."""

from app.store import Store, ingest_paths, remove_document
from tests.store.conftest import CORPUS


def _visit(store):
    return [m for m in store.rows("meetings")
            if m["date_start"] == "2024-06-24" and m["date_end"] == "2024-06-25"]


def test_corpus_merges_people_and_events(seed_db):
    files = sorted(CORPUS.glob("*.txt"))
    results = ingest_paths(seed_db, files)
    assert [r.status for r in results] == ["added"] * len(files), [r.message for r in results]
    with Store.open(seed_db) as store:
        lavrovs = [p for p in store.rows("people") if "lavrov" in p["name"].lower()]
        assert len(lavrovs) == 1, lavrovs
        lavrov = store.person(lavrovs[0]["id"])
        docs_mentioning = {m["document_id"] for m in lavrov["mentions"]}
        lavrov_docs = {r.document_id for r in results
                       if "lavrov" in store.document(r.document_id)["text"].lower()}
        assert lavrov_docs <= docs_mentioning
        assert len(lavrov["meetings"]) == lavrovs[0]["meetings"] >= 3
        visit = _visit(store)
        assert len(visit) == 1, visit
        assert visit[0]["status"] == "held" and visit[0]["sources"] == 2
        assert visit[0]["place"] == "Minsk"
        event = store.event(visit[0]["id"])
        later = max(event["sources"], key=lambda s: s["date"])
    remove_document(seed_db, later["document_id"])
    with Store.open(seed_db) as store:
        visit = _visit(store)
        assert len(visit) == 1
        assert visit[0]["status"] == "planned" and visit[0]["sources"] == 1
        assert len([p for p in store.rows("people") if "lavrov" in p["name"].lower()]) == 1
