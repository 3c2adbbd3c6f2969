import csv
import datetime
import json
import os
import sqlite3

import pytest

from app.store import ExportError, Filters, Store, export_tables
from app.store.export import unneutralise

TABLES = list(Store.TABLES)


def _expected(db, table, filters=None):
    with Store.open(db) as store:
        return store.columns(table), store.rows(table, filters)


def _norm(v):
    """Compare across formats: CSV has text only, empty for NULL."""
    if v is None or v == "":
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    try:
        f = float(v)
        return repr(int(f)) if f.is_integer() else repr(f)
    except (TypeError, ValueError):
        return str(v)


def _plant_formula(db):
    """A value a spreadsheet would run, as an extractor could produce from hostile text."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET title = '=HYPERLINK(\"http://x\",\"y\")' WHERE id = 1")
    conn.commit()
    conn.close()


def test_csv_round_trip_manifest_and_neutralising(seed_db, tmp_path):
    _plant_formula(seed_db)
    out = tmp_path / "export"
    res = export_tables(seed_db, TABLES, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.csv" for t in TABLES] + ["manifest.json"])
    for table in TABLES:
        cols, rows = _expected(seed_db, table)
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as fh:
            got = list(csv.reader(fh))
        assert got[0] == cols
        assert len(got) - 1 == len(rows) == res.counts[table]
        for line, row in zip(got[1:], rows, strict=True):
            assert [_norm(unneutralise(v)) for v in line] == [_norm(row[c]) for c in cols]
    with open(out / "sources.csv", encoding="utf-8") as fh:
        assert "'=HYPERLINK" in fh.read()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tables"] == TABLES
    assert manifest["row_counts"] == res.counts
    assert manifest["app_version"] and manifest["database"].endswith("seed.db")
    assert [d["id"] for d in manifest["source_documents"]] == [1]


def test_json_round_trip(seed_db, tmp_path):
    dest = tmp_path / "out.json"
    export_tables(seed_db, ["people", "meetings", "trade"], "json", dest)
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert set(data) == {"manifest", "people", "meetings", "trade"}
    for table in ("people", "meetings", "trade"):
        assert data[table] == _expected(seed_db, table)[1]
    assert data["manifest"]["scope"] == {t: "all rows" for t in ("people", "meetings", "trade")}


def test_xlsx_round_trip_and_no_formulas(seed_db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    _plant_formula(seed_db)
    dest = tmp_path / "out.xlsx"
    export_tables(seed_db, TABLES, "xlsx", dest)
    wb = openpyxl.load_workbook(dest)
    assert wb.sheetnames == [*TABLES, "manifest"]
    for table in TABLES:
        cols, rows = _expected(seed_db, table)
        ws = wb[table]
        got = list(ws.iter_rows(values_only=True))
        assert list(got[0]) == cols
        assert len(got) - 1 == len(rows)
        for line, row in zip(got[1:], rows, strict=True):
            assert [_norm(_xlsx_value(c, v, row)) for c, v in zip(cols, line, strict=True)] \
                == [_norm(row[c]) for c in cols]
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))
    manifest = {r[0]: r[1] for r in wb["manifest"].iter_rows(min_row=2, values_only=True)}
    assert manifest["rows in sources"] == 1


def _xlsx_value(column, value, row):
    """What the database holds for a cell the sheet shows as a date or a percentage."""
    if isinstance(value, datetime.datetime):
        stamp = value.isoformat()
        return stamp[:10] if len(row[column]) == 10 else row[column]
    if column == "value" and row.get("unit") == "percent":
        return round(value * 100, 9)
    return unneutralise(value)


def test_filtered_and_selected_scope(seed_db, tmp_path):
    with Store.open(seed_db) as store:
        ids = [r["id"] for r in store.rows("figures", limit=3)]
    dest = tmp_path / "sel.json"
    export_tables(seed_db, ["figures", "sources"], "json", dest, ids={"figures": ids},
                  filters={"sources": Filters(text="no such text")})
    data = json.loads(dest.read_text())
    assert [r["id"] for r in data["figures"]] == ids
    assert data["sources"] == []
    assert data["manifest"]["scope"]["figures"] == {"ids": ids}
    assert data["manifest"]["row_counts"] == {"figures": len(ids), "sources": 0}


def test_unwritable_destination_clear_error_nothing_written(seed_db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for fmt, name in (("csv", "out"), ("json", "out.json"), ("xlsx", "out.xlsx")):
        for dest in (blocker / name, f"/proc/version/{name}"):
            with pytest.raises(ExportError) as err:
                export_tables(seed_db, ["people"], fmt, dest)
            assert "cannot" in str(err.value) and "\n" not in str(err.value)
    assert blocker.read_text() == "not a folder"
    with pytest.raises(ExportError):
        export_tables(seed_db, ["nope"], "csv", tmp_path / "x")
    with pytest.raises(ExportError):
        export_tables(seed_db, ["people"], "pdf", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_read_only_folder(seed_db, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        for fmt, name in (("csv", "out"), ("json", "out.json"), ("xlsx", "out.xlsx")):
            with pytest.raises(ExportError) as err:
                export_tables(seed_db, ["people"], fmt, locked / name)
            assert str(locked) in str(err.value)
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o700)


def test_failed_write_leaves_previous_export_intact(seed_db, tmp_path, monkeypatch):
    dest = tmp_path / "out.json"
    dest.write_text('{"old": true}')

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("json.dump", boom)
    with pytest.raises(ExportError):
        export_tables(seed_db, ["people"], "json", dest)
    assert dest.read_text() == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir() if p.name != "seed.db" and "seed.db" not in
            p.name] == ["out.json"]


def test_xlsx_refuses_more_rows_than_a_sheet_holds(seed_db, tmp_path, monkeypatch):
    monkeypatch.setattr("app.store.export.XLSX_MAX_ROWS", 0)
    with pytest.raises(ExportError) as err:
        export_tables(seed_db, ["sources"], "xlsx", tmp_path / "big.xlsx")
    assert "CSV" in str(err.value)
    assert not any(tmp_path.glob("*.xlsx*"))


def test_csv_never_replaces_a_folder_of_the_users_own(seed_db, tmp_path):
    mine = tmp_path / "Documents"
    mine.mkdir()
    (mine / "thesis.odt").write_bytes(b"years of work")
    with pytest.raises(ExportError, match="not an earlier CSV export"):
        export_tables(seed_db, ["people"], "csv", mine)
    assert sorted(p.name for p in mine.iterdir()) == ["thesis.odt"]
    assert (mine / "thesis.odt").read_bytes() == b"years of work"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_csv_replaces_an_earlier_export(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, ["people", "meetings"], "csv", out)
    export_tables(seed_db, ["people"], "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "people.csv"]


LONG_TALKS = """Press release on talks in Hanoi
4 March 2025

