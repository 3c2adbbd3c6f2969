"""Where the shipped data lives: inside the installed package (factbrowser/_resources, or
app/_resources in the PyInstaller bundle) or beside a checkout."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def resources_dir() -> Path:
    installed = _PKG / "_resources"
    if installed.is_dir():
        return installed
    return _PKG.parent / "resources"


def corpus_dir() -> Path:
    return resources_dir() / "corpus"


def gazetteer_dir() -> Path:
    return resources_dir() / "gazetteers"


def icons_dir() -> Path:
    return resources_dir() / "icons"
