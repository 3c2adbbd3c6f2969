"""The fact tabs against the database built from the seed."""

from gui_helpers import click_scatter_point, hover, table_rows
from PySide6 import QtCore, QtGui, QtWidgets


def test_people_tab_lists_the_seed_people_with_posts_and_countries(window, seed_facts):
    tab = window.show_tab("people")
    rows = table_rows(tab)
    by_name = {r["name"]: r for r in rows}
    expected = seed_facts["people"]
    assert len(rows) == len(expected) == 12
    for person in expected:
        assert person["name"] in by_name, f"{person['name']} missing from People"
        row = by_name[person["name"]]
        assert row["post"], f"{person['name']} has no post"
        assert person["title"].lower() in row["post"].lower() or row["post"].lower() in person["title"].lower()
        assert row["country"] == person["country"]
    # The table shows them: the view's model is the one we read.
    assert tab.view.model().rowCount() == 12
    assert window.statusBar().isVisible()
    assert "12 people" in window.counts_label.text()


def _dated_meeting_ids(store):
    return sorted(r["id"] for r in store.rows("meetings") if r.get("date_start"))


def test_meetings_timeline_holds_one_point_per_dated_event(window, store):
    tab = window.show_tab("meetings")
    dated = _dated_meeting_ids(store)
    assert dated, "the seed has dated meetings"
    assert tab.lane_combo.currentData() == "kind"
    ids = sorted(int(p.data()) for p in tab.timeline.scatter.points())
    assert ids == dated
    # Lanes switch to people without losing events.
    tab.lane_combo.setCurrentIndex(tab.lane_combo.findData("person"))
    assert {int(p.data()) for p in tab.timeline.scatter.points()} == set(dated)
    axis_ticks = tab.timeline.plot.getAxis("left")._tickLevels[0]
    assert any("Lavrov" in label for _pos, label in axis_ticks)


def test_clicking_a_point_selects_its_row_and_selecting_a_row_marks_its_point(qtbot, window, store):
    tab = window.show_tab("meetings")
    points = list(tab.timeline.scatter.points())
    target = points[len(points) // 2]
    click_scatter_point(qtbot, tab.timeline, target)
    assert tab.selected_ids() == [int(target.data())]
    # Reverse: choose another row in the table, its point gets the ring.
    other_row = next(r for r in range(tab.model.rowCount())
                     if tab.model.id_at(r) != int(target.data()) and tab.model.row_dict(r)["date_start"])
    tab.view.selectRow(other_row)
    other_id = tab.model.id_at(other_row)
    ring = tab.timeline.selected_positions()
    expected = [(p.pos().x(), p.pos().y()) for p in tab.timeline.scatter.points() if int(p.data()) == other_id]
    assert ring and sorted(ring) == sorted(expected)


def test_search_lists_lavrov_and_enter_selects_him_in_people(qtbot, window):
    window.show_tab("sources")
    window.focus_search()
    qtbot.keyClicks(window.search, "Lavr")
    qtbot.waitUntil(lambda: window.search.popup.isVisible(), timeout=3000)
    assert any("Sergey Lavrov" in label for label in window.search.result_labels())
    qtbot.keyClick(window.search, QtCore.Qt.Key.Key_Return)
    assert window.current_tab() is window.tab_by_name["people"]
    assert window.current_tab().current_row()["name"] == "Sergey Lavrov"


def test_hostile_search_input_never_raises(qtbot, window):
    for text in ['"', "*", "AND OR NOT (", "NEAR(", "\x00", "'; DROP TABLE people; --", "ё" * 500,
                 "^$", "a\"b*c:", "   "]:
        window.search.setText(text)
        window.search.run_search()
        window.search.activate_current()
    for name in ("people", "meetings", "trade", "culture", "sources"):
        tab = window.show_tab(name)
        for text in ['%', '_', "\\", "'", '"', "\x00", "[", "*"]:
            tab.filter_edit.setText(text)
            tab.refresh()
        tab.filter_edit.clear()
        tab.refresh()


def test_show_in_source_highlights_the_sentence(qtbot, window, store):
    tab = window.show_tab("trade")
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.row_dict(r)["unit"] == "USD" and tab.model.row_dict(r)["period"] == "2023")
    tab.view.selectRow(row)
    fact = tab.current_row()
    qtbot.mouseClick(tab.show_source_button, QtCore.Qt.MouseButton.LeftButton)
    sources = window.tab_by_name["sources"]
    assert window.current_tab() is sources
    expected = store.provenance("quantity", fact["id"])[0]
    assert sources.highlighted_sentence() == expected["sentence"]
    assert fact["text"] in sources.highlighted_sentence()
    cursor_rect = sources.text.cursorRect()
    assert sources.text.viewport().rect().intersects(cursor_rect)


