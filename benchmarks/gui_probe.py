"""Open the app's main window on a database and time what the user waits for, in a fresh process.

    python benchmarks/gui_probe.py DB_PATH [STEP,STEP...]   (one JSON line per measurement)

Steps are open:TAB, filter:TAB and window:TAB (default: all, in that order).

For each tab: the time from asking for the tab to its last paint (table and plots drawn with
all rows), then the time to apply a text filter and the app-wide time window, and the peak RSS
of the process after each tab has been opened. Runs offscreen (QT_QPA_PLATFORM=offscreen)
unless a platform is set. "Painted" is measured from the event loop (see `settle`): a Python
event filter on the whole application would slow every event and is fragile in PySide6.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUIET = float(os.environ.get("FB_PROBE_QUIET", "1.0"))  # the test suite shortens it
HEAVY = 0.002
TAB_ORDER = ["people", "meetings", "trade", "culture", "sources"]
FILTERS = {"people": "Minister", "meetings": "talks", "trade": "billion", "culture": "festival",
           "sources": "visit"}
WINDOW = ("2010-01-01", "2012-12-31")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux


def main(db_path: str, steps: list[str]) -> None:
    t_start = time.perf_counter()
    from PySide6 import QtCore, QtWidgets

    from app.gui.main_window import MainWindow
    from app.store import Store

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])

    dispatcher = app.eventDispatcher()
    cpu_ms = [None]
    flags = QtCore.QEventLoop.ProcessEventsFlag.AllEvents

    def pending() -> bool:
        """A tab is still reading plot data on a worker thread: its result, drawn when it
        arrives, is part of what the user waits for however long the read takes."""
        return any(tab.plot_reader.busy() for tab in win.tab_by_name.values())

    def settle(t0: float, timeout: float = 60.0, c0: float | None = None) -> float:
        """Seconds from t0 to the end of the last piece of real work the event loop did
        (a batch of events taking >= HEAVY s: painting, model and plot updates, results from
        worker threads), once it has been idle for QUIET s with no plot worker running.
        Trivial events (a cursor blink) don't count, so they can't stretch the figure.
        With c0 (process CPU seconds at t0), the CPU time of every thread up to that end is
        kept in cpu_ms[0]: on a shared machine wall time also counts waiting for a core."""
        end = time.perf_counter()
        cpu_end = time.process_time()
        while True:
            t = time.perf_counter()
            busy = dispatcher.processEvents(flags)
            now = time.perf_counter()
            if busy and now - t >= HEAVY:
                end, cpu_end = now, time.process_time()
            if pending():
                end, cpu_end = max(end, now), time.process_time()
            if now - end > QUIET or now - t0 > timeout:
                if c0 is not None:
                    cpu_ms[0] = round((cpu_end - c0) * 1000, 1)
                return end - t0
            if not busy:
                time.sleep(0.001)

    settings_file = Path(tempfile.mkdtemp(prefix="fb-probe-")) / "settings.ini"
    settings = QtCore.QSettings(str(settings_file), QtCore.QSettings.Format.IniFormat)
    t = time.perf_counter()
    store = Store.open(db_path)
    win = MainWindow(store, settings)
    win.show()
    emit("window", {"ms": round(settle(t) * 1000, 1),
                    "process_ms": round((time.perf_counter() - t_start) * 1000, 1),
                    "rss_mb": round(rss_mb(), 1), "platform": os.environ["QT_QPA_PLATFORM"]})
    for step in steps:
        what, name = step.split(":")
        emit("start", step)
        if what == "open":
            c, t = time.process_time(), time.perf_counter()
            tab = win.show_tab(name)
            ms = settle(t, c0=c) * 1000
            model = getattr(tab, "model", None)
            emit(step, {"ms": round(ms, 1), "cpu_ms": cpu_ms[0], "rows": model.rowCount() if model is not None else None,
                        "rss_mb": round(rss_mb(), 1), "peak_rss_mb": round(peak_rss_mb(), 1)})
        elif what == "filter":
            tab = win.show_tab(name)
            settle(time.perf_counter())
            tab.filter_edit.setText(FILTERS[name])
            stop_debounce(tab)  # time the filter itself, not the typing debounce before it
            c, t = time.process_time(), time.perf_counter()
            tab.refresh()
            ms = settle(t, c0=c) * 1000
            emit(step, {"ms": round(ms, 1), "cpu_ms": cpu_ms[0], "filter": FILTERS[name], "rows": tab.model.rowCount()})
            tab.filter_edit.setText("")
            stop_debounce(tab)
            tab.refresh()
            settle(time.perf_counter())
        elif what == "window":
            tab = win.show_tab(name)
            settle(time.perf_counter())
            c, t = time.process_time(), time.perf_counter()
            win.set_time_window(*WINDOW)
            ms = settle(t, c0=c) * 1000
            emit(step, {"ms": round(ms, 1), "cpu_ms": cpu_ms[0], "range": list(WINDOW), "rows": tab.model.rowCount()})
            win.set_time_window(None, None)
            settle(time.perf_counter())
    emit("peak_rss_mb", round(peak_rss_mb(), 1))


def stop_debounce(tab) -> None:
    timer = getattr(tab, "_filter_timer", None)
    if timer is not None:
        timer.stop()


def all_steps() -> list[str]:
    return [f"{what}:{tab}" for what in ("open", "filter", "window") for tab in TAB_ORDER]


def emit(key: str, value) -> None:
    """One JSON line per measurement, so a crash loses only the step it happened in."""
    print(json.dumps({"key": key, "value": value}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else all_steps())
    os._exit(0)  # skip Qt teardown: nothing to save, and it can be slow offscreen
