"""Exports never destroy data: not the database (or its WAL/SHM), not a folder of the user's
that merely looks like an export, not an earlier export when a swap is killed midway; the
leftovers of a killed export are cleaned on the next run (issue 10, items 1, 2, 9)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import ExportError, export_tables
from app.store import export as export_mod

DEAD_PID = 999_999_999  # above any pid_max: no such process
ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_usable(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] >= 1
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", ["json", "xlsx", "csv"])
def test_export_onto_the_database_is_refused(seed_db, fmt):
    before = _digest(seed_db)
    with pytest.raises(ExportError, match="database"):
        export_tables(seed_db, ["people"], fmt, seed_db)
    assert _digest(seed_db) == before
    _assert_usable(seed_db)


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_export_onto_the_wal_or_shm_is_refused(seed_db, suffix):
    side = Path(f"{seed_db}{suffix}")
    conn = sqlite3.connect(seed_db)  # an open reader keeps the WAL and SHM files there
    try:
        conn.execute("SELECT count(*) FROM documents").fetchone()
        for fmt in ("json", "xlsx"):
            with pytest.raises(ExportError, match="database"):
                export_tables(seed_db, ["people"], fmt, side)
    finally:
        conn.close()
    _assert_usable(seed_db)


def test_export_through_another_name_of_the_database_is_refused(seed_db, tmp_path):
    link = tmp_path / "facts.json"
    link.symlink_to(seed_db)
    hard = tmp_path / "hard.json"
    os.link(seed_db, hard)
    relative = Path(os.path.relpath(seed_db, Path.cwd()))
    before = _digest(seed_db)
    for dest in (link, hard, relative, tmp_path / "sub" / ".." / seed_db.name):
        with pytest.raises(ExportError, match="database"):
            export_tables(seed_db, ["people"], "json", dest)
    assert _digest(seed_db) == before


def test_csv_export_never_replaces_the_folder_holding_the_database(seed_db, tmp_path):
    # a folder that even looks like an earlier export, with the database inside it
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "people.csv"
    os.replace(seed_db, db)
    (folder / "manifest.json").write_text(json.dumps(
        {"factbrowser_export": 1, "app": "Fact Browser", "format": "csv", "tables": ["people"],
         "row_counts": {}, "app_version": "x"}))
    with pytest.raises(ExportError, match="holds the database"):
        export_tables(db, ["people"], "csv", folder)
    _assert_usable(db)


def test_a_folder_that_looks_like_an_export_is_kept(seed_db, tmp_path):
    """The issue's reproduction: an empty manifest and a CSV of the user's own."""
    d = tmp_path / "d"
    d.mkdir()
    (d / "manifest.json").write_text("{}\n")
    (d / "sales.csv").write_text("m,r\nJan,1\n")
    with pytest.raises(ExportError, match="not an earlier CSV export"):
        export_tables(seed_db, ["people"], "csv", d)
    assert (d / "sales.csv").read_text() == "m,r\nJan,1\n"
    # nor a manifest that names other tables than the files it holds, nor a broken one
    for manifest in ({"factbrowser_export": 1, "format": "csv", "tables": ["people"]},
                     '{"factbrowser_export": 1, "format": "csv", "tab',
                     ["not", "an", "object"]):
        (d / "manifest.json").write_text(manifest if isinstance(manifest, str)
                                         else json.dumps(manifest))
        with pytest.raises(ExportError):
            export_tables(seed_db, ["people"], "csv", d)
        assert (d / "sales.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".d.")]


def test_an_earlier_export_with_a_file_of_the_users_is_kept(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, ["people", "sources"], "csv", out)
    (out / "notes.txt").write_text("my notes")
    with pytest.raises(ExportError):
        export_tables(seed_db, ["people"], "csv", out)
    assert (out / "notes.txt").read_text() == "my notes"


def test_earlier_exports_are_replaced_old_and_new(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, ["people", "sources"], "csv", out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["factbrowser_export"] == 1
    export_tables(seed_db, ["meetings"], "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "meetings.csv"]
    # an export written before the marker key existed is recognised by its content
    del manifest["factbrowser_export"]
    manifest["tables"] = ["meetings"]
    (out / "manifest.json").write_text(json.dumps(manifest))
    export_tables(seed_db, ["people"], "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "people.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "seed.db"]


def test_the_fallback_swap_also_replaces_and_leaves_nothing(seed_db, tmp_path, monkeypatch):
    monkeypatch.setattr(export_mod, "_exchange", lambda a, b: False)
    out = tmp_path / "export"
    export_tables(seed_db, ["people"], "csv", out)
    export_tables(seed_db, ["sources"], "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "sources.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "seed.db"]


KILL_BETWEEN_RENAMES = """
import os, signal, sys
from app.store import export, export_tables
export._exchange = lambda a, b: False
real = os.rename
def rename(src, dst):
    real(src, dst)
    if ".old-" in str(dst):  # the earlier export was just set aside: die here
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename
export_tables(sys.argv[1], ["sources"], "csv", sys.argv[2])
"""


def test_a_kill_between_the_swaps_renames_loses_no_export(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, ["people"], "csv", out)
    people = (out / "people.csv").read_text(encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_RENAMES, str(seed_db), str(out)],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert not out.exists()  # the earlier export is only under its hidden name now...
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".export.")]
    assert any(".old-" in n for n in hidden), hidden
    # ...until the next run of an export there, which puts it back first
    export_mod.clean_leftovers(out)
    assert (out / "people.csv").read_text(encoding="utf-8") == people
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export", "seed.db"]
    # and a whole export run does the same, then replaces it
    export_tables(seed_db, ["meetings"], "csv", out)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "meetings.csv"]


def test_leftovers_of_dead_exports_are_cleaned_live_ones_kept(seed_db, tmp_path):
    out = tmp_path / "export"
    export_tables(seed_db, ["people"], "csv", out)
    dead_tmp = tmp_path / f".export.tmp-{DEAD_PID}"
    dead_tmp.mkdir()
    (dead_tmp / "people.csv").write_text("half")
    dead_old = tmp_path / f".export.old-{DEAD_PID}"  # the new export is in place already
    dead_old.mkdir()
    (dead_old / "people.csv").write_text("old")
    dead_file = tmp_path / f".facts.json.tmp-{DEAD_PID}"
    dead_file.write_bytes(b"x" * 100_000)
    live = tmp_path / f".export.tmp-{os.getppid()}"  # a running process's: left alone
    live.mkdir()
    export_tables(seed_db, ["people"], "csv", out)
    export_tables(seed_db, ["people"], "json", tmp_path / "facts.json")
    assert not dead_tmp.exists() and not dead_old.exists() and not dead_file.exists()
    assert live.exists()
    assert (out / "people.csv").read_text(encoding="utf-8").startswith("id,")


FULL_DISK = """
import errno, sys, zipfile
def write(self, *a, **k):
    raise OSError(errno.ENOSPC, "No space left on device")
if sys.argv[1] == "full":
    zipfile.ZipFile.write = zipfile.ZipFile.writestr = write
from app.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("case", ["full", "long"])
def test_xlsx_write_errors_are_one_line_without_traceback(seed_db, tmp_path, case):
    """A full disk (OSError inside xlsxwriter), and a name whose temporary sibling the file
    system refuses as too long (xlsxwriter's own FileCreateError): one line, exit 2, nothing
    left behind, and no traceback from the workbook's destructor."""
    dest = tmp_path / ("facts.xlsx" if case == "full" else "x" * 245 + ".xlsx")
    proc = subprocess.run([sys.executable, "-c", FULL_DISK, case, "--db", str(seed_db),
                           "export", "--tables", "people", "-o", str(dest)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    reason = "No space left on device" if case == "full" else "too long"
    assert len(lines) == 1 and reason in lines[0], proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.db"]
