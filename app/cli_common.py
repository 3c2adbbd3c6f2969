"""What every `factbrowser` command shares: output made safe for a terminal, one-line errors,
the database a command works on, and opening it as a Store (upgrading an old one first, with
progress on stderr). Light to import: the store loads when a command opens it."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

# Characters a terminal would act on (escape sequences, line breaks, bidi overrides) and lone
# surrogates (undecodable file names): printed as escapes, so one output line stays one line
# and a release's title cannot drive the terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe(text) -> str:
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                       .decode("ascii"), str(text))


def as_json(value) -> str:
    """One JSON line (json.dumps escapes C0 controls itself; C1, bidi and surrogates too)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(value, ensure_ascii=False))


def say(text="") -> None:
    print(safe(text), flush=True)


def err(msg: str) -> None:
    print(f"factbrowser: {safe(msg)}", file=sys.stderr)


def iso_date(value: str) -> str:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD, a real date."""
    pattern = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if pattern is None:
            raise ValueError
        y, m, d = (int(g) if g else 1 for g in pattern.groups())
        date(y, m, d)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{safe(value)!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value.strip()


def db_path(args, create_default: bool = True) -> Path | None:
    """--db, else the default database (created from the shipped corpus when missing, unless
    create_default is False: then None)."""
    db = getattr(args, "db", None)
    if db:
        return Path(db).expanduser()
    if not create_default:
        return None
    from .store import ensure_default_db

    return ensure_default_db()


def warn_read_only(db: Path, reason: str | None) -> None:
    if reason:
        from .store import RECOVER_HINT

        hint = f"; {RECOVER_HINT}" if reason.startswith("damaged") else ""
        err(f"warning: {db} is opened read-only ({reason}){hint}")


def upgrade_progress(path: Path):
    def progress(done: int, total: int, message: str = "") -> None:
        if done % 100 == 0 or done == total:
            print(f"factbrowser: upgrading {path}: {done}/{total} {message}".rstrip(),
                  file=sys.stderr, flush=True)
    return progress


def open_store(db: Path, create: bool = False, write: bool = False, warn: bool = True):
    """The Store for `db`. A database of an older schema that needs its documents extracted
    again is upgraded first (app.store.upgrade_database, progress on stderr), then opened."""
    from . import store as store_face  # looked up on use: tests replace upgrade_database there
    from .store import NeedsUpgrade, Store

    try:
        store = Store.open(db, create=create, write=write)
    except NeedsUpgrade as exc:
        err(f"{db}: {exc}; upgrading it now")
        store_face.upgrade_database(db, progress=upgrade_progress(db))
        store = Store.open(db, create=create, write=write)
    if warn:
        warn_read_only(db, store.read_only)
    return store
