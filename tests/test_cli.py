"""The command line through its real entry point (python -m app), never touching the user's
own data folder."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"


def run(tmp_path, *args, check=True):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "app", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    db = tmp / "fb.db"
    run(tmp, "build", "--db", db)
    return tmp, db


def test_version(tmp_path):
    from app import __version__

    assert __version__ in run(tmp_path, "--version").stdout


def test_build_search_info(built):
    tmp, db = built
    out = run(tmp, "info", "--db", db).stdout
    assert "sources 1" in out
    hits = run(tmp, "search", "Lavr", "--db", db, "--json").stdout.splitlines()
    assert hits and all("lavrov" in json.dumps(json.loads(h)).lower() for h in hits[:3])
    for hostile in ['"', "AND(", "*", "-", "((", 'Lavrov" OR', "NEAR(a b", "^", ":", ""]:
        proc = run(tmp, "search", "--db", db, "--", hostile, check=False)
        assert proc.returncode == 0, (hostile, proc.stderr)


def test_extract_json_contract(tmp_path):
    out = run(tmp_path, "extract", SEED, SEED, "--json").stdout.splitlines()
    assert len(out) == 2
    obj = json.loads(out[0])
    assert set(obj) == {"document", "people", "organizations", "places", "events",
                        "quantities", "culture"}
    assert obj["document"]["date"] == "2024-06-24"
    assert obj["document"]["ref"] == "1184-24-06-2024"
    text = SEED.read_text(encoding="utf-8")
    for q in obj["quantities"]:
        s, e = q["span"]
        assert 0 <= s < e <= len(text)


def test_default_db_created_in_user_data_dir(tmp_path):
    run(tmp_path, "info")
    assert (tmp_path / "xdg" / "factbrowser" / "factbrowser.db").is_file()


def test_missing_db_is_a_clear_error(tmp_path):
    proc = run(tmp_path, "search", "x", "--db", tmp_path / "nope.db", check=False)
    assert proc.returncode != 0
    assert "no database" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_does_not_import_qt(built):
    tmp, db = built
    code = ("import sys; from app.cli import main; main(['info', '--db', sys.argv[1]]); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'")
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, capture_output=True)
