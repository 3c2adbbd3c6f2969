"""The pool of Stores lent to worker threads: reused while the file stays the same, never
shared by two borrowers, never lent after a failure or once the file is replaced."""

import shutil
import sqlite3
import threading

import pytest

from app.store import StorePool


def test_a_returned_store_is_lent_again(seed_db):
    pool = StorePool()
    with pool.lend(seed_db) as first:
        n = first.count("sources")
    with pool.lend(seed_db) as second:
        assert second is first
        assert second.count("sources") == n
    assert pool.idle_count() == 1
    pool.close()
    assert pool.idle_count() == 0


def test_two_borrowers_at_once_get_different_stores(seed_db):
    pool = StorePool(keep=2)
    with pool.lend(seed_db) as a, pool.lend(seed_db) as b:
        assert a is not b
    assert pool.idle_count() == 2
    with pool.lend(seed_db), pool.lend(seed_db), pool.lend(seed_db):
        pass
    assert pool.idle_count() == 2   # no more than `keep` stay open
    pool.close(seed_db)
    assert pool.idle_count() == 0


def test_a_store_is_usable_from_another_thread_and_sees_new_rows(seed_db):
    pool = StorePool()
    with pool.lend(seed_db) as store:
        before = store.count("sources")
    # another connection writes: the pooled one must see it at its next read
    with sqlite3.connect(seed_db) as conn:
        conn.execute("UPDATE documents SET title = 'Renamed by another connection' "
                     "WHERE id = (SELECT min(id) FROM documents)")
    seen = []

    def read():
        with pool.lend(seed_db) as lent:
            seen.append((lent is store, lent.count("sources"),
                         lent.conn.execute("SELECT count(*) FROM documents WHERE title = "
                                           "'Renamed by another connection'").fetchone()[0]))

    t = threading.Thread(target=read)
    t.start()
    t.join()
    assert seen == [(True, before, 1)]
    pool.close()


def test_a_store_that_failed_is_closed_not_lent_again(seed_db):
    pool = StorePool()
    with pytest.raises(RuntimeError), pool.lend(seed_db) as store:
        raise RuntimeError("the read failed")
    assert pool.idle_count() == 0
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("SELECT 1")   # closed
    with pool.lend(seed_db) as other:
        assert other is not store


def test_a_store_left_in_a_transaction_is_closed(seed_db):
    pool = StorePool()
    with pool.lend(seed_db) as store:
        store.conn.execute("BEGIN")
    assert pool.idle_count() == 0


def test_a_replaced_file_gets_a_new_store(seed_db, tmp_path):
    pool = StorePool()
    with pool.lend(seed_db) as old:
        before = old.count("sources")
    # a rebuild or a recovery writes a new file and renames it over the old one
    fresh = tmp_path / "fresh.db"
    shutil.copy(seed_db, fresh)
    conn = sqlite3.connect(fresh)
    with conn:
        conn.execute("DELETE FROM documents WHERE id = (SELECT max(id) FROM documents)")
    conn.close()
    fresh.replace(seed_db)
    with pool.lend(seed_db) as new:
        assert new is not old
        assert new.count("sources") == before - 1
    with pytest.raises(sqlite3.ProgrammingError):
        old.conn.execute("SELECT 1")   # the old file's store is closed on the way
    pool.close()
