"""The performance benchmark: one command from a clean checkout.

    .venv/bin/python benchmarks/run.py [--docs 1000] [--out results.json] [--workers N]

Generates (or reuses) a synthetic archive of --docs releases (benchmarks/make_corpus.py), ingests
it into fresh databases on one core (`ingest_paths`) and on --workers cores
(`ingest_paths_parallel`), then measures search latency against plain FTS5, each tab's open and
filter times and peak memory in a fresh GUI process (benchmarks/gui_probe.py), and start-up
against a bare PySide6 + pyqtgraph window (benchmarks/startup.py). Prints a table with the
targets of issue 5 and writes everything as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import bench_search  # noqa: E402
import ingest_split  # noqa: E402
import make_corpus  # noqa: E402
from bench_files import fresh_db as _fresh  # noqa: E402

PHASES = ("extract", "split", "floor", "ingest1", "ingestN", "search", "gui", "startup")
SPLIT_DOCS = 1000  # releases the extraction / writing split is measured on


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _db_size_mb(db: Path) -> float:
    conn = sqlite3.connect(str(db))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return round(sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal")
                     if Path(f"{db}{s}").exists()) / 1e6, 1)


def _biggest(db: Path, n: int = 8) -> dict:
    """Megabytes of the largest tables and indexes (where the database's size goes)."""
    conn = sqlite3.connect(str(db))
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                            "ORDER BY 2 DESC LIMIT ?", (n,)).fetchall()
    except sqlite3.Error:
        return {}  # SQLite built without dbstat
    finally:
        conn.close()
    return {name: round(size / 1e6, 1) for name, size in rows}


def _rate(n_docs: int, n_bytes: int, seconds: float, cores: int) -> dict:
    return {"docs": n_docs, "mb": round(n_bytes / 1e6, 2), "seconds": round(seconds, 2),
            "docs_per_s": round(n_docs / seconds, 1), "mb_per_s": round(n_bytes / 1e6 / seconds, 3),
            "mb_per_s_per_core": round(n_bytes / 1e6 / seconds / cores, 3), "cores": cores}


def extract_only(paths: list[Path], limit: int = 300) -> dict:
    """Extraction alone, in this process: the part of ingest that worker processes can share."""
    from app.extract import extract

    texts = [p.read_text(encoding="utf-8") for p in paths[:limit]]
    extract(texts[0], str(paths[0]))  # gazetteers load once, outside the timing
    t = time.perf_counter()
    for p, text in zip(paths, texts, strict=False):
        extract(text, str(p))
    return _rate(len(texts), sum(len(x.encode()) for x in texts), time.perf_counter() - t, 1)


