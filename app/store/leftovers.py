"""Temporary files a killed process left beside a database or an export.

Every temporary name this app writes is `.NAME.KIND-PID` (a file, a folder, or an SQLite
file with its `-wal`/`-shm`), so the next run can tell its own leftovers from anything else
and from those of a process still running.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path


def pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError, ValueError):
        return False
    except OSError:  # PermissionError: someone else's live process
        return True
    return True


def stale(target: Path, kind: str) -> Iterator[Path]:
    """The `.NAME.KIND-PID` paths (and their -wal/-shm) beside `target` whose process is
    gone."""
    parent = target.parent
    if not parent.is_dir():
        return
    prefix = f".{target.name}.{kind}-"
    try:
        names = [e.name for e in os.scandir(parent) if e.name.startswith(prefix)]
    except OSError:
        return
    for name in sorted(names):
        rest = name[len(prefix):]
        for suffix in ("-wal", "-shm", "-journal"):
            if rest.endswith(suffix):
                rest = rest[:-len(suffix)]
                break
        if rest.isdigit() and not pid_alive(int(rest)):
            yield parent / name


def remove(path: Path) -> None:
    """Delete a file or folder, quietly (a leftover that cannot go now goes next time)."""
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def remove_stale(target: Path, *kinds: str) -> None:
    for kind in kinds:
        for path in list(stale(target, kind)):
            remove(path)
