"""The read side's indexes (issue 14): each aggregate, filter and time window reads the same
answer with them as without them (old and new plans compared on the seed, the test corpus and
a generated set), and the reads that used to scan a whole table now seek into them."""

import shutil

import pytest

from app.store import Filters, Store

NEW_INDEXES = ("idx_mentions_doc_fact", "idx_quantities_derived", "idx_quantities_conflict",
               "idx_quantities_formula", "idx_quantities_kind", "idx_quantities_direction",
               "idx_quantities_has_partners")
OPTIONAL = ["derived", "formula", "conflict", "qualifier", "partners", "measure_kind",
            "direction"]


@pytest.fixture(scope="module")
def big_db(generated_db, tmp_path_factory):
    """A copy of the shared generated database (tests/store/conftest.py) for this module."""
    db = tmp_path_factory.mktemp("reads") / "reads.db"
    shutil.copy(generated_db, db)
    return db


def _cases(store):
    years = store.years()
    mid = years[len(years) // 2] if years else 2020
    person = (store.rows("people", order_by="meetings", descending=True, limit=1) or [{}])[0]
    return [None, Filters(text="minister"), Filters(year=mid),
            Filters(date_from=f"{mid}-01-01", date_to=f"{mid + 1}-06-30"),
            Filters(date_from=f"{mid}-03", date_to=None, undated=True),
            Filters(date_from=None, date_to=f"{mid}"),
            Filters(person=person.get("name"), date_from=f"{mid - 2}")]


def _answers(db) -> list:
    out = []
    with Store.open(db) as store:
        out.append(store.columns_in_use("figures", OPTIONAL))
        for f in _cases(store):
            for table in Store.TABLES:
                out += [store.count(table, f), store.rows(table, f, order_by="id"),
                        store.undated_hidden(table, f)]
            out += [store.month_buckets("meetings", f, "kind", "status"),
                    store.month_buckets("culture", f, "kind"),
                    store.kind_counts("culture", f), store.kind_counts("meetings", f),
                    store.year_counts("sources", f, "date"),
                    store.busiest_people(f, 12, 16), store.trade_partners(f),
                    store.trade_view(f)]
    return out


def test_the_reads_answer_the_same_with_and_without_the_new_indexes(big_db, tmp_path,
                                                                     monkeypatch):
    import sqlite3

    bare = tmp_path / "bare.db"
    shutil.copy(big_db, bare)
    with Store.open(bare) as store:   # opened read-write: every index is there
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert set(NEW_INDEXES) <= names
    with_indexes = _answers(bare)
    conn = sqlite3.connect(bare)
    for name in NEW_INDEXES:
        conn.execute(f"DROP INDEX {name}")
    conn.commit()
    conn.close()
    # opening must not put them back (a read-write open ensures the indexes)
    monkeypatch.setattr("app.store.db.ensure_indexes", lambda conn: None)
    without = _answers(bare)
    conn = sqlite3.connect(bare)
    assert not {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} & set(NEW_INDEXES)
    conn.close()
    assert with_indexes == without
    assert with_indexes[0]   # some optional column is used
    assert sum(1 for a in with_indexes if a) > len(with_indexes) // 2   # not all empty


def _plan(store, sql, params=()) -> str:
    return " | ".join(r[3] for r in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize("column", ["derived", "conflict", "formula", "measure_kind",
                                    "direction", "partners"])
def test_whether_a_figure_uses_a_column_is_a_seek(big_db, column):
    with Store.open(big_db) as store:
        plan = _plan(store, f'SELECT EXISTS (SELECT 1 FROM figures WHERE "{column}" IS NOT NULL '
                            f'AND "{column}" != \'\' AND "{column}" != 0)')
    assert "idx_quantities_" in plan and "SCAN quantities USING COVERING INDEX idx_quantities_match" \
        not in plan, plan


def test_the_people_of_a_window_are_read_per_document(big_db):
    from app.store import window

    with Store.open(big_db) as store:
        sql, params = window.people_in(*window.window_bounds("2020", "2021"))
        plan = _plan(store, sql, params)
    assert "idx_mentions_doc_fact" in plan, plan


def test_people_in_a_window_are_those_with_counts_in_it(big_db):
    """rows() and position() of people in a time window test the counts the windowed source
    computed instead of reading the window again: the same rows as window.people_in."""
    from app.store.where import where_clause

    with Store.open(big_db) as store:
        years = store.years()
        mid = years[len(years) // 2]
        cases = [Filters(date_from=f"{mid}-01-01", date_to=f"{mid}-12-31"),
                 Filters(date_from=f"{mid}", undated=True),
                 Filters(date_to=f"{mid - 1}", text="minister"),
                 Filters(date_from=f"{mid - 3}", date_to=f"{mid}", year=mid - 1)]
        for f in cases:
            source, sparams = store.source("people", f)
            where, params = where_clause("people", f)
            old = [dict(zip([d[0] for d in c.description], r, strict=True)) for c in
                   [store.conn.execute(f"SELECT * FROM {source}{where} ORDER BY mentions DESC, "
                                       "id DESC", [*sparams, *params])] for r in c.fetchall()]
            new = store.rows("people", f, order_by="mentions", descending=True)
            assert new == old and new, f
            for i, row in list(enumerate(new))[:: max(1, len(new) // 7)]:
                assert store.position("people", f, "mentions", True, row["id"]) == i
            assert store.count("people", f) == len(new)
