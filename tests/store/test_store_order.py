"""Derived figures are a pure function of the stored facts: the same releases imported in
three orders give the same tables (ids aside), growth rows included."""

import random
import re
import sqlite3

import pytest

from app.store import ingest_paths
from benchmarks.make_corpus import release

N_RELEASES = 36
_ID = re.compile(r"#\d+")


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("order")
    paths = []
    for i in range(N_RELEASES):
        name, text = release(3, i)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return folder, paths


def _tables(conn):
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE '%VIRTUAL TABLE%' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'filter_%'")]


def _content(db) -> dict:
    """Every table's rows, with ids left out and references to documents given as the
    document's hash (ids depend on the order rows were written in)."""
    conn = sqlite3.connect(db)
    docs = dict(conn.execute("SELECT id, sha256 FROM documents"))
    out = {}
    for table in _tables(conn):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in cols if c not in ("id", "added", "fact_id", "sentence_id")
                and not (c.endswith("_id") and c != "document_id")]
        rows = []
        for row in conn.execute("SELECT " + ", ".join(f'"{c}"' for c in keep) + f" FROM {table}"):
            row = dict(zip(keep, row, strict=True))
            if "document_id" in row:
                row["document_id"] = docs.get(row["document_id"])
            rows.append(repr(sorted((k, _ID.sub("#", v) if isinstance(v, str) else v)
                                    for k, v in row.items())))
        out[table] = sorted(rows)
    conn.close()
    return out


def test_same_tables_in_any_import_order(releases, tmp_path):
    _folder, paths = releases
    shuffled = list(paths)
    random.Random(11).shuffle(shuffled)
    contents = {}
    for name, order in (("as listed", paths), ("reversed", paths[::-1]),
                        ("shuffled", shuffled)):
        results = ingest_paths(tmp_path / f"{name}.db", order)
        assert all(r.status == "added" for r in results)
        contents[name] = _content(tmp_path / f"{name}.db")
    base = contents["as listed"]
    derived = [r for r in base["quantities"] if "('derived', 1)" in r]
    assert derived, "the releases state no trade series: the test would prove nothing"
    for name in ("reversed", "shuffled"):
        for table, rows in base.items():
            other = contents[name][table]
            assert other == rows, (name, table, sorted(set(rows) - set(other))[:3],
                                   sorted(set(other) - set(rows))[:3])


def test_growth_of_every_unit_survives_a_new_figure_in_one(tmp_path):
    """A measure stated in dollars and in roubles: a later release stating it in dollars
    alone rebuilds the growth rows of both units, not only the dollars'."""
    texts = [
        "Bilateral trade between Russia and Belarus reached $10 billion in 2022 and $12 billion "
        "in 2023, the ministers said.",
        "Bilateral trade between Russia and Belarus reached 900 billion roubles in 2022 and 1.1 "
        "trillion roubles in 2023, the ministers said.",
        "Bilateral trade between Russia and Belarus reached $14 billion in 2024, the ministers "
        "said.",
    ]
    paths = []
    for i, body in enumerate(texts):
        path = tmp_path / f"r{i}.txt"
        path.write_text(f"Press release number {i} on trade\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    db = tmp_path / "units.db"
    ingest_paths(db, paths)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT period, round(value, 2), formula FROM quantities "
                        "WHERE derived = 1 ORDER BY period, value").fetchall()
    assert [(p, v) for p, v, _f in rows] == [("2023", 20.0), ("2023", 22.22), ("2024", 16.67)]
    assert sum("RUB" in f for _p, _v, f in rows) == 1
