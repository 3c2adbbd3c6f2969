"""Import in the app: off the UI thread with progress and a per-file summary; tabs refresh."""

import shutil

import pytest
from gui_helpers import CORPUS, table_rows
from PySide6 import QtCore

from app.gui.dialogs.import_dialog import ImportDialog


def _run(qtbot, dialog):
    with qtbot.waitSignal(dialog.finished_import, timeout=120000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)


def test_import_dialog_adds_files_reports_each_and_refreshes_tabs(qtbot, window, tmp_path):
    files = sorted(CORPUS.glob("*.txt"))
    assert files
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    seen_progress = []
    dialog = ImportDialog(window.hub, [str(p) for p in files] + [str(bad)], window)
    qtbot.addWidget(dialog)
    dialog.progress.valueChanged.connect(seen_progress.append)
    _run(qtbot, dialog)

    assert dialog.error is None
    statuses = {r.path.name if hasattr(r.path, "name") else str(r.path).rsplit("/", 1)[-1]: r.status
                for r in dialog.results}
    assert all(statuses[p.name] == "added" for p in files)
    assert statuses["broken.txt"] == "failed"
    assert dialog.summary.rowCount() == len(files) + 1
    failed_row = next(i for i in range(dialog.summary.rowCount())
                      if dialog.summary.item(i, 0).text() == "broken.txt")
    assert dialog.summary.item(failed_row, 1).text() == "Failed"
    assert dialog.summary.item(failed_row, 2).text()      # says why
    assert f"{len(files)} added" in dialog.totals.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert seen_progress
    assert dialog.close_button.isEnabled()

    sources = window.show_tab("sources")
    assert sources.model.rowCount() == 1 + len(files)
    # Importing the same files again: all already present.
    again = ImportDialog(window.hub, [str(p) for p in files], window)
    qtbot.addWidget(again)
    _run(qtbot, again)
    assert {r.status for r in again.results} == {"present"}


def test_import_merges_people_and_events_across_documents(qtbot, window):
    """Issue 4: one Sergey Lavrov with all his meetings; the June 24-25 visit one held event
    with two sources; removing the later document turns it back to planned."""
    files = sorted(CORPUS.glob("*.txt"))
    dialog = ImportDialog(window.hub, [str(p) for p in files], window)
    qtbot.addWidget(dialog)
    _run(qtbot, dialog)

    assert dialog.progress.value() == dialog.progress.maximum() > 0
    assert dialog.summary.rowCount() == len(files)
    assert {dialog.summary.item(i, 1).text() for i in range(len(files))} == {"Added"}

    people = window.show_tab("people")
    lavrovs = [r for r in table_rows(people) if "Lavrov" in (r["name"] or "")]
    assert len(lavrovs) == 1
    store = window.store
    his = store.person(lavrovs[0]["id"])["meetings"]
    named = [r for r in store.rows("meetings") if "Sergey Lavrov" in (r["participants"] or "")]
    assert sorted(m["id"] for m in his) == sorted(r["id"] for r in named)
    assert len({m["source"] for m in his}) > 1      # his meetings come from several releases
    people.select_id(lavrovs[0]["id"])
    assert f"Meetings ({len(his)})" in people.detail.toPlainText()
    visit = [r for r in store.rows("meetings")
             if r["date_start"] == "2024-06-24" and r["date_end"] == "2024-06-25" and r["place"] == "Minsk"
             and r["kind"] == "visit"]
    assert len(visit) == 1
    assert visit[0]["status"] == "held" and visit[0]["sources"] == 2

    later = next(d for d in store.rows("sources") if "01-lavrov-minsk-results" in (d["path"] or ""))
    with qtbot.waitSignal(window.hub.store_changed, timeout=60000):
        window.remove_document(later["id"])
    visit = window.store.event(visit[0]["id"])
    assert visit["status"] == "planned" and len(visit["sources"]) == 1


