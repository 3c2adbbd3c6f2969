"""Paths that cannot even be looked at (a name too long for the file system, a link to
one): each is one failure line, and every other file is still imported."""

import os

from app.store import ingest_paths
from app.store.ingest import expand_paths
from tests.store.conftest import SEED
from tests.test_cli import run


def _tree(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    os.symlink("x" * 1000, folder / "a-bad.txt")        # stat(): File name too long
    os.symlink("y" * 1000, folder / "sub" / "link")     # a folder entry no one can stat
    (folder / "z-good.txt").write_bytes(SEED.read_bytes())
    return folder


def test_expand_paths_never_raises(tmp_path):
    folder = _tree(tmp_path)
    long_name = tmp_path / ("n" * 5000)
    files = expand_paths([long_name, folder])
    assert long_name in files
    assert folder / "z-good.txt" in files


def test_unreadable_paths_are_per_file_failures(tmp_path):
    folder = _tree(tmp_path)
    long_name = tmp_path / ("n" * 5000)
    results = ingest_paths(tmp_path / "p.db", [long_name, folder])
    by_path = {r.path: r for r in results}
    assert by_path[str(long_name)].status == "failed"
    assert "File name too long" in by_path[str(long_name)].message
    assert by_path[str(folder / "a-bad.txt")].status == "failed"
    assert by_path[str(folder / "z-good.txt")].status == "added"


def test_cli_reports_each_path_and_a_summary(tmp_path):
    folder = _tree(tmp_path)
    long_name = "n" * 5000
    proc = run(tmp_path, "--db", tmp_path / "c.db", "ingest", "-r", long_name, folder,
               check=False)
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr
    assert "1 added, 0 already present, 2 failed" in proc.stdout
    failures = [ln for ln in proc.stderr.splitlines()
                if not ln.startswith("creating a new, empty database")]
    assert len(failures) == 2
