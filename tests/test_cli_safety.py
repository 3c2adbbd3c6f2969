"""Hostile input at the command line (issue 10, items 5, 8, 9, 11): terminal escapes in stored
text, file names with line breaks, empty or unreadable folders, undecodable arguments, dates
that are not dates, an SQLite file without tables, damaged and read-only databases."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\nsecond line\r"


def run(cwd, *args, check=True, prelude: str = ""):
    env = {**os.environ, "XDG_DATA_HOME": str(cwd / "xdg"), "QT_QPA_PLATFORM": "offscreen"}
    code = f"{prelude}\nimport sys\nfrom app.cli import main\nraise SystemExit(main(sys.argv[1:]))"
    argv = [sys.executable, "-c", code, *(a if isinstance(a, bytes) else str(a) for a in args)]
    proc = subprocess.run(argv, capture_output=True, env={**env, "PYTHONPATH": str(ROOT)},
                          cwd=cwd, timeout=300)
    out = proc.stdout.decode("utf-8", "surrogateescape")
    err = proc.stderr.decode("utf-8", "surrogateescape")
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{out}\n{err}")
    return proc.returncode, out, err


def _plant(db: Path, sql: str, *params) -> None:
    conn = sqlite3.connect(db)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def _no_raw_controls(text: str) -> None:
    for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\r"):
        assert ch not in text, repr(ch)


def test_show_and_search_escape_control_characters(seed_db, tmp_path):
    _plant(seed_db, "UPDATE documents SET title = 'Press release ' || ?", HOSTILE)
    _plant(seed_db, "UPDATE search_index SET label = label || ? WHERE type = 'person'", HOSTILE)
    _rc, out, _err = run(tmp_path, "--db", seed_db, "show", "sources")
    _no_raw_controls(out)
    assert len(out.splitlines()) == 2  # the header and the one document, on one line
    assert "\\x1b]0;owned" in out and "\\n" in out
    _rc, out, _err = run(tmp_path, "--db", seed_db, "search", "Lavrov")
    _no_raw_controls(out)
    assert "\\x1b[2J" in out
    assert all("second line" not in line or "evil" in line for line in out.splitlines())
    for command in (("show", "sources", "--json"), ("search", "Lavrov", "--json")):
        _rc, out, _err = run(tmp_path, "--db", seed_db, *command)
        _no_raw_controls(out)
        assert "\\u001b" in out


def test_ingest_prints_one_line_per_file_whatever_its_name(seed_db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = folder / "release\nadded as document 99 (text, utf-8)\x1b[2J.txt"
    odd.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    rc, out, err = run(tmp_path, "--db", seed_db, "ingest", odd)
    assert rc == 0, err
    lines = out.splitlines()
    assert len(lines) == 2 and "already present" in lines[0], out
    assert lines[1].startswith("0 added, 1 already present")
    _no_raw_controls(out)
    missing = folder / "gone\nfactbrowser: fake.txt"
    rc, out, err = run(tmp_path, "--db", seed_db, "ingest", missing, check=False)
    assert rc == 1 and len(err.splitlines()) == 1, err


def test_ingest_r_on_an_empty_folder_fails(seed_db, tmp_path):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.pdf").write_bytes(b"%PDF")
    rc, out, err = run(tmp_path, "--db", seed_db, "ingest", "-r", empty, check=False)
    assert rc == 1
    assert f"no release files found in {empty}" in err
    assert "1 failed" in out


UNREADABLE = """
import os
real = os.scandir
def scandir(path="."):
    if str(path).endswith("locked"):
        raise PermissionError(13, "Permission denied", str(path))
    return real(path)
