"""Install the desktop entry, AppStream metainfo and icons into a freedesktop prefix.

    python packaging/linux/install_desktop.py                 # ~/.local (menus see it at once)
    python packaging/linux/install_desktop.py --prefix /usr   # system-wide, as root
    python packaging/linux/install_desktop.py --prefix /tmp/tree --exec /opt/FactBrowser/FactBrowser

The wheel already carries the same files as shared data (pip install --user puts them under
~/.local/share); this script is for the PyInstaller bundle and for distribution packagers.
With --exec the desktop entry starts that program instead of `factbrowser` from PATH.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.factbrowser.FactBrowser"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def planned_files(exec_path: str | None = None) -> dict[Path, Path | str]:
    """Relative destination -> source file (or text, for a rewritten desktop entry)."""
    desktop = HERE / f"{APP_ID}.desktop"
    files: dict[Path, Path | str] = {
        Path("share/metainfo") / f"{APP_ID}.metainfo.xml": HERE / f"{APP_ID}.metainfo.xml",
        Path("share/icons/hicolor/scalable/apps") / f"{APP_ID}.svg": ICONS / "factbrowser.svg",
    }
    for size in PNG_SIZES:
        dest = Path(f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
        files[dest] = ICONS / f"factbrowser-{size}.png"
    target = Path("share/applications") / f"{APP_ID}.desktop"
    if exec_path:
        lines = []
        for line in desktop.read_text(encoding="utf-8").splitlines():
            if line.startswith(("Exec=", "TryExec=")):
                key = line.split("=", 1)[0]
                quoted = '"' + exec_path.replace("\\", "\\\\").replace('"', '\\"') + '"'
                line = f"{key}={quoted if key == 'Exec' else exec_path}"
            lines.append(line)
        files[target] = "\n".join(lines) + "\n"
    else:
        files[target] = desktop
    return files


def install(prefix: Path, exec_path: str | None = None) -> list[Path]:
    written = []
    for rel, source in planned_files(exec_path).items():
        dest = prefix / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copyfile(source, dest)
        else:
            dest.write_text(source, encoding="utf-8")
        written.append(dest)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=Path.home() / ".local")
    parser.add_argument("--exec", dest="exec_path", help="absolute path of the program to start")
    args = parser.parse_args(argv)
    try:
        for path in install(args.prefix, args.exec_path):
            print(path)
    except OSError as exc:
        print(f"install_desktop: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
