"""Import with extraction in worker processes: `ingest_paths` for many files on many cores.

Extraction is pure CPU work on one text, so worker processes read, normalise and extract
while the calling process does what must stay single-writer: the database writes, each
document all or nothing in batched transactions as in `ingest_paths` (an interrupted import
leaves every document fully in or absent). Results come back in input order and only a bounded number of
documents is in flight, so memory stays flat for an archive of any size.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from . import ingest
from .db import connect
from .errors import StoreError
from .ingest import IngestResult, Progress
from .readers import normalise_text, read_path

BATCH = 8  # documents per task: amortises inter-process overhead (~1 ms) over ~50 ms of work
# Batches in flight per worker: enough that a worker always has the next one queued, few
# enough that memory stays flat
IN_FLIGHT = 3


@dataclass
class ParallelStats:
    """Where an import's time went (benchmarks/parallel_scaling.py reads it)."""

    batches: int = 0
    worker_cpu_s: float = 0.0  # CPU the workers spent on their batches, start-up left out
    redone: int = 0  # batches the writer extracted itself: their worker had died
    writer_wait_s: float = 0.0  # wall time the writer waited for a batch not yet extracted


def _prepare_one(path: str):
    try:
        read = read_path(path)
    except StoreError as exc:
        return ("failed", str(exc))
    text = normalise_text(read.text)
    try:
        from ..extract import extract

        ex = extract(text, path, meta=read.meta)
    except Exception as exc:  # same message as the single-process path
        return ("failed", f"{path}: extraction failed ({type(exc).__name__}: {exc})")
    return ("ok", text, read.encoding, read.html, ex)


def _worker_start() -> None:
    """Load the extractor's gazetteers and compiled patterns once, then freeze them out of the
    garbage collector's sight: they live as long as the worker, and every collection would
    otherwise walk their hundreds of thousands of objects again (~4% of extraction time)."""
    import gc

    try:
        from ..extract import extract

        extract("00:00\n\nWarm-up\n\nThe Minister met the Ambassador in Minsk on 1 June 2024.")
    except Exception:  # the documents' own extraction reports it, one by one
        return
    gc.collect()
    gc.freeze()


def _prepare(paths: list[str]) -> tuple[list[tuple], float]:
    """The outcomes of a batch, and the CPU seconds they took in this process."""
    cpu = time.process_time()
    return [_prepare_one(p) for p in paths], time.process_time() - cpu


def _write(conn: sqlite3.Connection, path: str, text: str, encoding: str, ex,
           origin: str) -> tuple[str, int]:
    """`ingest.add_text` with the extraction already done in a worker."""
    return ingest.add_text(conn, text, path, encoding, origin, extraction=ex)


def _result(conn, path: str, outcome: tuple, origin: str) -> IngestResult:
    if outcome[0] == "failed":
        return IngestResult(path, "failed", outcome[1])
    _, text, encoding, html, ex = outcome
    try:
        status, doc_id = _write(conn, path, text, encoding, ex, origin)
    except StoreError as exc:
        return IngestResult(path, "failed", str(exc))
    except sqlite3.Error as exc:
        return IngestResult(path, "failed", f"{path}: database error ({exc})")
    except Exception as exc:  # a fault while storing: its savepoint was rolled back
        return IngestResult(path, "failed",
                            f"{path}: could not be stored ({type(exc).__name__}: {exc})")
    if status == "present":
        return IngestResult(path, status, f"{path}: already present (document {doc_id})", doc_id,
                            encoding)
    return ingest.added_result(conn, path, doc_id, "HTML page" if html else "text", encoding)


def write_prepared(db_path, prepared, rowwise: bool = False, origin: str = "user",
                   create: bool = True) -> list[IngestResult]:
    """Write releases already read and extracted ((path, text, encoding, html, extraction)
    each) as the import's writer does. rowwise: every row through the FTS triggers as it is
    written (the reference the batch writer must match table by table)."""
    conn = connect(db_path, create=create, write=True)
    ingest.bulk_settings(conn)
    writes = ingest.WriteBatch(conn, lambda _r: None, defer_fts=False if rowwise else None)
    results: list[IngestResult] = []
    try:
        for path, *outcome in prepared:
            writes.begin()
            results.append(_result(conn, path, ("ok", *outcome), origin))
            writes.done(results[-1])
        writes.finish()
    finally:
        try:
            writes.commit()
        finally:
            conn.close()
    return results


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def ingest_paths_parallel(db_path, paths, workers: int | None = None,
                          progress: Progress | None = None,
                          cancel: Callable[[], bool] | None = None, create: bool = True,
                          origin: str = "user",
                          stats: ParallelStats | None = None) -> list[IngestResult]:
    """Same contract as `ingest_paths`; extraction runs in `workers` processes (default: all
    cores). With one worker, or a handful of files, it is `ingest_paths` itself. `stats`,
    when given, is filled in (not when it falls back to `ingest_paths`)."""
    paths = [str(p) for p in paths]
    workers = workers or default_workers()
    if workers <= 1 or len(paths) < 2 * BATCH:
        return ingest.ingest_paths(db_path, paths, progress=progress, cancel=cancel,
                                   create=create, origin=origin)
    results: list[IngestResult] = []
    conn = connect(db_path, create=create, write=True)
    ingest.bulk_settings(conn)
    total = len(paths)

    def report(result: IngestResult) -> None:
        # at a commit (of BATCH_MIN_DOCS releases or so): what is written and kept so far
        reported.append(result)
        if progress:
            progress(len(reported), total, result.message)

    reported: list[IngestResult] = []
    writes = ingest.WriteBatch(
        conn, report, defer_fts=ingest.DEFER_FTS and total >= ingest.DEFER_MIN_DOCS)
    # spawn, not fork: the caller may be a GUI process with Qt threads running
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start)
    try:
        for path, outcome in _prepared(pool, paths, workers, stats or ParallelStats()):
            if cancel and cancel():
                break
            if outcome[0] != "failed":
                writes.begin()
            results.append(_result(conn, path, outcome, origin))
            writes.done(results[-1])
        writes.finish((lambda m: progress(total, total, m)) if progress else None)
    finally:
        try:
            writes.commit()  # what was written is kept, and reported
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            conn.close()
    return results


def _prepared(pool: ProcessPoolExecutor, paths: list[str], workers: int, stats: ParallelStats):
    """(path, outcome) in input order, with at most `workers * IN_FLIGHT` batches in flight,
    so memory stays flat; a batch whose worker died (or a broken pool) is redone here."""
    todo = iter([paths[i:i + BATCH] for i in range(0, len(paths), BATCH)])
    pending: deque[tuple[list[str], Future | None]] = deque()

    def fill() -> None:
        while len(pending) < workers * IN_FLIGHT:
            batch = next(todo, None)
            if batch is None:
                return
            try:
                future = pool.submit(_prepare, batch)
            except RuntimeError:  # the pool is broken (a worker was killed): done here
                future = None
            pending.append((batch, future))

    fill()
    while pending:
        batch, future = pending.popleft()
        fill()
        waited = time.perf_counter() if future and not future.done() else 0.0
        try:
            if future is None:
                raise RuntimeError("no worker")
            outcomes, cpu = future.result()
            stats.worker_cpu_s += cpu
        except Exception:  # a worker died (out of memory, killed): extract the batch here
            outcomes, _cpu = _prepare(batch)
            stats.redone += 1
        if waited:
            stats.writer_wait_s += time.perf_counter() - waited
        stats.batches += 1
        yield from zip(batch, outcomes, strict=True)

__all__ = ["ParallelStats", "ingest_paths_parallel", "default_workers"]