def test_show_in_source_for_a_person(qtbot, window, store):
    tab = window.show_tab("people")
    assert tab.select_id(next(r["id"] for r in store.rows("people") if r["name"] == "Sergey Lavrov"))
    assert tab.show_in_source()
    sentence = window.tab_by_name["sources"].highlighted_sentence()
    assert "Lavrov" in sentence
    assert sentence == store.person(tab.current_row()["id"])["mentions"][0]["sentence"]


def test_sources_text_highlights_facts_and_clicking_one_opens_its_tab(qtbot, window, store):
    sources = window.show_tab("sources")
    sources.view.selectRow(0)
    doc_id = sources.current_row()["id"]
    highlights = store.highlights(doc_id)
    quantity = next(h for h in highlights if h["type"] == "quantity")
    doc = sources.text.document()
    block = doc.findBlock(quantity["start"])
    fragment_formats = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.position() <= quantity["start"] < frag.position() + frag.length():
            fragment_formats.append(frag.charFormat())
        it += 1
    assert fragment_formats and fragment_formats[0].isAnchor()
    window.open_link(QtCore.QUrl(fragment_formats[0].anchorHref()))
    assert window.current_tab() is window.tab_by_name["trade"]
    assert window.current_tab().selected_ids() == [quantity["fact_id"]]


def test_time_window_filters_every_tab_and_status_says_so(qtbot, window, store):
    tab = window.show_tab("trade")
    before = tab.model.rowCount()
    window.set_time_window("2024-01-01", "2024-12-31")
    assert "2024-01-01" in window.window_label.text()
    assert tab.model.rowCount() < before
    assert all(str(r["period"]).startswith("2024") for r in table_rows(tab) if r["period"])
    assert window.date_from.iso() == "2024-01-01" and window.date_to.iso() == "2024-12-31"
    window.clear_window_action.trigger()
    assert tab.model.rowCount() == before
    assert window.time_window() == (None, None)


def test_copy_puts_selected_rows_on_the_clipboard_as_tsv(qtbot, window):
    tab = window.show_tab("trade")
    window.activateWindow()
    tab.view.setFocus()
    tab.view.selectRow(0)
    QtWidgets.QApplication.clipboard().clear()
    qtbot.keyClick(tab.view, QtCore.Qt.Key.Key_C, QtCore.Qt.KeyboardModifier.ControlModifier)
    text = QtWidgets.QApplication.clipboard().text()
    lines = text.strip("\n").split("\n")
    assert len(lines) == 2
    assert lines[0].split("\t")[0] == "ID"
    assert lines[1].split("\t")[0] == str(tab.current_row()["id"])


def test_filter_field_and_sorting(qtbot, window):
    tab = window.show_tab("trade")
    tab.view.sortByColumn(tab.model.columns.index("value"), QtCore.Qt.SortOrder.DescendingOrder)
    values = [r["value"] for r in table_rows(tab)]
    assert values == sorted(values, reverse=True)
    qtbot.keyClicks(tab.filter_edit, "bilateral")
    qtbot.waitUntil(lambda: all("bilateral" in " ".join(str(v) for v in r.values()).lower()
                                for r in table_rows(tab)), timeout=2000)
    assert tab.model.rowCount() >= 1


def test_settings_remember_last_tab_and_splitters(qtbot, store, settings):
    from app.gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    tab = w.show_tab("culture")
    tab.splitter.setSizes([500, 160])
    sizes = tab.splitter.sizes()
    w.close()
    w2 = MainWindow(store, settings)
    qtbot.addWidget(w2)
    w2.show()
    assert w2.current_tab() is w2.tab_by_name["culture"]
    w2.load_current_tab()
    restored = w2.tab_by_name["culture"].splitter.sizes()
    # The splitter keeps its proportions (the offscreen window may differ by a few pixels).
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02
    assert restored != [330, 330]
    w2.window_state.reset_layout()
    assert settings.value("culture_tab/splitter") is None
    w2.close()