os.scandir = scandir
"""


def test_ingest_r_on_an_unreadable_folder_fails(seed_db, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked.chmod(0)
        prelude = ""
    else:  # root reads any folder: make it unreadable to this process only
        prelude = UNREADABLE
    try:
        rc, _out, err = run(tmp_path, "--db", seed_db, "ingest", "-r", locked, check=False,
                            prelude=prelude)
    finally:
        locked.chmod(0o755)
    assert rc == 1
    assert "cannot read this folder" in err and "ermission denied" in err


def test_lone_surrogates_in_filter_and_search_text(seed_db, tmp_path):
    """Arguments that are not valid UTF-8 reach Python as lone surrogates."""
    for args in (("show", "people", "--text", b"Lavr\xff"),
                 ("show", "people", "--text", b"\xed\xa0\x80"),
                 ("search", b"Lavrov\xff", b"\xfe"),
                 ("export", "--tables", "people", "--text", b"\xff", "-o",
                  tmp_path / "out.json")):
        rc, out, err = run(tmp_path, "--db", seed_db, *args, check=False)
        assert rc == 0, (args, err)
        assert "internal error" not in err
    assert '"\ufffd"' in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_store_filters_and_search_accept_lone_surrogates(seed_db):
    from app.store import Filters, Store

    with Store.open(seed_db) as store:
        for text in ("\udcff", "Lavr\ud800ov", "Min\udfff"):
            f = Filters(text=text, person=text, place=text)
            assert store.count("meetings", f) == len(store.rows("meetings", f))
            assert store.count("people", Filters(text=text)) == len(
                store.rows("people", Filters(text=text)))
            store.search(text)
        # the surrogate becomes U+FFFD, which no stored text holds
        assert store.rows("people", Filters(text="\udcff")) == []


@pytest.mark.parametrize("option,value", [("--from", "notadate"), ("--to", "2024-13"),
                                          ("--from", "2024-02-30"), ("--to", "24"),
                                          ("--from", "\x1b[2J")])
def test_dates_that_are_not_dates_are_refused(seed_db, tmp_path, option, value):
    rc, _out, err = run(tmp_path, "--db", seed_db, "export", "-o", tmp_path / "x.json",
                        option, value, check=False)
    assert rc == 2
    assert "is not a date" in err
    _no_raw_controls(err)
    assert not (tmp_path / "x.json").exists()


def test_good_dates_are_accepted(seed_db, tmp_path):
    for value in ("2024", "2024-06", "2024-06-24"):
        run(tmp_path, "--db", seed_db, "export", "-o", tmp_path / f"{value}.json",
            "--from", value, "--to", value)


def test_build_into_an_sqlite_file_without_tables(tmp_path):
    db = tmp_path / "empty.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")  # an SQLite file with pages but no table
    conn.close()
    assert db.stat().st_size > 0
    _rc, out, _err = run(tmp_path, "build", "--db", db)
    assert "sources 1" in out
    # another application's database is still refused
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (x)")
    conn.close()
    rc, _out, err = run(tmp_path, "build", "--db", other, check=False)
    assert rc == 2 and "not a Fact Browser" in err


READ_ONLY = """
import app.store.sqlite_file as f
f.cannot_write = lambda path: f.FOLDER_READ_ONLY
"""


def test_read_only_database_reads_and_refuses_writes(seed_db, tmp_path):
    """What a read-only folder does (root ignores permissions: the check is patched)."""
    before = seed_db.read_bytes()
    rc, out, err = run(tmp_path, "--db", seed_db, "info", prelude=READ_ONLY)
    assert rc == 0 and "(read-only)" in out and "sources 1" in out
    assert "read-only" in err
    run(tmp_path, "--db", seed_db, "search", "Lavrov", prelude=READ_ONLY)
    for args in (("ingest", SEED), ("remove", "1"), ("build",)):
        rc, out, err = run(tmp_path, "--db", seed_db, *args, check=False, prelude=READ_ONLY)
        assert rc == 2, (args, out, err)
        assert "read-only" in err and len(err.splitlines()) == 1, err
    assert seed_db.read_bytes() == before


def _damaged_copy(db: Path, tmp_path: Path) -> Path:
    """`db` with 8 KB of random bytes in its middle, where SQLite's quick_check notices, on
    pages of rows (the schema's pages are spread through the file as it grows: on one of
    them neither the app nor sqlite3's .recover can find a table to read)."""
    import random

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    data = db.read_bytes()
    rnd = random.Random(4)
    for offset in range(len(data) // 2, len(data) - 8192, 4096):
        bad = tmp_path / "bad.db"
        bad.write_bytes(data[:offset] + rnd.randbytes(8192) + data[offset + 8192:])
        check = sqlite3.connect(f"{bad.as_uri()}?mode=ro", uri=True)
        try:
            check.execute("SELECT name FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError:
            check.close()
            continue
        try:
            if [r[0] for r in check.execute("PRAGMA quick_check")] != ["ok"]:
                return bad
        except sqlite3.DatabaseError:
            return bad
        finally:
            check.close()
    pytest.fail("no damage quick_check notices")


def test_damaged_database_is_read_never_written_and_recovered(seed_db, tmp_path):
    corpus = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    run(tmp_path, "--db", seed_db, "ingest", *corpus[:4])
    bad = _damaged_copy(seed_db, tmp_path)
    before = bad.read_bytes()
    rc, out, err = run(tmp_path, "--db", bad, "info", check=False)
    assert rc in (0, 2) and "damaged" in err and "recover" in err, err
    for args in (("ingest", corpus[4]), ("remove", "1"), ("build",)):
        rc, out, err = run(tmp_path, "--db", bad, *args, check=False)
        assert rc == 2 and "damaged" in err, (args, out, err)
    rc, out, err = run(tmp_path, "--db", bad, "export", "-o", tmp_path / "x.json", check=False)
    assert "internal error" not in err and "damaged" in err, err
    rc, out, _err = run(tmp_path, "--db", bad, "check", check=False)
    assert rc == 1 and "damaged" in out
    rc, out, err = run(tmp_path, "--db", bad, "recover", "-o", tmp_path / "new.db")
    assert "recovered" in out and "sources" in out
    assert bad.read_bytes() == before
    rc, out, _err = run(tmp_path, "--db", tmp_path / "new.db", "check")
    assert "ok" in out
