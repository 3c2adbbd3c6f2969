"""factbrowser: the command line. Thin over app.extract and app.store; only the GUI and the
screenshot commands import Qt, and only when they run."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from pathlib import Path

from app import __version__

COMMANDS = ("extract", "build", "ingest", "search", "export", "remove", "show", "info",
            "screenshot")


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

    s = sub.add_parser("build", parents=[common],
                       help="create the database from the shipped corpus")
    s.add_argument("--reextract", action="store_true",
                   help="re-extract every stored document (user-added ones included)")
    s.add_argument("--corpus", metavar="DIR", help="folder of releases to build from")

    s = sub.add_parser("ingest", parents=[common], help="add press releases to the database")
    s.add_argument("files", nargs="+", metavar="FILE")
    s.add_argument("-r", "--recursive", action="store_true",
                   help="import the .txt/.html files inside folders given")

    s = sub.add_parser("search", parents=[common], help="find people, events, figures, text")
    s.add_argument("query", nargs="*", help="words to find (any text; e.g. -Lavrov is a word)")
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("export", parents=[common], help="write chosen tables to files")
    s.add_argument("--tables", default=",".join(
        ("people", "meetings", "trade", "figures", "culture", "sources")),
        help="comma-separated: people,meetings,trade,figures,culture,sources")
    s.add_argument("--format", choices=("csv", "json", "xlsx"),
                   help="default: from the output name, else csv")
    s.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="a folder for csv, a file for json/xlsx")
    s.add_argument("--text", help="only rows where each word of TEXT begins a word of a text column")
    s.add_argument("--from", dest="date_from", metavar="DATE", help="time window start (ISO)")
    s.add_argument("--to", dest="date_to", metavar="DATE", help="time window end (ISO)")

    s = sub.add_parser("remove", parents=[common], help="remove documents and their facts")
    s.add_argument("documents", nargs="+", metavar="DOC_ID|PATH")

    s = sub.add_parser("show", parents=[common], help="print a table")
    s.add_argument("table", choices=("people", "meetings", "trade", "figures", "culture",
                                     "sources"))
    s.add_argument("--limit", type=int)
    s.add_argument("--text", help="only rows where each word of TEXT begins a word of a text column")
    s.add_argument("--json", action="store_true")

    sub.add_parser("info", parents=[common], help="database location and row counts")
    sub.add_parser("screenshot", parents=[common], add_help=False,
                   help="save screenshots of the app (see factbrowser screenshot --help)")
    return p


def _err(msg: str) -> None:
    print(f"factbrowser: {msg}", file=sys.stderr)


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
        return int(globals()[f"_cmd_{args.command}"](args) or 0)
    except StoreError as exc:
        _err(str(exc))
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
    try:
        from app.gui.main import run
    except ImportError as exc:
        _err(f"cannot start the desktop app ({exc}); the command line still works "
             "(factbrowser --help)")
        return 2
    return int(run(getattr(args, "db", None)) or 0)


def _cmd_extract(args) -> int:
    from app.extract import extract
    from app.store.errors import ReadError
    from app.store.readers import read_path

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
            print(json.dumps(ex.to_json(), ensure_ascii=False), flush=True)
        else:
            _print_extraction(ex, read.encoding)
    return rc


def _print_extraction(ex, encoding: str) -> None:
    d = ex.document
    print(f"== {d.path}  [{encoding}]")
    print(f"   {d.title}  |  {d.date or 'no date'}  |  {d.ref or 'no ref'}")
    for p in ex.people:
        post = ", ".join(x for x in (p.title, p.country) if x)
        print(f"   person    {p.name}" + (f" ({post})" if post else ""))
    for o in ex.organizations:
        print(f"   org       {o.name}")
    for pl in ex.places:
        print(f"   place     {pl.name}")
    for e in ex.events:
        when = e.date_start or "?"
        if e.date_end and e.date_end != e.date_start:
            when += f"..{e.date_end}"
        print(f"   event     {when} {e.kind} [{e.status}] {e.place or ''}: "
              f"{', '.join(e.participants)}")
    for q in ex.quantities:
        print(f"   figure    {q.value:,.12g} {q.unit} {q.period or ''} {q.measure or ''} ({q.text})")
    for c in ex.culture:
        print(f"   culture   {c.date_start or ''} {c.summary}")
    print()


def _cmd_build(args) -> int:
    from app.store import build_corpus, ensure_default_db, rebuild
    from app.store.db import connect

    db = _db(args, create_default=False)
    from app.store import default_db_path

    db = db or default_db_path()
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
            connect(db).close()
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
        counts = store.counts()
    print(f"database: {db}")
    print("  " + ", ".join(f"{t} {n}" for t, n in counts.items()))


def _cmd_info(args) -> int:
    _print_info(_db(args))
    return 0


def _cmd_ingest(args) -> int:
    from app.store import expand_paths
    from app.store.db import connect
    from app.store.ingest import ingest_file, is_folder

    db = _db(args)
    files = expand_paths(args.files) if args.recursive else [Path(f) for f in args.files]
    counts = {"added": 0, "present": 0, "failed": 0}
    rc = 0
    conn = connect(db, create=True)
    try:
        for f in files:
            r = ingest_file(conn, f)
            if not r.ok and is_folder(f):
                r.message += " (use factbrowser ingest -r to import the files in a folder)"
            counts[r.status] += 1
            if r.ok:
                print(r.message, flush=True)  # printed once its transaction has committed
            else:
                _err(r.message)
                rc = 1
    finally:
        conn.close()
    print(f"{counts['added']} added, {counts['present']} already present, "
          f"{counts['failed']} failed", flush=True)
    return rc


def _cmd_search(args) -> int:
    from app.store import Store

    query = " ".join(args.query)
    with Store.open(_db(args)) as store:
        hits = store.search(query, limit=args.limit)
    for h in hits:
        if args.json:
            print(json.dumps(h.__dict__, ensure_ascii=False))
        else:
            where = f"doc {h.document_id}" if h.document_id else ""
            text = h.snippet if h.type == "sentence" else h.label
            print(f"{h.type:<12} {h.fact_id:>6}  {text}  ({where})" if where else
                  f"{h.type:<12} {h.fact_id:>6}  {text}")
    if not hits and not args.json:
        print("no matches")
    return 0


def _cmd_export(args) -> int:
    from app.store import Filters, export_tables

    fmt = args.format
    if not fmt:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        fmt = suffix if suffix in ("json", "xlsx") else "csv"
    filters = None
    if args.text or args.date_from or args.date_to:
        filters = Filters(text=args.text, date_from=args.date_from, date_to=args.date_to)
    result = export_tables(_db(args), args.tables, fmt, args.output, filters=filters)
    for table, n in result.counts.items():
        print(f"{table}: {n} rows")
    print(f"written: {args.output}")
    return 0


def _cmd_remove(args) -> int:
    from app.store import remove_document

    db = _db(args)
    rc = 0
    for ref in args.documents:
        try:
            info = remove_document(db, ref)
        except Exception as exc:  # report and continue with the next document
            _err(str(exc))
            rc = 1
            continue
        print(f"removed document {info['id']}: {info['title']}")
    return rc


def _cmd_screenshot(args) -> int:
    _err("usage: factbrowser [--db PATH] screenshot --tab TAB -o FILE.png")
    return 2


def _cmd_show(args) -> int:
    from app.store import Filters, Store

    with Store.open(_db(args)) as store:
        filters = Filters(text=args.text) if args.text else None
        rows = store.rows(args.table, filters, limit=args.limit)
        cols = store.columns(args.table)
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return 0
    print("\t".join(cols))
    for r in rows:
        print("\t".join("" if r[c] is None else str(r[c]) for c in cols))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
