"""Counts kept, not recomputed (issue 14, deliverable 4): meetings and cultural items per
month, kind and status are kept by triggers (app/store/counts.py). Every read that uses
them answers exactly what the recount from the fact tables answers, on the seed, the test
corpus and generated releases, and still after a removal, a re-extraction and a new date."""

import shutil
import sqlite3

import pytest

from app.store import Store
from app.store import counts as kept


@pytest.fixture(scope="module")
def big_db(generated_db, tmp_path_factory):
    """A copy of the shared generated database (tests/store/conftest.py) for this module."""
    db = tmp_path_factory.mktemp("kept") / "kept.db"
    shutil.copy(generated_db, db)
    return db


@pytest.fixture
def db(big_db, tmp_path):
    path = tmp_path / "k.db"
    shutil.copy(big_db, path)
    return path


def _reads(store: Store) -> list:
    return [store.month_buckets("meetings", None, "kind", "status"),
            store.month_buckets("culture", None, "kind"),
            store.kind_counts("meetings", None), store.kind_counts("culture", None)]


def _same_as_recount(path) -> None:
    with Store.open(path) as store:
        assert store.count("meetings") > 20 and store.count("culture") > 0
        for view in kept.KEPT:
            assert kept.groups(store.conn, view) == kept.groups(store.conn, view, recount=True)
        fast = _reads(store)
        store.kept_counts = False
        assert fast == _reads(store)
        assert fast[0] and fast[2]


def test_kept_counts_equal_the_recount(db):
    _same_as_recount(db)


def test_reads_read_the_kept_counts(db):
    # a kept count changed behind the store's back shows: the read reads counts, not rows
    with Store.open(db) as store:
        before = store.kind_counts("meetings", None)
        store.conn.execute(f"UPDATE {kept.TABLE} SET n = n + 1000 WHERE tbl = 'meetings'")
        after = store.kind_counts("meetings", None)
        assert [c.count for c in after] != [c.count for c in before]
        assert sum(b.count for b in store.month_buckets("meetings", None, "kind", "status")) \
            >= 1000


def _with_meetings(store: Store) -> list[int]:
    return [r[0] for r in store.conn.execute(
        "SELECT document_id FROM event_sources GROUP BY document_id "
        "ORDER BY count(*) DESC, document_id LIMIT 3")]


def test_still_equal_after_removal_reextraction_and_new_date(db):
    with Store.open(db, write=True) as store:
        docs = _with_meetings(store)
        store.remove_document(docs[0])
    _same_as_recount(db)
    with Store.open(db, write=True) as store:
        store.set_document_date(docs[1], "2003-02-11")
        store.set_document_date(docs[2], None)
    _same_as_recount(db)
    with Store.open(db, write=True) as store:
        # a re-extraction that changes facts: the stored events are cleared first
        store.conn.execute("UPDATE events SET kind = 'other-kind', status = NULL "
                           "WHERE id % 3 = 0")
        store.conn.execute("UPDATE events SET date_start = NULL WHERE id % 5 = 0")
        store.conn.execute("UPDATE culture_items SET date_start = '1999' WHERE id % 2 = 0")
    _same_as_recount(db)
    with Store.open(db, write=True) as store:
        assert store.rebuild() > 0
    _same_as_recount(db)


def test_an_older_database_gains_them_on_opening(db):
    conn = sqlite3.connect(db)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'kept%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(f"DROP TABLE {kept.TABLE}")
    conn.commit()
    conn.close()
    # read unchecked (read-only, nothing made): the reads recount
    with Store.open(db, check=False) as store:
        if kept.missing(store.conn):
            answers = _reads(store)
            store.kept_counts = False
            assert answers == _reads(store)
    with Store.open(db) as store:
        assert not kept.missing(store.conn)
    _same_as_recount(db)


