"""File ▸ Import Dataset: column mapping prefilled with the guess, a preview of the first
rows, import off the UI thread with progress and Cancel, and the URL as a link in Sources."""

import json

from gui_helpers import CORPUS

from app.gui.dialogs.dataset_import_dialog import NONE, DatasetImportDialog


def _archive(tmp_path, n=3):
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:n]]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps({
        "headline": f"Row {i}", "content": t, "published": f"2018-05-{i + 1:02d}",
        "link": f"https://example.org/r/{i}"}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8")
    return path


def test_mapping_prefilled_preview_import_and_link(qtbot, window, tmp_path):
    path = _archive(tmp_path)
    dialog = DatasetImportDialog(window.hub, str(path), window)
    qtbot.addWidget(dialog)
    assert dialog.columns() == {"text": "content", "date": "published", "url": "link",
                                "title": "headline"}
    assert "Guessed" in dialog.guess_note.text()
    assert dialog.preview.rowCount() == 3 and dialog.preview.columnCount() == 4
    assert dialog.preview.item(0, 0).text() == "Row 0"
    assert dialog.import_button.isEnabled()
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "dataset_dialog.png"))

    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.finished_import, timeout=120000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    assert dialog.result.added == 3 and not dialog.result.cancelled
    assert "3 added" in dialog.status.text() and seen
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.close_button.isEnabled() and not dialog.import_button.isEnabled()

    sources = window.show_tab("sources")
    row = next(i for i in range(sources.model.rowCount())
               if sources.model.index(i, sources.columns.index("title")).data() == "Row 1")
    sources.view.selectRow(row)
    qtbot.waitUntil(lambda: sources.link.isVisible(), timeout=5000)
    assert "https://example.org/r/1" in sources.link.text()
    assert sources.link.openExternalLinks()
    seed = next(i for i in range(sources.model.rowCount())
                if sources.model.index(i, sources.columns.index("title")).data()
                not in ("Row 0", "Row 1", "Row 2"))
    sources.view.selectRow(seed)
    qtbot.waitUntil(lambda: not sources.link.isVisible(), timeout=5000)  # a file: no URL


def test_without_a_text_column_import_waits_for_a_choice(qtbot, window, tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"story": "x", "when": "2020-01-01"}) + "\n", encoding="utf-8")
    dialog = DatasetImportDialog(window.hub, str(path), window)
    qtbot.addWidget(dialog)
    assert dialog.columns()["text"] is None and not dialog.import_button.isEnabled()
    dialog.combos["text"].setCurrentText("story")
    assert dialog.import_button.isEnabled()
    dialog.combos["text"].setCurrentText(NONE)
    assert not dialog.import_button.isEnabled()


def test_unreadable_file_says_why(qtbot, window, tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"not parquet at all")
    dialog = DatasetImportDialog(window.hub, str(path), window)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "broken.parquet" in dialog.status.text()


def test_cancel_keeps_the_rows_imported(qtbot, window, tmp_path):
    path = _archive(tmp_path, n=5)
    dialog = DatasetImportDialog(window.hub, str(path), window)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=120000)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
    assert dialog.result.cancelled and dialog.result.added < 5
    assert "cancelled" in dialog.status.text()


def test_file_menu_has_import_dataset(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in file_menu.actions()]
    assert "Import Dataset…" in texts
