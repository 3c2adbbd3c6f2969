"""Issue 11 through the real entry point: `ingest --date` gives or overrides a release's
publication date, `set-date` changes it later; bad dates are refused and nothing changes."""

import json

import pytest

from tests.test_cli import run

DATELESS = ("Sergey Lavrov holds talks with the Foreign Minister of Serbia\n\n"
            "Foreign Minister of Russia Sergey Lavrov held talks in Moscow with Foreign "
            "Minister of Serbia Marko Djuric. The ministers discussed bilateral trade and "
            "the preparation of an intergovernmental commission.\n")
DATED = ("11:20\n\nPress release on Foreign Minister Sergey Lavrov's meeting with the "
         "Ambassador of Serbia\n\n0412-05-03-2024\n\nOn March 5, Foreign Minister Sergey "
         "Lavrov met with Ambassador of Serbia to Russia Momcilo Babic in Moscow.\n")


@pytest.fixture
def db(tmp_path):
    (tmp_path / "dateless.txt").write_text(DATELESS, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(DATED, encoding="utf-8")
    return tmp_path / "t.db"


def sources(tmp_path, db):
    lines = run(tmp_path, "show", "sources", "--json", "--db", db).stdout.splitlines()
    return {r["path"]: r for r in map(json.loads, lines)}


def test_ingest_reports_a_missing_date_and_date_gives_it(tmp_path, db):
    out = run(tmp_path, "ingest", "dateless.txt", "dated.txt", "--db", db).stdout
    first, second = out.splitlines()[:2]
    assert first.startswith("dateless.txt: added as document 1 (text, utf-8); "
                            "no publication date found")
    assert second == "dated.txt: added as document 2 (text, utf-8)"
    rows = sources(tmp_path, db)
    assert (rows["dateless.txt"]["date"], rows["dateless.txt"]["date_origin"]) == (None, "none")
    assert (rows["dated.txt"]["date"], rows["dated.txt"]["date_origin"]) == ("2024-03-05",
                                                                            "header")
    out = run(tmp_path, "ingest", "--date", "2024-03-04", "dateless.txt", "--db", db).stdout
    assert ("dateless.txt: already present (document 1); publication date set to 2024-03-04 "
            "(was none)") in out
    rows = sources(tmp_path, db)
    assert (rows["dateless.txt"]["date"], rows["dateless.txt"]["date_origin"]) == (
        "2024-03-04", "user")
    assert rows["dateless.txt"]["id"] == 1


def test_date_overrides_the_header_of_a_new_release(tmp_path, db):
    out = run(tmp_path, "ingest", "dated.txt", "--date", "2024-03-06", "--db", db).stdout
    assert out.startswith("dated.txt: added as document 1 (text, utf-8)\n")
    row = sources(tmp_path, db)["dated.txt"]
    assert (row["date"], row["date_origin"]) == ("2024-03-06", "user")


@pytest.mark.parametrize("bad", ["2024-13-01", "5 March 2024", "2024-02-30"])
def test_bad_date_is_refused_before_anything_is_imported(tmp_path, db, bad):
    proc = run(tmp_path, "ingest", "--date", bad, "dateless.txt", "--db", db, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith(f"factbrowser: bad date {bad!r}")
    assert "YYYY-MM-DD" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not db.exists() or not sources(tmp_path, db)


def test_set_date_redates_a_stored_document(tmp_path, db):
    run(tmp_path, "ingest", "dateless.txt", "dated.txt", "--db", db)
    before = sources(tmp_path, db)["dateless.txt"]
    out = run(tmp_path, "set-date", "1", "2024-03-04", "--db", db).stdout
    assert out.startswith("document 1: publication date 2024-03-04 (was none); ")
    after = sources(tmp_path, db)["dateless.txt"]
    assert (after["date"], after["date_origin"], after["id"]) == ("2024-03-04", "user", 1)
    assert after["added"] == before["added"] and after["facts"] > 0
    # by stored path, too
    out = run(tmp_path, "set-date", "dated.txt", "2024-03-07", "--db", db).stdout
    assert out.startswith("document 2: publication date 2024-03-07 (was 2024-03-05)")
    assert sources(tmp_path, db)["dated.txt"]["date_origin"] == "user"
    for args, message in ((["1", "2024-3-4"], "bad date '2024-3-4'"),
                          (["99", "2024-03-04"], "no stored document matches '99'")):
        proc = run(tmp_path, "set-date", *args, "--db", db, check=False)
        assert proc.returncode == 2 and message in proc.stderr
    assert sources(tmp_path, db)["dateless.txt"]["date"] == "2024-03-04"
