"""The `factbrowser` commands that extract or write: extract (no database), build, ingest,
remove, set-date. Each holds a Store (cli_common.open_store) for the database it changes."""

from __future__ import annotations

import os
from pathlib import Path

from . import cli_extra
from .cli_common import as_json, db_path, err, open_store, say
from .cli_read import print_info


def cmd_extract(args) -> int:
    from .extract import extract
    from .store import ReadError, read_path

    rc = 0
    for name in args.files:
        try:
            read = read_path(name)
        except ReadError as exc:
            err(str(exc))
            rc = 1
            continue
        try:
            ex = extract(read.text, name, meta=read.meta)
        except Exception as exc:  # one bad file must not hide the others' facts
            err(f"{name}: extraction failed ({type(exc).__name__}: {exc})")
            rc = 1
            continue
        if args.json:
            print(as_json(ex.to_json()), flush=True)
        else:
            _print_extraction(ex, read.encoding)
    return rc


def _print_extraction(ex, encoding: str) -> None:
    d = ex.document
    say(f"== {d.path}  [{encoding}]")
    say(f"   {d.title}  |  {d.date or 'no date'}  |  {d.ref or 'no ref'}")
    for p in ex.people:
        post = ", ".join(x for x in (p.title, p.country) if x)
        say(f"   person    {p.name}" + (f" ({post})" if post else ""))
    for o in ex.organizations:
        say(f"   org       {o.name}")
    for pl in ex.places:
        say(f"   place     {pl.name}")
    for e in ex.events:
        when = e.date_start or "?"
        if e.date_end and e.date_end != e.date_start:
            when += f"..{e.date_end}"
        say(f"   event     {when} {e.kind} [{e.status}] {e.place or ''}: "
            f"{', '.join(e.participants)}")
    for q in ex.quantities:
        say(f"   figure    {q.value:,.12g} {q.unit} {q.period or ''} {q.measure or ''} ({q.text})")
    for c in ex.culture:
        say(f"   culture   {c.date_start or ''} {c.summary}")
    say()


def cmd_build(args) -> int:
    from .store import build_corpus, default_db_path, ensure_default_db

    db = db_path(args, create_default=False) or default_db_path()
    corpus = Path(args.corpus) if args.corpus else None
    if corpus is not None and not corpus.is_dir():
        err(f"{corpus}: not a folder")
        return 2
    existed = db.exists() and db.stat().st_size > 0
    results: list = []
    if not existed and corpus is None:
        ensure_default_db(db, results=results)
    else:
        if existed:
            # an SQLite file without tables is built into (a damaged or read-only file, or
            # another application's database, is refused)
            open_store(db, create=True, write=True).close()
        results = build_corpus(db, corpus)
    for r in results:
        if not r.ok:
            err(r.message)
    rc = 0
    if args.reextract:
        errors: list[str] = []
        with open_store(db, write=True) as store:
            n = store.rebuild(reextract=True, errors=errors)
        for e in errors:
            err(e)
        rc = 1 if errors else 0
        print(f"re-extracted {n} documents")
    print_info(db)
    return rc


def cmd_ingest(args) -> int:
    from .store import check_date, is_dataset

    date = check_date(args.date) if args.date is not None else None  # before any import
    db = db_path(args)
    cli_extra.ingest_target(db)
    datasets = [Path(f) for f in args.files if is_dataset(Path(f))]
    rc, counts = cli_extra.ingest_datasets(db, datasets, args)
    with open_store(db, create=True, write=True, warn=False) as store:
        files = []
        for name in (f for f in args.files if Path(f) not in datasets):
            found, problem = _expand(Path(name)) if args.recursive else ([Path(name)], None)
            if problem:
                err(problem)
                counts["failed"] += 1
                rc = 1
            files += found
        rc = _ingest_files(store, files, date, counts) or rc
    print(f"{counts['added']} added, {counts['present']} already present, "
          f"{counts['failed']} failed", flush=True)
    return rc


def _ingest_files(store, files: list[Path], date: str | None, counts: dict) -> int:
    from .store import is_folder

    rc = 0
    for f in files:
        r = store.ingest_file(f, date=date)
        if not r.ok and is_folder(f):
            r.message += " (use factbrowser ingest -r to import the files in a folder)"
        counts[r.status] += 1
        if r.ok:
            say(r.message)  # printed once its transaction has committed
        else:
            err(r.message)
            rc = 1
    return rc


def _expand(path: Path) -> tuple[list[Path], str | None]:
    """The files `ingest -r` imports for one argument, or why there are none."""
    from .store import expand_paths, is_folder

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


def cmd_remove(args) -> int:
    # a read-only or damaged database: one clear refusal, before any document
    with open_store(db_path(args), write=True) as store:
        rc = 0
        for ref in args.documents:
            try:
                info = store.remove_document(ref)
            except Exception as exc:  # report and continue with the next document
                err(str(exc))
                rc = 1
                continue
            say(f"removed document {info['id']}: {info['title']}")
    return rc


def cmd_set_date(args) -> int:
    from .store import check_date

    date = check_date(args.date)
    with open_store(db_path(args), warn=False) as store:
        out = store.set_document_date(args.document, date)
    print(f"document {out['id']}: publication date {out['date']} (was {out['old_date'] or 'none'})"
          f"; {out['facts']} facts (were {out['old_facts']})"
          + "".join(f"; {w}" for w in out["warnings"]))
    return 0
