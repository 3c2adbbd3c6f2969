"""A damaged database is found on opening, read but never written, and what can be read is
recovered into a new file; a database this process cannot write opens read-only; leftovers
of a killed upgrade are cleaned (issue 10, items 5, 8, 9)."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

import app.store.integrity as integrity
import app.store.sqlite_file as sqlite_file
from app.store import Store, StoreError, export_tables, ingest_paths, rebuild, remove_document
from app.store import db as dbmod
from app.store.errors import DamagedDatabase, ExportError, ReadOnlyDatabase
from app.store.recovery import recover

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_corpus  # noqa: E402

DEAD_PID = 999_999_999


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quick_check_fails(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA quick_check")] != ["ok"]
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A healthy database of 30 generated releases, checkpointed into one file."""
    tmp = tmp_path_factory.mktemp("archive")
    files = make_corpus.generate(30, tmp / "corpus", seed=11)
    db = tmp / "good.db"
    assert all(r.ok for r in ingest_paths(db, files))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")  # one file: what a user copies around
    facts = dict(conn.execute("SELECT path, facts FROM documents"))
    conn.close()
    return db, files, facts


@pytest.fixture
def damaged(archive, tmp_path):
    """The archive with 8 KB of random bytes written into its middle (the issue's damage),
    at the first place from the middle on where SQLite's quick_check notices it."""
    good, _files, _facts = archive
    size = good.stat().st_size
    rnd = random.Random(10)
    for offset in range(size // 2, size - 8192, 4096):
        bad = tmp_path / "bad.db"
        shutil.copy(good, bad)
        with open(bad, "r+b") as fh:
            fh.seek(offset)
            fh.write(rnd.randbytes(8192))
        if _quick_check_fails(bad):
            return bad
    pytest.fail("no damage quick_check notices")


def test_damaged_database_opens_read_only_and_is_never_written(damaged, archive):
    _good, files, _facts = archive
    before = _digest(damaged)
    with Store.open(damaged) as store:
        assert store.read_only and store.read_only.startswith("damaged")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    for write in (lambda: ingest_paths(damaged, files[:2]),
                  lambda: remove_document(damaged, 1),
                  lambda: rebuild(damaged)):
        with pytest.raises(DamagedDatabase, match="damaged.*recover"):
            write()
    assert _digest(damaged) == before


def test_export_of_a_damaged_database_is_a_clear_message_or_rows(damaged, tmp_path):
    before = _digest(damaged)
    try:
        export_tables(damaged, ["people", "meetings", "figures", "sources"], "json",
                      tmp_path / "out.json")
    except ExportError as exc:
        assert "damaged" in str(exc) and "recover" in str(exc)
    assert _digest(damaged) == before


@pytest.mark.parametrize("use_shell", [False, True])
def test_recover_rebuilds_the_readable_documents(damaged, archive, tmp_path, use_shell):
    _good, _files, facts = archive
    if use_shell and not shutil.which("sqlite3"):
        pytest.skip("no sqlite3 shell here")
    before = _digest(damaged)
    out = tmp_path / "recovered.db"
    result = recover(damaged, out, use_shell=use_shell)
    assert _digest(damaged) == before
    assert 0 < result.added == result.found <= 30
    assert not _quick_check_fails(out)
    with Store.open(out) as store:
        assert not store.read_only
        assert store.count("sources") == result.added
        # every recovered document is one of the originals, with its facts
        for row in store.rows("sources"):
            assert facts[row["path"]] == row["facts"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.db", "recovered.db"]
    with pytest.raises(StoreError, match="already exists"):
        recover(damaged, out)


def test_check_reports_damage_and_health(damaged, archive):
    good, _files, _facts = archive
    assert dbmod.check_database(good) == []
    problems = dbmod.check_database(damaged)
    assert problems and all(isinstance(p, str) for p in problems)


def test_quick_check_stops_at_its_time_limit(tmp_path):
    """The limit holds inside SQLite's walk of one big b-tree (no VM step happens there)."""
    import time

    big = tmp_path / "big.db"
    conn = sqlite3.connect(big)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)")
    conn.execute("CREATE INDEX t_a ON t(a)")
    conn.executemany("INSERT INTO t (a) VALUES (?)",
                     ((f"{i:08d}" + "x" * 300,) for i in range(150_000)))
    conn.commit()
    # The timer is a thread: on a loaded machine it may wake only after the whole check (then
    # the check is simply done); a few tries tell a limit that holds from one that never bites.
    outcomes = []
    for _try in range(5):
        started = time.perf_counter()
        outcome = dbmod.quick_check(conn, seconds=0.002)
        outcomes.append((outcome, time.perf_counter() - started))
        if outcome == ("unfinished", []):
            break
    assert outcomes[-1][0] == ("unfinished", []), outcomes
    assert outcomes[-1][1] < 0.5, outcomes
    assert dbmod.quick_check(conn, seconds=None) == ("ok", [])
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 150_000  # not interrupted
    conn.close()


def test_quick_check_is_bounded_in_time(archive, monkeypatch, tmp_path):
    good = Path(shutil.copy(archive[0], tmp_path / "good.db"))
    conn = sqlite3.connect(good)
    try:
        assert dbmod.quick_check(conn, seconds=-1)[0] == "unfinished"
        assert dbmod.quick_check(conn, seconds=None) == ("ok", [])
        # the time limit does not outlive the check
        assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] > 100
    finally:
        conn.close()
    # an unfinished check does not stop the database being written
    monkeypatch.setattr(integrity, "QUICK_CHECK_SECONDS", -1)
    monkeypatch.setattr(integrity, "_quick_checked", {})
    conn = dbmod.connect(good, write=True)
    assert conn.read_only is None
    conn.close()


