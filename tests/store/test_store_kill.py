"""A real `factbrowser ingest` killed with SIGKILL mid-way leaves a consistent database:
every document is fully in, with its facts, or absent."""

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from app.extract.document.text import split_sentences
from tests.store.conftest import SEED

N_FILES = 40


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_kill_9_during_ingest_leaves_whole_documents(tmp_path):
    seed = SEED.read_text(encoding="utf-8")
    files = []
    for i in range(N_FILES):
        p = tmp_path / f"release_{i:03d}.txt"
        # distinct texts (so nothing is deduplicated) in the genre of the seed
        p.write_text(seed.replace("1184-24-06-2024", f"{1000 + i}-24-06-2024")
                     + f"\nThe parties agreed to hold {i + 2} consultations in 2025.\n",
                     encoding="utf-8")
        files.append(p)
    db = tmp_path / "k.db"
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    proc = subprocess.Popen([sys.executable, "-m", "app", "ingest", "--db", str(db),
                             *map(str, files)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    committed = 0
    try:
        for line in proc.stdout:
            if ": added as document" in line:
                committed += 1
            if committed >= 4:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert committed >= 4

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    docs = conn.execute("SELECT id, text, facts FROM documents").fetchall()
    assert committed <= len(docs) < N_FILES
    for doc_id, text, facts in docs:
        n_sent = conn.execute("SELECT count(*) FROM sentences WHERE document_id = ?",
                              (doc_id,)).fetchone()[0]
        assert n_sent == len(split_sentences(text))
        n_facts = conn.execute("SELECT count(*) FROM (SELECT DISTINCT fact_type, fact_id FROM "
                               "mentions WHERE document_id = ?)", (doc_id,)).fetchone()[0]
        assert n_facts == facts
        n_indexed = conn.execute("SELECT count(*) FROM search_index WHERE document_id = ? AND "
                                 "type = 'sentence'", (doc_id,)).fetchone()[0]
        assert n_indexed == n_sent
    conn.execute("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')")
    conn.close()

    # the interrupted import can simply be run again
    done = subprocess.run([sys.executable, "-m", "app", "ingest", "--db", str(db),
                           *map(str, files)], capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert f"{N_FILES - len(docs)} added, {len(docs)} already present, 0 failed" in done.stdout
