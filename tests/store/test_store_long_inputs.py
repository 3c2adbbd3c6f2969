"""Long inputs are bounded: a text past the README's limit is refused at once with the
limit named, a run-on sentence is cut into pieces of bounded length, and Cancel stops an
import inside one long file, leaving nothing of it in the database."""

import sqlite3
import time

from app.extract.document.text import MAX_SENTENCE, split_sentences
from app.store import ingest_paths
from app.store.readers import MAX_TEXT_CHARS
from tests.store.conftest import SEED

CLAUSE = ("the ministers discussed trade which reached $240 billion in 2023 and agreed to meet "
          "again in Minsk on 5 June 2024, ")


def test_ten_megabyte_text_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    text = SEED.read_text(encoding="utf-8")
    big.write_text((text * (10_000_000 // len(text) + 1))[:10 * 1024 * 1024 - 100],
                   encoding="utf-8")
    start = time.perf_counter()
    (result,) = ingest_paths(tmp_path / "b.db", [big])
    assert time.perf_counter() - start < 60
    assert result.status == "failed"
    assert f"the limit is {MAX_TEXT_CHARS:,}" in result.message


def test_run_on_sentence_is_cut():
    text = "Title\n\n" + CLAUSE * (2_000_000 // len(CLAUSE))
    start = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - start < 5
    assert max(e - s for s, e in spans) <= MAX_SENTENCE
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_cancel_inside_one_long_file(tmp_path):
    long = tmp_path / "long.txt"
    long.write_text(SEED.read_text(encoding="utf-8") + "\n" + CLAUSE * 2000, encoding="utf-8")
    first = tmp_path / "a-first.txt"
    first.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    asked_inside = []

    def progress(_done, _total, message):
        if message == f"Reading {long.name}":
            asked_inside.append(0)

    def cancel():  # says stop a few questions into the long file (inside its extraction)
        if asked_inside:
            asked_inside.append(1)
        return len(asked_inside) > 4

    db = tmp_path / "c.db"
    start = time.perf_counter()
    results = ingest_paths(db, [first, long], cancel=cancel, progress=progress)
    assert time.perf_counter() - start < 30
    assert [r.path for r in results] == [str(first)]
    assert len(asked_inside) > 4  # asked inside the long file, not only between files
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT path FROM documents").fetchall() == [(str(first),)]
    assert conn.execute("SELECT count(*) FROM sentences WHERE document_id NOT IN "
                        "(SELECT id FROM documents)").fetchone()[0] == 0
