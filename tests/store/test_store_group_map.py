"""A text filter's groups from each row's group kept on the connection (group_map.py): exactly
what one GROUP BY over the filter's rows answers, on generated releases plus rows with odd
dates (none, empty, a blob, a number, only a year or month), a word index row without its
table row, filters matching nothing, everything, or set with a window or a kind."""

import sqlite3

import pytest

from app.store import Filters, Store, group_map
from app.store.where import where_clause

EVENTS = [(None, "held", None), ("talks", None, ""), ("talks", "held", "2010"),
          ("talks", "held", "2010-03"), ("talks", "held", "2010-03-04"), (None, None, "2011-01-01"),
          ("visit", "planned", "2011-01-02"), ("visit", "planned", "c. 2012"),
          ("visit", "held", 2012), ("visit", "held", b"2013-01-01")]
CULTURE = [(None, None), ("festival", ""), ("festival", "2010"), ("festival", "2010-03-04"),
           ("concert", 2011), ("concert", b"2012-05"), (None, "2012-05-06")]
DOCS = [None, "", "2010", "2010-03-04", 2011, b"2012-01-01"]


@pytest.fixture(scope="module")
def db(generated_copy):
    path = generated_copy("groupmap")
    with Store.open(path, write=True) as store:
        conn = store.conn
        conn.executemany("INSERT INTO events(kind, status, date_start, summary) "
                         "VALUES (?, ?, ?, 'okapi meeting talks')", EVENTS)
        conn.executemany("INSERT INTO culture_items(summary, summary_key, kind, date_start) "
                         "VALUES ('okapi festival', 'okapi ' || ?, ?, ?)",
                         [(i, k, d) for i, (k, d) in enumerate(CULTURE)])
        conn.executemany("INSERT INTO documents(sha256, path, title, date, added, text) "
                         "VALUES (?, ?, 'okapi visit', ?, '2020-01-01', '')",
                         [(f"okapi{i}", f"/okapi/{i}.txt", d) for i, d in enumerate(DOCS)])
        # a word index row whose table row is gone (the view's id IN drops it)
        conn.execute("INSERT INTO filter_events(rowid, summary) VALUES (999999, 'okapi')")
    return path


def _sql(store, table, filters):
    where, params = where_clause(table, filters)
    glue = " AND " if where else " WHERE "
    if table == "meetings":
        return store.conn.execute(
            f"SELECT substr(date_start, 1, 7), kind, status, COUNT(*), MIN(id) FROM meetings"
            f"{where}{glue}date_start > '' GROUP BY substr(date_start, 1, 7), kind, status "
            "ORDER BY 1, 2, 3", params).fetchall()
    if table == "culture":
        return store.conn.execute(
            f"SELECT substr(date_start, 1, 7), kind, NULL, COUNT(*), MIN(id) FROM culture{where} "
            "GROUP BY substr(date_start, 1, 7), kind ORDER BY 1, 2", params).fetchall()
    return store.conn.execute(f"SELECT substr(date, 1, 4), COUNT(*), MIN(id) FROM sources"
                              f"{where}{glue}date > '' GROUP BY 1 ORDER BY 1", params).fetchall()


