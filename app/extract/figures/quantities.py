"""Figures: money, percentages, physical amounts, growth multiples and counts of things.

A figure is a number with what it measures. Numbers that only name or order things are left
out: dates and clock times, years, ordinals ("32nd"), ranks ("ranked fourth"), identifiers
("Resolution 1244", "78/282", "EXPO 2027"), durations ("three years") and anaphoric numbers
("the two countries").
"""

from __future__ import annotations

import bisect
import re

from ..context import Context
from ..model import Quantity
from ..time.periods import Period, date_spans, find_periods
from . import measures
from .figure_facts import describe
from .figure_hits import sentence_hits
from .figure_periods import carried, figure_period
from .figure_words import WINDOW, demonyms, units
from .numbers import currency_table
from .partners import document_parties


def find_quantities(ctx: Context) -> list[Quantity]:
    reader = _Figures(ctx)
    prev_end = -1
    for s, e in ctx.sentences:
        if e <= ctx.body_start:
            continue
        s = max(s, ctx.body_start)
        if prev_end < 0 or "\n" in ctx.text[prev_end:s]:
            reader.new_paragraph()
        prev_end = e
        reader.read(s, e)
    return reader.out


class _Figures:
    """The figures of one release, read sentence by sentence with what the paragraph told
    so far: its periods a figure may take, its themes, its last trade figure."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        text = self.text = ctx.text
        date = ctx.doc.date
        self.doc_year = int(date[:4]) if date and date[:4].isdigit() else None
        self.doc_month = int(date[5:7]) if date and date[5:7].isdigit() else None
        self.masked = _merge(date_spans(text, ctx.body_start))
        self.mask_ends = [b for _, b in self.masked]  # once per document, not per sentence
        dateline = _DATELINE.match(text, ctx.body_start)
        self.dateline_end = dateline.end() if dateline else ctx.body_start
        tables = ctx.gaz.__dict__.get("_quantity_tables")
        if tables is None:  # built once per gazetteer set, kept on it like the lexicon
            tables = (currency_table(ctx.gaz), *units(ctx.gaz), demonyms(ctx.gaz))
            ctx.gaz.__dict__["_quantity_tables"] = tables
        self.tables = tables
        self.doc_category = measures.document_category(ctx.doc.title or "")
        self.doc_parties = document_parties(ctx)
        self.out: list[Quantity] = []
        self.new_paragraph()

    def new_paragraph(self) -> None:
        self.para: list[tuple[int, int]] = []  # earlier sentences of the current paragraph
        self.folded = 0  # how many of them are in the accumulators below (filled when needed)
        self.carry: list = []  # the periods the next sentence may take (figure_periods.carried)
        self.last_trade = None  # the paragraph's last trade figure ("it rose by 6%" continues it)
        self.para_themes: set[str] = set()
        self.topic_themes: frozenset[str] = frozenset()

    def periods_of(self, s: int, e: int) -> list:
        # "MINSK, 10 June (BelTA) –" dates the report, not the figures.
        return [p for p in find_periods(self.text, s, e, self.doc_year, self.doc_month)
                if p.span[0] >= self.dateline_end]

    def read(self, s: int, e: int) -> None:
        text = self.text
        hits = sentence_hits(self.ctx, s, e, self.masked, self.tables, self.mask_ends)
        if not hits:
            self.para.append((s, e))
            return
        self._catch_up()
        periods = self.periods_of(s, e)
        if len(hits) * len(periods) < 10_000:
            # A figure's digits ("about 2000 students") are nobody's period.
            periods = [p for p in periods
                       if not any(h.start < p.span[1] and p.span[0] < h.end for h in hits)]
        sent_themes = measures.themes(text[s:e])
        topic = self.topic_themes if self.para else sent_themes
        starts = [p.span[0] for p in periods]
        taken: list[Period] = []  # the periods this sentence's figures took
        owned: list[tuple[int, int]] = []  # where a target's or forecast's own year is
        for h in hits:
            q, used, status, clause = self._quantity(h, hits, s, e, periods, starts,
                                                     sent_themes, topic)
            if used is not None:
                taken.append(used)
            if status != "actual":
                owned.append((h.end, clause[1]))  # "by 2027" is the target's alone
            self.out.append(q)
        # This sentence is folded in already, with its own periods filtered.
        self.para.append((s, e))
        self.folded = len(self.para)
        self.carry = carried(text, [*taken, *(p for p in periods if not any(
            a <= p.span[0] < b for a, b in owned))])
        self.para_themes |= sent_themes

    def _catch_up(self) -> None:
        """Fold the paragraph's sentences without figures into its periods and themes."""
        text, para = self.text, self.para
        for ps, pe in para[self.folded:]:
            self.carry = carried(text, self.periods_of(ps, pe)) or self.carry
            self.para_themes |= measures.themes(text[ps:pe])
        if para and self.folded == 0:
            self.topic_themes = measures.themes(text[para[0][0]:para[0][1]])
        self.folded = len(para)

    def _quantity(self, h, hits: list, s: int, e: int, periods: list[Period], starts: list[int],
                  sent_themes: set[str], topic: set[str]):
        """(the figure as a Quantity, the period it took, its status, its clause)."""
        text = self.text
        # Windows around the figure keep the work per figure bounded on huge sentences.
        ws, we = max(s, h.start - WINDOW), min(e, h.end + WINDOW)
        near = periods[bisect.bisect_left(starts, ws - 40):bisect.bisect_right(starts, we)]
        measure = h.label or measures.measure_phrase(text, ws, we, h.start, h.end, h.kind,
                                                     h.head, h.num_end)
        category = measures.category(measure, h.unit, self.doc_category, sent_themes,
                                     self.para_themes | sent_themes, topic)
        facts = describe(self.ctx, self.doc_parties, (h.start, h.end), (s, e), self.para,
                         measure, h.unit, h.kind, category, self.last_trade)
        if facts.kind in {"trade turnover", "exports", "imports", "investment"}:
            self.last_trade = facts
        period, used = figure_period(
            text, facts.status, facts.clause, (s, e), (h.start, h.end), (ws, we), near,
            self.carry, [(o.start, o.end) for o in hits if o is not h], self.doc_year)
        q = Quantity(
            value=h.value, unit=h.unit, measure=facts.measure, period=period,
            category=category, qualifier=h.qualifier, text=text[h.start:h.end],
            span=(h.start, h.end), partners=facts.partners, measure_kind=facts.kind,
            direction=facts.direction, status=facts.status)
        return q, used, facts.status, facts.clause


_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40},\s+[^()\n]{3,40}\([A-Za-z .-]{2,30}\)\s*[–—-]")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


