"""Search latency: the app's `Store.search` against the same FTS5 MATCH through plain sqlite3.

The 30 queries are fixed for a seed: names of generated officials that occur in the first 200
releases (which every corpus of that seed shares), prefixes of their names, places, and phrases
of the genre.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time

PLACES = ["Minsk", "Beijing", "Astana", "Voronezh Oblast", "Tbilisi", "Belgrade", "Almaty"]
PHRASES = ["bilateral trade", "intergovernmental commission", "strategic stability",
           "joint ventures", "memory of the common past", "Days of Russian Culture",
           "national currencies"]
_CAPS = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)+")
RANKS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]  # frequent and rare names alike
SAMPLE = 200  # names are ranked in the first SAMPLE releases, which every corpus of a seed shares


def queries(seed: int) -> list[tuple[str, str]]:
    """(kind, query) x 30, fixed for a seed: 10 names of people ranked by how many of the first
    200 releases name them, 6 prefixes (surnames and a given name), 7 places, 7 phrases."""
    import make_corpus

    world = make_corpus.world(seed)
    texts = [make_corpus.release(seed, i)[1] for i in range(SAMPLE)]
    names = {p.name for p in world.people}
    freq = dict.fromkeys(names, 0)
    for text in texts:
        seen = set()
        for run in _CAPS.findall(text):
            words = run.split()
            for i in range(len(words)):
                for j in range(i + 2, min(i + 5, len(words)) + 1):
                    seen.add(" ".join(words[i:j]))
        for name in seen & names:
            freq[name] += 1
    ranked = sorted(world.people, key=lambda p: (-freq[p.name], p.name))
    people = [ranked[r - 1] for r in RANKS]
    out = [("name", p.name) for p in people]
    out += [("prefix", p.surname.split()[0][:4]) for p in people[:5]]
    out.append(("prefix", people[0].name.split()[0][:4]))
    out += [("place", p) for p in PLACES]
    out += [("phrase", p) for p in PHRASES]
    assert len(out) == 30
    return out


def _stats(ms: list[float]) -> dict:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ms[-1], 2)}


def run(store, seed: int, repeat: int = 5) -> dict:
    """Per query, the median of `repeat` runs (after one warm-up); then median and p95 over
    the 30 queries, for the app and for plain FTS5 on a separate plain connection."""
    from app.store.search import match_expression

    plain = sqlite3.connect(str(store.path))
    plain_sql = ("SELECT rowid, bm25(search_fts, 8.0, 1.0) AS score FROM search_fts "
                 "WHERE search_fts MATCH ? ORDER BY score LIMIT 200")
    rows = []
    for kind, q in queries(seed):
        expr = match_expression(q)
        hits = store.search(q, limit=50)  # warm-up, and the result checked below
        n_plain = len(plain.execute(plain_sql, (expr,)).fetchall())
        app_ms, plain_ms, app_cpu, plain_cpu = [], [], [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            store.search(q, limit=50)
            app_ms.append((time.perf_counter() - t) * 1000)
            app_cpu.append((time.process_time() - c) * 1000)
            t, c = time.perf_counter(), time.process_time()
            plain.execute(plain_sql, (expr,)).fetchall()
            plain_ms.append((time.perf_counter() - t) * 1000)
            plain_cpu.append((time.process_time() - c) * 1000)
        rows.append({"kind": kind, "query": q, "hits": len(hits), "plain_rows": n_plain,
                     "top": hits[0].label if hits else None,
                     "app_ms": round(statistics.median(app_ms), 2),
                     "plain_ms": round(statistics.median(plain_ms), 2),
                     "app_cpu_ms": round(statistics.median(app_cpu), 2),
                     "plain_cpu_ms": round(statistics.median(plain_cpu), 2)})
    plain.close()
    app = _stats([r["app_ms"] for r in rows])
    base = _stats([r["plain_ms"] for r in rows])
    return {
        "queries": rows,
        "app": app,
        "plain_fts5": base,
        # CPU time (user + system) of the same runs: on a shared machine wall times vary
        # 1.5-2.5x between runs, CPU times much less
        "app_cpu": _stats([r["app_cpu_ms"] for r in rows]),
        "plain_fts5_cpu": _stats([r["plain_cpu_ms"] for r in rows]),
        "ratio_median": round(app["median_ms"] / max(base["median_ms"], 1e-3), 2),
        "ratio_p95": round(app["p95_ms"] / max(base["p95_ms"], 1e-3), 2),
        "names_found": sum(1 for r in rows if r["kind"] == "name" and r["hits"]),
    }
