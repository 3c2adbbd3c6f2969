"""Trade figures (and, in the Figures view, every other stated quantity), one pair of
partners at a time: the volume over time in one unit (actuals as bars over their period,
targets and forecasts as marked points at their target year), shares and growth beside it.

Values computed from other figures are only ever shown as such: italic in the table, hatched
in the plots, with their formula, never passed off as stated facts.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from ..models.table_model import StoreTableModel, format_value
from .base_tab import BaseTab, esc

MAX_PERCENT_BARS = 12
ALL = "*"      # app.store.trade.ALL_PARTNERS (not imported: the store module loads lazily)
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def _scale(values: list[float]) -> tuple[float, str]:
    top = max((abs(v) for v in values), default=0)
    for factor, word in SCALES:
        if top >= factor:
            return factor, word
    return 1.0, ""


def _number(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"


def _period_note(period: str | None) -> str:
    """A bar's period beside its value, when it is not simply the year the axis shows."""
    return "" if not period or (len(period) == 4 and period.isdigit()) else f" ({period})"


def _figure_tip(f, unit_text: str) -> str:
    tip = (f"{f.measure or 'figure'} · {f.period or 'no period'}"
           f"{' · ' + f.partners if f.partners else ''}\n"
           f"{format_value('value', f.value)} {unit_text} ({f.status})")
    if f.text:
        tip += f"\n“{f.text}”" + (f" — {f.source}" if f.source else "")
    if f.derived:
        tip += f"\nDerived, not stated: {f.formula or ''}"
    if f.conflict:
        tip += "\nOther sources give a different value for this pair, measure, period and status"
    return tip


