"""Issue 11 in the app: the import dialog's date column (prefilled from each file, editable,
dateless rows prompted), the dates reaching the import, warnings in the summary; the Sources
tab's date origin, outlet and dateline, Set Publication Date…; a meeting dated by its release."""

from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from app.gui.dialogs.date_table import DATE, FILE, NO_DATE_PROMPT, NOTES, ORIGIN, missing_colour
from app.gui.dialogs.import_dialog import ImportDialog
from tests.test_cli_dates import DATED, DATELESS

NO_FACTS = "Nothing here.\n\nJust some words, with no names and no figures at all.\n"


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, text in (("dated.txt", DATED), ("dateless.txt", DATELESS),
                       ("nofacts.txt", NO_FACTS)):
        out[name] = tmp_path / name
        out[name].write_text(text, encoding="utf-8")
    return out


def _dialog(qtbot, window, files):
    dialog = ImportDialog(window.hub, [str(p) for p in files.values()], window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.dates_ready(), timeout=20000)
    return dialog


def _row(dialog, name):
    table = dialog.dates
    return next(r for r in range(table.rowCount()) if table.item(r, FILE).text() == name)


def _highlighted(table, row) -> bool:
    return table.item(row, FILE).background().color() == missing_colour()


def test_dates_are_prefilled_and_dateless_rows_prompted(qtbot, window, files):
    dialog = _dialog(qtbot, window, files)
    table = dialog.dates
    assert dialog.pages.currentIndex() == 0 and dialog.import_button.isVisibleTo(dialog)
    dated, dateless = _row(dialog, "dated.txt"), _row(dialog, "dateless.txt")
    assert (table.item(dated, DATE).text(), table.item(dated, ORIGIN).text()) == ("2024-03-05",
                                                                                  "header")
    assert not _highlighted(table, dated) and table.item(dated, NOTES).text() == ""
    assert table.item(dateless, DATE).text() == ""
    assert table.item(dateless, NOTES).text().startswith(NO_DATE_PROMPT)
    assert NO_DATE_PROMPT == ("No publication date found — give one so that 'today', "
                              "'on Tuesday' can be dated")
    assert _highlighted(table, dateless)
    assert "2 without a publication date" in dialog.prompt.text()
    assert dialog.given_dates() == {}
    before = window.store.count("sources")
    dialog.cancel()  # before Import: nothing is imported
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Rejected and not dialog.started
    assert window.store.count("sources") == before


def test_the_date_editor_gives_a_date_and_delete_takes_it_back(qtbot, window, files):
    dialog = _dialog(qtbot, window, files)
    dialog.show()
    table = dialog.dates
    row = _row(dialog, "dateless.txt")
    index = table.model().index(row, DATE)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index) or table.findChild(QtWidgets.QDateEdit)
    assert isinstance(editor, QtWidgets.QDateEdit)
    assert editor.date().toString("yyyy-MM-dd") == "2024-03-05"  # opens on a nearby date
    assert editor.minimumDate().year() == 1900 and editor.maximumDate().year() == 2100
    editor.setDate(QtCore.QDate(2024, 3, 4))
    table.commitData(editor)
    table.closeEditor(editor, QtWidgets.QAbstractItemDelegate.EndEditHint.NoHint)
    assert table.item(row, DATE).text() == "2024-03-04"
    assert table.item(row, ORIGIN).text() == "given by you"
    assert not _highlighted(table, row)
    assert dialog.given_dates() == {str(files["dateless.txt"]): "2024-03-04"}
    assert "1 without a publication date" in dialog.prompt.text()
    # typing the date the file already gives is no override
    dated = _row(dialog, "dated.txt")
    table.set_date(dated, "2024-03-05")
    assert str(files["dated.txt"]) not in dialog.given_dates()
    table.set_date(row, "2024-02-30")  # not a day: taken as no date
    assert table.item(row, DATE).text() == "" and _highlighted(table, row)
    table.set_date(row, "2024-03-04")
    table.selectRow(row)
    qtbot.keyClick(table, QtCore.Qt.Key.Key_Delete)
    assert dialog.given_dates() == {} and _highlighted(table, row)


