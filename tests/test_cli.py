"""The command line through its real entry point (python -m app), never touching the user's
own data folder."""

import json
import os
import re
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
    for hostile in ['"', "AND(", "*", "-", "((", 'Lavrov" OR', "NEAR(a b", "^", ":", "",
                    "-Lavrov", "--x=1"]:
        proc = run(tmp, "search", "--db", db, "--", hostile, check=False)
        assert proc.returncode == 0, (hostile, proc.stderr)
    # text that looks like an option is still search text
    proc = run(tmp, "search", "--db", db, "-Lavrov", "--json")
    assert "Lavrov" in proc.stdout
    assert run(tmp, "search", "--db", db, check=False).returncode == 2


def test_extract_json_contract(tmp_path):
    out = run(tmp_path, "extract", SEED, SEED, "--json").stdout.splitlines()
    assert len(out) == 2
    obj = json.loads(out[0])
    assert set(obj) == {"document", "people", "organizations", "places", "events",
                        "quantities", "culture"}
    assert obj["document"]["date"] == "2024-06-24"
    assert obj["document"]["ref"] == "1184-24-06-2024"
    text = SEED.read_text(encoding="utf-8")
    keys = {"people": {"name", "title", "country", "mentions"},
            "organizations": {"name", "mentions"}, "places": {"name", "mentions"},
            "events": {"kind", "category", "date_start", "date_end", "place", "participants",
                       "status", "summary", "span", "date_basis"},
            "quantities": {"value", "unit", "measure", "period", "category", "qualifier",
                           "text", "span", "partners", "measure_kind", "direction", "status"},
            "culture": {"summary", "date_start", "place", "span"}}
    assert set(obj["document"]) == {"title", "date", "ref", "path", "time", "place", "outlet",
                                    "date_origin", "warnings"}
    for name, expected in keys.items():
        for item in obj[name]:
            assert set(item) == expected, name
            spans = item.get("mentions") or [item["span"]]
            for s, e in spans:
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


def test_version_and_help_start_without_the_store_or_the_extractor():
    # the bare `factbrowser` goes through the same module: sqlite-utils must not be loaded
    # before the window keeps pandas out (app.gui.main)
    code = ("import sys, contextlib, io; from app.cli import main\n"
            "for argv in (['--version'], ['--help'], ['export', '--help']):\n"
            "    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "        main(argv)\n"
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'PySide6')\n"
            "          or m.startswith(('app.store', 'app.extract'))]\n"
            "assert not loaded, loaded")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_ingest_bad_and_good_files_exit_status(tmp_path):
    db = tmp_path / "i.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    folder = tmp_path / "dir"
    folder.mkdir()
    proc = run(tmp_path, "ingest", "--db", db, empty, folder, SEED, check=False)
    assert proc.returncode == 1
    assert "1 added, 0 already present, 2 failed" in proc.stdout
    errors = [ln for ln in proc.stderr.splitlines()
              if ln.strip() and not ln.startswith("creating a new, empty database")]
    assert len(errors) == 2 and "Traceback" not in proc.stderr
    again = run(tmp_path, "ingest", "--db", db, SEED)
    assert "0 added, 1 already present, 0 failed" in again.stdout
    (folder / "copy.txt").write_bytes(SEED.read_bytes())
    rec = run(tmp_path, "ingest", "--db", db, "-r", folder)
    assert "already present" in rec.stdout


@pytest.mark.parametrize("fmt,name", [("csv", "out"), ("json", "out.json"), ("xlsx", "out.xlsx")])
def test_export_through_cli(built, fmt, name, tmp_path):
    _tmp, db = built
    dest = tmp_path / name
    out = run(tmp_path, "export", "--db", db, "--tables", "people,meetings,trade",
              "--format", fmt, "-o", dest).stdout
    assert "people:" in out and dest.exists()
    if fmt == "csv":
        assert sorted(p.name for p in dest.iterdir()) == [
            "manifest.json", "meetings.csv", "people.csv", "trade.csv"]
    bad = run(tmp_path, "export", "--db", db, "--tables", "people", "--format", fmt,
              "-o", SEED / name, check=False)
    assert bad.returncode != 0 and "cannot" in bad.stderr and "Traceback" not in bad.stderr
    unknown = run(tmp_path, "export", "--db", db, "--tables", "people,bogus", "-o", dest,
                  check=False)
    assert unknown.returncode != 0 and "bogus" in unknown.stderr


def test_remove_and_reextract_through_cli(tmp_path):
    db = tmp_path / "r.db"
    run(tmp_path, "build", "--db", db)
    user = tmp_path / "mine.txt"
    user.write_text(SEED.read_text(encoding="utf-8").replace("1184-24-06-2024",
                                                              "1185-25-06-2024"))
    run(tmp_path, "ingest", "--db", db, user)
    out = run(tmp_path, "build", "--db", db, "--reextract").stdout
    assert "re-extracted 2 documents" in out and "sources 2" in out
    out = run(tmp_path, "remove", "--db", db, user).stdout
    assert "removed document 2" in out
    assert "sources 1" in run(tmp_path, "info", "--db", db).stdout
    bad = run(tmp_path, "remove", "--db", db, "999", check=False)
    assert bad.returncode == 1 and "999" in bad.stderr


def test_search_prints_one_clean_line_per_hit(built):
    """What it is, its label, its date; the matched words in plain text when the output is
    not a terminal (no brackets, no escape codes), and in bold on a terminal."""
    tmp, db = built
    out = run(tmp, "search", "Lavrov", "--db", db, "--limit", "40").stdout.splitlines()
    assert len(out) > 3
    assert all("[" not in line and "\033" not in line for line in out)
    person = next(line for line in out if line.startswith("person "))
    assert "Sergey Lavrov" in person and "Foreign Minister" in person
    meeting = next(line for line in out if line.startswith("meeting"))
    assert re.search(r"  20\d\d-\d\d-\d\d", meeting) and "meeting (meeting)" not in meeting
    sentence = next(line for line in out if line.startswith("sentence "))
    assert "(in: Press release" in sentence and "2024-06-2" in sentence
    hits = [json.loads(h) for h in run(tmp, "search", "Lavrov", "--db", db, "--json",
                                       "--limit", "40").stdout.splitlines()]
    for hit in hits:
        for a, b in hit["label_marks"]:
            assert hit["label"][a:b].lower().startswith("lavrov")
    # on a terminal the same words in bold (a pseudo-terminal stands for one)
    import pty

    env = {**os.environ, "XDG_DATA_HOME": str(tmp / "xdg")}
    env.pop("NO_COLOR", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "app", "search", "Lavrov", "--db",
                                   str(db), "--limit", "3"], env)
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.waitpid(pid, 0)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "\033[1mLavrov\033[0m" in shown and "[Lavrov]" not in shown


def test_show_filter_reads_the_meeting_not_its_source_title(built):
    tmp, db = built
    rows = [json.loads(line) for line in run(
        tmp, "show", "meetings", "--text", "Lavrov", "--json", "--db", db).stdout.splitlines()]
    everyone = [json.loads(line) for line in run(
        tmp, "show", "meetings", "--json", "--db", db).stdout.splitlines()]
    assert rows and len(rows) < len([r for r in everyone if "Lavrov" in (r["source"] or "")
                                     or "Lavrov" in (r["participants"] or "")
                                     or "Lavrov" in (r["summary"] or "")])
    for row in rows:
        shown = " ".join(str(v or "") for k, v in row.items() if k != "source")
        assert "lavrov" in shown.lower(), row