class TradeTab(BaseTab):
    table = "trade"
    title = "Trade"
    fact_type = "quantity"
    default_sort = "period"    # latest first; an index serves it, with or without the time window
    default_order = QtCore.Qt.SortOrder.DescendingOrder
    columns = ["id", "partners", "measure", "value", "unit", "period", "status", "measure_kind",
               "direction", "qualifier", "category", "text", "derived", "formula", "conflict",
               "sources", "source"]
    OPTIONAL = ["derived", "formula", "conflict", "qualifier", "partners", "measure_kind",
                "direction"]

    def add_filter_widgets(self, row: QtWidgets.QHBoxLayout) -> None:
        self.view_combo = QtWidgets.QComboBox()
        self.view_combo.setAccessibleName("Trade or all figures")
        self.view_combo.addItem("Trade figures", "trade")
        self.view_combo.addItem("All figures", "figures")
        self.view_combo.currentIndexChanged.connect(self._switch_view)
        row.addWidget(self.view_combo)
        self.partner_combo = QtWidgets.QComboBox()
        self.partner_combo.setAccessibleName("Trade partners")
        self.partner_combo.setToolTip(
            "The pair of partners whose figures the table and the plots show (the number of\n"
            "trade figures in brackets); “All partners” shows every pair, each apart.")
        self.partner_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.partner_combo.currentIndexChanged.connect(self._partners_chosen)
        row.addWidget(self.partner_combo)
        self.unit_combo = QtWidgets.QComboBox()
        self.unit_combo.setAccessibleName("Volume unit")
        self.unit_combo.setToolTip("The unit the volume chart draws: one at a time, no "
                                   "currency is converted")
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._unit_chosen())
        self.unit_combo.hide()
        row.addWidget(self.unit_combo)
        self._pairs_key = None
        self._filling = False

    # --- partners -----------------------------------------------------------------------
    def partners(self) -> str:
        return self.partner_combo.currentData() or ALL

    def select_partners(self, partners: str) -> bool:
        at = self.partner_combo.findData(partners)
        if at >= 0:
            self.partner_combo.setCurrentIndex(at)
        return at >= 0

    def extra_filters(self) -> dict:
        partners = self.partners()
        return {"partners": None if partners == ALL else partners}

    def reset_extra_filters(self) -> None:
        self._filling = True
        self.select_partners(ALL)
        self._filling = False

    def _fill_partners(self) -> None:
        """The pairs of the whole database (the list stays put while filters move), read
        again when the database changes; the pair with most figures first and chosen."""
        key = (id(self.ctx.store), self._data_version())
        if key == self._pairs_key:
            return
        first = self._pairs_key is None
        self._pairs_key = key
        pairs = self.ctx.store.trade_partners()
        current = self.partner_combo.currentData()
        self._filling = True
        self.partner_combo.clear()
        self.partner_combo.addItem("All partners", ALL)
        for pair in pairs:
            self.partner_combo.addItem(f"{pair.label} ({pair.figures:,})", pair.partners)
        named = [p.partners for p in pairs if p.partners != "-"]
        wanted = (named[0] if named else ALL) if first or current is None else current
        if not self.select_partners(wanted):
            self.select_partners(ALL)
        self._filling = False

    def _partners_chosen(self, _index: int) -> None:
        if not self._filling:
            self.refresh()

    def _unit_chosen(self) -> None:
        if not self._filling and self.loaded:
            self.update_plots()

    def refresh(self) -> None:
        if self.loaded:
            self._fill_partners()
        super().refresh()

    def ensure_loaded(self) -> None:
        if not self.loaded:
            self._fill_partners()   # the table opens on a pair: its figures alone are counted
        super().ensure_loaded()

    def forget_store_data(self) -> None:
        self._facts = {}     # an import or another database: read them again
        self._pairs_key = None
        super().forget_store_data()

    # --- table --------------------------------------------------------------------------
    def _switch_view(self, _index: int = 0) -> None:
        table = self.view_combo.currentData()
        if table == self.table:
            return
        self.table = table
        if not self.loaded:
            return
        self.model = StoreTableModel(self.ctx.store, self.table, self.columns, self)
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.setColumnHidden(0, True)
        self.refresh()

    def show_table(self, table: str) -> None:
        at = self.view_combo.findData(table)
        if at >= 0:
            self.view_combo.setCurrentIndex(at)

    # --- plots --------------------------------------------------------------------------
    def build_plots(self) -> None:
        from ..plots.bars import BarPlot
        from ..plots.volume import VolumePlot
        self.volume = VolumePlot("Trade volume")
        self.shares = BarPlot("Shares and growth", "percent (%)", horizontal=True)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(self.volume)
        splitter.addWidget(self.shares)
        splitter.setSizes([700, 500])
        self.plot_layout.addWidget(splitter)
        self.volume.idClicked.connect(self._plot_clicked)
        self.shares.idClicked.connect(self._plot_clicked)

    def _plot_clicked(self, fact_id: int) -> None:
        if not self.select_id(fact_id) and self.table != "figures":
            self.show_table("figures")
            self.select_id(fact_id)

    def plot_params(self) -> dict:
        params = {**super().plot_params(), "table": self.table,
                  "unit": self.unit_combo.currentData() if self.unit_combo.count() else None}
        # a text filter's matches beside another filter, found once on this connection (the
        # table's count and pages read them too, kept while the data is unchanged): the
        # chart's worker looks at those alone instead of searching the word index again
        params["matches"] = (self.ctx.store.kept_matches("trade", params["filters"])
                             if self.table == "trade" else None)
        return params

    def plot_data(self, store, params: dict):
        from ..plots.data import Bar, PlanPoint, VolumeBar, year_position

        used = self._database_facts(store)
        filters = params["filters"]
        view = store.trade_view(filters, params.get("unit"), params.get("matches"))
        all_pairs = view.partners == ALL
        factor, word = _scale([b.best.value for b in view.bars] + [f.value for f in view.plans])
        unit_text = f"{view.unit} {word}".strip() if view.unit else ""
        pairs = sorted({b.partners or "no partners stated" for b in view.bars}) if all_pairs else []
        groups = {p: i for i, p in enumerate(pairs)}
        bars = []
        for b in view.bars:
            start, end = year_position(b.start), year_position(b.end, end=True)
            if start is None or end is None:
                continue
            f = b.best
            tip = _figure_tip(f, view.unit or "")
            if len(b.figures) > 1:
                tip += (f"\n({len(b.figures)} figures for this period; the best-sourced shown)")
            bars.append(VolumeBar(start, max(end, start + 1 / 12), f.value / factor, [g.id for g in b.figures],
                                  tip, f.derived, groups.get(b.partners or "no partners stated", 0),
                                  _number(f.value / factor) + _period_note(b.period)))
        plans = []
        for f in view.plans:
            start, end = year_position(f.start), year_position(f.end, end=True)
            if start is None or end is None:
                continue
            plans.append(PlanPoint((start + end) / 2, f.value / factor, f.status,
                                   f"{f.status} {f.period}: {_number(f.value / factor)}", [f.id],
                                   _figure_tip(f, view.unit or "")))
        percent = sorted(view.shares[:MAX_PERCENT_BARS // 2] + view.growth[:MAX_PERCENT_BARS // 2],
                         key=lambda f: (f.start or "", f.id))
        percent_bars = [
            Bar(f"{f.partners + ' · ' if all_pairs and f.partners else ''}"
                f"{f.period + ' · ' if f.period else ''}{f.measure or ''}"
                f"{' (derived)' if f.derived else ''}",
                f.value, [f.id], _figure_tip(f, "%"), f.derived,
                group=2 if f in view.shares else 3)
            for f in percent]
        percent_bars.reverse()     # drawn bottom-up: the latest at the bottom, read top-down
        return {"used": used, "view": view, "unit_text": unit_text, "bars": bars,
                "plans": plans, "legend": {i: p for p, i in groups.items()} if len(pairs) > 1 else {},
                "percent": percent_bars}

    _facts: dict = {}

    def _database_facts(self, store) -> set[str]:
        """The flag columns in use, read once per database (not per filter)."""
        key = str(store.path)
        if key not in self._facts:
            # asked of all figures, not only trade: far quicker on a big archive, and it can
            # only show a column, never hide one that holds values
            self._facts = {key: store.columns_in_use("figures", self.OPTIONAL)}
        return self._facts[key]

    def draw_plots(self, data) -> None:
        view = data["view"]
        # Flag columns no row uses would only look unfinished; they appear once a row has one.
        for column in self.OPTIONAL:
            if column in self.model.columns:
                self.view.setColumnHidden(self.model.columns.index(column), column not in data["used"])
        self._filling = True
        self.unit_combo.clear()
        for unit, n in view.units:
            self.unit_combo.addItem(f"{unit} ({n})", unit)
        if view.unit:
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(view.unit), 0))
        self.unit_combo.setVisible(len(view.units) > 1)
        self._filling = False
        pair = "all partners" if view.partners == ALL else (
            "no partners stated" if view.partners == "-" else view.partners)
        notes = []
        if view.undated:
            notes.append(f"{view.undated} without a readable period not drawn")
        self.volume.title_label.setText(f"<b>Trade volume</b> · {esc(pair)}"
                                        + (f" <i>({esc('; '.join(notes))})</i>" if notes else ""))
        self.volume.set_data(data["bars"], data["plans"], data["unit_text"] or "no money figures",
                             data["legend"], dots=view.partners == ALL)
        self.shares.set_bars(data["percent"])

    def highlight_plots(self, ids: list[int]) -> None:
        if hasattr(self, "volume"):
            self.volume.highlight(ids)
            self.shares.highlight(ids)

    def detail_html(self, row: dict) -> str:
        value = format_value("value", row.get("value"))
        what = " · ".join(esc(v) for v in (row.get("partners"), row.get("measure_kind"),
                                            row.get("direction")) if v)
        parts = [f"<h3>{esc(row.get('measure'))}</h3>",
                 f"<p><b>{esc(value)} {esc(row.get('unit'))}</b>"
                 f"{' · ' + esc(row.get('period')) if row.get('period') else ''}"
                 f"{' · ' + esc(row.get('qualifier')) if row.get('qualifier') else ''}"
                 f" · {esc(row.get('status') or 'actual')}"
                 f" · category {esc(row.get('category'))}</p>"]
        if what:
            parts.append(f"<p>{what}</p>")
        if row.get("derived"):
            parts.append("<p style='color:#D55E00'><b>Derived value, not stated in any release.</b><br>"
                         f"Formula: {esc(row.get('formula'))}</p>")
        elif row.get("text"):
            parts.append(f"<p>Stated as “{esc(row.get('text'))}”.</p>")
        if row.get("conflict"):
            parts.append("<p style='color:#D55E00'><b>Conflicting values:</b> the sources give "
                         "different values for this pair, measure, period and status; each is "
                         "kept.</p>")
        parts.append("<h4>Sources</h4>")
        parts.append(self.sources_html(self.provenance(row)))
        return "".join(parts)
