"""The table model reads only the pages a view needs (the app must open 50,000 documents)."""

from PySide6 import QtCore, QtWidgets

from app.gui.models.table_model import PAGE, StoreTableModel


class BigStore:
    """Stand-in store with 50,000 rows that counts the rows it is asked for."""

    def __init__(self, n=50_000):
        self.n = n
        self.rows_read = 0
        self.calls = []

    def columns(self, table):
        return ["id", "title", "date"]

    def count(self, table, filters=None):
        return self.n

    def rows(self, table, filters=None, order_by=None, descending=False, limit=None, offset=0,
             after=None, before=None):
        self.calls.append((order_by, descending, limit, offset))
        ids = range(self.n, 0, -1) if descending else range(1, self.n + 1)
        if after is not None:
            offset = list(ids).index(after["id"]) + 1
        elif before is not None:
            offset = max(0, list(ids).index(before["id"]) - (limit or self.n))
        chosen = list(ids)[offset: offset + (limit or self.n)]
        self.rows_read += len(chosen)
        return [{"id": i, "title": f"Release {i}", "date": "2024-01-01"} for i in chosen]


def test_view_of_50000_rows_reads_only_visible_pages(qtbot):
    store = BigStore()
    model = StoreTableModel(store, "sources")
    view = QtWidgets.QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 50_000
    assert store.rows_read <= 2 * PAGE
    view.scrollToBottom()
    QtWidgets.QApplication.processEvents()
    assert model.data(model.index(49_999, 1)) == "Release 50000"
    assert store.rows_read <= 4 * PAGE


def test_sorting_is_done_by_the_store(qtbot):
    store = BigStore(1000)
    model = StoreTableModel(store, "sources")
    model.sort(0, QtCore.Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "1000"
    assert store.calls[-1][:2] == ("id", True)


def test_tsv_has_headers_and_raw_values(qtbot):
    model = StoreTableModel(BigStore(10), "sources")
    text = model.as_tsv([2, 0])
    assert text.splitlines() == ["ID\tTitle\tDate", "1\tRelease 1\t2024-01-01", "3\tRelease 3\t2024-01-01"]


def test_position_of_a_row_matches_the_store_order_for_every_column(store):
    from app.store import Filters

    position = store.position

    for table in store.TABLES:
        for column in store.columns(table):
            for descending in (False, True):
                for filters in (None, Filters(text="a")):
                    rows = store.rows(table, filters, order_by=column, descending=descending)
                    for i, row in enumerate(rows):
                        assert position(table, filters, column, descending, row["id"]) == i, \
                            (table, column, descending, row["id"])
    hidden = store.rows("people")[0]["id"]
    assert position("people", Filters(ids=[hidden + 100000]), None, False, hidden) is None

