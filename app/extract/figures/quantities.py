"""Figures: money, percentages, physical amounts, growth multiples and counts of things.

A figure is a number with what it measures. Numbers that only name or order things are left
out: dates and clock times, years, ordinals ("32nd"), ranks ("ranked fourth"), identifiers
("Resolution 1244", "78/282", "EXPO 2027"), durations ("three years") and anaphoric numbers
("the two countries").
"""

from __future__ import annotations

import bisect
import re

from app.extract.context import Context
from app.extract.figures import measures
from app.extract.figures.figure_facts import describe
from app.extract.figures.figure_hits import sentence_hits
from app.extract.figures.figure_periods import carried, figure_period
from app.extract.figures.figure_words import WINDOW, demonyms, units
from app.extract.figures.numbers import (
    currency_table,
)
from app.extract.figures.partners import document_parties
from app.extract.model import Quantity
from app.extract.time.periods import Period, date_spans, find_periods


def find_quantities(ctx: Context) -> list[Quantity]:
    text = ctx.text
    doc_year = int(ctx.doc.date[:4]) if ctx.doc.date and ctx.doc.date[:4].isdigit() else None
    doc_month = int(ctx.doc.date[5:7]) if ctx.doc.date and ctx.doc.date[5:7].isdigit() else None
    masked = _merge(date_spans(text, ctx.body_start))
    mask_ends = [b for _, b in masked]  # once per document, not per sentence
    dateline = _DATELINE.match(text, ctx.body_start)
    dateline_end = dateline.end() if dateline else ctx.body_start
    tables = ctx.gaz.__dict__.get("_quantity_tables")
    if tables is None:  # built once per gazetteer set, kept on it like the lexicon
        tables = (currency_table(ctx.gaz), *units(ctx.gaz), demonyms(ctx.gaz))
        ctx.gaz.__dict__["_quantity_tables"] = tables
    doc_category = measures.document_category(ctx.doc.title or "")
    doc_parties = document_parties(ctx)

    def periods_of(s: int, e: int) -> list:
        # "MINSK, 10 June (BelTA) –" dates the report, not the figures.
        return [p for p in find_periods(text, s, e, doc_year, doc_month)
                if p.span[0] >= dateline_end]

    out: list[Quantity] = []
    para: list[tuple[int, int]] = []  # earlier sentences of the current paragraph
    folded = 0  # how many of them are in the accumulators below (filled only when needed)
    carry: list = []  # the periods the next sentence may take (see figure_periods.carried)
    last_trade = None  # the paragraph's last trade figure ("it rose by 6%" continues it)
    para_themes: set[str] = set()
    topic_themes: set[str] = set()
    prev_end = -1
    for s, e in ctx.sentences:
        if e <= ctx.body_start:
            continue
        s = max(s, ctx.body_start)
        if prev_end < 0 or "\n" in text[prev_end:s]:
            para, folded, carry, para_themes, topic_themes = [], 0, [], set(), set()
            last_trade = None
        prev_end = e
        hits = sentence_hits(ctx, s, e, masked, tables, mask_ends)
        if not hits:
            para.append((s, e))
            continue
        for ps, pe in para[folded:]:
            carry = carried(text, periods_of(ps, pe)) or carry
            para_themes |= measures.themes(text[ps:pe])
        if para and folded == 0:
            topic_themes = measures.themes(text[para[0][0]:para[0][1]])
        folded = len(para)
        periods = periods_of(s, e)
        if len(hits) * len(periods) < 10_000:
            # A figure's digits ("about 2000 students") are nobody's period.
            periods = [p for p in periods
                       if not any(h.start < p.span[1] and p.span[0] < h.end for h in hits)]
        sent_themes = measures.themes(text[s:e])
        topic = topic_themes if para else sent_themes
        starts = [p.span[0] for p in periods]
        taken: list[Period] = []  # the periods this sentence's figures took
        owned: list[tuple[int, int]] = []  # where a target's or forecast's own year is
        for h in hits:
            # Windows around the figure keep the work per figure bounded on huge sentences.
            ws, we = max(s, h.start - WINDOW), min(e, h.end + WINDOW)
            near = periods[bisect.bisect_left(starts, ws - 40):bisect.bisect_right(starts, we)]
            measure = h.label or measures.measure_phrase(text, ws, we, h.start, h.end, h.kind,
                                                         h.head, h.num_end)
            category = measures.category(measure, h.unit, doc_category, sent_themes,
                                         para_themes | sent_themes, topic)
            facts = describe(ctx, doc_parties, (h.start, h.end), (s, e), para, measure,
                             h.unit, h.kind, category, last_trade)
            if facts.kind in {"trade turnover", "exports", "imports", "investment"}:
                last_trade = facts
            period, used = figure_period(
                text, facts.status, facts.clause, (s, e), (h.start, h.end), (ws, we), near,
                carry, [(o.start, o.end) for o in hits if o is not h], doc_year)
            if used is not None:
                taken.append(used)
            if facts.status != "actual":
                owned.append((h.end, facts.clause[1]))  # "by 2027" is the target's alone
            out.append(Quantity(
                value=h.value, unit=h.unit, measure=facts.measure, period=period,
                category=category, qualifier=h.qualifier, text=text[h.start:h.end],
                span=(h.start, h.end), partners=facts.partners, measure_kind=facts.kind,
                direction=facts.direction, status=facts.status))
        # This sentence is folded in already, with its own periods filtered.
        para.append((s, e))
        folded = len(para)
        carry = carried(text, [*taken, *(p for p in periods if not any(
            a <= p.span[0] < b for a, b in owned))])
        para_themes |= sent_themes
    return out


_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{1,40},\s+[^()\n]{3,40}\([A-Za-z .-]{2,30}\)\s*[–—-]")
def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


