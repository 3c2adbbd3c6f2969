"""Build the one-folder desktop bundle dist/FactBrowser/ and check it with its own --self-test.

    python packaging/build.py              # build, then run dist/FactBrowser/FactBrowser --self-test
    python packaging/build.py --clean      # drop PyInstaller's cache first
    python packaging/build.py --no-self-test

Run it with a Python that has the app's dependencies (the project's venv) and PyInstaller is
installed there if missing. With any other Python (a clean checkout, no venv), it makes
build/venv, installs the dependencies from pyproject.toml and PyInstaller into it, and builds from
there. Exits non-zero if the build or the self-test fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "pyinstaller" / "factbrowser.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUILD_VENV = ROOT / "build" / "venv"
PYINSTALLER = "pyinstaller>=6.5"
# import name of each runtime dependency, to tell whether this Python can build the app
IMPORT_NAMES = {
    "pyside6-essentials": "PySide6", "pyqtgraph": "pyqtgraph", "sqlite-utils": "sqlite_utils",
    "platformdirs": "platformdirs", "xlsxwriter": "xlsxwriter", "beautifulsoup4": "bs4",
    "charset-normalizer": "charset_normalizer",
}


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(cmd: list[str], **kwargs) -> None:
    say(" ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kwargs)


def runtime_requirements() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return list(tomllib.load(fh)["project"]["dependencies"])


def missing_imports() -> list[str]:
    missing = []
    for requirement in runtime_requirements():
        name = requirement.split(";")[0].split("[")[0]
        for sep in "<>=!~ ":
            name = name.split(sep)[0]
        module = IMPORT_NAMES.get(name.strip().lower(), name.strip().replace("-", "_"))
        if importlib.util.find_spec(module) is None:
            missing.append(requirement)
    return missing


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def in_virtualenv() -> bool:
    return sys.prefix != sys.base_prefix


def ensure_toolchain(args: argparse.Namespace) -> Path | None:
    """None when this Python can build; else the build venv's Python to re-run under."""
    missing = missing_imports()
    if not missing and importlib.util.find_spec("PyInstaller") is not None:
        return None
    if not missing and in_virtualenv():
        run([sys.executable, "-m", "pip", "install", PYINSTALLER])
        return None
    if Path(sys.prefix).resolve() == BUILD_VENV.resolve():
        raise SystemExit(f"build venv {BUILD_VENV} still lacks: {', '.join(missing)}")
    say(f"this Python lacks {', '.join(missing) or 'PyInstaller'}; using {BUILD_VENV}")
    if not venv_python(BUILD_VENV).exists():
        venv.EnvBuilder(with_pip=True, clear=False).create(BUILD_VENV)
    py = venv_python(BUILD_VENV)
    run([str(py), "-m", "pip", "install", "--upgrade", "pip"])
    run([str(py), "-m", "pip", "install", *runtime_requirements(), PYINSTALLER])
    return py


def bundle_executable() -> Path:
    if sys.platform == "win32":
        return DIST / "FactBrowser" / "factbrowser-cli.exe"  # the console one: its output shows
    return DIST / "FactBrowser" / "FactBrowser"


def folder_size(path: Path) -> tuple[int, int]:
    total = count = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total, count


# Qt's X11 plugin needs these beside libxcb; PyInstaller bundles them only when the build machine
# has them (Debian: libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
# libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0).
XCB_HELPERS = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
               "libxcb-image.so.0", "libxcb-render-util.so.0", "libxkbcommon-x11.so.0")


def warn_missing_x11_helpers(folder: Path) -> None:
    if not sys.platform.startswith("linux"):
        return
    missing = [lib for lib in XCB_HELPERS if not (folder / "_internal" / lib).exists()]
    if missing:
        say("warning: the bundle lacks " + ", ".join(missing) + " (not installed here), so it "
            "needs them on the user's system to open a window under X11; see packaging/README.md")


def self_test(exe: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    say(f"{exe} --self-test")
    started = time.perf_counter()
    proc = subprocess.run([str(exe), "--self-test"], env=env, cwd=str(DIST), timeout=900)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"[build] self-test FAILED (exit {proc.returncode})")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/FactBrowser/ with PyInstaller.")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-self-test", action="store_true", help="skip the bundle's self-test")
    args = parser.parse_args(argv)

    other = ensure_toolchain(args)
    if other is not None:
        return subprocess.run([str(other), str(Path(__file__).resolve()), *(argv or sys.argv[1:])]
                              ).returncode

    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK)]
    if args.clean:
        cmd.append("--clean")
    started = time.perf_counter()
    try:
        run([*cmd, str(SPEC)], cwd=str(ROOT))
    except subprocess.CalledProcessError as exc:
        say(f"PyInstaller failed (exit {exc.returncode})")
        return 1
    built = time.perf_counter() - started
    exe = bundle_executable()
    if not exe.is_file():
        say(f"{exe} was not produced")
        return 1
    size, files = folder_size(DIST / "FactBrowser")
    say(f"built {DIST / 'FactBrowser'} in {built:.0f} s: {size / 2**20:.1f} MiB in {files} files")
    warn_missing_x11_helpers(DIST / "FactBrowser")
    if args.no_self_test:
        return 0
    elapsed = self_test(exe)
    say(f"self-test passed in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
