"""`factbrowser --self-test`: prove that an installed copy (wheel or PyInstaller bundle) works.

It builds a temporary copy of the default database from the shipped corpus, opens it, renders
every tab offscreen, and exports one table in each format into a temporary folder, checking what
each step produced. Nothing outside the temporary folder is touched (the user's own database and
settings included). Exit status 0 only if every check passed; one line per check on stdout.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

TABS = ("people", "meetings", "trade", "culture", "sources")
FORMATS = ("csv", "json", "xlsx")
EXPORT_TABLE = "people"


class CheckFailed(Exception):
    pass


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def check_database(db_path: Path) -> str:
    from .resources import corpus_dir
    from .store import Store, ensure_default_db, expand_paths

    corpus = expand_paths([corpus_dir()])
    _need(bool(corpus), f"no corpus in {corpus_dir()}")
    built = ensure_default_db(db_path)
    _need(Path(built).is_file(), f"{built} was not created")
    with Store.open(built) as store:
        counts = store.counts()
    _need(counts.get("sources") == len(corpus),
          f"{counts.get('sources')} sources in the database, {len(corpus)} releases shipped")
    for table in ("people", "meetings"):
        _need(counts.get(table, 0) > 0, f"no {table} extracted from the corpus")
    return ", ".join(f"{n} {t}" for t, n in counts.items())


def _distinct_colours(image, samples: int = 64) -> int:
    seen = set()
    w, h = image.width(), image.height()
    for i in range(samples):
        for j in range(samples):
            seen.add(image.pixel(i * (w - 1) // (samples - 1), j * (h - 1) // (samples - 1)))
    return len(seen)


def check_tabs(db_path: Path, out_dir: Path) -> str:
    from PySide6.QtGui import QImage

    from .gui import screenshot

    sizes, renders = [], {}
    for tab in TABS:
        target = out_dir / f"{tab}.png"
        with contextlib.redirect_stdout(io.StringIO()):  # it prints the path it wrote
            status = screenshot.main(["--db", str(db_path), "--tab", tab, "-o", str(target),
                                      "--size", "1024x700"])
        _need(status in (0, None), f"screenshot of {tab} exited {status}")
        image = QImage(str(target))
        _need(not image.isNull(), f"{tab}: {target.name} is not a readable PNG")
        _need((image.width(), image.height()) == (1024, 700),
              f"{tab}: rendered {image.width()}x{image.height()}, asked 1024x700")
        colours = _distinct_colours(image)
        _need(colours >= 8, f"{tab}: the render looks blank ({colours} colours)")
        sizes.append(f"{tab} {target.stat().st_size // 1024} KiB")
        renders[target.read_bytes()] = tab
    # five different pictures: each tab really was brought up, not the same page five times
    _need(len(renders) == len(TABS), f"tabs rendered identically: {sorted(renders.values())}")
    return ", ".join(sizes)


def _xlsx_rows(path: Path, sheet: str) -> int:
    """Rows of the named worksheet, read from the XLSX (a zip of XML) without a spreadsheet library."""
    with zipfile.ZipFile(path) as zf:
        _need(zf.testzip() is None, f"{path.name}: corrupt zip member")
        workbook = zf.read("xl/workbook.xml").decode("utf-8")
        names = re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)
        _need(sheet in names, f"{path.name}: no {sheet} sheet among {names}")
        xml = zf.read(f"xl/worksheets/sheet{names.index(sheet) + 1}.xml").decode("utf-8")
    return len(re.findall(r"<row[ >]", xml))


def check_exports(db_path: Path, out_dir: Path) -> str:
    from .store import Store

    with Store.open(db_path) as store:
        expected = store.count(EXPORT_TABLE)
        _need(expected > 0, f"nothing to export in {EXPORT_TABLE}")
        return ", ".join(_check_export(store, fmt, out_dir, expected) for fmt in FORMATS)


def _check_export(store, fmt: str, out_dir: Path, expected: int) -> str:
    # CSV writes a folder of one file per table; JSON and XLSX write one file.
    dest = out_dir / ("csv" if fmt == "csv" else f"{EXPORT_TABLE}.{fmt}")
    result = store.export([EXPORT_TABLE], fmt, dest)
    _need(result.counts.get(EXPORT_TABLE) == expected,
          f"{fmt}: export says {result.counts}, the table has {expected} rows")
    for path in map(Path, result.paths):
        _need(path.is_file() and path.stat().st_size > 0, f"{fmt}: {path} is missing or empty")
        _need(path.resolve().is_relative_to(out_dir.resolve()), f"{fmt}: wrote {path}")
    if fmt == "csv":
        path = dest / f"{EXPORT_TABLE}.csv"
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = len(list(csv.DictReader(fh)))
    elif fmt == "json":
        path = dest
        rows = len(json.loads(path.read_text(encoding="utf-8"))[EXPORT_TABLE])
    else:
        path = dest
        rows = _xlsx_rows(path, EXPORT_TABLE) - 1  # less the header row
    _need(rows == expected, f"{fmt}: {rows} rows in {path.name}, {expected} in the table")
    return f"{fmt} {rows} rows"


def _isolate_user_state(tmp_dir: Path) -> None:
    """Point settings and data folders into tmp_dir, so the user's own are neither read nor changed."""
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = tmp_dir / var.lower()
        folder.mkdir()
        os.environ[var] = str(folder)
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_dir / "settings"))


def _quiet_qt_noise() -> None:
    """The offscreen platform warns once per window about a feature it lacks; drop only that."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message and sys.stderr is not None:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _run(name: str, check: Callable[[], str], out) -> bool:
    started = time.perf_counter()
    try:
        detail = check()
    except CheckFailed as exc:
        print(f"FAIL {name}: {exc}", file=out, flush=True)
        return False
    except Exception:  # the point of a self-test is to report whatever broke
        print(f"FAIL {name}: unexpected error\n{traceback.format_exc()}", file=out, flush=True)
        return False
    print(f"ok   {name} ({time.perf_counter() - started:.1f} s): {detail}", file=out, flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from . import APP_NAME, __version__

    out = sys.stdout if sys.stdout is not None else open(os.devnull, "w")  # windowed Windows
    print(f"{APP_NAME} {__version__} self-test", file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="factbrowser-selftest-") as tmp:
        tmp_dir = Path(tmp)
        _isolate_user_state(tmp_dir)
        _quiet_qt_noise()
        db_path = tmp_dir / "factbrowser.db"
        ok = _run("database", lambda: check_database(db_path), out)
        if ok:
            ok &= _run("tabs", lambda: check_tabs(db_path, tmp_dir), out)
            ok &= _run("export", lambda: check_exports(db_path, tmp_dir), out)
    print("self-test passed" if ok else "self-test FAILED", file=out, flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
