"""The People tab's busiest people and contact network (store/contacts.py) answer exactly
what the plain self-join of the participations answers: without a window, in aligned and
unaligned windows, from the people's side and from the window's, with the table's text
filter (matching or not), on a database with undated meetings, meetings across the
window's edges, coarse dates and a participation named by two documents."""

import shutil
from dataclasses import astuple
from functools import partial

import pytest

from app.store import Filters, Store, contacts, counts_pairs, counts_people, reads_people, window


@pytest.fixture(scope="module")
def db(generated_copy):
    path = generated_copy("contacts")
    with Store.open(path, write=True) as store:
        conn = store.conn
        busy = [p for p, in conn.execute("SELECT person_id FROM event_participants "
                                         "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 6")]
        events = [e for e, in conn.execute(
            f"SELECT DISTINCT event_id FROM event_participants WHERE person_id IN "
            f"({', '.join(map(str, busy))}) ORDER BY 1")]
        mid = store.years()[len(store.years()) // 2]
        edits = [(f"{mid - 1}-12-30", f"{mid}-01-02"), (f"{mid - 5}-05-01", f"{mid + 9}-01-01"),
                 (None, None), ("", None), (f"{mid}", None), (f"{mid}-07", f"{mid + 1}-01"),
                 (f"{mid + 1}-12-31", None), ("undated", None)]
        for i, eid in enumerate(events[::3]):
            start, end = edits[i % len(edits)]
            conn.execute("UPDATE events SET date_start = ?, date_end = ? WHERE id = ?",
                         (start, end, eid))
        # the same meeting and person named by a second document: counted once
        eid, pid, doc = conn.execute("SELECT event_id, person_id, document_id FROM "
                                     "event_participants WHERE person_id = ?", (busy[0],)
                                     ).fetchone()
        other = conn.execute("SELECT id FROM documents WHERE id != ? LIMIT 1", (doc,)).fetchone()[0]
        conn.execute("INSERT INTO event_participants(event_id, person_id, document_id) "
                     "VALUES (?, ?, ?)", (eid, pid, other))
    return path


def _reference(conn, people, cond="1", params=()):
    """The plain read: every two of these people joined on their meetings."""
    marks = ", ".join("?" for _ in people) or "NULL"
    rows = conn.execute(
        "SELECT a.person_id, b.person_id, COUNT(DISTINCT a.event_id) FROM event_participants a "
        "JOIN event_participants b ON b.event_id = a.event_id AND b.person_id > a.person_id "
        f"JOIN events ON events.id = a.event_id WHERE {cond} AND a.person_id IN ({marks}) "
        f"AND b.person_id IN ({marks}) GROUP BY 1, 2", [*params, *people, *people]).fetchall()
    return [tuple(r) for r in sorted(rows, key=lambda r: (-r[2], r[0], r[1]))]


def _busiest_reference(conn, cond, params, among, limit):
    rows = conn.execute(
        "SELECT ep.person_id, COUNT(DISTINCT ep.event_id) FROM event_participants ep JOIN "
        f"events ON events.id = ep.event_id WHERE {cond} GROUP BY 1", params).fetchall()
    rows = [r for r in rows if among is None or r[0] in among]
    return sorted(rows, key=lambda r: (-r[1], r[0]))[:limit]


def _windows(store):
    mid = store.years()[len(store.years()) // 2]
    return [(f"{mid}", f"{mid + 1}"), (f"{mid}-03", f"{mid}-03"), (f"{mid - 3}-01-01", f"{mid}-06-31"),
            (None, f"{mid}"), (f"{mid}-07", None), (f"{mid}-03-15", f"{mid + 1}-04-02"),
            ("1900", "1901")]


def _texts():
    return [None, "minister", "zzqqxxnomatch"]


def _among(store, text):
    if text is None:
        return None
    return {r["id"] for r in store.rows("people", Filters(text=text), limit=None)}


def _cases(store):
    """(filters, the window's condition on events and its parameters, the text filter's
    people) for each window and text."""
    for lo, hi in _windows(store):
        cond, params = window.overlap("meetings", *window.window_bounds(lo, hi))
        cond = cond.replace("date_start", "events.date_start").replace(
            "date_end", "events.date_end")
        for text in _texts():
            yield Filters(date_from=lo, date_to=hi), cond, params, _among(store, text)


def _contacts(result):
    return [(c.a, c.b, c.meetings) for c in result.contacts]


def _unkept(monkeypatch):
    """As on a database without the kept pairs (read-only or unchecked, made before them)."""
    monkeypatch.setattr(counts_pairs, "pair_counts", lambda *_a, **_k: None)


# the kept pairs; without them the window's side, the people's side
@pytest.mark.parametrize("side", [None, 0, 10 ** 9])
def test_busiest_in_a_window_is_the_plain_read(db, side, monkeypatch):
    if side is not None:
        _unkept(monkeypatch)
        monkeypatch.setattr(reads_people, "PEOPLE_SIDE", side)
    with Store.open(db) as store:
        seen = 0
        for f, cond, params, among in _cases(store):
            got = store.busiest_people(f, 12, 8, among)
            top = _busiest_reference(store.conn, cond, params, among, 12)
            assert [(p.person_id, p.meetings) for p in got.people] == top
            assert _contacts(got) == _reference(store.conn, [p for p, _n in top[:8]],
                                                cond, params)
            seen += len(got.contacts)
        assert seen > 20


@pytest.mark.parametrize("step", [1, 3])
def test_busiest_in_a_window_counted_a_few_at_a_time_is_the_plain_read(db, step, monkeypatch):
    """The window's busiest are counted in the order of their meetings in all, a few people
    at a time, until nobody left could place: the same people and counts (ties by id) as
    counting everyone, whatever the step."""
    monkeypatch.setattr(reads_people, "BOUND_STEP", step)
    with Store.open(db) as store:
        for f, cond, params, among in _cases(store):
            for limit in (1, 5, 12):
                got = store.busiest_people(f, limit, 0, among)
                assert [(p.person_id, p.meetings) for p in got.people] == \
                    _busiest_reference(store.conn, cond, params, among, limit)


def test_the_busiest_in_a_window_are_not_read_from_everyone(db):
    """In a window the busiest are counted from the kept rows of the people who could place
    (those with most meetings in all first), not from the window's rows of everyone."""
    with Store.open(db) as store:
        mid = store.years()[len(store.years()) // 2]
        store.busiest_people(Filters(), 16, 16)
        seen = []
        store.conn.set_trace_callback(seen.append)
        got = store.busiest_people(Filters(date_from=f"{mid}", date_to=f"{mid + 1}"), 16, 16)
        store.conn.set_trace_callback(None)
        assert got.people and got.contacts
        assert not [s for s in seen if "INDEXED BY kept_person_months_window" in s]
        assert [s for s in seen if "person_id IN" in s]


@pytest.mark.parametrize("kept", [True, False])
def test_busiest_without_a_window_is_the_plain_read(db, kept, monkeypatch):
    if not kept:
        _unkept(monkeypatch)
    with Store.open(db) as store:
        for text in _texts():
            among = _among(store, text)
            got = store.busiest_people(Filters(), 16, 16, among)
            top = _busiest_reference(store.conn, "events.date_start > ''", (), among, 16)
            assert [(p.person_id, p.meetings) for p in got.people] == top
            # the network counts their meetings dated or not
            assert _contacts(got) == _reference(store.conn, [p for p, _n in top])
            assert got.contacts or text == "zzqqxxnomatch"


def test_both_sides_of_a_window_agree(db):
    with Store.open(db) as store:
        conn = store.conn
        people = [p for p, in conn.execute("SELECT person_id FROM event_participants GROUP BY 1 "
                                           "ORDER BY count(*) DESC, 1 LIMIT 10")]
        for lo, hi in _windows(store):
            bounds = window.window_bounds(lo, hi)
            cond, params = window.overlap("meetings", *bounds)
            want = _reference(conn, people, cond, params)
            firsts = [""]
            if counts_people.aligned(*bounds):
                kcond, kparams = counts_people.in_window(*bounds)
                firsts.append(conn.execute(f"SELECT min(skey) FROM {counts_people.TABLE} WHERE "
                                           f"what = 'e' AND {kcond}", kparams).fetchone()[0])
            for first in firsts:
                if first is None:   # no meeting in the window: nothing to read
                    assert want == []
                    continue
                # in_window looks the shared meetings up by id (rows unknown, or few shared
                # meetings for the window's participations) or reads the date index
                for side in (contacts.in_window, partial(contacts.in_window, rows=0),
                             partial(contacts.in_window, rows=10 ** 9), contacts.window_first):
                    assert [astuple(c) for c in side(conn, people, *bounds, first)] == want
        assert contacts.in_window(conn, [], None, "2020", "") == []
        assert contacts.all_meetings(conn, people[:1]) == []


@pytest.mark.parametrize("kept", [True, False])
def test_the_network_does_not_join_the_participations_to_themselves(db, kept, monkeypatch):
    # the self-join looks up every meeting's other participants: ~650 ms at 44,855 releases
    if not kept:
        _unkept(monkeypatch)
    with Store.open(db) as store:
        seen = []
        store.conn.set_trace_callback(seen.append)
        mid = store.years()[len(store.years()) // 2]
        store.busiest_people(Filters(), 16, 16)
        store.busiest_people(Filters(date_from=f"{mid}", date_to=f"{mid + 1}"), 16, 16)
        store.conn.set_trace_callback(None)
        assert seen and not [s for s in seen if s.count("event_participants") > 1]


def test_kept_meeting_sets_follow_writes(db, tmp_path):
    """The sets kept on a connection are read again once the database changes, whether this
    connection or another wrote it."""
    import sqlite3

    path = tmp_path / "kept.db"
    shutil.copy(db, path)
    with Store.open(path, write=True) as store:
        conn = store.conn
        pid, eid = conn.execute("SELECT person_id, min(event_id) FROM event_participants "
                                "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
        kept = contacts.meeting_ids(conn, [pid])[pid]
        assert contacts.meeting_ids(conn, [pid])[pid] is kept   # kept, not read again
        first = set(kept.tolist())
        conn.execute("DELETE FROM event_participants WHERE person_id = ? AND event_id = ?",
                     (pid, eid))
        assert set(contacts.meeting_ids(conn, [pid])[pid].tolist()) == first - {eid}
        other = sqlite3.connect(path)
        with other:
            other.execute("INSERT INTO event_participants(event_id, person_id, document_id) "
                          "SELECT ?, ?, min(id) FROM documents", (eid, pid))
        other.close()
        assert set(contacts.meeting_ids(conn, [pid])[pid].tolist()) == first


def test_many_people_and_odd_lists_are_the_plain_read(db):
    """Past 64 people the masks are Python ints; a person named twice, one in no meeting and
    a meeting listed twice for one person (two documents) change nothing."""
    with Store.open(db) as store:
        conn = store.conn
        people = [p for p, in conn.execute("SELECT person_id FROM event_participants GROUP BY 1 "
                                           "ORDER BY count(*) DESC, 1 LIMIT 70")]
        assert len(people) == 70
        want = _reference(conn, people)
        assert [astuple(c) for c in contacts.all_meetings(conn, people)] == want
        assert [astuple(c) for c in contacts.all_meetings(conn, people[:64])] == \
            _reference(conn, people[:64])
        nobody = conn.execute("SELECT max(id) + 1 FROM persons").fetchone()[0]
        assert [astuple(c) for c in contacts.all_meetings(
            conn, [*people[:5], nobody, people[0]])] == _reference(conn, people[:5])
        assert contacts.all_meetings(conn, [nobody]) == []
        mid = store.years()[len(store.years()) // 2]
        bounds = window.window_bounds(f"{mid}", f"{mid + 1}")
        cond, params = window.overlap("meetings", *bounds)
        want = _reference(conn, people, cond, params)
        assert [astuple(c) for c in contacts.in_window(conn, people, *bounds, "")] == want
        # the date index's first key asked for only when read, from a function
        asked = []
        assert [astuple(c) for c in contacts.in_window(
            conn, people, *bounds, lambda: asked.append(1) or "", rows=0)] == want
        assert asked == [1]
        assert [astuple(c) for c in contacts.in_window(
            conn, people, *bounds, lambda: asked.append(2))] == want and \
            asked == [1]
        assert contacts.in_window(conn, people, *bounds, lambda: None, rows=0) == []


@pytest.mark.parametrize("kept", [True, False])
def test_importing_the_store_does_not_load_numpy(db, kept):
    # the network's numpy is loaded by its first read without the kept pairs (with them it
    # is not used), not at start-up or by the CLI, and the read does not load numpy.ma
    # (~18 ms: np.isin and np.unique load it)
    import subprocess
    import sys

    code = ("import sys\nfrom app.store import Store, Filters, counts_pairs\n"
            "if sys.argv[2] == 'no':\n"
            "    counts_pairs.pair_counts = lambda *a, **k: None\n"
            "with Store.open(sys.argv[1]) as s:\n"
            "    s.count('people')\n    print('numpy' in sys.modules)\n"
            "    y = s.years()[len(s.years()) // 2]\n"
            "    for f in (Filters(), Filters(date_from=f'{y}', date_to=f'{y + 1}')):\n"
            "        assert s.busiest_people(f, 16, 16).contacts\n"
            "print('numpy' in sys.modules, 'numpy.ma' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(db), "yes" if kept else "no"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["False", str(not kept), "False"]


def test_the_network_reads_the_kept_pairs(db, tmp_path):
    """With the kept pairs the network reads them, not any person's meetings: a kept count
    changed behind the store's back shows in it, with or without a window."""
    path = tmp_path / "pairs.db"
    shutil.copy(db, path)
    with Store.open(path) as store:
        conn = store.conn
        mid = store.years()[len(store.years()) // 2]
        filters = [Filters(), Filters(date_from=f"{mid}", date_to=f"{mid + 1}")]
        seen = []
        conn.set_trace_callback(seen.append)
        before = [_contacts(store.busiest_people(f, 16, 16)) for f in filters]
        conn.set_trace_callback(None)
        assert all(before) and not [s for s in seen if "group_concat" in s]
        conn.execute(f"UPDATE {counts_pairs.TABLE} SET n = n + 1000")
        after = [_contacts(store.busiest_people(f, 16, 16)) for f in filters]
        assert all(c[0][2] >= 1000 for c in after)


def test_undated_people_are_counted_once_while_the_database_stays_the_same(db, tmp_path):
    """The people a window hides as undated do not depend on the window: counted once per
    connection, and again after any write (of this connection or another)."""
    import sqlite3

    path = tmp_path / "undated.db"
    shutil.copy(db, path)
    with Store.open(path, write=True) as store:
        conn = store.conn
        mid = store.years()[len(store.years()) // 2]
        windows = [Filters(date_from=f"{mid}", date_to=f"{mid}"),
                   Filters(date_from=f"{mid - 2}-03-05", date_to=f"{mid + 1}")]

        def plain():
            return conn.execute(f"SELECT count(*) FROM people WHERE "
                                f"{window.undated('people')}").fetchone()[0]

        seen = []
        conn.set_trace_callback(seen.append)
        first = [store.undated_hidden("people", f) for f in windows]
        conn.set_trace_callback(None)
        assert first == [plain()] * 2
        assert len([s for s in seen if "NOT EXISTS" in s]) == 1
        conn.execute("INSERT INTO persons(name, name_key) VALUES ('Nobody Dated', 'nobody')")
        assert store.undated_hidden("people", windows[0]) == first[0] + 1 == plain()
        other = sqlite3.connect(path)
        with other:
            other.execute("INSERT INTO persons(name, name_key) VALUES ('No One', 'no one')")
        other.close()
        assert store.undated_hidden("people", windows[1]) == first[0] + 2 == plain()
        assert store.undated_hidden("people", Filters(**windows[0].to_dict(), undated=True)) == 0


def test_the_busiest_kept_on_the_connection_follow_writes(db, tmp_path):
    """Without a window the dated meeting counts are kept on the connection: read again
    after a write by this connection or another, and the same under each text filter."""
    import sqlite3

    path = tmp_path / "busiest.db"
    shutil.copy(db, path)
    with Store.open(path, write=True) as store:
        conn = store.conn

        def check():
            everyone = None
            for text in _texts():
                among = _among(store, text)
                got = store.busiest_people(Filters(), 16, 8, among)
                want = _busiest_reference(conn, "events.date_start > ''", (), among, 16)
                assert [(p.person_id, p.meetings) for p in got.people] == want
                assert _contacts(got) == _reference(conn, [p for p, _n in want[:8]])
                everyone = want if text is None else everyone
            return everyone

        top = check()
        first, n = top[0]
        seen = []
        conn.set_trace_callback(seen.append)
        check()
        conn.set_trace_callback(None)
        assert not [s for s in seen if "meeting_count" in s]   # kept, not read again
        conn.execute("UPDATE events SET date_start = NULL WHERE id IN (SELECT event_id FROM "
                     "event_participants WHERE person_id = ? ORDER BY event_id LIMIT 3)",
                     (first,))
        assert dict(check())[first] < n
        other = sqlite3.connect(path)
        with other:
            other.execute("UPDATE events SET date_start = '2001-02-03' WHERE date_start IS NULL")
        other.close()
        assert dict(check()).get(first, 0) >= n
