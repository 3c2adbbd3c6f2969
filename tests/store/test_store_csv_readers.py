"""The exported CSV opens cleanly in the tools people use: pandas and LibreOffice."""

import csv
import shutil
import subprocess

import pytest

from app.store import Store, export_tables

TABLES = list(Store.TABLES)


@pytest.fixture
def exported(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, TABLES, "csv", out)
    return seed_db, out


def test_pandas_reads_every_table_with_its_rows_and_columns(exported):
    pd = pytest.importorskip("pandas")
    db, out = exported
    with Store.open(db) as store:
        for table in TABLES:
            frame = pd.read_csv(out / f"{table}.csv", encoding="utf-8")
            assert list(frame.columns) == store.columns(table)
            assert len(frame) == store.count(table)
    people = pd.read_csv(out / "people.csv")
    assert "Sergey Lavrov" in set(people["name"])


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed")
def test_libreoffice_converts_the_csv_without_losing_rows(exported, tmp_path):
    db, out = exported
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    target = tmp_path / "converted"
    # UTF-8 (76), comma separated (44), quoted text (34): the import filter options.
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "csv", "--outdir",
                    str(target), str(out / "meetings.csv")],
                   check=True, capture_output=True, timeout=180)
    with open(out / "meetings.csv", encoding="utf-8", newline="") as fh:
        original = list(csv.reader(fh))
    with open(target / "meetings.csv", encoding="utf-8", newline="") as fh:
        converted = list(csv.reader(fh))
    with Store.open(db) as store:
        assert len(converted) == len(original) == store.count("meetings") + 1
    assert converted[0] == original[0]
    # Same cells in the same columns; LibreOffice may only re-format dates and numbers.
    for ours, theirs in zip(original, converted, strict=True):
        assert len(theirs) == len(ours)
        assert [c for c in theirs if not c[:1].isdigit()] == [c for c in ours if not c[:1].isdigit()]


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed")
def test_libreoffice_opens_the_formatted_xlsx_with_every_row(seed_db, tmp_path):
    """The formatted workbook (styles, frozen header, autofilter, date cells) opens in
    LibreOffice: its trade sheet converts back with every row, the header as written and each
    amount readable as a number in its display format (thousands separators, percent)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    book = tmp_path / "facts.xlsx"
    export_tables(seed_db, ["trade", "meetings"], "xlsx", book)
    target = tmp_path / "converted"
    # the first sheet (trade) as CSV, UTF-8
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                    str(target), str(book)], check=True, capture_output=True, timeout=180)
    with open(target / "facts.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with Store.open(seed_db) as store:
        assert rows[0] == store.columns("trade")
        assert len(rows) == store.count("trade") + 1
    values = [r[rows[0].index("value")] for r in rows[1:]]
    assert all(float(v.replace(",", "").rstrip("%")) > 0 for v in values), values
