"""What the Trade tab draws, read in SQL and handed over as plain dataclasses: the partner
pairs, a pair's trade volume over time (actuals by period; targets and forecasts apart, at
their target year; one unit at a time, nothing converted), and its shares and growth rates.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace

from . import counts_trade, window
from .schema import filter_table
from .where import _text_match, stored_pair, where_clause

ALL_PARTNERS = "*"          # every pair together
NO_PARTNERS = "-"           # figures that name no pair (not bilateral, or older databases)

# Money: an ISO 4217 code (USD, EUR, RUB, CNY, BYN, ...). Other units (percent, count,
# tonnes) are never drawn as volume.
MONEY_SQL = "unit GLOB '[A-Z][A-Z][A-Z]'"
PERCENT_SQL = "lower(unit) IN ('percent', '%', 'pct')"
# A figure's measure, from its kind when the extractor gave one, else from its words.
VOLUME_SQL = ("(measure_kind = 'trade turnover' OR (measure_kind IS NULL AND "
              "(lower(measure) LIKE '%trade%' OR lower(measure) LIKE '%turnover%')))")
SHARE_SQL = ("(measure_kind IN ('currency share', 'partner share') OR (measure_kind IS NULL "
             "AND lower(measure) LIKE '%share%'))")
GROWTH_SQL = ("(measure_kind = 'growth' OR (measure_kind IS NULL AND (lower(measure) LIKE "
              "'%growth%' OR lower(measure) LIKE '%increase%')))")
# the latest figures of each kind a chart reads (the table holds them all)
READ_LIMIT = 400
# Under a text filter beside another (a partner pair, a time window) the volume, share and
# growth figures matching both are found once, as (id, period, kind), when there are at
# most BY_ID_MAX of them, and only the latest of each kind read whole: each read walking
# the figures along the period index instead, testing each against the word index's
# matches, built the list of matches again and, for shares under "billion" (none match),
# walked all of a pair's figures (at 50,000 releases: Belarus-Russia, 20,011 figures, 7,656
# matching "billion": 142-161 -> 85-108 ms for the chart, then reading the ids once and
# each kind by id 60 ms, now 41 ms; "oil" 52-62 -> 8-11 ms).
BY_ID_MAX = 20_000
# Else the latest figures of a kind are looked for along the period index, each tested
# against the filter's matches: in the worst case (none of the kind matches: shares under
# "billion") a walk through every figure. Unless the matches are many beside the figures
# the walk reads, reading them by id and sorting them is quicker (at 20,000 releases:
# "billion", 56,000 matches, 622-741 -> 425-489 ms for the chart; "oil" 242-344 -> 44-86;
# "trade", in every figure, is still walked: 361-506 ms against 984 by id).
BY_ID_SHARE = 0.5           # at most this share of the figures' ids: matches read by id


@dataclass(frozen=True)
class PartnerPair:
    partners: str              # the stored pair ("China–Russia"), or NO_PARTNERS (Filters.partners)
    label: str                 # what a selector shows
    figures: int               # trade figures under the filters


@dataclass(frozen=True)
class TradeFigure:
    id: int
    value: float
    unit: str
    measure: str | None
    period: str | None
    start: str | None          # first and last day the period covers (app/store/window.py)
    end: str | None
    partners: str | None
    measure_kind: str | None
    status: str
    derived: bool = False
    conflict: bool = False
    sources: int = 0
    text: str | None = None
    source: str | None = None
    formula: str | None = None


@dataclass(frozen=True)
class VolumeBar:
    """The figures of one period (and pair, when all pairs are shown), best first: stated
    before derived, most sources, oldest."""
    period: str
    start: str
    end: str
    partners: str | None
    figures: list[TradeFigure] = field(default_factory=list)

    @property
    def best(self) -> TradeFigure:
        return self.figures[0]


@dataclass(frozen=True)
class TradeView:
    partners: str
    units: list[tuple[str, int]]            # money units of the pair's volume figures, most first
    unit: str | None                        # the unit drawn
    bars: list[VolumeBar] = field(default_factory=list)        # actuals, oldest first
    plans: list[TradeFigure] = field(default_factory=list)     # targets and forecasts
    undated: int = 0                        # volume figures of the unit with no readable period
    shares: list[TradeFigure] = field(default_factory=list)    # latest first
    growth: list[TradeFigure] = field(default_factory=list)    # latest first


_COLUMNS = ("id", "value", "unit", "measure", "period", "partners", "measure_kind", "status",
            "derived", "conflict", "sources", "text", "source", "formula")


NUMERIC = "typeof(value) IN ('integer', 'real')"
KINDS = (f"{MONEY_SQL} AND {VOLUME_SQL}", f"{PERCENT_SQL} AND ({SHARE_SQL} OR {GROWTH_SQL})")
# which of KINDS a figure is, as bits (1 volume, 2 share or growth; a unit "PCT" and a measure
# "trade share" with no kind would be both), NULL for neither: one CASE per row, the second
# test only when the first fails or holds (most rows are one kind or none)
KIND_BITS = (f"(CASE WHEN {KINDS[0]} THEN (CASE WHEN {KINDS[1]} THEN 3 ELSE 1 END) "
             f"WHEN {KINDS[1]} THEN 2 END)")


def _read(conn, filters, extra: str, limit: int = READ_LIMIT) -> list[TradeFigure]:
    """The latest `limit` figures under the filters meeting `extra`, walking them in order
    (an index gives it: SQLite stops after `limit` rows and their ties)."""
    cols = ", ".join(f'"{c}"' for c in _COLUMNS)
    where, params = where_clause("trade", filters, conn)
    rows = conn.execute(
        f"SELECT {cols}, {window.bound_sql('period')}, {window.bound_sql('period', True)} "
        f"FROM trade{where}{' AND ' if where else ' WHERE '}{extra} AND {NUMERIC} "
        "ORDER BY period DESC, id LIMIT ?", [*params, int(limit)]).fetchall()
    return [_figure(row) for row in rows]


# the volume, share and growth figures of a source (FROM ... WHERE ... follows): id, period
# and which kinds
FOUND = f"SELECT trade.id AS id, trade.period AS period, {KIND_BITS} AS kinds FROM "
WANTED = f"{NUMERIC} AND kinds"
_LATEST = ("SELECT {k} AS k, id, period FROM (SELECT id, period FROM found WHERE kinds & {k} "
           "ORDER BY period DESC, id LIMIT ?)")


def _kept(conn, found: str, params: list, limit: int,
          cap: int | None = None) -> tuple[list, list] | None:
    """The latest `limit` figures of each kind among those `found` (FOUND ...), read whole
    in one statement: the matches are looked at once and only the kept ones read with their
    first and last day (two large CASE expressions SQLite would otherwise compute for every
    row it sorts), in the order of ORDER BY period DESC, id. One row per kept figure, so a
    worker thread hands the interpreter lock back and forth a few hundred times, not once
    per match. None when more than `cap` are found."""
    cols = ", ".join(f'trade."{c}"' for c in _COLUMNS)
    rows = conn.execute(
        f"WITH found AS MATERIALIZED ({found}{' LIMIT ?' if cap is not None else ''}), "
        f"kept AS ({_LATEST.format(k=1)} UNION ALL {_LATEST.format(k=2)}) "
        f"SELECT kept.k, (SELECT count(*) FROM found), {cols}, "
        f"{window.bound_sql('trade.period')}, {window.bound_sql('trade.period', True)} "
        "FROM kept CROSS JOIN trade ON trade.id = kept.id "
        "ORDER BY kept.k, kept.period DESC, kept.id",
        [*params, *([cap + 1] if cap is not None else []), int(limit), int(limit)]).fetchall()
    if cap is not None and (rows[0][1] if rows else 0) > cap:
        return None
    return ([_figure(r[2:]) for r in rows if r[0] == 1],
            [_figure(r[2:]) for r in rows if r[0] == 2])


def _figures(conn, filters, limit: int = READ_LIMIT,
             matches: str | None = None) -> tuple[list, list]:
    """The latest `limit` volume figures and the latest `limit` shares and growth rates
    under the filters. Under a text filter the figures it matches are looked at once
    (_matched); without one (or with too many matches) each kind is read walking the
    figures in order. `matches`: the ids (a JSON array) of the trade figures under the
    filters, when another connection has found them (figure_matches.matches): only they
    are looked at, in id order (the table's b-tree walked in order: 7,656 figures at
    50,000 releases, 17.5 -> 14.5 ms)."""
    kept = _matched(conn, filters, limit) if matches is None else _kept(
        conn, f"{FOUND}(SELECT value AS rid FROM json_each(?) ORDER BY 1) AS m CROSS JOIN "
        f"trade ON trade.id = m.rid WHERE {WANTED}", [matches], limit)
    if kept is None:
        return tuple(_read(conn, filters, kind, limit) for kind in KINDS)
    return kept


def _matched(conn, filters, limit: int) -> tuple[list, list] | None:
    """_kept for a text filter: the figures it matches under the other filters, from those
    (a partner pair's from its index) when they hold at most BY_ID_MAX matches, else from
    the word index's matches when they are few beside the figures a walk would read
    (BY_ID_SHARE); else None."""
    text, shown = (getattr(filters, "text", None) or "").strip(), getattr(filters, "columns", None)
    expr = _text_match("trade", text, shown)
    if expr is None:
        return None
    fts = filter_table("trade")
    where, params = where_clause("trade", replace(filters, text=None), conn)
    if where:
        kept = _kept(conn, f"{FOUND}trade{where} AND id IN (SELECT rowid FROM {fts} WHERE "
                     f"{fts} MATCH ?) AND {WANTED}",
                     [*params, _text_match("trade", text, shown, in_view=True,
                                           pair=stored_pair(filters))], limit, cap=BY_ID_MAX)
        if kept is not None:
            return kept
    # what the walk would read: the figures under the other filters (a partner pair's from
    # its index), or all of them
    walked = (conn.execute(f"SELECT count(*) FROM trade{where}", params) if where else
              conn.execute("SELECT max(id) FROM quantities")).fetchone()[0] or 0
    found = conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", [expr]).fetchone()[0]
    if found > BY_ID_SHARE * walked:
        return None
    return _kept(conn, f"{FOUND}(SELECT rowid AS rid FROM {fts} WHERE {fts} MATCH ?) AS m "
                 f"CROSS JOIN trade ON trade.id = m.rid{where}{' AND ' if where else ' WHERE '}"
                 f"{WANTED}", [expr, *params], limit)


def _figure(row) -> TradeFigure:
    # unpacked by position (_COLUMNS, then the first and last day): a dict per row cost
    # about half of building 800 figures
    (id_, value, unit, measure, period, partners, measure_kind, status, derived, conflict,
     sources, text, source, formula, start, end) = row
    return TradeFigure(id_, float(value), unit, measure, period, start, end, partners,
                       measure_kind, status or "actual", bool(derived), bool(conflict),
                       sources or 0, text, source, formula)


def _best_first(f: TradeFigure):
    return (f.derived, -f.sources, f.id)


def partner_pairs(conn, filters) -> list[PartnerPair]:
    """Every pair of partners with trade figures under the filters, most figures first
    (ties by name); figures naming no pair last, as NO_PARTNERS."""
    where, params = where_clause("trade", filters, conn)
    try:
        rows = (None if where else counts_trade.pairs(conn)) or conn.execute(
            f"SELECT partners, count(*) FROM trade{where} GROUP BY partners", params).fetchall()
    except sqlite3.Error:
        return []
    pairs = [PartnerPair(p, p, n) for p, n in rows if p]
    pairs.sort(key=lambda p: (-p.figures, p.partners))
    none = sum(n for p, n in rows if not p)
    if none:
        pairs.append(PartnerPair(NO_PARTNERS, "No partners stated", none))
    return pairs


def trade_view(conn, filters, unit: str | None = None,
               matches: str | None = None) -> TradeView:
    """The trade volume of the pair filters.partners names (every pair, each apart, when it
    names none) in one money unit (`unit`, else the one most of its volume figures use),
    and its shares and growth rates, under the filters (`matches`: see _figures)."""
    partners = getattr(filters, "partners", None) or ALL_PARTNERS
    volume, percent = _figures(conn, filters, matches=matches)
    counts: dict[str, int] = {}
    for f in volume:
        counts[f.unit] = counts.get(f.unit, 0) + 1
    units = sorted(counts.items(), key=lambda u: (-u[1], u[0]))
    if unit not in counts:
        unit = units[0][0] if units else None
    groups: dict[tuple, list[TradeFigure]] = {}
    plans: list[TradeFigure] = []
    undated = 0
    for f in volume:
        if f.unit != unit:
            continue
        if f.start is None:
            undated += 1
        elif f.status != "actual":
            plans.append(f)
        else:
            groups.setdefault((f.period, f.partners if partners == ALL_PARTNERS else None),
                              []).append(f)
    bars = [VolumeBar(period or "", figures[0].start, figures[0].end or figures[0].start, pair,
                      sorted(figures, key=_best_first))
            for (period, pair), figures in groups.items()]
    return TradeView(partners, units, unit,
                     sorted(bars, key=lambda b: (b.start, b.end, b.partners or "")),
                     sorted(plans, key=lambda f: (f.start or "", f.id)), undated,
                     [f for f in percent if _is_share(f)],
                     [f for f in percent if not _is_share(f)])


def _is_share(f: TradeFigure) -> bool:
    if f.measure_kind:
        return f.measure_kind in ("currency share", "partner share")
    return "share" in (f.measure or "").lower()
