"""Trade figures per partner pair kept by triggers (app/store/counts_trade.py): the pair
chooser's list read from them is the list counted from the figures, on generated releases
and still after a removal, changed figures and a rebuild; an older database gains them."""

import shutil
import sqlite3

import pytest

from app.store import Filters, Store, counts_trade
from app.store import counts as kept


@pytest.fixture
def db(generated_db, tmp_path):
    path = tmp_path / "p.db"
    shutil.copy(generated_db, path)
    return path


def _same_as_recount(path, monkeypatch) -> None:
    with Store.open(path) as store:
        rows = sorted(store.conn.execute(f"SELECT partners, n FROM {counts_trade.TABLE}"))
        assert rows == sorted(store.conn.execute(counts_trade.recount_sql()))
        fast = store.trade_partners()
        with monkeypatch.context() as m:
            m.setattr(counts_trade, "pairs", lambda conn: None)
            assert fast == store.trade_partners()
        assert len(fast) > 3


def test_kept_pairs_equal_the_recount_after_changes(db, monkeypatch):
    _same_as_recount(db, monkeypatch)
    with Store.open(db, write=True) as store:
        doc = store.conn.execute("SELECT document_id FROM quantity_sources GROUP BY document_id "
                                 "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        store.remove_document(doc)
    _same_as_recount(db, monkeypatch)
    with Store.open(db, write=True) as store:
        c = store.conn
        c.execute("UPDATE quantities SET partners = NULL WHERE id % 3 = 0")
        c.execute("UPDATE quantities SET partners = '' WHERE id % 11 = 0")
        c.execute("UPDATE quantities SET category = 'other' WHERE id % 5 = 0")
        c.execute("UPDATE quantities SET category = 'trade', partners = 'A–B' WHERE id % 7 = 0")
        c.execute("UPDATE quantities SET category = NULL WHERE id % 17 = 0")
        c.execute("DELETE FROM quantities WHERE id % 13 = 0")
    _same_as_recount(db, monkeypatch)
    with Store.open(db, write=True) as store:
        assert store.rebuild() > 0
    _same_as_recount(db, monkeypatch)


def test_the_chooser_reads_the_kept_pairs(db):
    with Store.open(db) as store:
        top = store.trade_partners()[0]
        store.conn.execute(f"UPDATE {counts_trade.TABLE} SET n = n + 1000 WHERE partners = ?",
                           (top.partners,))
        assert store.trade_partners()[0].figures == top.figures + 1000
        # under a filter the figures are counted
        window = Filters(date_from="2010", date_to="2015")
        assert sum(p.figures for p in store.trade_partners(window)) == store.count("trade", window)


def test_an_older_database_gains_them_on_opening(db, monkeypatch):
    conn = sqlite3.connect(db)
    conn.execute(f"DROP TABLE {counts_trade.TABLE}")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                f"name LIKE '{counts_trade.TABLE}%'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.commit()
    conn.close()
    with Store.open(db, check=False) as store:   # read unchecked: the pairs are counted
        assert kept.missing(store.conn) and counts_trade.pairs(store.conn) is None
        assert store.trade_partners()
    _same_as_recount(db, monkeypatch)


def test_a_missing_part_is_made_alone(db, monkeypatch):
    """An older database lacking only the trade pairs gains them without the other kept
    tables being made and filled again (at 50,000 releases all of them take ~20 s)."""
    conn = sqlite3.connect(db)
    conn.execute(f"DROP TABLE {counts_trade.TABLE}")
    # a mark in another kept table: a remake of every part would count it afresh
    conn.execute(f"UPDATE {kept.TABLE} SET n = n + 1000 WHERE rowid = (SELECT min(rowid) "
                 f"FROM {kept.TABLE})")
    marked = conn.execute(f"SELECT n FROM {kept.TABLE} ORDER BY rowid LIMIT 1").fetchone()[0]
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert not kept.missing(store.conn)
        assert store.conn.execute(
            f"SELECT n FROM {kept.TABLE} ORDER BY rowid LIMIT 1").fetchone()[0] == marked
    _same_as_recount(db, monkeypatch)
