"""Trade figures (and, in the Figures view, every other stated quantity).

Values computed from other figures are only ever shown as such: italic in the table, hatched
in the plots, with their formula, never passed off as stated facts.
"""

from __future__ import annotations

import sqlite3

from PySide6 import QtWidgets

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

        used = queries.columns_in_use(store, params["table"], self.OPTIONAL)
        # Only money and percentages are drawn: SQL drops the other rows, and the quoted text
        # and source of the few rows that become bars are read afterwards (_add_text).
        rows, _total = queries.plot_rows(
            store, "trade", params["filters"],
            ["measure", "value", "unit", "period", "derived", "formula", "sources"],
            "period", where_extra=PLOTTED_SQL)
        money = [r for r in rows if (r.get("unit") or "").upper() in CURRENCIES
                 and isinstance(r.get("value"), (int, float))]
        units: dict[str, int] = {}
        for r in money:
            units[r["unit"].upper()] = units.get(r["unit"].upper(), 0) + 1
        unit = max(units, key=units.get) if units else "USD"
        money = [r for r in money if r["unit"].upper() == unit]
        # Trade volume proper (not contract or investment sums) when the releases state it.
        volume = [r for r in money if "trade" in str(r.get("measure") or "").lower()
                  or "turnover" in str(r.get("measure") or "").lower()]
        money = volume or money
        # One bar per period and measure (the best-sourced statement of it), latest periods.
        groups: dict[tuple[str, str], list[dict]] = {}
        for r in money:
            groups.setdefault((str(r.get("period") or ""), str(r.get("measure") or "")), []).append(r)
        keys = sorted(groups)[-MAX_VOLUME_BARS:]
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
        horizontal = len(bars) > 4
        if horizontal:
            bars.reverse()   # drawn bottom-up: reversed, periods read top-down in time order

        shares = [r for r in rows if _is_percent(r.get("unit"))
                  and isinstance(r.get("value"), (int, float))]
        # Shares proper when the releases state any; other percentages (growth) otherwise.
        only_shares = [r for r in shares if "share" in str(r.get("measure") or "").lower()]
        shares = only_shares or shares
        # One bar per period and measure (stated rather than derived, best-sourced), latest 12.
        best: dict[tuple[str, str], dict] = {}
        for r in sorted(shares, key=lambda r: (r.get("derived") or 0, -(r.get("sources") or 0), r["id"])):
            best.setdefault((str(r.get("period") or ""), str(r.get("measure") or "").lower()), r)
        shares = [best[k] for k in sorted(best)[-12:]]
        shares.reverse()   # drawn bottom-up: reversed, periods read top-down in time order
        _add_text(store, shares)
        share_bars = [
            Bar(f"{str(r['period']) + ' · ' if r.get('period') else ''}{r.get('measure')}"
                f"{' (derived)' if r.get('derived') else ''}",
                r["value"], [r["id"]],
                f"{r.get('measure')} {r.get('period') or ''}: {r['value']:g} %"
                f"\n“{r.get('text') or ''}”" + (f"\nDerived: {r.get('formula')}" if r.get("derived") else ""),
                bool(r.get("derived")), group=2 + i % 3)
            for i, r in enumerate(shares)
        ]
        return used, unit, horizontal, bars, bool(only_shares), share_bars

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
