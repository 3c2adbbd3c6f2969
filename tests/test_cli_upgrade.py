"""A database that needs its documents extracted again (NeedsUpgrade) is upgraded by the
command line before the command runs, with progress on stderr; opening never re-extracts."""

from __future__ import annotations

import app.store
import app.store.store as store_module
from app.cli import main
from app.store import NeedsUpgrade


def _old_once(monkeypatch, calls):
    real = store_module.connect

    def connect(path, **kw):
        if not calls["upgraded"]:
            raise NeedsUpgrade(f"{path} is from an older version", path=path, version=1)
        return real(path, **kw)

    def upgrade_database(path, progress=None, cancel=None):
        calls["paths"].append(path)
        for done in (0, 100, 250):
            progress(done, 250, "documents")
        calls["upgraded"] = True
        return path

    monkeypatch.setattr(store_module, "connect", connect)
    monkeypatch.setattr(app.store, "upgrade_database", upgrade_database, raising=False)


def test_info_upgrades_an_old_database_then_opens_it(seed_db, monkeypatch, capsys):
    calls = {"upgraded": False, "paths": []}
    _old_once(monkeypatch, calls)
    assert main(["info", "--db", str(seed_db)]) == 0
    out, errs = capsys.readouterr()
    assert calls["paths"] == [seed_db]
    assert "upgrading it now" in errs and f"upgrading {seed_db}: 250/250 documents" in errs
    assert "database:" in out and "people" in out


def test_a_failed_upgrade_is_one_line_and_nothing_runs(seed_db, monkeypatch, capsys):
    def connect(path, **kw):
        raise NeedsUpgrade("old", path=path, version=1)

    def upgrade_database(path, progress=None, cancel=None):
        raise app.store.StoreError(f"cannot upgrade {path}: the disk is full")

    monkeypatch.setattr(store_module, "connect", connect)
    monkeypatch.setattr(app.store, "upgrade_database", upgrade_database, raising=False)
    assert main(["show", "people", "--db", str(seed_db)]) == 2
    out, errs = capsys.readouterr()
    assert out == "" and "the disk is full" in errs.splitlines()[-1]
