"""factbrowser: the command line. Thin over app.extract and app.store: the commands are in
cli_read.py (info, search, show, export, check, recover, datasette-metadata) and
cli_write.py (extract, build, ingest, remove, set-date), bound here with set_defaults. Only
the GUI and the screenshot commands import Qt, and only when they run."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sqlite3
import sys

# The store and the extractor are imported inside the commands that use them, not here: the
# importer brings the extractor (~60 ms), the exporters their writers, and --version, --help
# and the bare `factbrowser` start without them.
from . import __version__, cli_extra, cli_read, cli_write
from .cli_common import err, iso_date, upgrade_progress

COMMANDS = ("extract", "build", "ingest", "search", "export", "remove", "set-date", "show",
            "info", "check", "recover", "screenshot", "datasette-metadata")
TABLES = ("people", "meetings", "trade", "figures", "culture", "sources")
TEXT_HELP = "only rows where each word of TEXT begins a word of a text column"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: the one in your user data folder)")
    p = argparse.ArgumentParser(
        prog="factbrowser", parents=[common],
        description="Fact Browser: facts of diplomatic press releases. Without a command it "
                    "opens the desktop app.")
    p.add_argument("--version", action="version", version=f"factbrowser {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation (database, tabs, export) and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract_build_ingest(sub, common)
    _add_search_export(sub, common)
    _add_documents_and_show(sub, common)
    _add_file_commands(sub, common)
    return p


def _add_extract_build_ingest(sub, common) -> None:
    s = sub.add_parser("extract", parents=[common], help="show the facts of press releases")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--json", action="store_true",
                   help="one JSON object per document per line (the extraction contract)")
    s.set_defaults(func=cli_write.cmd_extract)

    s = sub.add_parser("build", parents=[common],
                       help="create the database from the shipped corpus")
    s.add_argument("--reextract", action="store_true",
                   help="re-extract every stored document (user-added ones included)")
    s.add_argument("--corpus", metavar="DIR", help="folder of releases to build from")
    s.set_defaults(func=cli_write.cmd_build)

    s = sub.add_parser("ingest", parents=[common], help="add press releases to the database",
                       description="Add press releases (files, or datasets of many). --db "
                       "naming a file that does not exist starts a new, empty database there.")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("-r", "--recursive", action="store_true",
                   help="import the .txt/.html files inside folders given")
    s.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the releases' publication date: overrides what their text says, and "
                        "dates 'today', 'on Tuesday' and undated reports against it")
    cli_extra.add_dataset_options(s)
    s.set_defaults(func=cli_write.cmd_ingest)


def _add_search_export(sub, common) -> None:
    s = sub.add_parser("search", parents=[common], help="find people, events, figures, text")
    s.add_argument("query", nargs="*", help="words to find (any text; e.g. -Lavrov is a word)")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cli_read.cmd_search)

    s = sub.add_parser("export", parents=[common], help="write chosen tables to files")
    s.add_argument("--tables", default=",".join(TABLES),
                   help="comma-separated: people,meetings,trade,figures,culture,sources")
    s.add_argument("--format", choices=("csv", "json", "xlsx"),
                   help="default: from -o's name (.json, .xlsx; .csv or no extension: csv); "
                        "a name saying another format is refused")
    s.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="a folder for csv, a file for json/xlsx")
    s.add_argument("--text", help=TEXT_HELP)
    s.add_argument("--bom", action="store_true",
                   help="CSV: start each file with a UTF-8 byte order mark (for Excel on Windows)")
    s.add_argument("--from", dest="date_from", metavar="DATE", type=iso_date,
                   help="time window start (YYYY, YYYY-MM or YYYY-MM-DD)")
    s.add_argument("--to", dest="date_to", metavar="DATE", type=iso_date,
                   help="time window end (YYYY, YYYY-MM or YYYY-MM-DD)")
    s.set_defaults(func=cli_read.cmd_export)


def _add_documents_and_show(sub, common) -> None:
    s = sub.add_parser("remove", parents=[common], help="remove documents and their facts")
    s.add_argument("documents", nargs="+", metavar="DOC_ID|PATH")
    s.set_defaults(func=cli_write.cmd_remove)

    s = sub.add_parser("set-date", parents=[common],
                       help="give a stored document its publication date (re-resolves its dates)")
    s.add_argument("document", metavar="DOC_ID|PATH")
    s.add_argument("date", metavar="YYYY-MM-DD")
    s.set_defaults(func=cli_write.cmd_set_date)

    s = sub.add_parser("show", parents=[common], help="print a table")
    s.add_argument("table", choices=TABLES)
    s.add_argument("--limit", type=int)
    s.add_argument("--text", help=TEXT_HELP)
    s.add_argument("--json", action="store_true", help="one JSON object per row, raw values")
    s.set_defaults(func=cli_read.cmd_show)

    sub.add_parser("info", parents=[common], help="database location and row counts "
                   "(a database that does not exist is refused: create it with build)"
                   ).set_defaults(func=cli_read.cmd_info)


def _add_file_commands(sub, common) -> None:
    cli_extra.add_datasette_command(sub, common).set_defaults(
        func=cli_read.cmd_datasette_metadata)
    sub.add_parser("check", parents=[common],
                   help="check the whole database file for damage (read-only)"
                   ).set_defaults(func=cli_read.cmd_check)
    s = sub.add_parser("recover", parents=[common],
                       help="rebuild a damaged database's readable documents into a new file")
    s.add_argument("-o", "--output", required=True, metavar="NEW.db",
                   help="the new database to write (must not exist)")
    s.set_defaults(func=cli_read.cmd_recover)
    # reached only when main() cannot hand the arguments to the screenshot tool itself
    sub.add_parser("screenshot", parents=[common], add_help=False,
                   help="save screenshots of the app (see factbrowser screenshot --help)"
                   ).set_defaults(func=_cmd_screenshot)


def main(argv: list[str] | None = None) -> int:
    # A frozen bundle re-runs this entry point in the import's worker processes.
    multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    shot = _screenshot_args(argv)
    if shot is not None:
        try:
            from .gui.screenshot import main as screenshot_main
        except ImportError as exc:
            err(f"cannot load the desktop app for screenshots ({exc})")
            return 2
        return int(screenshot_main(shot) or 0)
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        if args.command != "search":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.query = [*args.query, *extra]  # search text may look like an option ("-Lavrov")
    if args.command == "search" and not args.query:
        parser.error("search needs some text to find")
    if args.self_test:
        from .selftest import main as self_test

        return self_test()
    if args.command is None:
        return _gui(args)  # before importing the store: the window starts leaner (app.gui.main)
    return _run(args)


def _run(args) -> int:
    """The command, with its failures as one line for the user and an exit status."""
    from .store import StoreError

    try:
        return _run_upgrading(args)
    except StoreError as exc:
        err(str(exc))
        return 2
    except sqlite3.DatabaseError as exc:  # damage the opening check did not reach
        err(f"the database cannot be read ({exc}); factbrowser check tells more, "
            "factbrowser recover -o NEW.db saves what can be read")
        return 2
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one line for the user; the traceback on request
        if os.environ.get("FACTBROWSER_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (FACTBROWSER_DEBUG=1 shows details)")
        return 3


def _run_upgrading(args) -> int:
    """The command, after rebuilding a database from an older schema when opening asks for
    it (app.store.NeedsUpgrade) in a command that does not open it through
    cli_common.open_store (which upgrades first)."""
    from .store import NeedsUpgrade, upgrade_database

    try:
        return int(args.func(args) or 0)
    except NeedsUpgrade as exc:
        err(f"{exc.path} is from an older Fact Browser (schema {exc.version}): extracting its "
            "documents again (the old file is kept as a backup)")
        upgrade_database(exc.path, progress=upgrade_progress(exc.path))
    return int(args.func(args) or 0)


def _screenshot_args(argv: list[str]) -> list[str] | None:
    """Arguments for the screenshot command (its options are its own), or None."""
    if "screenshot" not in argv:
        return None
    i = argv.index("screenshot")
    pre = argv[:i]
    if pre not in ([], ["--db", *pre[1:2]]) and not (len(pre) == 1 and
                                                       pre[0].startswith("--db=")):
        return None
    db = pre[1:] if len(pre) == 2 else ([pre[0].split("=", 1)[1]] if pre else [])
    return (["--db", db[0]] if db else []) + argv[i + 1:]


def _gui(args) -> int:
    problem = cli_extra.display_problem()
    if problem:
        err(f"cannot open the window: {problem}")
        return 2
    try:
        from .gui.main import run
    except ImportError as exc:
        err(f"cannot start the desktop app ({exc}); the command line still works "
            "(factbrowser --help)")
        return 2
    return int(run(getattr(args, "db", None)) or 0)


def _cmd_screenshot(args) -> int:
    err("usage: factbrowser [--db PATH] screenshot --tab TAB -o FILE.png")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
