"""The `factbrowser` commands that read a database: info, search, show, export, check,
recover, datasette-metadata. Each holds a Store (cli_common.open_store); check and recover
take the file itself, since a damaged one may not open as a Store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import cli_extra
from .cli_common import as_json, db_path, err, open_store, safe, say


def print_info(db: Path) -> None:
    with open_store(db) as store:
        counts = store.counts()
    say(f"database: {db}" + (" (read-only)" if store.read_only else ""))
    say("  " + ", ".join(f"{t} {n}" for t, n in counts.items()))


def cmd_info(args) -> int:
    print_info(db_path(args))
    return 0


def cmd_search(args) -> int:
    from .store import hit_line

    with open_store(db_path(args)) as store:
        hits = store.search(" ".join(args.query), limit=args.limit)
    # matched words in bold on a terminal; in a file or a pipe the plain words, no markup
    on, off = ("\033[1m", "\033[0m") if sys.stdout.isatty() and not os.environ.get("NO_COLOR") \
        else ("", "")
    for h in hits:
        if args.json:
            print(as_json(h.__dict__))
        else:
            # markers no escaping touches stand for the bold until the line is made safe
            print(safe(hit_line(h, "\ue000", "\ue001")).replace("\ue000", on)
                  .replace("\ue001", off), flush=True)
    if not hits and not args.json:
        print("no matches")
    return 0


def cmd_show(args) -> int:
    from .store import Filters

    with open_store(db_path(args)) as store:
        filters = Filters(text=args.text) if args.text else None
        rows = store.rows(args.table, filters, limit=args.limit)
        cols = store.columns(args.table)
    if args.json:
        for r in rows:
            print(as_json(r))
        return 0
    print("\t".join(cols))
    for r in rows:
        print("\t".join(safe(cli_extra.show_cell(c, r)) for c in cols))
    return 0


def cmd_export(args) -> int:
    from .store import Filters

    try:
        fmt = cli_extra.export_format(args.output, args.format)
    except ValueError as exc:
        err(str(exc))
        return 2
    filters = None
    if args.text or args.date_from or args.date_to:
        filters = Filters(text=args.text, date_from=args.date_from, date_to=args.date_to)
    # opening says so when the database is damaged or read-only
    with open_store(db_path(args)) as store:
        result = store.export(args.tables, fmt, args.output, filters=filters, bom=args.bom)
    for table, n in result.counts.items():
        print(f"{table}: {n} rows")
    say(f"written: {args.output}")
    return 0


def cmd_datasette_metadata(args) -> int:
    db = db_path(args)
    with open_store(db, warn=False) as store:
        out = store.write_metadata(args.output)
    if out is not None:
        print(f"written: {out}\nserve it with: datasette {db} -m {out}")
    return 0


def cmd_check(args) -> int:
    from .store import check_database, default_db_path

    db = db_path(args, create_default=False) or default_db_path()
    problems = check_database(db)
    if not problems:
        say(f"{db}: ok (SQLite integrity check and foreign keys)")
        return 0
    say(f"{db}: damaged ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
    for p in problems[:20]:
        say(f"  {p}")
    if len(problems) > 20:
        say(f"  ... and {len(problems) - 20} more")
    say("factbrowser recover -o NEW.db rebuilds what can be read into a new database")
    return 1


def cmd_recover(args) -> int:
    from .store import default_db_path, recover

    db = db_path(args, create_default=False) or default_db_path()

    def progress(done: int, total: int, _message: str) -> None:
        if done % 100 == 0 or done == total:
            print(f"factbrowser: re-extracting {done}/{total} documents", file=sys.stderr,
                  flush=True)

    result = recover(db, Path(args.output).expanduser(), progress=progress)
    for message in result.failed:
        err(message)
    say(f"recovered {result.added} documents ({result.found} readable, "
        f"{result.method}) from {db} into {args.output}; facts re-extracted")
    print_info(Path(args.output).expanduser())
    return 0 if result.added or not result.found else 1
