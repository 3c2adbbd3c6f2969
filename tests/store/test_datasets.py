"""Importing a dataset of releases: CSV/TSV, JSON Lines, Parquet; columns guessed or named;
the dataset's date as publication date; resuming; bad rows reported, the others kept."""

import csv
import itertools
import json
import sqlite3
import sys

import pytest

from app.store import datasets
from app.store.datasets import dataset_date, guess_columns, import_dataset, resolve_columns
from app.store.errors import ReadError, StoreError
from tests.store.conftest import CORPUS

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:4]]


def rows(n=4):
    return [{"text": TEXTS[i % len(TEXTS)] if i < len(TEXTS) else TEXTS[0] + f"\n\nNote {i}.",
             "date": f"2019-03-{i + 1:02d}T09:30:00", "url": f"https://example.org/r/{i}",
             "title": f"Release {i}"} for i in range(n)]


def write_jsonl(path, items):
    path.write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    return path


def docs(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT title, date, url, origin, path FROM documents "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()


def test_jsonl_dates_urls_titles_from_the_dataset(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", rows())
    r = import_dataset(tmp_path / "db.db", src)
    assert (r.rows, r.added, r.present, r.failed) == (4, 4, 0, 0)
    assert r.guessed == ["text", "date", "url", "title"]
    got = docs(tmp_path / "db.db")
    # the dataset's date wins over the one the release's own header gives
    assert [d[1] for d in got] == ["2019-03-01", "2019-03-02", "2019-03-03", "2019-03-04"]
    assert [d[0] for d in got] == [f"Release {i}" for i in range(4)]
    assert got[2][2] == "https://example.org/r/2" and got[0][3] == "dataset"
    assert got[1][4].endswith("a.jsonl#row=2")


def test_dataset_date_is_the_extractions_publication_date():
    from app.extract import extract

    ex = extract(TEXTS[0], "x", meta={"date": "2019-03-01"}, date="2019-03-01")
    datasets.apply_dataset_fields(ex, "2019-03-01", "09:30", "T")
    assert (ex.document.date, ex.document.date_origin, ex.document.time) == (
        "2019-03-01", "dataset", "09:30")


def test_second_run_adds_nothing_and_skips_extraction(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "a.jsonl", rows(6))
    db = tmp_path / "db.db"
    assert import_dataset(db, src).added == 6

    def boom(*_a, **_k):
        raise AssertionError("extracted a row already stored")

    monkeypatch.setattr("app.extract.extract", boom)
    again = import_dataset(db, src)
    assert (again.added, again.present, again.failed) == (0, 6, 0)
    assert len(docs(db)) == 6


def test_interrupted_import_resumes(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", rows(5))
    db = tmp_path / "db.db"
    asked = itertools.count()  # cancel() is asked before each row: Cancel during row 2
    seen = []
    first = import_dataset(db, src, cancel=lambda: next(asked) >= 2,
                           progress=lambda d, t, m: seen.append(m))
    assert first.cancelled and first.added == 2
    assert seen and "2 added" in seen[-1]
    rest = import_dataset(db, src)
    assert (rest.added, rest.present) == (3, 2)


def test_csv_with_usual_names_and_long_cells(tmp_path):
    src = tmp_path / "a.csv"
    long_text = TEXTS[1] + "\n\n" + ("The sides discussed cooperation. " * 6000)  # > 128 KB
    assert len(long_text) > 131072
    with open(src, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, ["Headline", "Body", "Published", "Link"])
        w.writeheader()
        w.writerow({"Headline": "Long", "Body": long_text, "Published": "05.06.2021",
                    "Link": "https://example.org/long"})
        w.writerow({"Headline": "Empty", "Body": "  ", "Published": "", "Link": ""})
    r = import_dataset(tmp_path / "db.db", src)
    assert r.columns == {"text": "Body", "date": "Published", "url": "Link",
                         "title": "Headline"}
    assert (r.added, r.empty) == (1, 1)
    assert docs(tmp_path / "db.db")[0][1] == "2021-06-05"


def test_named_columns_and_refusals(tmp_path):
    src = write_jsonl(tmp_path / "a.jsonl", [{"story": TEXTS[0], "when": "2020-01-02"}])
    with pytest.raises(ReadError, match="no text column found among story, when"):
        resolve_columns(src)
    with pytest.raises(ReadError, match="no column 'nope'"):
        resolve_columns(src, {"text": "nope"})
    cols, guessed = resolve_columns(src, {"text": "story", "date": "when"})
    assert cols == {"text": "story", "date": "when", "url": None, "title": None}
    assert guessed == []
    r = import_dataset(tmp_path / "db.db", src, {"text": "story", "date": "when"})
    assert r.added == 1 and docs(tmp_path / "db.db")[0][1] == "2020-01-02"


def test_bad_lines_are_reported_and_the_others_kept(tmp_path):
    src = tmp_path / "a.jsonl"
    good = rows(2)
    src.write_text(json.dumps(good[0]) + "\n{not json\n[1, 2]\n" + json.dumps(good[1]) + "\n",
                   encoding="utf-8")
    r = import_dataset(tmp_path / "db.db", src)
    assert (r.added, r.failed) == (2, 2)
    assert any("line 2: not JSON" in e for e in r.errors)
    assert any("line 3: not a JSON object" in e for e in r.errors)


def test_parquet_streams_in_batches(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "a.parquet"
    items = rows(3)
    from datetime import datetime

    for i, item in enumerate(items):
        item["date"] = datetime(2018, 7, i + 1, 14, 5)  # a real timestamp column
    pq.write_table(pa.Table.from_pylist(items), src)
    r = import_dataset(tmp_path / "db.db", src)
    assert r.added == 3
    assert [d[1] for d in docs(tmp_path / "db.db")] == ["2018-07-01", "2018-07-02",
                                                        "2018-07-03"]


def test_parquet_without_pyarrow_says_how_to_get_it(tmp_path, monkeypatch):
    src = tmp_path / "a.parquet"
    src.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(StoreError, match=r"pip install 'factbrowser\[parquet\]'"):
        import_dataset(tmp_path / "db.db", src)


@pytest.mark.parametrize("value,expected", [
    ("2024-06-24", ("2024-06-24", None)),
    ("2024-06-24T10:15:00+03:00", ("2024-06-24", "10:15")),
    ("2024-06-24 00:00:00", ("2024-06-24", None)),
    ("24.06.2024", ("2024-06-24", None)),
    ("2024/06/24", ("2024-06-24", None)),
    (1719223200, ("2024-06-24", "10:00")),
    ("", (None, None)), ("yesterday", (None, None)), ("2024-13-45", (None, None)),
])
def test_dataset_dates(value, expected):
    assert dataset_date(value) == expected


def test_guess_columns_prefers_usual_names():
    assert guess_columns(["ID", "Content", "pub_date", "href", "Name"]) == {
        "text": "Content", "date": "pub_date", "url": "href", "title": "Name"}
    assert guess_columns(["a", "b"]) == {"text": None, "date": None, "url": None,
                                         "title": None}


def test_url_column_added_once(tmp_path):
    from app.store.db import connect

    conn = connect(tmp_path / "db.db", create=True)
    datasets.ensure_url_column(conn)
    datasets.ensure_url_column(conn)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    assert cols.count("url") == 1


def test_reextract_keeps_the_datasets_date_and_title(tmp_path):
    from app.store.ingest import rebuild

    src = write_jsonl(tmp_path / "a.jsonl", rows(2))
    db = tmp_path / "db.db"
    import_dataset(db, src)
    before = docs(db)
    assert rebuild(db, reextract=True) == 2
    assert docs(db) == before
