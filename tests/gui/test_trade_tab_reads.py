"""What the Trade tab reads when it opens: the partner pairs first, then only the chosen
pair's figures are counted (counting every trade figure for a model about to be filtered
cost 150 ms at 50,000 releases)."""

from __future__ import annotations

import re


def test_opening_counts_the_chosen_pairs_figures_only(window):
    read = []
    window.store.conn.set_trace_callback(read.append)
    tab = window.show_tab("trade")
    window.store.conn.set_trace_callback(None)
    pairs = window.store.trade_partners()
    assert tab.partners() == pairs[0].partners
    counts = [" ".join(sql.split()) for sql in read if re.match(r"\s*SELECT count\(\*\)", sql)]
    assert counts and all("WHERE" in sql for sql in counts), counts
    assert tab.model.rowCount() == pairs[0].figures


def test_the_chart_under_a_text_filter_reads_the_tables_matches(window):
    """Under a text filter beside the pair the chart looks at the matches the table's count
    found (handed to its worker in the plot parameters), not at the word index again, and
    draws what it drew before."""
    tab = window.show_tab("trade")
    tab.filter_edit.setText("billion")
    tab._filter_timer.stop()
    tab.refresh()
    tab.wait_for_plots()
    params = tab.plot_params()
    assert params["filters"].partners and params["matches"] is not None
    read = []
    window.store.conn.set_trace_callback(read.append)
    data = tab.plot_data(window.store, params)
    window.store.conn.set_trace_callback(None)
    assert not any("MATCH" in sql for sql in read), read
    view = data["view"]
    assert view == window.store.trade_view(params["filters"], params["unit"])
    assert view.bars or view.plans
