"""Editable installs (`pip install -e .`): the import name `factbrowser` points at the checkout's
app/ folder, as the wheel's does at its copy.

Without this hook hatch would put a *copy* of app/ (its force-include) into site-packages for an
editable install, so `factbrowser` would run code that no longer matches the checkout."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

FINDER = '''\
"""Maps the import name factbrowser onto {app} (an editable install of Fact Browser)."""
import importlib.util
import sys

APP = {app!r}


class FactbrowserFinder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "factbrowser":
            return None  # submodules are found through the package's __path__
        return importlib.util.spec_from_file_location(
            name, APP + "/__init__.py", submodule_search_locations=[APP])


if FactbrowserFinder not in sys.meta_path:
    sys.meta_path.append(FactbrowserFinder)
'''


class EditableAlias(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if version != "editable":
            return
        self._tmp = Path(tempfile.mkdtemp(prefix="factbrowser-editable-"))
        app = (Path(self.root) / "app").resolve().as_posix()
        (self._tmp / "_factbrowser_alias.py").write_text(FINDER.format(app=app), encoding="utf-8")
        # a .pth line starting with `import` runs at start-up
        (self._tmp / "_factbrowser_alias.pth").write_text("import _factbrowser_alias\n",
                                                          encoding="utf-8")
        # replaces the force-include (app/ and resources/ copied) for this build only
        build_data["force_include_editable"] = {
            str(self._tmp / name): name
            for name in ("_factbrowser_alias.py", "_factbrowser_alias.pth")
        }

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if version == "editable":
            shutil.rmtree(self._tmp, ignore_errors=True)
