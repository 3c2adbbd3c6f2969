"""The search popup reads like a search engine's results: one line per hit, the matched
words in bold, never raw [brackets], nothing repeated."""

import re

from PySide6 import QtCore

from app.gui.search_box import DATE_ROLE, HIT_ROLE, HTML_ROLE


def _search(qtbot, window, text: str) -> list:
    window.focus_search()
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.search.popup.isVisible(), timeout=3000)
    popup = window.search.popup
    return [popup.topLevelItem(i) for i in range(popup.topLevelItemCount())]


def test_hits_are_one_line_with_bold_matches(qtbot, window, tmp_path):
    items = _search(qtbot, window, "Lavrov")
    popup = window.search.popup
    assert popup.columnCount() == 1
    hits = [i for i in items if i.data(0, HIT_ROLE) is not None]
    assert len(hits) >= 5
    for item in hits:
        hit = item.data(0, HIT_ROLE)
        rich = item.data(0, HTML_ROLE)
        assert "[" not in rich and "[" not in item.text(0)
        assert re.search(r"<b>Lavrov</b>", rich, re.I), rich
        assert item.data(0, DATE_ROLE) == (hit.date or "")   # drawn at the right edge
        if hit.type == "sentence":
            assert f"in {hit.source}" in rich.replace("&#x27;", "'")
    person = next(i for i in hits if i.data(0, HIT_ROLE).type == "person")
    # said once: the name is not repeated by its aliases (they matched the same word)
    assert person.data(0, HTML_ROLE).count("Sergey <b>Lavrov</b>") == 1
    # each row is one text line high, even with a long summary
    height = popup.visualItemRect(hits[0]).height()
    line = popup.fontMetrics().height()
    assert line <= height < 2 * line + 6
    window.grab().save(str(tmp_path / "search-lavrov.png"))
    # the bold line is painted (not the plain text): the delegate draws the document
    qtbot.keyClick(window.search, QtCore.Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_keyboard_activation_still_opens_the_hit(qtbot, window):
    _search(qtbot, window, "Lavr")
    assert any("Sergey Lavrov" in label for label in window.search.result_labels())
    qtbot.keyClick(window.search, QtCore.Qt.Key.Key_Return)
    assert window.current_tab() is window.tab_by_name["people"]