def test_start_up_loads_only_the_visible_tab_after_the_first_paint(qtbot, store, settings):
    from app.gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    assert not any(t.loaded for t in w.tab_by_name.values())
    w.show()
    w.load_after_first_paint()
    qtbot.waitUntil(lambda: w.current_tab().loaded, timeout=3000)
    assert [n for n, t in w.tab_by_name.items() if t.loaded] == ["people"]
    w.close()


def test_timeline_sweep_sets_the_app_wide_window(qtbot, window, store):
    from app.gui import timestamps as dates

    tab = window.show_tab("meetings")
    x0, x1 = dates.to_ts("2024-04-01"), dates.to_ts("2024-06-30")
    tab.timeline.view_box.swept.emit(x0, x1, True)
    assert window.time_window() == ("2024-04-01", "2024-06-30")
    assert "Time window: 2024-04-01 – 2024-06-30" in window.window_label.text()
    starts = [r["date_start"] for r in table_rows(tab)]
    assert starts and all("2024-04" <= s[:7] <= "2024-06" for s in starts)
    assert {int(p.data()) for p in tab.timeline.scatter.points()} == {r["id"] for r in table_rows(tab)}
    # Other tabs follow when shown.
    culture = window.show_tab("culture")
    assert culture.timeline.region.isVisible()
    window.set_time_window(None, None)
    window.show_tab("meetings")
    assert not tab.timeline.region.isVisible()


def test_plots_follow_the_palette(qtbot, window):
    from PySide6 import QtGui

    tab = window.show_tab("meetings")
    dark = QtGui.QPalette()
    dark.setColor(QtGui.QPalette.ColorRole.Window, QtGui.QColor("#202020"))
    dark.setColor(QtGui.QPalette.ColorRole.Base, QtGui.QColor("#121212"))
    dark.setColor(QtGui.QPalette.ColorRole.Text, QtGui.QColor("#eeeeee"))
    dark.setColor(QtGui.QPalette.ColorRole.WindowText, QtGui.QColor("#eeeeee"))
    app = QtWidgets.QApplication.instance()
    old = app.palette()
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: tab.timeline.plot_widget.backgroundBrush().color().name() == "#121212",
                        timeout=2000)
        axis = tab.timeline.plot.getAxis("bottom")
        assert axis.textPen().color().name() == "#eeeeee"
    finally:
        app.setPalette(old)


def test_icon_only_and_input_controls_have_accessible_names(window):
    for name in ("people", "meetings", "trade", "culture", "sources"):
        window.show_tab(name)
    missing = []
    for widget in window.findChildren(QtWidgets.QWidget):
        if isinstance(widget, (QtWidgets.QLineEdit, QtWidgets.QComboBox, QtWidgets.QTableView,
                               QtWidgets.QTextBrowser, QtWidgets.QToolButton, QtWidgets.QDateEdit)):
            if widget.isVisibleTo(window) and not widget.accessibleName() and not (
                    isinstance(widget, QtWidgets.QToolButton) and widget.text()):
                if isinstance(widget.parent(), (QtWidgets.QComboBox, QtWidgets.QDateEdit,
                                                QtWidgets.QTabBar, QtWidgets.QToolBar)):
                    continue
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert not missing, missing


def test_person_detail_links_to_their_meetings(qtbot, window, store):
    people = window.show_tab("people")
    lavrov = next(r["id"] for r in store.rows("people") if r["name"] == "Sergey Lavrov")
    people.select_id(lavrov)
    html = people.detail.toHtml()
    meeting_ids = [m["id"] for m in store.person(lavrov)["meetings"]]
    assert meeting_ids and f"fb://meetings/{meeting_ids[0]}" in html
    window.open_link(QtCore.QUrl(f"fb://meetings/{meeting_ids[0]}"))
    assert window.current_tab() is window.tab_by_name["meetings"]
    assert window.current_tab().selected_ids() == [meeting_ids[0]]
    assert "Lavrov" in window.current_tab().current_row()["participants"]


