"""The timelines' date axis keeps the grid lines a reader can use: over twenty years the years,
zoomed into a year the months too (with their labels)."""

import datetime as dt

import pyqtgraph as pg

from app.gui.plots.date_axis import MIN_SPACING_PX, LabelledDateAxis


def _ts(year: int, month: int = 1) -> float:
    return dt.datetime(year, month, 1, tzinfo=dt.UTC).timestamp()


def test_dense_tick_levels_are_left_out_and_come_back_zoomed_in(qtbot):
    axis = LabelledDateAxis(orientation="bottom", utcOffset=0)
    plot = pg.PlotWidget(axisItems={"bottom": axis})
    qtbot.addWidget(plot)
    plot.resize(1300, 300)
    plot.grab()  # painted once: the axis knows its font's metrics
    width = 1200
    decades = axis.tickValues(_ts(2004), _ts(2026), width)
    assert len(decades) == 1  # the monthly ticks, ~5 px apart, are gone
    assert 15 <= len(decades[0][1]) <= 30  # the years stay
    a_year = axis.tickValues(_ts(2010, 3), _ts(2011, 2), width)
    assert len(a_year) >= 2  # months come back, each ~100 px apart
    assert all(len(ticks) * MIN_SPACING_PX <= width for _spacing, ticks in a_year[1:])
    assert axis.tickStrings(a_year[1][1], 1.0, a_year[1][0])  # and they are labelled


def test_fixed_offset_ticks_are_pyqtgraphs_own(qtbot):
    # the ticks of a fixed UTC offset are computed without pyqtgraph's per-tick QDateTime
    # conversions: the same ticks at every zoom level, from decades to seconds
    for offset in (0, 3600, -5 * 3600 - 1800):
        axis = LabelledDateAxis(orientation="bottom", utcOffset=offset)
        plot = pg.PlotWidget(axisItems={"bottom": axis})
        qtbot.addWidget(plot)
        plot.resize(900, 300)
        plot.grab()
        start = _ts(2011, 3) + 12345.6
        for span in (40 * 365 * 86400, 3 * 365 * 86400, 200 * 86400, 20 * 86400, 3 * 86400,
                     30000, 2000, 50, 2, 0.05):
            for width in (90, 400, 1200):
                want = pg.DateAxisItem.tickValues(axis, start, start + span, width)
                want = [lv for i, lv in enumerate(want)
                        if i == 0 or len(lv[1]) * MIN_SPACING_PX <= width]
                assert axis.tickValues(start, start + span, width) == want, (offset, span, width)
