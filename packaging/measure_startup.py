"""Start-up of the PyInstaller bundle against the same app run from a virtualenv.

    python packaging/measure_startup.py [--bundle dist/FactBrowser/FactBrowser]
                                        [--venv .venv/bin/factbrowser] [--runs 5]

Both programs get the same database (built once in a temporary folder) and fresh settings and
data folders. For each it reports the median wall time, after one warm-up run, of:
- `--version`: the process and the command line, no Qt;
- `screenshot --tab people`: start, open the database, build the main window, render the People
  tab offscreen, save a PNG and exit, i.e. start-up to a rendered window plus the save;
- with a display and xdotool (e.g. under `xvfb-run`): the time until the main window is mapped
  on screen when started as a user would, with no arguments but --db.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return elapsed


def time_to_window(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        while time.perf_counter() - started < 120:
            if proc.poll() is not None:
                raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n"
                                 f"{proc.stderr.read()[-2000:]}")
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(proc.pid)],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if found.returncode == 0:
                return time.perf_counter() - started
            time.sleep(0.01)
        raise SystemExit(f"{' '.join(cmd)}: no window after 120 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def median_of(runs: int, measure) -> float:
    measure()  # warm-up: page cache, font cache, first-run database checks
    return statistics.median(measure() for _ in range(runs))


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "FactBrowser" / "FactBrowser")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv" / "bin" / "factbrowser")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    targets = {"bundle": args.bundle, "venv": args.venv}
    for name, exe in targets.items():
        if not exe.is_file():
            raise SystemExit(f"{name}: {exe} not found")

    with tempfile.TemporaryDirectory(prefix="fb-startup-") as tmp:
        tmp_dir = Path(tmp)
        env = dict(os.environ)
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            (tmp_dir / var).mkdir()
            env[var] = str(tmp_dir / var)
        db = tmp_dir / "factbrowser.db"
        timed([str(args.venv), "build", "--db", str(db)], env)
        offscreen = dict(env, QT_QPA_PLATFORM="offscreen")
        on_screen = bool(env.get("DISPLAY")) and shutil.which("xdotool") is not None
        results: dict[str, dict[str, float]] = {}
        for name, exe in targets.items():
            png = tmp_dir / f"{name}.png"
            row = {
                "--version": median_of(args.runs, lambda exe=exe: timed(
                    [str(exe), "--version"], env)),
                "screenshot": median_of(args.runs, lambda exe=exe, png=png: timed(
                    [str(exe), "screenshot", "--db", str(db), "--tab", "people", "-o", str(png)],
                    offscreen)),
            }
            if on_screen:
                row["window mapped"] = median_of(args.runs, lambda exe=exe: time_to_window(
                    [str(exe), "--db", str(db)], env))
            results[name] = row

    print(f"median of {args.runs} runs after one warm-up; seconds")
    print(f"{'':<16}{'bundle':>10}{'venv':>10}{'ratio':>8}")
    for key in results["bundle"]:
        b, v = results["bundle"][key], results["venv"][key]
        print(f"{key:<16}{b:>10.2f}{v:>10.2f}{b / v:>8.2f}")
    folder = args.bundle.parent
    print(f"bundle size: {size_of(folder) / 2**20:.1f} MiB ({folder})")
    if not on_screen:
        print("(no DISPLAY or no xdotool: window-mapped time not measured; try xvfb-run)",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