def test_hovering_a_point_shows_its_tooltip(qtbot, window):
    tab = window.show_tab("meetings")
    point = list(tab.timeline.scatter.points())[0]
    vb = tab.timeline.plot.getViewBox()
    pos = tab.timeline.plot_widget.mapFromScene(vb.mapViewToScene(point.pos()))
    hover(tab.timeline.plot_widget.viewport(), pos)
    row = tab.model.row_dict(tab.model.row_of_id(int(point.data())))
    qtbot.waitUntil(lambda: row["date_start"] in (vb.toolTip() or ""), timeout=3000)
    assert (row["place"] or row["kind"]) in vb.toolTip()


def test_bar_tooltips_and_clicks_select_the_row(qtbot, window):
    tab = window.show_tab("trade")
    tab.select_partners(window.store.trade_partners()[0].partners)   # one pair: bars
    drawn = tab.volume._drawn
    assert drawn
    assert tab.volume.plot.getAxis("left").labelText == "USD billion"
    index = len(drawn) - 1
    x0, x1, bar = drawn[index]
    row = tab.model.row_dict(tab.model.row_of_id(bar.ids[0]))
    vb = tab.volume.plot.getViewBox()
    pos = tab.volume.plot_widget.mapFromScene(vb.mapViewToScene(QtCore.QPointF((x0 + x1) / 2, bar.value / 2)))
    hover(tab.volume.plot_widget.viewport(), pos)
    qtbot.waitUntil(lambda: row["period"] in (tab.volume.bar_item.toolTip() or ""), timeout=3000)
    qtbot.mouseClick(tab.volume.plot_widget.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    assert tab.selected_ids() == bar.ids[:1]
    assert tab.volume.highlighted() == [index]


def test_menus_and_shortcuts(qtbot, window):
    actions = {a.text().replace("&", ""): a for menu in window.menuBar().findChildren(QtWidgets.QMenu)
               for a in menu.actions()}
    for name in ("Open Database…", "Import Press Releases…", "Export Tables…", "Quit", "Copy",
                 "Find…", "People", "Meetings", "Trade", "Culture", "Sources", "Reset Layout",
                 "About Fact Browser"):
        assert name in actions, name
    assert actions["Export Tables…"].shortcut().toString() == "Ctrl+Shift+E"
    assert actions["Find…"].shortcut().matches(QtGui.QKeySequence("Ctrl+F")) == \
        QtGui.QKeySequence.SequenceMatch.ExactMatch
    window.activateWindow()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_3, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert window.current_tab() is window.tab_by_name["trade"]
    assert window.tab_by_name["trade"].view.hasFocus()
    qtbot.keyClick(window.tab_by_name["trade"].view, QtCore.Qt.Key.Key_Down)
    assert window.tab_by_name["trade"].selected_ids()
    qtbot.keyClick(window, QtCore.Qt.Key.Key_F, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_people_bars_count_each_persons_dated_meetings(window, store):
    tab = window.show_tab("people")
    assert tab.bars.bars
    for bar in tab.bars.bars:
        person = store.person(bar.ids[0])
        dated = [m for m in person["meetings"] if m["date_start"]]
        assert bar.value == len(dated), person["name"]
        assert bar.label == person["name"]
    values = [b.value for b in tab.bars.bars]
    assert values == sorted(values)     # bottom-up: the busiest person drawn on top


def test_meetings_filters_by_person_place_kind_and_year(window, store):
    tab = window.show_tab("meetings")
    assert not tab.person_combo.filled          # values are read only when needed
    assert tab.person_combo.select_value("Sergey Lavrov")
    rows = table_rows(tab)
    assert rows and all("Sergey Lavrov" in r["participants"] for r in rows)
    assert {int(p.data()) for p in tab.timeline.scatter.points()} == \
        {r["id"] for r in rows if r["date_start"]}
    assert tab.place_combo.select_value("Minsk")
    assert table_rows(tab) and all(r["place"] == "Minsk" for r in table_rows(tab))
    tab.person_combo.setCurrentIndex(0)
    tab.place_combo.setCurrentIndex(0)
    kind = store.rows("meetings")[0]["kind"]
    assert tab.kind_combo.select_value(kind)
    assert all(r["kind"] == kind for r in table_rows(tab))
    tab.kind_combo.setCurrentIndex(0)
    assert tab.year_combo.select_value(2023)
    assert table_rows(tab) and all(r["date_start"].startswith("2023") for r in table_rows(tab))


def test_toolbar_date_fields_set_the_window(qtbot, window):
    tab = window.show_tab("meetings")
    window.date_from.setDate(QtCore.QDate(2024, 4, 1))
    window.date_from.editingFinished.emit()
    assert window.time_window() == ("2024-04-01", None)
    window.date_to.setDate(QtCore.QDate(2024, 5, 31))
    window.date_to.editingFinished.emit()
    assert window.time_window() == ("2024-04-01", "2024-05-31")
    assert all("2024-04" <= r["date_start"][:7] <= "2024-05" for r in table_rows(tab))
    assert window.clear_window_action.isEnabled()
    window.clear_window_action.trigger()
    assert window.date_from.iso() is None and window.date_to.iso() is None
    assert window.window_label.text() == "All dates"


def test_detail_pane_clears_when_the_selected_row_leaves_the_table(qtbot, window):
    tab = window.show_tab("meetings")
    row = next(r for r in range(tab.model.rowCount()) if (tab.model.row_dict(r)["date_start"] or "") < "2024-03")
    tab.view.selectRow(row)
    assert tab.detail.toPlainText()
    window.set_time_window("2024-05-01", "2024-05-31")
    assert tab.selected_ids() == []
    assert tab.detail.toPlainText() == ""
    assert not tab.show_source_button.isEnabled()
    assert tab.timeline.selected_positions() == []


def test_navigating_to_a_hidden_row_widens_the_tab(qtbot, window, store):
    meetings = window.show_tab("meetings")
    target = next(r for r in store.rows("meetings") if r["place"] and r["date_start"] and r["date_start"] < "2024-03")
    assert meetings.place_combo.select_value(
        next(r["place"] for r in store.rows("meetings") if r["place"] and r["place"] != target["place"]))
    qtbot.keyClicks(meetings.filter_edit, "zzz-no-such-text")
    window.set_time_window("2024-06-01", "2024-06-30")
    window.show_tab("people")
    window.open_link(QtCore.QUrl(f"fb://meetings/{target['id']}"))
    assert window.current_tab() is meetings
    assert meetings.selected_ids() == [target["id"]]
    assert meetings.filter_edit.text() == "" and meetings.place_combo.currentData() is None
    assert window.time_window() == (None, None)


def test_sources_plot_counts_releases_per_year_when_there_are_many(qtbot, window, store, monkeypatch):
    from app.gui.tabs.sources_tab import SourcesTab

    monkeypatch.setattr(SourcesTab, "TIMELINE_MAX", 0)
    tab = window.show_tab("sources")
    assert tab.plot_stack.currentWidget() is tab.years
    docs = store.rows("sources")
    years = sorted({d["date"][:4] for d in docs if d["date"]})
    assert [b.label for b in tab.years.bars] == years
    assert sum(b.value for b in tab.years.bars) == sum(1 for d in docs if d["date"])
    tab.years.barClicked.emit(0)
    assert tab.selected_ids() == tab.years.bars[0].ids[:1]
    assert tab.years.highlighted_bars() == [0]


def test_clicking_a_search_result_opens_it(qtbot, window, store):
    window.focus_search()
    qtbot.keyClicks(window.search, "Minsk")
    qtbot.waitUntil(lambda: window.search.popup.isVisible(), timeout=3000)
    popup = window.search.popup
    item = next(popup.topLevelItem(i) for i in range(popup.topLevelItemCount())
                if popup.topLevelItem(i).data(0, QtCore.Qt.ItemDataRole.UserRole) is not None
                and popup.topLevelItem(i).data(0, QtCore.Qt.ItemDataRole.UserRole).type == "event")
    hit = item.data(0, QtCore.Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(popup.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     pos=popup.visualItemRect(item).center())
    assert not popup.isVisible()
    assert window.current_tab() is window.tab_by_name["meetings"]
    assert window.current_tab().selected_ids() == [hit.fact_id]
    assert "Minsk" in (window.current_tab().current_row()["place"] or "") + \
        (window.current_tab().current_row()["summary"] or "")


def test_big_tables_read_plot_data_off_the_ui_thread(qtbot, window, store, monkeypatch):
    import app.gui.tabs.base_tab as base_tab

    monkeypatch.setattr(base_tab, "ASYNC_ROWS", 0)
    tab = window.show_tab("meetings")       # loaded now, plots arrive from a worker
    dated = sorted(r["id"] for r in store.rows("meetings") if r["date_start"])
    qtbot.waitUntil(lambda: sorted(int(p.data()) for p in tab.timeline.scatter.points()) == dated,
                    timeout=10000)
    people = window.show_tab("people")
    qtbot.waitUntil(lambda: bool(people.bars.bars) and bool(people.network.nodes), timeout=10000)
    # A newer request wins over an older one still running.
    window.set_time_window("2024-01-01", "2024-01-31")
    window.show_tab("meetings")
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    shown = {int(p.data()) for p in tab.timeline.scatter.points()}
    assert shown == {r["id"] for r in table_rows(tab) if r["date_start"]}
    assert all(r["date_start"][:7] <= "2024-01" for r in table_rows(tab))


def test_people_plots_follow_the_text_filter(qtbot, window, store):
    tab = window.show_tab("people")
    everyone = {b.ids[0] for b in tab.bars.bars}
    tab.filter_edit.setText("Lavrov")
    tab._filter_timer.stop()
    tab.refresh()
    tab.update_plots()
    tab.wait_for_plots()
    kept = {r["id"] for r in table_rows(tab)}
    shown = {b.ids[0] for b in tab.bars.bars}
    assert shown and shown <= kept and len(everyone) > len(shown)
    assert "matching the filter" in tab.bars.title_label.text()
    assert set(tab.network.names) <= kept
    tab.filter_edit.setText("")
    tab._filter_timer.stop()
    tab.refresh()
    tab.update_plots()
    tab.wait_for_plots()
    assert {b.ids[0] for b in tab.bars.bars} == everyone
    assert "matching" not in tab.bars.title_label.text()


def test_a_big_tables_plot_read_starts_before_its_count(qtbot, window, store, monkeypatch):
    """On a big table the plot read is handed to its worker before the table counts the rows
    under the new filters, so that the two overlap; it reads the new filters, not the old."""
    import app.gui.tabs.base_tab as base_tab

    monkeypatch.setattr(base_tab, "ASYNC_ROWS", 0)
    tab = window.show_tab("meetings")
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    order = []
    reload, update = tab.model.reload, tab.plot_reader.update
    monkeypatch.setattr(tab.model, "reload", lambda: (order.append("count"), reload()))
    monkeypatch.setattr(tab.plot_reader, "update", lambda key, params, in_thread: (
        order.append(("plots", params["filters"].text, in_thread)), update(key, params, in_thread)))
    tab.filter_edit.setText("Lavrov")
    tab._filter_timer.stop()
    tab.refresh()
    assert order == [("plots", "Lavrov", True), "count"]
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    shown = {int(p.data()) for p in tab.timeline.scatter.points()}
    assert shown == {r["id"] for r in table_rows(tab) if r["date_start"]}


def test_the_sources_plot_counts_the_releases_under_the_new_filters(qtbot, window, store, monkeypatch):
    """The Sources plot picks years or one dot per release from the count under the filters
    it draws (on a big database read before the table has counted them)."""
    import app.gui.tabs.base_tab as base_tab
    from app.gui.tabs.sources_tab import SourcesTab

    monkeypatch.setattr(base_tab, "ASYNC_ROWS", 0)
    tab = window.show_tab("sources")
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    total = store.count("sources")
    monkeypatch.setattr(SourcesTab, "TIMELINE_MAX", total - 1)   # every release: years
    tab.plot_reader.forget()
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    assert tab.plot_stack.currentWidget() is tab.years
    tab.filter_edit.setText("zzzqqq")    # no release: under TIMELINE_MAX, one dot each
    tab._filter_timer.stop()
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.plot_reader.busy(), timeout=10000)
    assert tab.model.rowCount() == 0
    assert tab.plot_stack.currentWidget() is tab.timeline
