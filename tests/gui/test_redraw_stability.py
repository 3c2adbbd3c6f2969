"""Plots survive many redraws. A binding that drops a reference to None on every Python
override Qt calls (PySide6 6.12 on CPython 3.11, excluded in pyproject.toml) loses hundreds
of references per redraw here and would soon abort the process."""

import sys


def test_none_refcount_holds_through_repeated_plot_redraws(window):
    window.show_tab("people")
    window.grab()
    before = sys.getrefcount(None)
    for name in ("people", "meetings", "trade", "culture", "sources") * 6:
        window.show_tab(name)
        window.load_current_tab()
        window.grab()
    assert sys.getrefcount(None) > before - 300
