"""Parts of the `factbrowser` command kept apart from app/cli.py and its command modules: importing datasets, the
Datasette metadata command, the export format from the output name, numbers as people read
them in `show`, and the check for a display before the window starts. Never imports Qt."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

FORMAT_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".csv": "csv"}
ROLE_OPTIONS = {"text": "text_column", "date": "date_column", "url": "url_column",
                "title": "title_column"}


def _err(msg: str) -> None:
    print(f"factbrowser: {msg}", file=sys.stderr)


# --- ingest: datasets -----------------------------------------------------------------------
def add_dataset_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "datasets (.csv, .tsv, .jsonl, .parquet: one release per row)",
        "Columns with usual names (text/body/content, date/published/datetime, url/link, "
        "title/headline) are found without these; the columns used are reported. A row "
        "whose text is already stored is skipped, so running the import again resumes it. "
        "The row's date is the document's publication date.")
    for role, dest in ROLE_OPTIONS.items():
        g.add_argument(f"--{role}-column", dest=dest, metavar="NAME",
                       help=f"the column holding each release's {role}")


def ingest_datasets(db: Path, files: list[Path], args) -> tuple[int, dict]:
    """Import the dataset files; returns (exit status, counts added/present/failed)."""
    from .store import StoreError, import_dataset, resolve_columns

    given = {role: getattr(args, dest, None) for role, dest in ROLE_OPTIONS.items()}
    counts = {"added": 0, "present": 0, "failed": 0}
    rc = 0
    for f in files:
        try:
            cols, guessed = resolve_columns(f, given)
        except StoreError as exc:
            _err(str(exc))
            counts["failed"] += 1
            rc = 1
            continue
        used = ", ".join(f"{role} = {col!r}" + (" (guessed)" if role in guessed else "")
                         for role, col in cols.items() if col)
        print(f"{f}: columns {used}", flush=True)
        last = [time.monotonic()]

        def progress(permille: int, _total: int, message: str, f=f, last=last) -> None:
            # sparse: a line every 10 s, for a terminal or a log alike
            if time.monotonic() - last[0] >= 10:
                last[0] = time.monotonic()
                print(f"{f}: {permille / 10:.0f}% read, {message.split(': ', 1)[-1]}",
                      flush=True)

        try:
            r = import_dataset(db, f, given, progress=progress)
        except StoreError as exc:
            _err(str(exc))
            counts["failed"] += 1
            rc = 1
            continue
        for e in r.errors:
            _err(e)
        if r.failed > len(r.errors):
            _err(f"{f}: {r.failed - len(r.errors):,} more rows failed")
        print(f"{f}: {r.summary()} in {r.seconds:.1f} s", flush=True)
        counts["added"] += r.added
        counts["present"] += r.present
        counts["failed"] += r.failed
        rc = rc or (1 if r.failed else 0)
    return rc, counts


def ingest_target(db: Path) -> None:
    """`ingest --db NEW.db` starts an empty database (info/search/show refuse a missing
    one): say so, so that a mistyped name is noticed."""
    if not (db.exists() and db.stat().st_size > 0):
        print(f"creating a new, empty database at {db} (factbrowser build --db {db} would "
              "add the shipped releases)", file=sys.stderr, flush=True)


# --- export -----------------------------------------------------------------------------------
def export_format(output: str, fmt: str | None) -> str:
    """The export format: --format, else from the output's name; a name that says another
    format (or none we write) is refused rather than written as something else."""
    suffix = Path(output).suffix.lower()
    named = FORMAT_SUFFIXES.get(suffix)
    if fmt:
        if named and named != fmt:
            raise ValueError(f"{output}: the name says {named.upper()} but --format is "
                             f"{fmt}; change one of them")
        return fmt
    if named:
        return named
    if not suffix:
        return "csv"
    raise ValueError(f"{output}: cannot export as {suffix!r}; name a .json or .xlsx file or a "
                     "folder for CSV (or give --format csv|json|xlsx)")


# --- show -------------------------------------------------------------------------------------
_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
_PLAIN_UNITS = {"count", ""}


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def readable_amount(value, unit: str | None) -> str:
    """46500000000.0, "USD" -> "46.5 bn USD"; 60.0, "percent" -> "60 %"."""
    if value is None:
        return ""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return str(value)
    unit = unit or ""
    if unit == "percent":
        return f"{_number(value)} %"
    text = _number(value)
    for scale, word in _SCALES:
        if abs(value) >= scale:
            text = f"{_number(round(value / scale, 2))} {word}"
            break
    return text if unit in _PLAIN_UNITS else f"{text} {unit}"


def show_cell(column: str, row: dict) -> str:
    value = row.get(column)
    if value is None:
        return ""
    if column == "value" and "unit" in row:
        return readable_amount(value, row.get("unit"))
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, int) and not isinstance(value, bool) and column not in ("id",):
        return f"{value:,}"
    return str(value)


# --- the desktop app --------------------------------------------------------------------------
def display_problem() -> str | None:
    """Why the window cannot open here, in one line, or None. Checked before Qt starts: Qt
    itself aborts with a message about its xcb plugin and libxcb-cursor0 that sends people
    to install a library when what is missing is the display."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # the user chose a platform (offscreen, wayland, vnc, ...)
    hint = ("the command line works without one (factbrowser --help), and "
            "'factbrowser screenshot --tab TAB -o FILE.png' renders the app offscreen")
    wayland, x11 = os.environ.get("WAYLAND_DISPLAY"), os.environ.get("DISPLAY")
    if wayland:
        return None
    if not x11:
        return f"no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); {hint}"
    if not _x11_reachable(x11):
        return f"cannot reach the X display {x11!r} (no X server is listening there); {hint}"
    if not _library_loads("libxcb-cursor.so.0"):
        return ("the X11 display needs the system library libxcb-cursor0, which is missing "
                "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0); " + hint)
    return None


def _x11_reachable(display: str) -> bool:
    """A local display (":0", "unix:0") has a socket to connect to; remote ones are assumed
    reachable (Qt reports those itself)."""
    import socket

    host, _, rest = display.rpartition(":")
    if host not in ("", "unix") or not rest.split(".")[0].isdigit():
        return True
    n = rest.split(".")[0]
    for address in (f"\0/tmp/.X11-unix/X{n}", f"/tmp/.X11-unix/X{n}"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.settimeout(1)
            s.connect(address)
            return True
        except OSError:
            continue
        finally:
            s.close()
    return False


def _library_loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


# --- datasette ------------------------------------------------------------------------------
def add_datasette_command(sub, common) -> argparse.ArgumentParser:
    s = sub.add_parser(
        "datasette-metadata", parents=[common],
        help="write Datasette metadata (titles, facets, search, saved queries) for the database",
        description="Write metadata for serving the database with Datasette: "
                    "datasette factbrowser.db -m metadata.yml")
    s.add_argument("-o", "--output", metavar="PATH",
                   help="metadata.yml or metadata.json (default: NAME.metadata.yml beside the "
                        "database; - prints it)")
    return s

