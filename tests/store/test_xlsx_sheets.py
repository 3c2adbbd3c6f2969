"""XLSX exports that read well: bold frozen header, fitted widths, autofilter, dates as dates,
numbers and percentages with formats, the manifest as key/value rows, still formula-safe."""

import datetime

import pytest

from app.store import export_tables
from app.store.xlsx_sheets import MAX_WIDTH, MIN_WIDTH, manifest_rows

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def book(seed_db, tmp_path):
    import sqlite3

    conn = sqlite3.connect(seed_db)
    conn.execute("UPDATE documents SET title = '=1+2' WHERE id = 1")
    conn.commit()
    conn.close()
    dest = tmp_path / "out.xlsx"
    export_tables(seed_db, ["people", "meetings", "trade", "sources"], "xlsx", dest)
    return openpyxl.load_workbook(dest)


def _column(ws, name):
    header = [c.value for c in ws[1]]
    return header.index(name) + 1


def test_header_is_bold_frozen_and_filtered(book):
    for name in ("people", "meetings", "trade", "sources"):
        ws = book[name]
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        last = openpyxl.utils.get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
        widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width
                  for i in range(1, ws.max_column + 1)]
        assert all(MIN_WIDTH <= w <= MAX_WIDTH + 1 for w in widths)
    people = book["people"]
    name_w = people.column_dimensions["B"].width
    longest = max(len(str(c.value or "")) for c in people["B"])
    assert name_w >= longest  # fitted to the longest name


def test_dates_are_dates_and_coarse_dates_stay_text(book):
    ws = book["meetings"]
    col = _column(ws, "date_start")
    cells = [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]
    days = [c for c in cells if isinstance(c.value, datetime.datetime)]
    assert days and all(c.number_format == "yyyy-mm-dd" for c in days)
    assert all(isinstance(c.value, str) and len(c.value) in (4, 7)
               for c in cells if c.value is not None and c not in days)


def test_numbers_have_formats_and_percentages_are_numbers(book):
    ws = book["trade"]
    value, unit = _column(ws, "value"), _column(ws, "unit")
    rows = [(ws.cell(row=r, column=value), ws.cell(row=r, column=unit).value)
            for r in range(2, ws.max_row + 1)]
    usd = [c for c, u in rows if u == "USD"]
    assert usd and all(c.number_format in ("#,##0", "#,##0.00") for c in usd)
    assert 46_500_000_000 in [c.value for c in usd]
    percent = [c for c, u in rows if u == "percent"]
    assert percent and all(c.number_format.endswith("%") for c in percent)
    assert any(abs(c.value - 0.574) < 1e-9 for c in percent)  # 57.4 % shown as a percentage
    ids = [ws.cell(row=r, column=1) for r in range(2, ws.max_row + 1)]
    assert all(c.number_format == "0" for c in ids)  # ids without thousands separators


def test_manifest_is_key_value_rows_and_formulas_stay_text(book):
    rows = list(book["manifest"].iter_rows(values_only=True))
    keys = {r[0]: r[1] for r in rows[1:] if r[0]}
    assert keys["rows in people"] > 0 and keys["scope of people"] == "all rows"
    assert keys["tables"] == "people, meetings, trade, sources"
    assert not any(isinstance(v, str) and v.lstrip().startswith(("{", "[")) for v in keys.values())
    assert any(r[0] and str(r[0]).startswith("source documents") for r in rows)
    title = book["sources"].cell(row=2, column=_column(book["sources"], "title"))
    assert title.value == "'=1+2" and title.data_type == "s"


def test_manifest_rows_flatten_scopes():
    rows = dict(manifest_rows({"tables": ["a", "b"], "scope": {"a": {"text": "x", "ids": [1, 2]},
                                                               "b": "all rows"},
                               "row_counts": {"a": 2}, "note": None}))
    assert rows == {"tables": "a, b", "scope of a": "text = x; ids = 1, 2",
                    "scope of b": "all rows", "rows in a": 2}
