"""Paths and databases the store tests share (the seed database fixture is in
tests/conftest.py)."""

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"
GENERATED = 40


@pytest.fixture(scope="session")
def generated_db(tmp_path_factory, _built_db):
    """The seed, the test corpus and GENERATED releases of the benchmark's generator, built
    once: tests that write copy it first."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_corpus

    from app.store import ingest_paths

    folder = tmp_path_factory.mktemp("generated")
    db = folder / "generated.db"
    shutil.copy(_built_db, db)
    files = sorted(CORPUS.glob("*.txt"))
    for i in range(GENERATED):
        _name, text = make_corpus.release(1, i)
        path = folder / f"gen-{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    results = ingest_paths(db, files)
    assert all(r.status == "added" for r in results), [r.message for r in results]
    return db


@pytest.fixture(scope="session")
def generated_copy(generated_db, tmp_path_factory):
    """A function making a private copy of the generated database (for a module that edits
    it in its own fixture)."""
    def make(name: str) -> Path:
        path = tmp_path_factory.mktemp(name) / f"{name}.db"
        shutil.copy(generated_db, path)
        return path
    return make
