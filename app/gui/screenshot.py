"""`factbrowser screenshot --tab TAB -o FILE.png [--size WxH] [--db PATH]`: render offscreen."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

TABS = ["people", "meetings", "trade", "culture", "sources"]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="factbrowser screenshot",
                                     description="Render the main window offscreen and save it as PNG.")
    parser.add_argument("--tab", choices=TABS, default="people")
    parser.add_argument("-o", "--output", required=True, help="PNG file to write")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--db", default=None,
                        help="database (default: the one in your user data folder, built from "
                             "the shipped releases on first use)")
    parser.add_argument("--select", type=int, default=None, help="select this row number first")
    parser.add_argument("--theme", choices=["system", "dark"], default="system",
                        help="dark: render with a dark palette (to check the plots follow it)")
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"--size must look like 1280x800, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise SystemExit("--size must be between 200x200 and 8000x8000")
    return w, h


def render(window, tab: str, path: str, size: tuple[int, int], select_row: int | None = 0) -> str:
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance()
    window.resize(*size)
    window.show()
    page = window.show_tab(tab)
    app.processEvents()
    if select_row is not None and page.model is not None and page.model.rowCount() > select_row:
        page.view.selectRow(select_row)
    deadline = time.monotonic() + 60
    while page.plot_reader.busy() and time.monotonic() < deadline:   # plots still being read
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
    image = window.grab()
    if image.isNull() or not image.save(path, "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    size = _size(args.size)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore

    from .main import make_app

    app = make_app()
    if args.theme == "dark":
        from .palette import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    from ..store import Store, StoreError, ensure_default_db
    from .main_window import MainWindow

    try:
        store = Store.open(args.db if args.db else ensure_default_db())
    except StoreError as exc:
        print(f"factbrowser screenshot: {exc}", file=sys.stderr)
        return 2
    # A throwaway settings file: screenshots show the default layout, not the user's.
    with tempfile.TemporaryDirectory() as tmp:
        settings = QtCore.QSettings(os.path.join(tmp, "s.ini"), QtCore.QSettings.Format.IniFormat)
        window = MainWindow(store, settings)
        try:
            out = render(window, args.tab, args.output, size, args.select if args.select is not None else 0)
        except OSError as exc:
            print(f"factbrowser screenshot: {exc}", file=sys.stderr)
            return 1
        window.close()
    store.close()
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