On 3 March 2025, Foreign Minister Ivan Petrov held talks in Hanoi with Minister of Foreign \
Affairs of Vietnam Nguyen Van Minh on the preparation of the next meeting of the \
intergovernmental commission, cooperation in energy, transport, agriculture and higher \
education, the schedule of cultural exchanges between the regions of both countries and the \
situation in the Asia-Pacific region.
"""


def test_a_long_summary_is_stored_and_exported_whole(tmp_path):
    """Summaries were cut at about 150 characters when extracted, so the database and every
    export lost the end of them; they are cut on screen only now."""
    src = tmp_path / "talks.txt"
    src.write_text(LONG_TALKS, encoding="utf-8")
    db = tmp_path / "talks.db"
    from app.store.ingest import ingest_paths

    assert all(r.ok for r in ingest_paths(db, [src]))
    with Store.open(db) as store:
        summaries = [r["summary"] for r in store.rows("meetings")]
    talks = next(s for s in summaries if "Hanoi" in s)
    assert len(talks) > 200 and not talks.endswith("…")
    assert talks.endswith("situation in the Asia-Pacific region")
    out = tmp_path / "out.json"
    export_tables(db, ["meetings"], "json", out)
    exported = json.loads(out.read_text(encoding="utf-8"))["meetings"]
    assert talks in [r["summary"] for r in exported]
