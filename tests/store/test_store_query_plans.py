"""The filters and sorts the tabs use are answered from indexes, not by sorting whole tables
(what keeps the tabs fast with tens of thousands of documents)."""

import pytest

from app.store import Filters, Store
from app.store.where import where_clause

CASES = [
    ("meetings", Filters(date_from="2024-01-01", date_to="2024-12-31"), "date_start"),
    ("meetings", Filters(kind="visit"), "date_start"),
    ("meetings", Filters(category="meeting"), "date_start"),
    ("meetings", None, "status"),
    ("people", None, "mentions"),
    ("people", None, "name"),
    ("people", None, "last_date"),
    ("figures", Filters(category="trade"), "value"),
    ("trade", None, "period"),
    ("trade", None, "value"),
    ("sources", None, "date"),
    ("culture", None, "date_start"),
]


@pytest.mark.parametrize("table,filters,order", CASES)
def test_indexed(seed_db, table, filters, order):
    with Store.open(seed_db) as store:
        where, params = where_clause(table, filters)
        plan = " | ".join(r[3] for r in store.conn.execute(
            f'EXPLAIN QUERY PLAN SELECT * FROM {table}{where} ORDER BY "{order}" LIMIT 100',
            params))
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("table,filters,order", [c for c in CASES if c[1] is None])
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_walk_the_index_from_the_key(seed_db, table, filters, order, descending,
                                                  monkeypatch):
    """The page after a row (table paging under concurrent imports) is a range read of the
    sort column's index, not a sort of every row before the key."""
    with Store.open(seed_db) as store:
        rows = store.rows(table, order_by=order, descending=descending)
        key = rows[len(rows) // 2]
        plans = []
        real = store.conn

        class Spy:
            def execute(self, sql, params=()):
                if sql.startswith("SELECT * FROM") and "ORDER BY" in sql:
                    plans.append(" | ".join(r[3] for r in real.execute(
                        f"EXPLAIN QUERY PLAN {sql}", params)))
                return real.execute(sql, params)

            def __getattr__(self, name):
                return getattr(real, name)

        monkeypatch.setattr(store, "conn", Spy())
        store.rows(table, order_by=order, descending=descending, limit=5, after=key)
    assert plans
    for plan in plans:
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
        assert "MULTI-INDEX OR" not in plan, plan
