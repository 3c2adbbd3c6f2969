"""An older schema that only re-extraction can bring up to date: opening raises
NeedsUpgrade and changes nothing; upgrade_database rebuilds the file with progress per
document, keeps the old one as a backup, and a cancelled upgrade leaves the old file as it was
with no temporary file behind (issue 13, deliverable 3)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import app.store.sqlite_file as sqlite_file
from app.extract import Cancelled
from app.store import (
    NeedsUpgrade,
    ReadOnlyDatabase,
    Store,
    StoreError,
    connect,
    ingest_paths,
    upgrade_database,
)
from app.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(seed_db):
    """The seed with two more documents, marked as written by schema 2 (which has no SQL
    migration)."""
    results = ingest_paths(seed_db, [CORPUS / "02-lavrov-vucic-phone.txt",
                                     CORPUS / "03-belta-csto-almaty.txt"])
    assert all(r.ok for r in results)
    c = sqlite3.connect(seed_db)
    c.execute("PRAGMA user_version = 2")
    c.close()
    return seed_db


def _documents(path: Path) -> list[tuple]:
    c = sqlite3.connect(path)
    try:
        return sorted(c.execute("SELECT sha256, added, origin FROM documents").fetchall())
    finally:
        c.close()


def _others(folder: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != keep.name)


def test_opening_an_old_schema_raises_and_changes_nothing(old_db):
    before = _digest(old_db)
    for opening in (lambda: Store.open(old_db), lambda: Store.open(old_db, check=False),
                    lambda: connect(old_db, write=True)):
        with pytest.raises(NeedsUpgrade) as raised:
            opening()
        assert raised.value.version == 2 and raised.value.path == old_db
        assert "older Fact Browser" in str(raised.value) and "\n" not in str(raised.value)
    assert _digest(old_db) == before
    assert _others(old_db.parent, old_db) == []


def test_upgrade_reports_progress_per_document_and_keeps_a_backup(old_db):
    docs = _documents(old_db)
    before = _digest(old_db)
    calls = []
    assert upgrade_database(old_db, progress=lambda d, t, m: calls.append((d, t, m))) == old_db
    total = len(docs)
    assert total == 3
    assert [(d, t) for d, t, _m in calls] == [(i, total) for i in range(total + 1)]
    assert all(isinstance(m, str) and m for _d, _t, m in calls)
    backup = old_db.with_name("seed.db.schema2.bak")
    assert _digest(backup) == before  # the old file itself, kept as it was
    assert _others(old_db.parent, old_db) == [backup.name]
    with Store.open(old_db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.count("sources") == total
    assert _documents(old_db) == docs  # same documents, same dates added and origins


@pytest.mark.parametrize("stop_after", [0, 1, 2])
def test_cancelled_upgrade_leaves_the_old_file_and_no_leftovers(old_db, stop_after):
    before = _digest(old_db)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > stop_after

    with pytest.raises(Cancelled):
        upgrade_database(old_db, cancel=cancel)
    assert _digest(old_db) == before
    assert _others(old_db.parent, old_db) == []  # no temporary file, no backup
    with pytest.raises(NeedsUpgrade):
        Store.open(old_db)


def test_failed_upgrade_leaves_the_old_file_and_no_leftovers(old_db, monkeypatch):
    before = _digest(old_db)
    from app.store import upgrade as upgrade_module

    def broken(*args, **kwargs):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(upgrade_module, "add_text", broken)
    with pytest.raises(RuntimeError):
        upgrade_database(old_db)
    assert _digest(old_db) == before
    assert _others(old_db.parent, old_db) == []


def test_a_current_database_is_left_as_it_is(seed_db):
    Store.open(seed_db).close()
    before = _digest(seed_db)
    called = []
    assert upgrade_database(seed_db, progress=lambda *a: called.append(a)) == seed_db
    assert _digest(seed_db) == before and not called
    assert _others(seed_db.parent, seed_db) == []


def test_a_read_only_old_database_is_refused(old_db, monkeypatch):
    monkeypatch.setattr(sqlite_file, "cannot_write", lambda path: sqlite_file.FOLDER_READ_ONLY)
    before = _digest(old_db)
    with pytest.raises(ReadOnlyDatabase):
        upgrade_database(old_db)
    assert _digest(old_db) == before


def test_needs_upgrade_is_a_store_error():
    assert issubclass(NeedsUpgrade, StoreError)


def test_the_command_line_upgrades_then_runs_the_command(old_db, tmp_path):
    # a command-line run has no window to offer the rebuild in: it rebuilds, saying so
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    proc = subprocess.run([sys.executable, "-m", "app", "info", "--db", str(old_db)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "older Fact Browser (schema 2)" in proc.stderr and "3/3" in proc.stderr
    assert "sources 3" in proc.stdout
    assert old_db.with_name("seed.db.schema2.bak").exists()
