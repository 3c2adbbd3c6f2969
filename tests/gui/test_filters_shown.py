"""Tab filters read the columns on screen; a long summary is cut on screen only."""

import html
import re

from gui_helpers import table_rows
from PySide6 import QtCore, QtGui

from app.store import Store


def _filter(qtbot, tab, text: str) -> None:
    tab.filter_edit.setText(text)
    tab._filter_timer.stop()
    tab.refresh()


def test_meetings_filter_follows_the_source_column(qtbot, window, store):
    tab = window.show_tab("meetings")
    source = tab.model.columns.index("source")
    assert tab.view.isColumnHidden(source), "the first source's title is hidden by default"
    _filter(qtbot, tab, "Lavrov")
    shown_rows = table_rows(tab)
    assert shown_rows and all(
        any("lavrov" in str(r[c] or "").lower() for c in tab.shown_columns()) for r in shown_rows)
    hidden_count = tab.model.rowCount()
    # showing the column (header menu) makes it filtered on: more rows, each showing the word
    action = next(a for a in tab.column_actions() if a.text() == "Source")
    assert not action.isChecked()
    action.setChecked(True)
    assert not tab.view.isColumnHidden(source)
    rows = table_rows(tab)
    titled = [r for r in store.rows("meetings") if "Lavrov" in (r["source"] or "")]
    assert len(rows) == len({r["id"] for r in shown_rows + titled}) > hidden_count
    assert tab.count_label.text().startswith(f"{len(rows)} ")
    action.setChecked(False)
    assert tab.model.rowCount() == hidden_count


def test_every_tab_filters_only_what_it_shows(qtbot, window):
    for name in ("people", "meetings", "trade", "culture", "sources"):
        tab = window.show_tab(name)
        for text in ("Lavrov", "2024", "minister"):
            _filter(qtbot, tab, text)
            words = [w.lower() for w in text.split()]
            for row in table_rows(tab):
                cells = " ".join(str(row[c] or "") for c in tab.shown_columns()).lower()
                assert all(re.search(rf"\b{re.escape(w)}", cells) for w in words), (name, text, row)
        _filter(qtbot, tab, "")


def _long_summary(seed_db) -> tuple[int, str]:
    words = ("The ministers discussed the preparation of the forum of regions, the schedule of "
             "joint exhibitions in regional museums, a programme of student exchanges between "
             "universities of both countries and cooperation in the protection of memorials, "
             "and agreed to meet again before the end of the year in the capital")
    with Store.open(seed_db) as store:
        event_id = store.rows("meetings", order_by="date_start")[0]["id"]
        store.conn.execute("UPDATE events SET summary = ? WHERE id = ?", (words, event_id))
    return event_id, words


def test_a_long_summary_is_whole_in_the_model_and_cut_on_screen(qtbot, seed_db, settings, tmp_path):
    from app.gui.main_window import MainWindow

    event_id, words = _long_summary(seed_db)
    with Store.open(seed_db) as store:
        w = MainWindow(store, settings)
        qtbot.addWidget(w)
        w.resize(1280, 800)
        w.show()
        qtbot.waitExposed(w)
        tab = w.show_tab("meetings")
        row = next(r for r in range(tab.model.rowCount()) if tab.model.id_at(r) == event_id)
        col = tab.model.columns.index("summary")
        index = tab.model.index(row, col)
        assert tab.model.data(index) == words   # the whole text behind the cell
        tip = tab.model.data(index, QtCore.Qt.ItemDataRole.ToolTipRole)
        assert html.unescape(re.sub(r"</?p>", "", tip)) == words
        # the column is narrower than the text: the view elides it with "…"
        width = QtGui.QFontMetrics(tab.view.font()).horizontalAdvance(words)
        assert tab.view.columnWidth(col) < width
        assert tab.view.textElideMode() == QtCore.Qt.TextElideMode.ElideRight
        # a filter word from the end of the summary (past any on-screen cut) still finds it
        _filter(qtbot, tab, "capital")
        assert event_id in [r["id"] for r in table_rows(tab)]
        tab.view.selectRow(next(r for r in range(tab.model.rowCount())
                                if tab.model.id_at(r) == event_id))
        w.grab().save(str(tmp_path / "meetings-long-summary.png"))
        w.close()


def test_culture_counts_sources_and_the_summary_gets_the_free_width(qtbot, window):
    tab = window.show_tab("culture")
    assert "sources" in tab.shown_columns() and "source" not in tab.shown_columns()
    summary = tab.model.columns.index("summary")
    sources = tab.model.columns.index("sources")
    # the count is not stretched over the row; the summary is wider than other columns
    assert tab.view.columnWidth(sources) < tab.view.columnWidth(summary)
    rows = table_rows(tab)
    assert rows and all(r["sources"] >= 1 for r in rows)
