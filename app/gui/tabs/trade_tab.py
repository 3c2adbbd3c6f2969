"""Trade figures (and, in the Figures view, every other stated quantity).

Values computed from other figures are only ever shown as such: italic in the table, hatched
in the plots, with their formula, never passed off as stated facts.
"""

from __future__ import annotations

import sqlite3

from PySide6 import QtCore, QtWidgets

from app.gui import queries
from app.gui.models.table_model import StoreTableModel, format_value
from app.gui.tabs.base_tab import BaseTab, esc

MAX_VOLUME_BARS = 14
CURRENCIES = {"USD", "EUR", "RUB", "CNY", "BYN", "GBP", "JPY", "INR", "KZT", "TRY"}


PERCENT_UNITS = {"percent", "%", "pct"}
# The rows the plots can draw (the same tests as below, in SQL; fixed text, no user input).
PLOTTED_SQL = ("typeof(value) IN ('integer', 'real') AND (upper(unit) IN ({}) OR lower(unit) IN ({}))"
               .format(", ".join(f"'{c}'" for c in sorted(CURRENCIES)),
                       ", ".join(f"'{u}'" for u in sorted(PERCENT_UNITS))))


def _is_percent(unit: str | None) -> bool:
    return (unit or "").lower() in PERCENT_UNITS


# Trade volume proper (not contract or investment sums), and shares proper (not growth),
# when the releases state any.
VOLUME_WORDS = ("trade", "turnover")
SHARE_WORDS = ("share",)


def _is_share(r: dict) -> bool:
    return "share" in str(r.get("measure") or "").lower()


def _latest_groups(read, limit: int, words: tuple[str, ...], measure_key) -> dict:
    """The latest `limit` (period, measure) groups of the rows whose measure holds one of
    `words` when any does (otherwise of all rows), from read(words) (rows latest period
    first). Stops reading once the groups are complete: once a row of an earlier period
    comes."""
    for wanted in (words, ()):
        groups: dict[tuple[str, str], list[dict]] = {}
        for r in read(wanted):
            period = str(r.get("period") or "")
            if len(groups) >= limit and sum(1 for p, _m in groups if p > period) >= limit:
                break
            groups.setdefault((period, measure_key(r)), []).append(r)
        if groups:
            break
    return {k: groups[k] for k in sorted(groups)[-limit:]}


def _best_first(r: dict):
    """Stated before derived, then the most sources, then the oldest id."""
    return (r.get("derived") or 0, -(r.get("sources") or 0), r["id"])


def _add_text(store, rows: list[dict]) -> None:
    """Fill in the quoted text and source of the rows drawn as bars (their tooltips)."""
    for r in rows:
        try:
            found = store.db.execute("SELECT text, source FROM trade WHERE id = ?", [r["id"]]).fetchone()
        except sqlite3.Error:
            found = None
        r["text"], r["source"] = found if found else (None, None)