def test_cancel_stops_between_documents(qtbot, window, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        shutil.copy(sorted(CORPUS.glob("*.txt"))[i % 5], folder / f"copy{i:02d}.txt")
        with open(folder / f"copy{i:02d}.txt", "a", encoding="utf-8") as fh:
            fh.write(f"\nVariant {i}.\n")
    dialog = ImportDialog(window.hub, [str(folder)], window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_import, timeout=120000):
        dialog.start()
        dialog.op.progressed.connect(lambda *_: dialog.cancel())
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    assert len(dialog.results) < 30
    assert "cancelled" in dialog.label.text().lower()


@pytest.mark.parametrize("name", ["release.txt"])
def test_dropping_files_offers_import(qtbot, window, tmp_path, monkeypatch, name):
    from PySide6 import QtGui, QtWidgets

    path = tmp_path / name
    path.write_text("On June 1, Foreign Minister Sergey Lavrov met in Moscow with his counterpart.\n")
    offered = []
    monkeypatch.setattr(window, "offer_import", offered.append)
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    pos = QtCore.QPointF(200, 200)
    # Qt's QDragEnterEvent takes an integer point, QDropEvent a real one.
    enter = QtGui.QDragEnterEvent(pos.toPoint(), QtCore.Qt.DropAction.CopyAction, mime,
                                  QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(pos, QtCore.Qt.DropAction.CopyAction, mime,
                            QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(offered), timeout=2000)
    assert offered == [[str(path)]]
    _ = QtWidgets


def test_derived_figures_are_shown_only_as_derived_with_their_formula(qtbot, window, tmp_path):
    release = tmp_path / "trade-2022.txt"
    release.write_text("10:00\n\nPress release on trade between Russia and Belarus\n\n"
                       "1001-10-02-2023\n\nThe bilateral trade made up $40.2 billion in 2022.\n",
                       encoding="utf-8")
    dialog = ImportDialog(window.hub, [str(release)], window)
    qtbot.addWidget(dialog)
    _run(qtbot, dialog)

    tab = window.show_tab("trade")
    rows = table_rows(tab)
    derived = [r for r in rows if r["derived"]]
    assert derived, "a growth rate derived from two stated years"
    row = tab.model.row_of_id(derived[0]["id"])
    model = tab.model
    value_col = model.columns.index("value")
    assert model.data(model.index(row, value_col), QtCore.Qt.ItemDataRole.FontRole).italic()
    tip = model.data(model.index(row, value_col), QtCore.Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Derived, not stated") and derived[0]["formula"] in tip
    assert not tab.view.isColumnHidden(model.columns.index("formula"))
    tab.select_id(derived[0]["id"])
    assert "Derived value, not stated" in tab.detail.toPlainText()
    assert derived[0]["formula"] in tab.detail.toPlainText()
    stated = [r for r in rows if not r["derived"]]
    assert all(model.data(model.index(tab.model.row_of_id(r["id"]), value_col),
                          QtCore.Qt.ItemDataRole.FontRole) is None for r in stated)
    # In the plots a derived value is never drawn as a stated one.
    derived_ids = {r["id"] for r in derived}
    for plot in (tab.volume, tab.shares):
        for bar in plot.bars:
            shown_is_derived = bar.ids[0] in derived_ids
            assert bar.derived == shown_is_derived
            if shown_is_derived:
                assert "Derived" in bar.tip
                assert plot is tab.volume or bar.label.endswith("(derived)")
    # Filtering to the growth figures shows the derived one hatched, with its formula.
    qtbot.keyClicks(tab.filter_edit, "growth")
    tab.refresh()
    hatched = [b for b in tab.shares.bars if b.derived]
    assert [b.ids[0] for b in hatched] == [derived[0]["id"]]
    assert hatched[0].label.endswith("(derived)") and derived[0]["formula"] in hatched[0].tip


def test_remove_document_button_removes_it_and_refreshes(qtbot, window, monkeypatch):
    from PySide6 import QtWidgets

    files = sorted(CORPUS.glob("*.txt"))[:1]
    dialog = ImportDialog(window.hub, [str(p) for p in files], window)
    qtbot.addWidget(dialog)
    _run(qtbot, dialog)
    sources = window.show_tab("sources")
    assert sources.model.rowCount() == 2
    added = next(r for r in table_rows(sources) if files[0].name in (r["path"] or ""))
    sources.select_id(added["id"])
    asked = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QtWidgets.QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.hub.store_changed, timeout=60000):   # removed as an operation
        qtbot.mouseClick(sources.remove_button, QtCore.Qt.MouseButton.LeftButton)
    assert asked
    sources = window.tab_by_name["sources"]
    assert [r["id"] for r in table_rows(sources)] != [] and added["id"] not in {r["id"] for r in table_rows(sources)}
    assert window.store.count("sources") == 1
    assert "1 document" in window.counts_label.text()


def test_a_saved_web_page_imports_with_only_the_release_text(qtbot, window, tmp_path):
    page = tmp_path / "release.html"
    page.write_text("""<!DOCTYPE html><html><head><title>Ministry</title>
<script>var tracking = "Cookie banner script";</script><style>body{color:red}</style></head>
<body><nav><ul><li>Home</li><li>Press service</li><li>Contacts menu</li></ul></nav>
<main><article><h1>Press release on talks between the foreign ministers of Russia and Serbia</h1>
<p>On March 3, Foreign Minister Sergey Lavrov held talks in Moscow with Foreign Minister of
Serbia Marko Djuric.</p><p>The ministers discussed bilateral cooperation.</p></article></main>
<footer>Copyright footer text. All rights reserved.</footer></body></html>""", encoding="utf-8")
    dialog = ImportDialog(window.hub, [str(page)], window)
    qtbot.addWidget(dialog)
    _run(qtbot, dialog)
    assert [r.status for r in dialog.results] == ["added"]
    sources = window.show_tab("sources")
    doc = next(r for r in table_rows(sources) if "release.html" in (r["path"] or ""))
    sources.select_id(doc["id"])
    text = sources.text.toPlainText()
    assert "Sergey Lavrov held talks in Moscow" in " ".join(text.split())
    for junk in ("Cookie banner", "Contacts menu", "Copyright footer", "color:red"):
        assert junk not in text