def ingest(db: Path, paths: list[Path], workers: int, log=print) -> dict:
    """Import into a fresh database, logging progress every 2% (throughput over time shows
    whether writing slows down as the database grows). Creating a file STOP next to the
    database cancels between documents; what was imported stays and is measured."""
    from app.store import ingest_paths
    from app.store.parallel_ingest import ingest_paths_parallel

    _fresh(db)
    stop = db.parent / "STOP"
    stop.unlink(missing_ok=True)
    sizes = [p.stat().st_size for p in paths]
    load = _load()
    curve: list[list[float]] = []
    step = max(1, len(paths) // 50)
    t = time.perf_counter()
    last = [t, 0]

    def progress(done: int, total: int, _msg: str) -> None:
        # ingest_paths reports each document twice (reading, then done): log each count once
        if done > last[1] and (done % step == 0 or done == total):
            now = time.perf_counter()
            rate = (done - last[1]) / max(now - last[0], 1e-9)
            curve.append([done, round(now - t, 1), round(rate, 1), _load()])
            last[:] = [now, done]
            log(f"  {done}/{total} documents, {now - t:.0f} s, {rate:.1f} docs/s now")

    cancel = stop.exists
    if workers > 1:
        results = ingest_paths_parallel(db, paths, workers=workers, progress=progress, cancel=cancel)
    else:
        results = ingest_paths(db, paths, progress=progress, cancel=cancel)
    done = len(results)
    out = _rate(done, sum(sizes[:done]), time.perf_counter() - t, workers)
    out["requested"] = len(paths)
    out["failed"] = sum(1 for r in results if r.status == "failed")
    out["failures"] = [r.message for r in results if r.status == "failed"][:5]
    out["load_before"] = load
    out["curve"] = curve  # [documents done, seconds, docs/s since previous point, load]
    out["db_mb"] = _db_size_mb(db)
    return out


def split(paths: list[Path], work: Path) -> dict:
    """Per release: extraction and writing apart (CPU and wall), on the first releases."""
    prepared, ext = ingest_split.extract_all(paths)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    wr = ingest_split.write_all(work / "split.db", prepared, rowwise=False)
    return {"docs": len(paths), "extraction": ingest_split.per_doc(ext, len(paths), mb),
            "writing": ingest_split.per_doc(wr, len(paths), mb)}


def counts(db: Path) -> dict:
    from app.store import Store

    store = Store.open(db)
    try:
        return store.counts()
    finally:
        store.close()


def search(db: Path, seed: int, repeat: int) -> dict:
    from app.store import Store

    store = Store.open(db)
    try:
        return bench_search.run(store, seed, repeat=repeat)
    finally:
        store.close()


def gui(db: Path, quiet: float | None = None) -> dict:
    """Run gui_probe in fresh processes. If the app crashes in a step, that step is recorded
    as a crash and a new process goes on with the remaining steps."""
    import gui_probe

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="fb-bench-config-")
    if quiet is not None:
        env["FB_PROBE_QUIET"] = str(quiet)
    steps = gui_probe.all_steps()
    out: dict = {"tabs": {t: {} for t in gui_probe.TAB_ORDER}, "time_window": {"ms": {}},
                 "crashes": [], "peak_rss_mb": 0.0, "processes": 0}
    while steps and out["processes"] < 8:
        out["processes"] += 1
        before = len(steps)
        proc = subprocess.run([sys.executable, str(HERE / "gui_probe.py"), str(db), ",".join(steps)],
                              env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=3600)
        current = None
        for line in proc.stdout.splitlines():
            if not line.startswith("{"):
                continue
            msg = json.loads(line)
            key, value = msg["key"], msg["value"]
            if key == "start":
                current = value
            elif key == "window":
                out.setdefault("window", value)
            elif key == "peak_rss_mb":
                out["peak_rss_mb"] = max(out["peak_rss_mb"], value)
            elif ":" in key:
                what, tab = key.split(":")
                steps.remove(key)
                current = None
                if what == "open":
                    out["tabs"][tab].update(open_ms=value["ms"], rows=value["rows"],
                                            rss_mb=value["rss_mb"], peak_rss_mb=value["peak_rss_mb"])
                    out["peak_rss_mb"] = max(out["peak_rss_mb"], value["peak_rss_mb"])
                elif what == "filter":
                    out["tabs"][tab].update(filter=value["filter"], filter_ms=value["ms"],
                                            filtered_rows=value["rows"])
                else:
                    out["time_window"]["range"] = value["range"]
                    out["time_window"]["ms"][tab] = value["ms"]
        if proc.returncode != 0 or current:
            tail = [x for x in proc.stderr.splitlines() if x.strip() and "propagateSizeHints" not in x]
            where = next((x.strip() for x in tail if "/app/" in x), "")
            out["crashes"].append({"step": current, "returncode": proc.returncode,
                                   "error": (tail[0] if tail else "")[:300], "where": where})
            if current in steps:
                steps.remove(current)
            elif len(steps) == before:
                break  # crashed before its first step: retrying would crash the same way
    return out


def startup(db: Path, runs: int) -> dict:
    """Median start-up to first paint, app vs bare window (benchmarks/startup.py)."""
    import startup as su

    res = su.measure(str(db), runs=runs)
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in res.items()}