@pytest.fixture
def read_only_here(monkeypatch):
    """What this process sees in a read-only folder (root ignores permissions, so the tests
    cannot make one for real)."""
    monkeypatch.setattr(sqlite_file, "cannot_write", lambda path: "its folder is read-only")


def test_read_only_folder_opens_read_only_without_writing(seed_db, read_only_here, tmp_path):
    for side in ("-wal", "-shm"):
        Path(f"{seed_db}{side}").unlink(missing_ok=True)
    before = _digest(seed_db)
    with Store.open(seed_db) as store:
        assert store.read_only == "its folder is read-only"
        assert store.conn.mode == "immutable"  # no -shm file to share: nothing to create
        assert store.count("sources") == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    with pytest.raises(ReadOnlyDatabase, match="read-only"):
        ingest_paths(seed_db, [ROOT / "tests" / "data" / "corpus" / "01.txt"])
    with pytest.raises(ReadOnlyDatabase):
        remove_document(seed_db, 1)
    assert _digest(seed_db) == before
    assert not Path(f"{seed_db}-wal").exists() and not Path(f"{seed_db}-shm").exists()


def test_read_only_file_with_shm_uses_mode_ro(seed_db, read_only_here):
    keep = sqlite3.connect(seed_db)  # a writer elsewhere keeps -wal and -shm in place
    keep.execute("PRAGMA journal_mode = WAL")
    keep.execute("SELECT 1 FROM documents").fetchall()
    try:
        with Store.open(seed_db) as store:
            assert store.conn.mode == "ro"
            assert store.count("sources") == 1
    finally:
        keep.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root ignores file permissions")
def test_read_only_folder_for_real(seed_db, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "seed.db"
    shutil.copy(seed_db, db)
    folder.chmod(0o555)
    try:
        with Store.open(db) as store:
            assert store.read_only and store.count("sources") == 1
    finally:
        folder.chmod(0o755)


def test_upgrade_leftovers_of_dead_processes_are_cleaned(seed_db):
    dead = seed_db.with_name(f".{seed_db.name}.upgrade-{DEAD_PID}")
    dead.write_bytes(b"x" * 50_000)
    Path(f"{dead}-wal").write_bytes(b"x")
    live = seed_db.with_name(f".{seed_db.name}.upgrade-{os.getppid()}")
    live.write_bytes(b"y")
    Store.open(seed_db).close()
    assert not dead.exists() and not Path(f"{dead}-wal").exists()
    assert live.exists()


def test_an_unchecked_opening_cannot_write(seed_db, monkeypatch):
    """check=False (the window's opening, which checks on a thread) gives a connection SQLite
    keeps from writing, so nothing reaches the file before the check has answered."""
    monkeypatch.setattr(integrity, "_quick_checked", {})
    Store.open(seed_db).close()  # WAL mode and indexes in place, as any app-made database
    monkeypatch.setattr(integrity, "_quick_checked", {})
    before = _digest(seed_db)
    with Store.open(seed_db, check=False) as store:
        assert not store.checked and not store.read_only
        assert store.count("sources") == 1
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    assert _digest(seed_db) == before
    assert dbmod.damage(seed_db) is None
    with Store.open(seed_db, check=False) as store:  # the answer is known now
        assert store.checked


def test_an_unchecked_opening_of_an_older_database_checks_first(seed_db, monkeypatch):
    conn = sqlite3.connect(seed_db)
    conn.execute("DROP INDEX idx_documents_path")  # made by an app without that index
    conn.close()
    monkeypatch.setattr(integrity, "_quick_checked", {})
    with Store.open(seed_db, check=False) as store:
        assert store.checked
        assert store.conn.execute("SELECT count(*) FROM sqlite_master "
                                  "WHERE name = 'idx_documents_path'").fetchone()[0] == 1
