"""The extractor's public face: callers outside app/extract import from `app.extract` only."""

import ast
from pathlib import Path

import app.extract

APP = Path(app.extract.__file__).resolve().parent.parent


def test_every_public_name_is_importable():
    for name in app.extract.__all__:
        assert getattr(app.extract, name) is not None, name


def test_store_gui_and_cli_import_no_extract_submodule():
    offenders = []
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "extract"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.extract."):
                offenders.append(f"{path.relative_to(APP)}: from {node.module}")
            elif isinstance(node, ast.Import):
                offenders += [f"{path.relative_to(APP)}: import {a.name}" for a in node.names
                              if a.name.startswith("app.extract.")]
    assert not offenders, offenders


def test_one_fold_per_meaning():
    from app.extract.fold import fold, fold_case, fold_name
    from app.store import keys

    assert keys.fold is fold  # the store compares with the extractor's fold, not a copy
    assert fold("Vučić ÉLYSÉE") == "vucic elysee"
    assert fold_name("Đoković-Vučić’s St.") == "djokovic vucic's st"
    assert fold_case("İSTANBUL") == "istanbul"  # what re.I sees, one character per character
