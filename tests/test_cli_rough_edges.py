"""Rough edges a new user hits, each through the real entry point (python -m app)."""

import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.test_cli import SEED, run


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rough")
    db = tmp / "fb.db"
    run(tmp, "build", "--db", db)
    return tmp, db


def test_export_format_from_the_name_and_mismatches_refused(built, tmp_path):
    _tmp, db = built
    pdf = tmp_path / "x.pdf"
    bad = run(tmp_path, "export", "--db", db, "--tables", "people", "-o", pdf, check=False)
    assert bad.returncode == 2 and "'.pdf'" in bad.stderr and not pdf.exists()
    assert len(bad.stderr.strip().splitlines()) == 1
    clash = run(tmp_path, "export", "--db", db, "--tables", "people", "--format", "xlsx",
                "-o", tmp_path / "x.json", check=False)
    assert clash.returncode == 2 and "JSON" in clash.stderr
    assert not (tmp_path / "x.json").exists()
    run(tmp_path, "export", "--db", db, "--tables", "people", "-o", tmp_path / "t.xlsx")
    assert zipfile.is_zipfile(tmp_path / "t.xlsx")
    run(tmp_path, "export", "--db", db, "--tables", "people", "-o", tmp_path / "t.json")
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["people"]
    run(tmp_path, "export", "--db", db, "--tables", "people", "-o", tmp_path / "folder")
    assert (tmp_path / "folder" / "people.csv").is_file()


def test_csv_bom_only_when_asked(built, tmp_path):
    _tmp, db = built
    run(tmp_path, "export", "--db", db, "--tables", "people", "-o", tmp_path / "plain")
    run(tmp_path, "export", "--db", db, "--tables", "people", "--bom", "-o", tmp_path / "bom")
    assert not (tmp_path / "plain" / "people.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (tmp_path / "bom" / "people.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_missing_database_ingest_creates_info_refuses(tmp_path):
    missing = tmp_path / "missing.db"
    info = run(tmp_path, "info", "--db", missing, check=False)
    assert info.returncode == 2 and "factbrowser build --db" in info.stderr
    assert not missing.exists()
    ingest = run(tmp_path, "ingest", "--db", missing, SEED)
    assert "creating a new, empty database" in ingest.stderr and missing.is_file()
    assert "sources 1" in run(tmp_path, "info", "--db", missing).stdout
    assert "creating" not in run(tmp_path, "ingest", "--db", missing, SEED).stderr
    assert "empty database" in run(tmp_path, "ingest", "--help").stdout
    assert "create it with build" in run(tmp_path, "--help").stdout


def _app_without(tmp_path, env_changes):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(env_changes, XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "none.db")],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland displays")
@pytest.mark.parametrize("env,says", [({}, "no display"),
                                      ({"DISPLAY": ":987"}, "cannot reach the X display")])
def test_no_display_is_one_clear_line(tmp_path, env, says):
    proc = _app_without(tmp_path, env)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "factbrowser screenshot" in lines[0]
    assert "xcb" not in proc.stderr and "libxcb" not in proc.stderr


def test_show_prints_amounts_as_people_read_them(built, tmp_path):
    _tmp, db = built
    lines = run(tmp_path, "show", "trade", "--db", db).stdout.splitlines()
    cols = lines[0].split("\t")
    values = [ln.split("\t")[cols.index("value")] for ln in lines[1:]]
    assert "46.5 bn USD" in values
    assert any(v.endswith(" %") for v in values)
    raw = [json.loads(ln) for ln in run(tmp_path, "show", "trade", "--db", db,
                                        "--json").stdout.splitlines()]
    assert 46500000000.0 in [r["value"] for r in raw]


def test_screenshot_help_names_the_database_it_uses(tmp_path):
    out = run(tmp_path, "screenshot", "--help").stdout
    assert "embedded" not in out and "user data folder" in out


def test_dataset_ingest_through_cli(tmp_path):
    src = tmp_path / "archive.jsonl"
    text = SEED.read_text(encoding="utf-8")
    src.write_text(json.dumps({"body": text, "published": "2024-06-20",
                               "link": "https://example.org/1"}) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    first = run(tmp_path, "ingest", "--db", db, src)
    assert "text = 'body' (guessed)" in first.stdout and "date = 'published'" in first.stdout
    assert "1 added" in first.stdout
    shown = [json.loads(ln) for ln in run(tmp_path, "show", "sources", "--db", db,
                                          "--json").stdout.splitlines()]
    assert shown[0]["date"] == "2024-06-20"  # the dataset's date, not the header's 2024-06-24
    again = run(tmp_path, "ingest", "--db", db, src)
    assert "0 added, 1 already present" in again.stdout
    wrong = run(tmp_path, "ingest", "--db", db, src, "--text-column", "nope", check=False)
    assert wrong.returncode == 1 and "no column 'nope'" in wrong.stderr


def test_datasette_metadata_through_cli(built, tmp_path):
    _tmp, db = built
    out = run(tmp_path, "datasette-metadata", "--db", db, "-o", tmp_path / "m.json").stdout
    assert "datasette" in out
    meta = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert "meetings_of_person" in meta["databases"]["fb"]["queries"]
