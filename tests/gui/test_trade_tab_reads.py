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
