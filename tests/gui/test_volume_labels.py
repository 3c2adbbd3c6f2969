"""The trade volume chart's labels (a bar's value, a target's period and value) look exactly
as pyqtgraph's TextItem drew them, at any zoom, while Qt keeps them unscaled (TextItem
recomputed its transform in Python per label at every paint: 300 ms to open the Trade tab
of a pair with 140 targets)."""

from __future__ import annotations

import pyqtgraph as pg

from app.gui.plots.labels import Label
from app.gui.plots.volume import PlanPoint, VolumePlot


def _image(widget, item, qtbot):
    widget.plotItem.addItem(item, ignoreBounds=True)
    widget.setXRange(0, 4, padding=0)
    widget.setYRange(0, 10, padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    first = widget.grab().toImage()
    widget.setXRange(1, 2, padding=0)     # zoomed: the label keeps its size in pixels
    zoomed = widget.grab().toImage()
    widget.plotItem.removeItem(item)
    return first, zoomed


def test_a_label_is_drawn_as_textitem_drew_it(qtbot):
    widget = pg.PlotWidget()
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    for anchor in ((0.5, 1), (0.5, 1.4), (0, 0)):
        old = pg.TextItem("", anchor=anchor)
        old.setText("target 2030: 57.3", color="#202020")
        old.setPos(1.5, 5)
        new = Label()
        new.show_at("target 2030: 57.3", "#202020", 1.5, 5, anchor)
        assert _image(widget, old, qtbot) == _image(widget, new, qtbot)


def test_targets_are_labelled_and_labels_reused(qtbot):
    plot = VolumePlot()
    qtbot.addWidget(plot)
    plans = [PlanPoint(2030.5, v, "target", f"target 2030: {v}", [i], "") for i, v in
             enumerate((5.0, 7.5, 9.0))]
    plot.set_data([], plans, "USD billion")
    shown = [label for label in plot._labels if label.isVisible()]
    assert [label.toPlainText() for label in shown] == [p.label for p in plans]
    assert all(isinstance(label, Label) for label in shown)
    plot.set_data([], plans[:1], "USD billion")
    assert [label.toPlainText() for label in plot._labels if label.isVisible()] == [plans[0].label]
    assert len(plot._labels) == 3


def test_a_selection_before_the_first_data_leaves_the_chart_blank(qtbot):
    # At 50,000 releases the chart's data comes from a worker thread: a row selected in the
    # table before it arrives is highlighted on a chart that has no data yet.
    plot = VolumePlot("Trade volume")
    qtbot.addWidget(plot)
    plot.highlight([1])
    assert plot.empty_text.toPlainText() == ""
    plot.set_data([], [], "USD bn")
    assert plot.empty_text.toPlainText() == "No trade volume under the current filters"


def test_many_targets_label_the_highest_of_each_year_and_the_selected(qtbot):
    plot = VolumePlot()
    qtbot.addWidget(plot)
    plans = [PlanPoint(year + 0.5, float(v), "target", f"target {year}: {v}", [year * 100 + v], "")
             for year in (2026, 2027, 2028) for v in range(1, 8)]
    plot.set_data([], plans, "USD billion")

    def shown():
        return sorted(label.toPlainText() for label in plot._labels if label.isVisible())

    assert shown() == ["target 2026: 7", "target 2027: 7", "target 2028: 7"]
    plot.highlight([2027 * 100 + 3])
    assert shown() == ["target 2026: 7", "target 2027: 3", "target 2027: 7", "target 2028: 7"]
    plot.set_data([], plans[:5], "USD billion")   # few: every one labelled
    assert shown() == sorted(p.label for p in plans[:5])


def test_targets_of_one_look_share_one_rendered_symbol(qtbot):
    """A scatter plot renders a symbol once per pen and brush object: the targets (and
    dots) of one status and selection share theirs, in one redraw and the next, so 138
    targets render a few symbols rather than 138 each redraw; the picture is unchanged."""
    plot = VolumePlot("Trade volume")
    plot.resize(600, 400)
    qtbot.addWidget(plot)
    plans = [PlanPoint(2020 + i % 10 + 0.5, 1.0 + i, ("target", "forecast")[i % 2], "",
                       [i], "tip") for i in range(138)]
    plot.set_data([], plans, "USD")
    plot.highlight([4])
    plot.set_data([], plans, "USD")
    assert len(plot.plan_item.fragmentAtlas) <= 4   # two statuses, selected or not


def test_the_legend_is_built_again_only_when_its_entries_change(qtbot):
    plot = VolumePlot("Trade volume")
    qtbot.addWidget(plot)

    def entries():
        return [label.text for _sample, label in plot.legend.items]

    targets = [PlanPoint(2030.5, 5.0, "target", "", [1], "tip")]
    plot.set_data([], targets, "USD")
    first = list(plot.legend.items)
    assert entries() == ["target"]
    plot.highlight([1])
    plot.set_data([], targets + [PlanPoint(2031.5, 6.0, "target", "", [2], "tip")], "USD")
    assert plot.legend.items == first          # the same entries: kept, not built again
    plot.set_data([], targets + [PlanPoint(2026.5, 4.0, "forecast", "", [3], "tip")], "USD")
    assert entries() == ["forecast", "target"]
    plot.set_data([], [], "USD", {0: "China–Russia", 1: "India–Russia"}, dots=True)
    assert entries() == ["China–Russia", "India–Russia"]
    plot.set_data([], [], "USD")
    assert entries() == []