class TradeTab(BaseTab):
    table = "trade"
    title = "Trade"
    fact_type = "quantity"
    default_sort = "period"    # latest first; an index serves it, with or without the time window
    default_order = QtCore.Qt.SortOrder.DescendingOrder
    columns = ["id", "measure", "value", "unit", "period", "qualifier", "category", "text",
               "derived", "formula", "conflict", "sources", "source"]

    def add_filter_widgets(self, row: QtWidgets.QHBoxLayout) -> None:
        self.view_combo = QtWidgets.QComboBox()
        self.view_combo.setAccessibleName("Trade or all figures")
        self.view_combo.addItem("Trade figures", "trade")
        self.view_combo.addItem("All figures", "figures")
        self.view_combo.currentIndexChanged.connect(self._switch_view)
        row.addWidget(self.view_combo)

    def _switch_view(self, _index: int = 0) -> None:
        table = self.view_combo.currentData()
        if table == self.table:
            return
        self.table = table
        if not self.loaded:
            return
        self.model = StoreTableModel(self.main.store, self.table, self.columns, self)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.setColumnHidden(0, True)
        self.refresh()

    def show_table(self, table: str) -> None:
        at = self.view_combo.findData(table)
        if at >= 0:
            self.view_combo.setCurrentIndex(at)

    def build_plots(self) -> None:
        from app.gui.plots.bars import BarPlot
        self.volume = BarPlot("Trade volume by period", "billion")
        self.volume.view_box.setMouseEnabled(x=False, y=False)
        self.shares = BarPlot("Shares", "percent (%)", horizontal=True)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.volume)
        splitter.addWidget(self.shares)
        splitter.setSizes([600, 600])
        self.plot_layout.addWidget(splitter)
        self.volume.idClicked.connect(self._plot_clicked)
        self.shares.idClicked.connect(self._plot_clicked)

    def _plot_clicked(self, fact_id: int) -> None:
        if not self.select_id(fact_id) and self.table != "figures":
            self.show_table("figures")
            self.select_id(fact_id)

    OPTIONAL = ["derived", "formula", "conflict", "qualifier"]

    def plot_params(self) -> dict:
        return {**super().plot_params(), "table": self.table}

    def plot_data(self, store, params: dict):
        from app.gui.plots.bars import Bar

        used, units, ranked = self._database_facts(store)
        # the text filter's matches found once for the three reads below
        filters, matched = queries.keep_text_matches(store, "trade", params["filters"])
        # Only money and percentages are drawn, and only the latest periods: the rows are read
        # latest period first and reading stops once the bars' groups are complete. The
        # currency is the database's commonest one that the filters leave figures in, so the
        # axis keeps its unit while the time window moves.
        columns = ["measure", "value", "unit", "period", "derived", "formula", "sources"]
        money, unit = {}, ranked[0] if ranked else "USD"
        for candidate in ranked:
            money = _latest_groups(
                lambda words, c=candidate: queries.latest_by_period(
                    store, "trade", filters, [u for u in units if u.upper() == c], columns, words,
                    matched),
                MAX_VOLUME_BARS, VOLUME_WORDS, lambda r: str(r.get("measure") or ""))
            if money:
                unit = candidate
                break
        bars = self._volume_bars(store, money, unit)
        horizontal = len(bars) > 4
        if horizontal:
            bars.reverse()   # drawn bottom-up: reversed, periods read top-down in time order

        percent_units = [u for u in units if _is_percent(u)]
        shares = _latest_groups(
            lambda words: queries.latest_by_period(store, "trade", filters, percent_units, columns, words,
                                                   matched),
            12, SHARE_WORDS, lambda r: str(r.get("measure") or "").lower())
        only_shares = bool(shares) and all(_is_share(r) for g in shares.values() for r in g)
        best = [min(g, key=_best_first) for _k, g in sorted(shares.items())]
        best.reverse()   # drawn bottom-up: reversed, periods read top-down in time order
        _add_text(store, best)
        share_bars = [
            Bar(f"{str(r['period']) + ' · ' if r.get('period') else ''}{r.get('measure')}"
                f"{' (derived)' if r.get('derived') else ''}",
                r["value"], [r["id"]],
                f"{r.get('measure')} {r.get('period') or ''}: {r['value']:g} %"
                f"\n“{r.get('text') or ''}”" + (f"\nDerived: {r.get('formula')}" if r.get("derived") else ""),
                bool(r.get("derived")), group=2 + i % 3)
            for i, r in enumerate(best)
        ]
        return used, unit, horizontal, bars, only_shares, share_bars

    _facts: dict = {}

    def _database_facts(self, store) -> tuple[set[str], list[str], list[str]]:
        """What does not depend on the filters, read once per database: the flag columns in
        use, the units, and the currencies by how many trade figures use them."""
        key = str(store.path)
        if key not in self._facts:
            # Flag columns asked of all figures, not only trade: far quicker on a big archive
            # (the first trade row with a qualifier may be deep in it), and it can only show a
            # column, never hide one that holds values.
            used = queries.columns_in_use(store, "figures", self.OPTIONAL)
            units = queries.distinct_units(store)
            counts: dict[str, int] = {}
            for u, n in queries.unit_counts(store, "trade", None,
                                            [u for u in units if u.upper() in CURRENCIES]).items():
                counts[u.upper()] = counts.get(u.upper(), 0) + n
            ranked = sorted(counts, key=lambda u: (-counts[u], u))
            self._facts = {key: (used, units, ranked)}
        return self._facts[key]

    def set_store(self, store) -> None:
        self._facts = {}     # an import or another database: read them again
        super().set_store(store)

    def _volume_bars(self, store, groups: dict, unit: str) -> list:
        from app.gui.plots.bars import Bar

        keys = sorted(groups)
        _add_text(store, [min(groups[k], key=_best_first) for k in keys])
        measures = {m for _, m in keys}
        bars = []
        for key in keys:
            group = sorted(groups[key], key=_best_first)
            r = group[0]
            label = key[0] or "no period"
            if len(measures) > 1:
                label += f" · {key[1]}"
            tip = (f"{r.get('measure')} {r.get('period') or ''}: {format_value('value', r['value'])} {unit}"
                   f"\n“{r.get('text') or ''}” — {r.get('source') or ''}")
            if len(group) > 1:
                tip += f"\n({len(group)} figures for this period and measure; the best-sourced shown)"
            if r.get("derived"):
                label += " (derived)"
                tip += f"\nDerived, not stated: {r.get('formula') or ''}"
            bars.append(Bar(label, r["value"] / 1e9, [g["id"] for g in group], tip,
                            bool(r.get("derived")), group=1 if r.get("derived") else 0))
        return bars

    def draw_plots(self, data) -> None:
        used, unit, horizontal, bars, only_shares, share_bars = data
        # Flag columns no row uses would only look unfinished; they appear once a row has one.
        for column in self.OPTIONAL:
            if column in self.model.columns:
                self.view.setColumnHidden(self.model.columns.index(column), column not in used)
        self.volume.set_horizontal(horizontal)
        self.volume.set_value_label(f"{unit} billion")
        self.volume.set_bars(bars)
        self.shares.title_label.setText("<b>Shares</b>" if only_shares else "<b>Percentages</b>")
        self.shares.set_bars(share_bars)

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "volume"):
            self.volume.highlight(ids)
            self.shares.highlight(ids)

    def detail_html(self, row: dict) -> str:
        value = format_value("value", row.get("value"))
        parts = [f"<h3>{esc(row.get('measure'))}</h3>",
                 f"<p><b>{esc(value)} {esc(row.get('unit'))}</b>"
                 f"{' · ' + esc(row.get('period')) if row.get('period') else ''}"
                 f"{' · ' + esc(row.get('qualifier')) if row.get('qualifier') else ''}"
                 f" · category {esc(row.get('category'))}</p>"]
        if row.get("derived"):
            parts.append("<p style='color:#D55E00'><b>Derived value, not stated in any release.</b><br>"
                         f"Formula: {esc(row.get('formula'))}</p>")
        elif row.get("text"):
            parts.append(f"<p>Stated as “{esc(row.get('text'))}”.</p>")
        if row.get("conflict"):
            parts.append("<p style='color:#D55E00'><b>Conflicting values:</b> the sources give "
                         "different values for this measure and period; each is kept.</p>")
        parts.append("<h4>Sources</h4>")
        parts.append(self.sources_html(self.provenance(row)))
        return "".join(parts)
