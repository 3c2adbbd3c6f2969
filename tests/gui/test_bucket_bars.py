"""Per-month bars of a timeline redrawn in place: each draw shows exactly its own bars (the
items of an earlier, larger draw are hidden, not left behind), stacked as before, and the
bar under the mouse is found after any number of redraws."""

import pyqtgraph as pg

from app.gui.plots.buckets import HALF, MIN_HEIGHT, BucketBars
from app.gui.plots.data import TimePoint

MONTH = 30 * 86400.0


def _points(lanes, months, statuses=("held", "planned", "recurring")):
    out, i = [], 0
    for lane in lanes:
        for m in range(months):
            for s in statuses:
                i += 1
                out.append(TimePoint(i, m * MONTH, (m + 1) * MONTH - 1, lane, s, f"tip {i}",
                                     count=1 + (i * 7) % 50, key=f"2010-{m + 1:02d}"))
    out.append(TimePoint(i + 1, 24 * MONTH, 24 * MONTH + 365 * 86400.0, lanes[0], "held",
                         "a year", 3, "2012"))
    return out


def _drawn(bars):
    out = []
    for item in bars.items:
        assert item.isVisible()
        o = item.opts
        out += list(zip(o["x0"], o["x1"], o["y0"], o["height"], strict=True))
    return sorted(out)


def _expected(points, lane_y):
    top = max(p.count for p in points)
    stacked, out = {}, []
    for p in sorted(points, key=lambda p: p.status != "held"):
        y, down = lane_y[p.lane], p.status == "planned"
        h = HALF * max(p.count / top, MIN_HEIGHT)
        base = stacked.get((p.lane, p.key, down), 0.0)
        stacked[(p.lane, p.key, down)] = base + h
        out.append((p.start, p.end, y - base - h if down else y + base, h))
    return sorted(out)


def test_redraws_show_only_their_own_bars_and_find_the_bar_under_the_mouse(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    bars = BucketBars(widget.getPlotItem())
    big = _points(["talks", "visit", "forum"], 12)
    small = _points(["visit"], 2, ("held",))
    for points in (big, small, big, []):
        lanes = sorted({p.lane for p in points})
        lane_y = {lane: i for i, lane in enumerate(lanes)}
        bars.draw(points, lane_y, lanes)
        assert _drawn(bars) == (_expected(points, lane_y) if points else [])
        shown = [i for i in widget.getPlotItem().items if i.isVisible() and i in bars._pool]
        assert len(shown) == len(bars.items)
        for p in points:
            x = (p.start + p.end) / 2
            h = HALF * max(p.count / bars.top, MIN_HEIGHT)
            y = lane_y[p.lane] + (-h / 2 if p.status == "planned" else h / 2)
            slot = [q for q in points if (q.lane, q.start, q.status == "planned")
                    == (p.lane, p.start, p.status == "planned")]
            if len(slot) == 1:   # (held and recurring bars share a slot: either is found)
                assert bars.at(x, y) is p
    assert len(bars._pool) == 7     # 3 lanes above and below, 1 year: made once, reused
    bars.clear()
    assert bars.items == [] and bars.at(0.5 * MONTH, 0.1) is None


def test_a_timeline_sets_its_ring_again_only_for_another_selection(qtbot, monkeypatch):
    # a tab's refresh clears the selection: an empty one again must not repaint the plot
    from app.gui.plots.timeline import TimelinePlot
    plot = TimelinePlot("t")
    qtbot.addWidget(plot)
    points = [TimePoint(i, i * MONTH, i * MONTH, "talks", "held") for i in range(1, 4)]
    plot.set_points(points, ["talks"])
    rings = []
    real = plot.ring.setData
    monkeypatch.setattr(plot.ring, "setData", lambda *a, **k: rings.append(k.get("pos")) or real(*a, **k))
    for ids in ([], [], [2], [2], [], [3]):
        plot.highlight(ids)
    assert rings == [[(2 * MONTH, 0)], [], [(3 * MONTH, 0)]]
    assert plot.selected_positions() == [(3 * MONTH, 0.0)]
    plot.set_points(points[:2], ["talks"])   # new points: the ring drawn with them
    assert rings[-1] == [] and plot.selected_positions() == []


def test_new_points_and_lanes_are_painted_once(qtbot):
    # the lane axis's new width and the new range are settled before the paint, which
    # would otherwise ask for one more paint each
    from PySide6 import QtCore

    from app.gui.plots.timeline import TimelinePlot
    plot = TimelinePlot("t")
    qtbot.addWidget(plot)
    plot.resize(800, 300)
    plot.show()
    qtbot.waitExposed(plot)
    paints = []

    class Count(QtCore.QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QtCore.QEvent.Type.Paint:
                paints.append(obj)
            return False

    counter = Count()
    plot.plot_widget.viewport().installEventFilter(counter)
    for lanes, months in ((["talks"], 3), (["a much longer lane name", "visit"], 40), (["x"], 7)):
        points = [TimePoint(i, i * MONTH, i * MONTH, lanes[i % len(lanes)], "held")
                  for i in range(1, months)]
        qtbot.wait(50)
        paints.clear()
        plot.set_points(points, lanes)
        qtbot.wait(200)
        assert len(paints) == 1
