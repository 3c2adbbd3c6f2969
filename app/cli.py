"""factbrowser: the command line. Thin over app.extract and app.store; only the GUI and the
screenshot commands import Qt, and only when they run."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sqlite3
import sys
from datetime import date
from pathlib import Path

# The store and the extractor are imported inside the commands that use them, not here: the
# importer brings the extractor (~60 ms), the exporters sqlite-utils (and pandas when
# installed, ~0.4 s), and --version, --help and the bare `factbrowser` start without them.
from app import __version__, cli_extra

COMMANDS = ("extract", "build", "ingest", "search", "export", "remove", "set-date", "show",
            "info", "check", "recover", "screenshot", "datasette-metadata")
# Characters a terminal would act on (escape sequences, line breaks, bidi overrides) and lone
# surrogates (undecodable file names): printed as escapes, so one output line stays one line
# and a release's title cannot drive the terminal.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _safe(text) -> str:
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                       .decode("ascii"), str(text))


def _json(value) -> str:
    """One JSON line (json.dumps escapes C0 controls itself; C1, bidi and surrogates too)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}",
                            json.dumps(value, ensure_ascii=False))


def _say(text="") -> None:
    print(_safe(text), flush=True)


def _iso_date(value: str) -> str:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD, a real date."""
    pattern = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if pattern is None:
            raise ValueError
        y, m, d = (int(g) if g else 1 for g in pattern.groups())
        date(y, m, d)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{_safe(value)!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value.strip()


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

    s = sub.add_parser("extract", parents=[common], help="show the facts of press releases")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("--json", action="store_true",
                   help="one JSON object per document per line (the extraction contract)")
    s.set_defaults(func=_cmd_extract)

    s = sub.add_parser("build", parents=[common],
                       help="create the database from the shipped corpus")
    s.add_argument("--reextract", action="store_true",
                   help="re-extract every stored document (user-added ones included)")
    s.add_argument("--corpus", metavar="DIR", help="folder of releases to build from")
    s.set_defaults(func=_cmd_build)

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
    s.set_defaults(func=_cmd_ingest)

    s = sub.add_parser("search", parents=[common], help="find people, events, figures, text")
    s.add_argument("query", nargs="*", help="words to find (any text; e.g. -Lavrov is a word)")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_cmd_search)

    s = sub.add_parser("export", parents=[common], help="write chosen tables to files")
    s.add_argument("--tables", default=",".join(
        ("people", "meetings", "trade", "figures", "culture", "sources")),
        help="comma-separated: people,meetings,trade,figures,culture,sources")
    s.add_argument("--format", choices=("csv", "json", "xlsx"),
                   help="default: from -o's name (.json, .xlsx; .csv or no extension: csv); "
                        "a name saying another format is refused")
    s.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="a folder for csv, a file for json/xlsx")
    s.add_argument("--text", help="only rows where each word of TEXT begins a word of a text column")
    s.add_argument("--bom", action="store_true",
                   help="CSV: start each file with a UTF-8 byte order mark (for Excel on Windows)")
    s.add_argument("--from", dest="date_from", metavar="DATE", type=_iso_date,
                   help="time window start (YYYY, YYYY-MM or YYYY-MM-DD)")
    s.add_argument("--to", dest="date_to", metavar="DATE", type=_iso_date,
                   help="time window end (YYYY, YYYY-MM or YYYY-MM-DD)")
    s.set_defaults(func=_cmd_export)

    s = sub.add_parser("remove", parents=[common], help="remove documents and their facts")
    s.add_argument("documents", nargs="+", metavar="DOC_ID|PATH")
    s.set_defaults(func=_cmd_remove)

    s = sub.add_parser("set-date", parents=[common],
                       help="give a stored document its publication date (re-resolves its dates)")
    s.add_argument("document", metavar="DOC_ID|PATH")
    s.add_argument("date", metavar="YYYY-MM-DD")
    s.set_defaults(func=_cmd_set_date)

    s = sub.add_parser("show", parents=[common], help="print a table")
    s.add_argument("table", choices=("people", "meetings", "trade", "figures", "culture",
                                     "sources"))
    s.add_argument("--limit", type=int)
    s.add_argument("--text", help="only rows where each word of TEXT begins a word of a text column")
    s.add_argument("--json", action="store_true", help="one JSON object per row, raw values")
    s.set_defaults(func=_cmd_show)

    sub.add_parser("info", parents=[common], help="database location and row counts "
                   "(a database that does not exist is refused: create it with build)"
                   ).set_defaults(func=_cmd_info)
    cli_extra.add_datasette_command(sub, common).set_defaults(func=_cmd_datasette_metadata)
    sub.add_parser("check", parents=[common],
                   help="check the whole database file for damage (read-only)"
                   ).set_defaults(func=_cmd_check)
    s = sub.add_parser("recover", parents=[common],
                       help="rebuild a damaged database's readable documents into a new file")
    s.add_argument("-o", "--output", required=True, metavar="NEW.db",
                   help="the new database to write (must not exist)")
    s.set_defaults(func=_cmd_recover)
    # reached only when main() cannot hand the arguments to the screenshot tool itself
    sub.add_parser("screenshot", parents=[common], add_help=False,
                   help="save screenshots of the app (see factbrowser screenshot --help)"
                   ).set_defaults(func=_cmd_screenshot)
    return p


def _err(msg: str) -> None:
    print(f"factbrowser: {_safe(msg)}", file=sys.stderr)


def _warn_read_only(db: Path, reason: str | None) -> None:
    if reason:
        from app.store import RECOVER_HINT

        hint = f"; {RECOVER_HINT}" if reason.startswith("damaged") else ""
        _err(f"warning: {db} is opened read-only ({reason}){hint}")


def _open_store(args):
    from app.store import Store

    db = _db(args)
    store = Store.open(db)
    _warn_read_only(db, store.read_only)
    return store


def _db(args, create_default: bool = True) -> Path:
    from app.store import ensure_default_db

    db = getattr(args, "db", None)
    if db:
        return Path(db).expanduser()
    return ensure_default_db() if create_default else None


def main(argv: list[str] | None = None) -> int:
    # A frozen bundle re-runs this entry point in the import's worker processes.
    multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    shot = _screenshot_args(argv)
    if shot is not None:
        try:
            from app.gui.screenshot import main as screenshot_main
        except ImportError as exc:
            _err(f"cannot load the desktop app for screenshots ({exc})")
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
        from app.selftest import main as self_test

        return self_test()
    if args.command is None:
        return _gui(args)  # before importing the store: the window starts leaner (app.gui.main)
    from app.store import StoreError

    try:
        return _run_upgrading(args)
    except StoreError as exc:
        _err(str(exc))
        return 2
    except sqlite3.DatabaseError as exc:  # damage the opening check did not reach
        _err(f"the database cannot be read ({exc}); factbrowser check tells more, "
             "factbrowser recover -o NEW.db saves what can be read")
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one line for the user; the traceback on request
        if os.environ.get("FACTBROWSER_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (FACTBROWSER_DEBUG=1 shows details)")
        return 3


def _run_upgrading(args) -> int:
    """The command, after rebuilding a database from an older schema when opening asks for
    it (app.store.NeedsUpgrade): a command-line run has nothing else to show meanwhile."""
    from app.store import NeedsUpgrade, upgrade_database

    try:
        return int(args.func(args) or 0)
    except NeedsUpgrade as exc:
        _err(f"{exc.path} is from an older Fact Browser (schema {exc.version}): extracting its "
             "documents again (the old file is kept as a backup)")

        def progress(done: int, total: int, _message: str) -> None:
            if done % 100 == 0 or done == total:
                print(f"factbrowser: re-extracting {done}/{total} documents", file=sys.stderr,
                      flush=True)

        upgrade_database(exc.path, progress=progress)
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
        _err(f"cannot open the window: {problem}")
        return 2
    try:
        from app.gui.main import run
    except ImportError as exc:
        _err(f"cannot start the desktop app ({exc}); the command line still works "
             "(factbrowser --help)")
        return 2
    return int(run(getattr(args, "db", None)) or 0)


def _cmd_extract(args) -> int:
    from app.extract import extract
    from app.store import ReadError, read_path

    rc = 0
    for name in args.files:
        try:
            read = read_path(name)
        except ReadError as exc:
            _err(str(exc))
            rc = 1
            continue
        try:
            ex = extract(read.text, name, meta=read.meta)
        except Exception as exc:  # one bad file must not hide the others' facts
            _err(f"{name}: extraction failed ({type(exc).__name__}: {exc})")
            rc = 1
            continue
        if args.json:
            print(_json(ex.to_json()), flush=True)
        else:
            _print_extraction(ex, read.encoding)
    return rc


def _print_extraction(ex, encoding: str) -> None:
    d = ex.document
    _say(f"== {d.path}  [{encoding}]")
    _say(f"   {d.title}  |  {d.date or 'no date'}  |  {d.ref or 'no ref'}")
    for p in ex.people:
        post = ", ".join(x for x in (p.title, p.country) if x)
        _say(f"   person    {p.name}" + (f" ({post})" if post else ""))
    for o in ex.organizations:
        _say(f"   org       {o.name}")
    for pl in ex.places:
        _say(f"   place     {pl.name}")
    for e in ex.events:
        when = e.date_start or "?"
        if e.date_end and e.date_end != e.date_start:
            when += f"..{e.date_end}"
        _say(f"   event     {when} {e.kind} [{e.status}] {e.place or ''}: "
             f"{', '.join(e.participants)}")
    for q in ex.quantities:
        _say(f"   figure    {q.value:,.12g} {q.unit} {q.period or ''} {q.measure or ''} ({q.text})")
    for c in ex.culture:
        _say(f"   culture   {c.date_start or ''} {c.summary}")
    _say()


def _cmd_build(args) -> int:
    from app.store import build_corpus, connect, default_db_path, ensure_default_db, rebuild

    db = _db(args, create_default=False) or default_db_path()
    corpus = Path(args.corpus) if args.corpus else None
    if corpus is not None and not corpus.is_dir():
        _err(f"{corpus}: not a folder")
        return 2
    existed = db.exists() and db.stat().st_size > 0
    results: list = []
    if not existed and corpus is None:
        ensure_default_db(db, results=results)
    else:
        if existed:
            # an SQLite file without tables is built into (a damaged or read-only file, or
            # another application's database, is refused)
            connect(db, create=True, write=True).close()
        results = build_corpus(db, corpus)
    for r in results:
        if not r.ok:
            _err(r.message)
    rc = 0
    if args.reextract:
        errors: list[str] = []
        n = rebuild(db, reextract=True, errors=errors)
        for e in errors:
            _err(e)
        rc = 1 if errors else 0
        print(f"re-extracted {n} documents")
    _print_info(db)
    return rc


def _print_info(db: Path) -> None:
    from app.store import Store

    with Store.open(db) as store:
        _warn_read_only(db, store.read_only)
        counts = store.counts()
    _say(f"database: {db}" + (" (read-only)" if store.read_only else ""))
    _say("  " + ", ".join(f"{t} {n}" for t, n in counts.items()))


def _cmd_info(args) -> int:
    _print_info(_db(args))
    return 0


def _cmd_ingest(args) -> int:
    from app.store import check_date, connect, ingest_file, is_dataset, is_folder

    date = check_date(args.date) if args.date is not None else None  # before any import
    db = _db(args)
    cli_extra.ingest_target(db)
    datasets = [Path(f) for f in args.files if is_dataset(Path(f))]
    rc, counts = cli_extra.ingest_datasets(db, datasets, args)
    conn = connect(db, create=True, write=True)
    try:
        files = []
        for name in (f for f in args.files if Path(f) not in datasets):
            found, problem = _expand(Path(name)) if args.recursive else ([Path(name)], None)
            if problem:
                _err(problem)
                counts["failed"] += 1
                rc = 1
            files += found
        for f in files:
            r = ingest_file(conn, f, date=date)
            if not r.ok and is_folder(f):
                r.message += " (use factbrowser ingest -r to import the files in a folder)"
            counts[r.status] += 1
            if r.ok:
                _say(r.message)  # printed once its transaction has committed
            else:
                _err(r.message)
                rc = 1
    finally:
        conn.close()
    print(f"{counts['added']} added, {counts['present']} already present, "
          f"{counts['failed']} failed", flush=True)
    return rc


def _expand(path: Path) -> tuple[list[Path], str | None]:
    """The files `ingest -r` imports for one argument, or why there are none."""
    from app.store import expand_paths, is_folder

    folder = is_folder(path)  # a path that cannot be looked at is read and fails alone
    if folder:
        try:
            with os.scandir(path):
                pass
        except OSError as exc:
            return [], f"{path}: cannot read this folder ({exc.strerror or exc})"
    found = expand_paths([path])
    if not found and folder:
        return [], f"no release files found in {path} (.txt, .text, .html or .htm)"
    return found, None


def _cmd_search(args) -> int:
    query = " ".join(args.query)
    with _open_store(args) as store:
        hits = store.search(query, limit=args.limit)
    from app.store import hit_line

    # matched words in bold on a terminal; in a file or a pipe the plain words, no markup
    on, off = ("\033[1m", "\033[0m") if sys.stdout.isatty() and not os.environ.get("NO_COLOR") \
        else ("", "")
    for h in hits:
        if args.json:
            print(_json(h.__dict__))
        else:
            # markers no escaping touches stand for the bold until the line is made safe
            print(_safe(hit_line(h, "\ue000", "\ue001")).replace("\ue000", on)
                  .replace("\ue001", off), flush=True)
    if not hits and not args.json:
        print("no matches")
    return 0


def _cmd_export(args) -> int:
    from app.store import Filters, export_tables

    try:
        fmt = cli_extra.export_format(args.output, args.format)
    except ValueError as exc:
        _err(str(exc))
        return 2
    filters = None
    if args.text or args.date_from or args.date_to:
        filters = Filters(text=args.text, date_from=args.date_from, date_to=args.date_to)
    db = _db(args)
    _open_store(args).close()  # says so when the database is damaged or read-only
    result = export_tables(db, args.tables, fmt, args.output, filters=filters, bom=args.bom)
    for table, n in result.counts.items():
        print(f"{table}: {n} rows")
    _say(f"written: {args.output}")
    return 0


def _cmd_remove(args) -> int:
    from app.store import connect, remove_document

    db = _db(args)
    connect(db, write=True).close()  # a read-only or damaged database: one clear refusal
    rc = 0
    for ref in args.documents:
        try:
            info = remove_document(db, ref)
        except Exception as exc:  # report and continue with the next document
            _err(str(exc))
            rc = 1
            continue
        _say(f"removed document {info['id']}: {info['title']}")
    return rc


def _cmd_set_date(args) -> int:
    from app.store import check_date, set_document_date

    date = check_date(args.date)
    out = set_document_date(_db(args), args.document, date)
    print(f"document {out['id']}: publication date {out['date']} (was {out['old_date'] or 'none'})"
          f"; {out['facts']} facts (were {out['old_facts']})"
          + "".join(f"; {w}" for w in out["warnings"]))
    return 0


def _cmd_screenshot(args) -> int:
    _err("usage: factbrowser [--db PATH] screenshot --tab TAB -o FILE.png")
    return 2


def _cmd_show(args) -> int:
    from app.store import Filters

    with _open_store(args) as store:
        filters = Filters(text=args.text) if args.text else None
        rows = store.rows(args.table, filters, limit=args.limit)
        cols = store.columns(args.table)
    if args.json:
        for r in rows:
            print(_json(r))
        return 0
    print("\t".join(cols))
    for r in rows:
        print("\t".join(_safe(cli_extra.show_cell(c, r)) for c in cols))
    return 0


def _cmd_datasette_metadata(args) -> int:
    return cli_extra.cmd_datasette_metadata(_db(args), args.output)


def _cmd_check(args) -> int:
    from app.store import check_database, default_db_path

    db = _db(args, create_default=False) or default_db_path()
    problems = check_database(db)
    if not problems:
        _say(f"{db}: ok (SQLite integrity check and foreign keys)")
        return 0
    _say(f"{db}: damaged ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
    for p in problems[:20]:
        _say(f"  {p}")
    if len(problems) > 20:
        _say(f"  ... and {len(problems) - 20} more")
    _say("factbrowser recover -o NEW.db rebuilds what can be read into a new database")
    return 1


def _cmd_recover(args) -> int:
    from app.store import default_db_path, recover

    db = _db(args, create_default=False) or default_db_path()

    def progress(done: int, total: int, _message: str) -> None:
        if done % 100 == 0 or done == total:
            print(f"factbrowser: re-extracting {done}/{total} documents", file=sys.stderr,
                  flush=True)

    result = recover(db, Path(args.output).expanduser(), progress=progress)
    for message in result.failed:
        _err(message)
    _say(f"recovered {result.added} documents ({result.found} readable, "
         f"{result.method}) from {db} into {args.output}; facts re-extracted")
    _print_info(Path(args.output).expanduser())
    return 0 if result.added or not result.found else 1


if __name__ == "__main__":
    raise SystemExit(main())
