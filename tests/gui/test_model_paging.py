"""The table model shows no row twice while another process adds rows between its page reads
(issue 10, item 10: 708 duplicates were seen scrolling during an import)."""

from __future__ import annotations

import hashlib
import sqlite3

from PySide6 import QtCore

from app.gui.models import table_model
from app.gui.models.table_model import StoreTableModel
from app.store import Store


def _add_documents(conn: sqlite3.Connection, dates: list[str]) -> None:
    for date in dates:
        text = f"Release of {date} number {conn.total_changes}"
        conn.execute("INSERT INTO documents (sha256, title, date, path, added, text) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     (hashlib.sha256(text.encode()).hexdigest(), text, date, None,
                      "2026-01-01T00:00:00+00:00", text))
    conn.commit()


def test_scrolling_while_another_connection_imports_shows_no_row_twice(seed_db, monkeypatch,
                                                                      qtbot):
    monkeypatch.setattr(table_model, "PAGE", 4)
    writer = sqlite3.connect(seed_db)
    _add_documents(writer, [f"20{y:02d}-03-01" for y in range(1, 20)])
    store = Store.open(seed_db)
    try:
        model = StoreTableModel(store, "sources")
        model.sort(model.columns.index("date"), QtCore.Qt.SortOrder.DescendingOrder)
        shown = [model.id_at(row) for row in range(4)]
        first_ids = {r["id"] for r in store.rows("sources")}
        for row in range(4, model.rowCount()):
            if row % 4 == 0:  # before each new page: newer releases arrive, sorting first
                _add_documents(writer, [f"2099-0{row // 4}-01"] * 3)
            shown.append(model.id_at(row))
        assert len(shown) == len(set(shown)), "a row was shown twice"
        assert set(shown) <= first_ids | {r["id"] for r in store.rows("sources")}
        # the rows that were there when the view was filled are all shown
        assert set(shown) == first_ids
        model.reload()  # a refresh shows the new rows too
        assert model.rowCount() == len(first_ids) + 3 * (len(first_ids) // 4 - 1)
    finally:
        store.close()
        writer.close()


def test_scrolling_up_from_the_end_while_another_connection_imports(seed_db, monkeypatch,
                                                                    qtbot):
    monkeypatch.setattr(table_model, "PAGE", 4)
    writer = sqlite3.connect(seed_db)
    _add_documents(writer, [f"20{y:02d}-03-01" for y in range(1, 20)])
    store = Store.open(seed_db)
    try:
        model = StoreTableModel(store, "sources")
        model.sort(model.columns.index("date"), QtCore.Qt.SortOrder.DescendingOrder)
        first_ids = {r["id"] for r in store.rows("sources")}
        last = model.rowCount() - 1
        shown = [model.id_at(row) for row in range(last, last - 4, -1)]  # a jump to the end
        for row in range(last - 4, -1, -1):
            if row % 4 == 3:  # before each new page up: newer releases arrive at the top
                _add_documents(writer, [f"2099-{row // 4 + 1:02d}-01"] * 2)
            shown.append(model.id_at(row))
        assert len(shown) == len(set(shown)), "a row was shown twice"
        assert set(shown) == first_ids
    finally:
        store.close()
        writer.close()