def _windows(store: Store):
    years = store.years()
    mid = years[len(years) // 2] if years else 2020
    from app.store import Filters
    return [Filters(date_from=f"{mid}", date_to=f"{mid + 1}"),
            Filters(date_from=f"{mid}-03", date_to=f"{mid}-03"),
            Filters(date_from=f"{mid - 3}-01-01", date_to=f"{mid}-06-31"),
            Filters(date_from=None, date_to=f"{mid}"), Filters(date_from=f"{mid}-07"),
            Filters(date_from=f"{mid}", date_to=f"{mid + 2}", undated=True),
            Filters(date_from=f"{mid}", date_to=f"{mid + 2}", text="minister"),
            Filters(date_from=f"{mid}-03-15", date_to=f"{mid}-04-02")]   # not aligned


def _people_reads(store: Store) -> list:
    out = []
    for f in _windows(store):
        rows = store.rows("people", f, order_by="meetings", descending=True)
        out += [store.count("people", f), rows,
                store.rows("people", f, order_by="mentions", limit=10, offset=3)]
        if rows:
            out.append(store.position("people", f, "meetings", True, rows[len(rows) // 2]["id"]))
        among = {r["id"] for r in rows[::2]}
        out += [store.busiest_people(f, 8, 8), store.busiest_people(f, 12, 4, among),
                store.busiest_people(f, 14, 0),
                store.dated_meetings_per_person(f)]
    return out


def _people_same_as_recount(path) -> None:
    with Store.open(path) as store:
        conn = store.conn
        kept_rows = sorted(conn.execute(
            "SELECT what, person_id, skey, ekey, n FROM kept_person_months").fetchall())
        recount = sorted(r for s in kept.counts_people.recount_sql() for r in conn.execute(s))
        assert kept_rows == recount
        pairs = sorted(conn.execute(f"SELECT * FROM {kept.counts_pairs.TABLE}").fetchall())
        assert pairs == sorted(conn.execute(kept.counts_pairs.recount_sql()).fetchall())
        assert pairs and all(n > 0 for *_k, n in pairs)
        windows = _windows(store)
        assert store._kept_people(windows[0]) is not None    # read from the kept counts
        assert store._kept_people(windows[-1]) is None       # a window they cannot answer
        fast = _people_reads(store)
        store.kept_counts = False
        assert fast == _people_reads(store)
        assert any(fast[0::3])


def test_people_in_a_window_equal_the_recount(db):
    _people_same_as_recount(db)
    with Store.open(db, write=True) as store:
        docs = _with_meetings(store)
        store.remove_document(docs[0])
        store.set_document_date(docs[1], "2003-02-11")
        store.set_document_date(docs[2], None)
    _people_same_as_recount(db)
    with Store.open(db, write=True) as store:
        store.conn.execute("UPDATE events SET date_end = '2031-02-03' WHERE id % 4 = 0")
        store.conn.execute("UPDATE events SET date_start = NULL WHERE id % 5 = 0")
        store.conn.execute("UPDATE documents SET date = '2002' WHERE id % 3 = 0")
        store.conn.execute("DELETE FROM events WHERE id % 7 = 0")
        store.conn.execute("DELETE FROM mentions WHERE fact_type = 'person' AND id % 11 = 0")
        # participations named by a second document, then removed with it or alone
        store.conn.execute("INSERT OR IGNORE INTO event_participants(event_id, person_id, "
                           "document_id) SELECT event_id, person_id, (SELECT max(id) FROM "
                           "documents) FROM event_participants WHERE id % 6 = 0 AND "
                           "document_id != (SELECT max(id) FROM documents)")
        store.conn.execute("DELETE FROM event_participants WHERE id % 9 = 0")
        store.conn.execute("DELETE FROM persons WHERE id % 13 = 0")
    _people_same_as_recount(db)
    with Store.open(db, write=True) as store:
        store.remove_document(store.conn.execute("SELECT max(id) FROM documents").fetchone()[0])
    _people_same_as_recount(db)
    with Store.open(db, write=True) as store:
        assert store.rebuild() > 0
    _people_same_as_recount(db)