TEXTS = ["okapi", "talks", "festival", "visit", "minister", "qqqnomatch", "2010", "a"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("table", ["meetings", "culture", "sources"])
def test_a_text_filters_groups_are_one_group_by_over_its_rows(db, table, text):
    with Store.open(db) as store:
        for columns in (None, ("summary",), ("kind", "date_start", "date")):
            filters = Filters(text=text, columns=columns)
            match = where_match(table, filters)
            if match is not None:
                # the first: counted in SQL (Meetings: from the index by id), then the map
                first = group_map.groups(store.conn, table, match)
                assert first is None or first == _sql(store, table, filters)
                assert group_map.groups(store.conn, table, match) == _sql(store, table, filters)
            # and through the Store's reads, whichever way they answer
            store.kept_counts = False
            old = _reads(store, table, filters)
            store.kept_counts = True
            assert _reads(store, table, filters) == old


def where_match(table, filters):
    from app.store.where import text_match_ids
    return text_match_ids(table, filters)


def _reads(store, table, filters):
    if table == "sources":
        return store.year_counts("sources", filters, "date")
    status = "status" if table == "meetings" else None
    return (store.month_buckets(table, filters, "kind", status), store.kind_counts(table, filters))


def test_only_a_text_filter_is_answered_from_the_map(db):
    from app.store.where import text_match_ids
    assert text_match_ids("meetings", Filters(text="okapi")) is not None
    for other in (dict(date_from="2010"), dict(date_to="2012"), dict(kind="talks"),
                  dict(year=2010), dict(person="Smith"), dict(place="Rome"),
                  dict(category="x"), dict(ids=[]), dict(ids=[1])):
        assert text_match_ids("meetings", Filters(text="okapi", **other)) is None
    assert text_match_ids("meetings", Filters(text="%")) is None   # no words: a LIKE scan
    assert text_match_ids("meetings", Filters(text="okapi", columns=("id",))) is None
    assert text_match_ids("meetings", Filters()) is None


def test_the_map_is_kept_while_the_data_stays_and_rebuilt_after_a_change(db, tmp_path, monkeypatch):
    import shutil
    path = tmp_path / "m.db"
    shutil.copy(db, path)
    built = []
    real = group_map._build
    monkeypatch.setattr(group_map, "_build", lambda *a: built.append(a[1]) or real(*a))
    okapi = Filters(text="okapi")
    with Store.open(path, write=True) as store:
        first = store.month_buckets("meetings", okapi, "kind", "status")
        assert built == []   # one filter: counted in SQL
        for text in ("talks", "okapi", "meeting"):
            store.month_buckets("meetings", Filters(text=text), "kind", "status")
        assert built == ["meetings"]   # at the second, and kept for the third
        store.conn.execute("INSERT INTO events(kind, status, date_start, summary) "
                           "VALUES ('talks', 'held', '2010-03-09', 'okapi')")
        after = store.month_buckets("meetings", okapi, "kind", "status")
        assert built == ["meetings"]   # the first filter on the new data: SQL again
        assert store.month_buckets("meetings", okapi, "kind", "status") == after
        assert built == ["meetings", "meetings"]
        assert after != first
        assert [tuple(vars(b).values()) for b in after] == _sql(store, "meetings", okapi)
        # a filter matching a large share: SQL would walk the whole month index, as the
        # map's build does, so the map is built at the first filter
        store.conn.execute("DELETE FROM events WHERE summary = 'okapi'")
        held = Filters(text="held")
        assert store._walks("meetings", held)
        got = store.month_buckets("meetings", held, "kind", "status")
        assert built == ["meetings"] * 3
        assert [tuple(vars(b).values()) for b in got] == _sql(store, "meetings", held)


def test_without_numpy_or_with_negative_ids_sql_counts(db, tmp_path, monkeypatch):
    import shutil
    path = tmp_path / "n.db"
    shutil.copy(db, path)
    okapi = Filters(text="okapi")
    with Store.open(path, write=True) as store:
        match = where_match("meetings", okapi)
        group_map.groups(store.conn, "meetings", match)
        monkeypatch.setattr(group_map, "_numpy", lambda: None)
        assert group_map.groups(store.conn, "meetings", match) is None
        without = store.month_buckets("meetings", okapi, "kind", "status")
        monkeypatch.undo()
        assert store.month_buckets("meetings", okapi, "kind", "status") == without
        store.conn.execute("INSERT INTO events(id, kind, date_start, summary) "
                           "VALUES (-5, 'talks', '2010-01-01', 'okapi')")
        group_map.groups(store.conn, "meetings", match)
        assert group_map.groups(store.conn, "meetings", match) is None
        store.conn.execute("DELETE FROM events WHERE id = -5")
        store.conn.execute("INSERT INTO events(id, kind, date_start, summary) "
                           "VALUES (?, 'talks', '2010-01-01', 'okapi')", [group_map.MAX_ID + 1])
        group_map.groups(store.conn, "meetings", match)
        assert group_map.groups(store.conn, "meetings", match) is None   # no 80 MB array
        assert [tuple(vars(b).values()) for b in store.month_buckets(
            "meetings", okapi, "kind", "status")] == _sql(store, "meetings", okapi)


def test_a_first_filters_meetings_are_looked_up_in_the_index_by_id_not_the_table(db, tmp_path):
    import shutil
    path = tmp_path / "i.db"
    shutil.copy(db, path)
    talks = Filters(text="okapi")   # a small share: not walked
    with Store.open(path, write=True) as store:
        read = []
        store.conn.set_trace_callback(read.append)
        got = store.month_buckets("meetings", talks, "kind", "status")
        store.conn.set_trace_callback(None)
        grouped = [s for s in read if "GROUP BY" in s]
        assert len(grouped) == 1 and "INDEXED BY idx_events_groups" in grouped[0]
        plan = " ".join(r[-1] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {grouped[0]}"))
        assert "COVERING INDEX idx_events_groups" in plan
        assert [tuple(vars(b).values()) for b in got] == _sql(store, "meetings", talks)
        # a database without the index (read where it cannot be added): the view's rows
        store.conn.execute("DROP INDEX idx_events_groups")
        plain = sqlite3.connect(path)   # keeps no map: each call is a first filter
        assert group_map.groups(plain, "meetings", where_match("meetings", talks)) is None
        plain.close()


def test_without_the_index_by_id_a_first_filter_reads_the_rows(db, monkeypatch):
    okapi = Filters(text="okapi")
    monkeypatch.setattr(group_map, "BY_ID", {"meetings": "idx_no_such_index"})
    with Store.open(db) as store:
        got = store.month_buckets("meetings", okapi, "kind", "status")
        assert [tuple(vars(b).values()) for b in got] == _sql(store, "meetings", okapi)
