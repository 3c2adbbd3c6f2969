import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
# Tests run `python -m app` from temporary folders: that must be the checkout's app/ however the
# project is installed (the wheel installs it as `factbrowser`, so no `app` is in site-packages).
_ROOT = str(Path(__file__).resolve().parent.parent)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [_ROOT] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != _ROOT])


@pytest.fixture(scope="session")
def _built_db(tmp_path_factory):
    from app.store import ensure_default_db

    path = tmp_path_factory.mktemp("built") / "seed.db"
    ensure_default_db(path)
    return path


@pytest.fixture
def seed_db(_built_db, tmp_path):
    """A private copy of the database the app builds from its shipped corpus (the seed)."""
    dest = tmp_path / "seed.db"
    shutil.copy(_built_db, dest)
    return dest
