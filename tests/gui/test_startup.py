"""benchmarks/startup.py measures both windows (numbers themselves depend on the machine)."""

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_startup_benchmark_measures_app_and_bare_window(seed_db, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import startup
    finally:
        sys.path.pop(0)
    assert startup.main(["--db", str(seed_db), "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "bare PySide6+pyqtgraph window" in out and "factbrowser first paint" in out
    res = startup.measure(str(seed_db), runs=1)
    for key in ("bare_s", "app_paint_s", "app_ready_s"):
        assert not math.isnan(res[key]) and 0 < res[key] < 60, (key, res)
    assert res["app_paint_s"] <= res["app_ready_s"]
    assert res["ratio"] == res["app_paint_s"] / res["bare_s"]