def run(docs: int, workers: int, seed: int = 1, work: Path | None = None,
        skip: set[str] = frozenset(), single_docs: int | None = None, search_repeat: int = 5,
        startup_runs: int = 5, quiet: float | None = None, log=print,
        existing_db: Path | None = None) -> dict:
    work = Path(work or Path(tempfile.gettempdir()) / "factbrowser-bench")
    work.mkdir(parents=True, exist_ok=True)
    res: dict = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
                    "load_at_start": _load()},
        "docs": docs, "seed": seed, "workers": workers,
    }
    t = time.perf_counter()
    paths = make_corpus.ensure_corpus(docs, work / f"corpus-{docs}-s{seed}", seed, workers)
    res["corpus"] = {"dir": str(paths[0].parent), "mb": round(sum(p.stat().st_size for p in paths) / 1e6, 1),
                     "seconds": round(time.perf_counter() - t, 1)}
    log(f"corpus: {docs} releases, {res['corpus']['mb']} MB ({res['corpus']['seconds']} s)")
    if "extract" not in skip:
        res["extract_only"] = extract_only(paths)
        log(f"extraction alone: {res['extract_only']['mb_per_s']} MB/s")
    if "split" not in skip:
        res["split"] = split(paths[:SPLIT_DOCS], work)
        log(f"extraction / writing: {res['split']['extraction']['ms_per_doc_cpu']} / "
            f"{res['split']['writing']['ms_per_doc_cpu']} ms CPU per release")
    if "floor" not in skip:
        floor = ingest_split.floor(work / f"floor-{docs}.db", paths)
        res["floor"] = _rate(len(paths), sum(p.stat().st_size for p in paths), floor["wall_s"], 1)
        log(f"storage floor: {res['floor']['mb_per_s']} MB/s")
    db1 = work / f"bench-{docs}-1core.db"
    dbn = work / f"bench-{docs}-{workers}cores.db"
    if existing_db:
        skip = set(skip) | {"ingest1", "ingestN"}
    if "ingest1" not in skip:
        sub = paths[:single_docs] if single_docs else paths
        res["ingest_1core"] = ingest(db1, sub, 1, log)
        log(f"ingest, 1 core: {res['ingest_1core']['mb_per_s']} MB/s")
    db = db1
    if existing_db:
        db = dbn = Path(existing_db)
    elif workers > 1 and "ingestN" not in skip:
        res["ingest_parallel"] = ingest(dbn, paths, workers, log)
        log(f"ingest, {workers} cores: {res['ingest_parallel']['mb_per_s']} MB/s")
        db = dbn
    elif single_docs and single_docs < docs:
        raise SystemExit("--single-docs needs the parallel ingest to build the full database")
    res["db"] = {"path": str(db), "mb": _db_size_mb(db), "counts": counts(db),
                 "largest_mb": _biggest(db)}
    if "ingest1" not in skip and db is dbn and not single_docs:
        res["db"]["counts_1core"] = counts(db1)
    log(f"database: {res['db']['mb']} MB, {res['db']['counts']}")
    if "search" not in skip:
        res["search"] = search(db, seed, search_repeat)
        log(f"search: p95 {res['search']['app']['p95_ms']} ms, ratio {res['search']['ratio_p95']}")
    if "gui" not in skip:
        res["gui"] = gui(db, quiet)
        log("gui: " + json.dumps({k: v.get("open_ms") for k, v in res["gui"].get("tabs", {}).items()}))
    if "startup" not in skip:
        res["startup"] = startup(db, startup_runs)
        log(f"start-up: {res['startup']}")
    res["machine"]["load_at_end"] = _load()
    return res


