import shutil
from pathlib import Path

import pytest

from app.store import ensure_default_db

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
SEED = ROOT / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"


@pytest.fixture(scope="session")
def _built_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("built") / "seed.db"
    ensure_default_db(path)
    return path


@pytest.fixture
def seed_db(_built_db, tmp_path):
    """A private copy of the database built from the shipped corpus."""
    dest = tmp_path / "seed.db"
    shutil.copy(_built_db, dest)
    return dest
