"""Export: the dialog writes each chosen table in each format with the rows shown; plots
export as valid PNG and SVG."""

import csv
import json
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from gui_helpers import table_rows
from PySide6 import QtCore, QtGui

from app.gui.dialogs.export_dialog import ExportDialog
from app.store.export import unneutralise


def _run_export(qtbot, dialog):
    with qtbot.waitSignal(dialog.exported, timeout=15000):
        qtbot.mouseClick(dialog.export_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    return dialog.result_value


def _read(path, fmt, table):
    if fmt == "csv":
        with open(path / f"{table}.csv", encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "json":
        return json.loads(path.read_text(encoding="utf-8"))[table]
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = list(book[table].iter_rows(values_only=True))
    header = sheet[0]
    return [dict(zip(header, (unneutralise(v) for v in row), strict=True)) for row in sheet[1:]]


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_dialog_writes_chosen_tables_with_the_rows_shown(qtbot, window, tmp_path, fmt):
    trade = window.show_tab("trade")
    qtbot.keyClicks(trade.filter_edit, "trade")
    trade.refresh()
    shown_trade = {r["id"] for r in table_rows(trade)}
    people = window.show_tab("people")
    shown_people = {r["id"] for r in table_rows(people)}
    assert shown_trade and shown_people

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    for table, check in dialog.table_checks.items():
        check.setChecked(table in ("people", "trade", "sources"))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.scope_buttons["shown"].setChecked(True)
    dialog.dest_edit.setText(str(tmp_path / "out"))
    dialog.name_edit.setText("export")
    target = dialog.target()
    result = _run_export(qtbot, dialog)

    assert dialog.error is None
    assert target.exists()
    assert str(target) in dialog.status.text()
    got_trade = {int(r["id"]) for r in _read(target, fmt, "trade")}
    got_people = {int(r["id"]) for r in _read(target, fmt, "people")}
    assert got_trade == shown_trade
    assert got_people == shown_people
    assert result.counts["trade"] == len(shown_trade)
    assert len(_read(target, fmt, "sources")) == window.store.count("sources")


def test_export_selected_rows_only(qtbot, window, tmp_path):
    people = window.show_tab("people")
    people.view.selectRow(1)
    chosen = people.selected_ids()
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    for table, check in dialog.table_checks.items():
        check.setChecked(table == "people")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.scope_buttons["selected"].setChecked(True)
    dialog.dest_edit.setText(str(tmp_path))
    _run_export(qtbot, dialog)
    rows = _read(dialog.target(), "json", "people")
    assert [r["id"] for r in rows] == chosen


def test_export_to_an_unwritable_place_is_reported(qtbot, window, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.dest_edit.setText(str(blocker / "inside"))
    with qtbot.waitSignal(dialog.finished_run, timeout=10000):
        qtbot.mouseClick(dialog.export_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.error
    assert "failed" in dialog.status.text().lower()
    assert blocker.read_text() == "not a folder"


def _check_png(path):
    image = QtGui.QImage(str(path))
    assert not image.isNull() and image.width() > 0 and image.height() > 0


def _check_svg(path):
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 10


def test_every_plot_exports_png_and_svg(qtbot, window, tmp_path):
    from app.gui.plots.panel import PlotPanel

    for name in ("people", "meetings", "trade", "culture", "sources"):
        tab = window.show_tab(name)
        panels = tab.findChildren(PlotPanel)
        assert panels, f"{name} has a plot"
        for i, panel in enumerate(panels):
            png = panel.export(tmp_path / f"{name}-{i}.png")
            svg = panel.export(tmp_path / f"{name}-{i}.svg")
            _check_png(png)
            _check_svg(svg)
    assert not list(tmp_path.glob(".fb-*"))   # no temporary files left behind


def test_plot_export_to_unwritable_folder_raises_readable_error(window, tmp_path):
    from app.gui.plots.plot_files import ExportError

    tab = window.show_tab("trade")
    with pytest.raises(ExportError):
        tab.volume.export(tmp_path / "missing" / "x.svg")
    with pytest.raises(ExportError):
        tab.volume.export(tmp_path / "missing" / "x.png")
