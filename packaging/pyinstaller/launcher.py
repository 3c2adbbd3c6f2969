"""Entry point of the PyInstaller bundle: the same `main` as the `factbrowser` console script."""

import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # A frozen app that ever spawns a process must call this first, or the child re-runs main().
    multiprocessing.freeze_support()
    raise SystemExit(main())