def test_dates_given_reach_the_import_and_the_summary_lists_warnings(qtbot, window, files):
    dialog = _dialog(qtbot, window, files)
    dialog.dates.set_date(_row(dialog, "dateless.txt"), "2024-03-04")
    with qtbot.waitSignal(dialog.finished_import, timeout=120000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    assert dialog.pages.currentIndex() == 1
    by_name = {Path(r.path).name: r for r in dialog.results}
    assert {r.status for r in by_name.values()} == {"added"}
    doc = window.store.document(by_name["dateless.txt"].document_id)
    assert (doc["date"], doc["date_origin"]) == ("2024-03-04", "user")
    assert window.store.document(by_name["dated.txt"].document_id)["date_origin"] == "header"
    notes = {dialog.summary.item(i, 0).text(): dialog.summary.item(i, 3).text()
             for i in range(dialog.summary.rowCount())}
    assert "no facts found" in notes["nofacts.txt"]
    assert "no publication date found" in notes["nofacts.txt"]
    assert "--date" not in notes["nofacts.txt"]
    assert notes["dateless.txt"] == "" and notes["dated.txt"] == ""
    assert "1 with no facts found" in dialog.totals.text()
    assert "1 without a publication date" in dialog.totals.text()

    sources = window.show_tab("sources")
    assert {"date_origin", "outlet", "place"} <= set(sources.model.columns)
    headers = [sources.model.headerData(c, QtCore.Qt.Orientation.Horizontal)
               for c in range(sources.model.columnCount())]
    assert {"Date origin", "Outlet", "Place"} <= set(headers)
    assert sources.select_id(by_name["dateless.txt"].document_id)
    assert "2024-03-04 (given by you)" in sources.doc_info.text()
    assert sources.select_id(by_name["nofacts.txt"].document_id)
    assert "date unknown" in sources.doc_info.text()
    assert "no facts found" in sources.doc_info.text()


def test_set_publication_date_in_sources_redates_in_the_background(qtbot, window, files,
                                                                   monkeypatch):
    dialog = _dialog(qtbot, window, files)
    with qtbot.waitSignal(dialog.finished_import, timeout=120000):
        dialog.start()
    doc_id = next(r.document_id for r in dialog.results if r.path.endswith("dateless.txt"))
    sources = window.show_tab("sources")
    assert sources.select_id(doc_id)
    assert sources.date_button.isEnabled()
    changes = []
    window.hub.store_changed.connect(lambda: changes.append(1))
    asked = []

    def answer(dialog):  # the user picks a date in the dialog and presses Set Date
        asked.append(dialog.findChild(QtWidgets.QLabel).text())
        dialog.editor.setDate(QtCore.QDate(2024, 3, 4))
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr("app.gui.dialogs.set_date_dialog.SetDateDialog.exec", answer)
    sources.date_button.click()
    assert "Publication date now: none found" in asked[0]
    assert not sources.date_button.isEnabled()  # one at a time
    qtbot.waitUntil(lambda: not sources.is_dating() and bool(changes),
                    timeout=60000)
    row = sources.current_row()
    assert (row["id"], row["date"], row["date_origin"]) == (doc_id, "2024-03-04", "user")
    assert "2024-03-04 (given by you)" in sources.doc_info.text()
    assert f"Document {doc_id} dated 2024-03-04" in window.statusBar().currentMessage()


def test_a_meeting_dated_by_its_release_says_so(qtbot, store, settings, monkeypatch, tmp_path):
    from app.gui.main_window import MainWindow
    from app.store import Store
    from app.store.ingest import ingest_paths
    from tests.store.fakes import FakeExtractor, make, release

    text = release("Talks in Moscow", "2024-03-04",
                   "Sergey Lavrov held talks with Marko Djuric. Lavrov met Djuric on March 1.")
    ex = make(text, "2024-03-04", people=[("Sergey Lavrov", None, None, ["Sergey Lavrov"]),
                                          ("Marko Djuric", None, None, ["Marko Djuric"])],
              events=[{"kind": "talks", "date_start": "2024-03-04", "place": None,
                       "participants": ["Sergey Lavrov", "Marko Djuric"], "status": "held",
                       "date_basis": "publication", "anchor": "held talks with Marko Djuric"},
                      {"kind": "meeting", "date_start": "2024-03-01", "place": None,
                       "participants": ["Sergey Lavrov", "Marko Djuric"], "status": "held",
                       "date_basis": "stated", "anchor": "met Djuric on March 1"}])
    fake = FakeExtractor()
    fake.add(ex)
    monkeypatch.setattr("app.store.extraction.extract_release", fake)
    f = tmp_path / "talks.txt"
    f.write_text(text, encoding="utf-8")
    db = tmp_path / "dated.db"
    ingest_paths(db, [str(f)])
    window = MainWindow(Store.open(db), settings)
    qtbot.addWidget(window)
    window.show()
    meetings = window.show_tab("meetings")
    rows = {r["kind"]: r["id"] for r in window.store.rows("meetings")}
    meetings.select_id(rows["talks"])
    assert "Dated by the release's publication date" in meetings.detail.toPlainText()
    meetings.select_id(rows["meeting"])
    assert "publication date" not in meetings.detail.toPlainText()
    window.close()
    window.store.close()