def targets(res: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, target, met) rows for the table."""
    rows: list[tuple[str, str, str, bool | None]] = []

    def add(name, value, target, ok):
        rows.append((name, value, target, ok))

    for key, label in (("ingest_1core", "ingest, 1 core"), ("ingest_parallel", "ingest, all cores")):
        r = res.get(key)
        if r:
            if r["docs"] < r.get("requested", r["docs"]):
                label += f", stopped after {r['docs']:,} of {r['requested']:,} docs"
            add(f"{label} ({r['cores']} proc)", f"{r['docs_per_s']} docs/s, {r['mb_per_s']} MB/s "
                f"({r['mb_per_s_per_core']} MB/s/core)", ">= 2 MB/s per core",
                r["mb_per_s_per_core"] >= 2)
    sp = res.get("split")
    if sp:
        add(f"per release, extraction / writing (CPU, first {sp['docs']:,})",
            f"{sp['extraction']['ms_per_doc_cpu']} / {sp['writing']['ms_per_doc_cpu']} ms", "", None)
    fl, one = res.get("floor"), res.get("ingest_1core")
    if fl:
        add("storage floor (sqlite-utils, table + FTS5)", f"{fl['docs_per_s']} docs/s, "
            f"{fl['mb_per_s']} MB/s", "", None)
    if fl and one:
        ratio = round(fl["mb_per_s"] / one["mb_per_s"], 1)
        add("ingest, 1 core, against the floor", f"{ratio}x slower", "<= 10x", ratio <= 10)
    if "extract_only" in res:
        r = res["extract_only"]
        add("extraction alone, 1 core", f"{r['docs_per_s']} docs/s, {r['mb_per_s']} MB/s", "", None)
    add("database size", f"{res['db']['mb']} MB for {res['corpus']['mb']} MB of text", "", None)
    s = res.get("search")
    if s:
        add("search p95 / median (app)", f"{s['app']['p95_ms']} / {s['app']['median_ms']} ms",
            "p95 <= 30 ms", s["app"]["p95_ms"] <= 30)
        add("search p95 / median (plain FTS5)",
            f"{s['plain_fts5']['p95_ms']} / {s['plain_fts5']['median_ms']} ms", "", None)
        add("search app / plain FTS5 (p95)", f"{s['ratio_p95']}x", "<= 3x", s["ratio_p95"] <= 3)
    g = res.get("gui") or {}
    for name, t in g.get("tabs", {}).items():
        if "open_ms" in t:
            add(f"open {name} tab + plot ({t['rows']:,} rows)", f"{t['open_ms']:.0f} ms",
                "<= 300 ms", t["open_ms"] <= 300)
    for name, t in g.get("tabs", {}).items():
        if "filter_ms" in t:
            add(f"filter {name} '{t['filter']}' ({t['filtered_rows']:,} rows)",
                f"{t['filter_ms']:.0f} ms", "<= 100 ms", t["filter_ms"] <= 100)
    for name, ms in g.get("time_window", {}).get("ms", {}).items():
        add(f"time window {' to '.join(g['time_window']['range'])}, {name}", f"{ms:.0f} ms",
            "<= 100 ms", ms <= 100)
    for c in g.get("crashes", []):
        add(f"GUI crash in {c['step']}", f"{c['error'][:60]} at {c['where'][-60:]}", "no crash", False)
    su = res.get("startup")
    if su:
        add("start-up to first paint (app / bare window)", f"{su['app_paint_s']:.2f} / "
            f"{su['bare_s']:.2f} s = {su['ratio']:.2f}x", "<= 1.5x", su["ratio"] <= 1.5)
        add("start-up to visible tab's data (app / bare)", f"{su['app_ready_s']:.2f} / "
            f"{su['bare_s']:.2f} s = {su['ratio_ready']:.2f}x", "", None)
    if g.get("peak_rss_mb"):
        add("peak RSS, all tabs open", f"{g['peak_rss_mb']:.0f} MB", "<= 500 MB", g["peak_rss_mb"] <= 500)
    return rows


def table(res: dict) -> str:
    rows = [("measure", "value", "target", "met")] + [
        (a, b, c, "" if ok is None else ("yes" if ok else "NO")) for a, b, c, ok in targets(res)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{res['docs']:,} documents ({res['corpus']['mb']} MB), {res['machine']['cpus']} cores, "
             f"load {res['machine']['load_at_start']} -> {res['machine'].get('load_at_end')}"]
    for i, r in enumerate(rows):
        lines.append("| " + " | ".join(x.ljust(w) for x, w in zip(r, widths, strict=True)) + " |")
        if i == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=Path("results.json"))
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, help="where corpus and databases go (default: $TMPDIR/factbrowser-bench)")
    ap.add_argument("--skip", default="", help=f"comma-separated phases to skip: {','.join(PHASES)}")
    ap.add_argument("--single-docs", type=int, help="time the 1-core ingest on the first N documents only")
    ap.add_argument("--startup-runs", type=int, default=5)
    ap.add_argument("--db", type=Path, help="measure this existing database instead of ingesting")
    a = ap.parse_args(argv)
    skip = {x.strip() for x in a.skip.split(",") if x.strip()}
    if skip - set(PHASES):
        ap.error(f"unknown phase(s): {', '.join(sorted(skip - set(PHASES)))}")
    res = run(a.docs, a.workers, a.seed, a.work, skip, a.single_docs, startup_runs=a.startup_runs,
              log=lambda m: print(m, file=sys.stderr, flush=True), existing_db=a.db)
    res["table"] = targets(res)
    a.out.write_text(json.dumps(res, indent=1))
    print(table(res))
    print(f"\nwritten: {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
