"""Sheets that read well in a spreadsheet: a bold header row that stays in view, columns as
wide as their content (within bounds), an autofilter, dates as dates, numbers with thousands
separators and percentages as percentages, and the manifest as key/value rows.

Text cells are always written as strings (never formulas) and pass through the export's
`neutralise`, so a cell starting with = + - @ cannot run as a formula.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?\Z")
MIN_WIDTH, MAX_WIDTH = 6, 60  # characters
WIDTH_SAMPLE = 2000  # rows looked at to fit a column's width
# integer columns that are identifiers or flags, not quantities: no thousands separators
_PLAIN_INTS = {"id", "derived", "conflict"}


class _Formats:
    def __init__(self, wb):
        self.header = wb.add_format({"bold": True, "bottom": 1, "text_wrap": False})
        self.date = wb.add_format({"num_format": "yyyy-mm-dd", "align": "left"})
        self.stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "left"})
        self.integer = wb.add_format({"num_format": "#,##0"})
        self.decimal = wb.add_format({"num_format": "#,##0.00"})
        self.plain = wb.add_format({"num_format": "0"})
        self.percent = wb.add_format({"num_format": "0%"})
        self.percent_decimal = wb.add_format({"num_format": "0.0#%"})
        self.key = wb.add_format({"bold": True, "valign": "top"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})


def _as_date(text: str):
    if _DATE.match(text):
        try:
            return date.fromisoformat(text), "date"
        except ValueError:
            return None, None
    if _STAMP.match(text):
        try:
            stamp = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None, None
        return stamp.replace(tzinfo=None), "stamp"
    return None, None


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    return max((len(line) for line in str(value).split("\n")), default=0)


def fitted_widths(columns: list[str], rows: list[dict]) -> list[int]:
    widths = []
    for name in columns:
        longest = max((_width(r.get(name)) for r in rows[:WIDTH_SAMPLE]), default=0)
        widths.append(max(MIN_WIDTH, min(MAX_WIDTH, max(longest, len(name) + 3) + 1)))
    return widths


def _write_cell(ws, r: int, c: int, name: str, value, row: dict, fmt: _Formats,
                neutralise: Callable) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, int | float):
        if name == "value" and row.get("unit") == "percent":
            ws.write_number(r, c, value / 100, fmt.percent if float(value).is_integer()
                            else fmt.percent_decimal)
        elif name in _PLAIN_INTS:
            ws.write_number(r, c, value, fmt.plain)
        elif float(value).is_integer():
            ws.write_number(r, c, value, fmt.integer)
        else:
            ws.write_number(r, c, value, fmt.decimal)
    else:
        text = str(value)
        when, kind = _as_date(text)
        if when is not None:
            ws.write_datetime(r, c, when, fmt.date if kind == "date" else fmt.stamp)
        else:
            ws.write_string(r, c, str(neutralise(text)))


def _write_table(wb, fmt: _Formats, table: str, columns: list[str], rows: list[dict],
                 neutralise: Callable) -> None:
    ws = wb.add_worksheet(table[:31])
    for c, width in enumerate(fitted_widths(columns, rows)):
        ws.set_column(c, c, width)
    for c, name in enumerate(columns):
        ws.write_string(0, c, name, fmt.header)
    ws.freeze_panes(1, 0)
    if columns:
        ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    for r, row in enumerate(rows, start=1):
        for c, name in enumerate(columns):
            _write_cell(ws, r, c, name, row[name], row, fmt, neutralise)


def manifest_rows(manifest: dict) -> list[tuple[str, object]]:
    """The manifest as (key, value) rows a person reads: one row per table for its scope and
    row count, lists joined; the source documents go in their own table below."""
    out: list[tuple[str, object]] = []
    for key, value in manifest.items():
        if key == "source_documents" or value is None:
            continue
        if key == "scope" and isinstance(value, dict):
            for table, scope in value.items():
                text = scope if isinstance(scope, str) else "; ".join(
                    f"{k} = {', '.join(map(str, v)) if isinstance(v, list) else v}"
                    for k, v in scope.items())
                out.append((f"scope of {table}", text))
        elif key == "row_counts" and isinstance(value, dict):
            out.extend((f"rows in {table}", n) for table, n in value.items())
        elif isinstance(value, list):
            out.append((key, ", ".join(map(str, value))))
        elif isinstance(value, dict):
            out.extend((f"{key} {k}", v) for k, v in value.items())
        else:
            out.append((key, value))
    return out


def _write_manifest(wb, fmt: _Formats, manifest: dict, neutralise: Callable) -> None:
    ws = wb.add_worksheet("manifest")
    ws.set_column(0, 0, 22)
    ws.set_column(1, 1, 70)
    ws.set_column(2, 4, 16)
    ws.write_string(0, 0, "key", fmt.header)
    ws.write_string(0, 1, "value", fmt.header)
    ws.freeze_panes(1, 0)
    r = 1
    for key, value in manifest_rows(manifest):
        ws.write_string(r, 0, key, fmt.key)
        _write_cell(ws, r, 1, key, value, {}, fmt, neutralise)
        r += 1
    docs = manifest.get("source_documents") or []
    r += 1
    ws.write_string(r, 0, f"source documents ({len(docs):,})", fmt.key)
    r += 1
    names = ["id", "title", "date", "ref", "path"]
    for c, name in enumerate(names):
        ws.write_string(r, c, name, fmt.header)
    for doc in docs:
        r += 1
        for c, name in enumerate(names):
            _write_cell(ws, r, c, name, doc.get(name), doc, fmt, neutralise)


def write_workbook(path: Path, data: dict, manifest: dict, neutralise: Callable) -> None:
    """`data`: table -> (columns, rows as dicts)."""
    import xlsxwriter

    # constant_memory streams each row to disk as it is written (a big table never sits in
    # memory twice); strings stay strings, never formulas, links or numbers.
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False,
                                         "strings_to_numbers": False})
    try:
        fmt = _Formats(wb)
        for table, (columns, rows) in data.items():
            _write_table(wb, fmt, table, columns, rows, neutralise)
        _write_manifest(wb, fmt, manifest, neutralise)
        wb.close()
    finally:
        # else the workbook's destructor tries to close it again and prints a traceback
        wb.fileclosed = True
