"""Keyset paging (Store.rows(after=row)) gives exactly the rows of OFFSET paging on a still
database, for every table, column and direction, NULLs and ties included (issue 10, item 10)."""

from __future__ import annotations

import pytest

from app.store import Filters, Store


@pytest.mark.parametrize("table", Store.TABLES)
def test_keyset_pages_equal_the_whole_order(seed_db, table):
    with Store.open(seed_db) as store:
        for column in store.columns(table):
            for descending in (False, True):
                for filters in (None, Filters(text="Minsk")):
                    whole = store.rows(table, filters, order_by=column, descending=descending)
                    pages, after = [], None
                    while True:
                        page = store.rows(table, filters, order_by=column,
                                          descending=descending, limit=3, after=after)
                        pages += page
                        if len(page) < 3:
                            break
                        after = page[-1]
                    assert [r["id"] for r in pages] == [r["id"] for r in whole], \
                        (table, column, descending, filters)


@pytest.mark.parametrize("table", ["meetings", "figures", "people"])
def test_backward_keyset_pages_equal_the_whole_order(seed_db, table):
    with Store.open(seed_db) as store:
        for column in store.columns(table):
            for descending in (False, True):
                whole = store.rows(table, order_by=column, descending=descending)
                pages = whole[-3:]
                while True:
                    page = store.rows(table, order_by=column, descending=descending, limit=3,
                                      before=pages[0])
                    pages = page + pages
                    if len(page) < 3:
                        break
                assert [r["id"] for r in pages] == [r["id"] for r in whole], \
                    (table, column, descending)
