"""What a figure measures, between whom, and whether it is a fact, a target or a forecast:
the attributes quantities.find_quantities adds to each figure it reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..context import Context
from ..gazetteer import Gazetteers
from ..lexicon import lexicon
from . import figure_kind, labels
from .partners import DocParties, clause_of, parties, partners_of


@dataclass
class FigureFacts:
    measure: str | None
    kind: str
    partners: list[str]
    direction: str | None
    status: str
    clause: tuple[int, int]
    unit: str = ""
    regional: bool = False  # a region's trade with a country (no country pair)


def _names_of(gaz: Gazetteers) -> frozenset[str]:
    """Country and bloc names (a name alone is no measure), kept on the gazetteer set."""
    names = gaz.__dict__.get("_party_names")
    if names is None:
        blocs = {r.get("name", "") for r in gaz.rows("blocs")}
        names = gaz.__dict__["_party_names"] = frozenset(lexicon(gaz).country_names | blocs)
    return names


_REGIONAL_KINDS = {"trade turnover", "growth", "exports", "imports"}
_REGION_WORD = re.compile(r"\b(?:region|regions|regional|oblast|oblasts|krai|province|"
                          r"governorate)\b", re.I)
_MONEY_LIKE = {"percent", "percentage points", "count", "times"}


def describe(ctx: Context, doc: DocParties, span: tuple[int, int], sentence: tuple[int, int],
             paragraph: list[tuple[int, int]], phrase: str | None, unit: str, hit_kind: str,
             category: str, previous: FigureFacts | None = None) -> FigureFacts:
    """previous: the paragraph's last trade figure, which a figure naming no measure of its
    own ("it rose by 6.3%, hitting a record level of $12.4 billion") continues."""
    text = ctx.text
    s, e = sentence
    cs, ce = clause_of(text, s, e, span)
    lex = lexicon(ctx.gaz)

    def proper(word: str) -> bool:
        return bool(lex.country(word) or lex.place(word) or lex.org(word)
                    or lex.is_given_name(word) or lex.is_title_word(word))

    label = labels.noun_phrase(phrase, _names_of(ctx.gaz), proper)
    if previous is not None and (label is None or label == "growth"):
        status = figure_kind.status(text[cs:span[0]], text[span[1]:ce])
        if unit not in _MONEY_LIKE and unit == previous.unit:
            return FigureFacts(previous.measure, previous.kind, previous.partners,
                               previous.direction, status, (cs, ce), unit, previous.regional)
        if label == "growth" and previous.measure:
            return FigureFacts(f"growth of {previous.measure}", "growth", previous.partners,
                               None, status, (cs, ce), unit, previous.regional)
    kind = figure_kind.measure_kind(label, unit, hit_kind, text[cs:ce], text[s:e])
    inner = None
    if kind == "growth" and label:
        inner = figure_kind.measure_kind(label.removeprefix("growth of ").removeprefix("growth"),
                                         "USD", "money", "")
    relation = figure_kind.relation_of(kind, label, text[cs:ce])
    pair = partners_of(ctx, doc, span, sentence, paragraph, relation)
    # "In January-April, trade grew by 12.5%" after the region's trade goes on about it.
    regional = relation == "trade" and category == "regions" and kind in _REGIONAL_KINDS \
        and (bool(_REGION_WORD.search(text, s, e)) or (
            previous is not None and previous.regional and not parties(ctx, s, e)))
    if regional:
        # "trade between Belarus and the region": a region's trade is not the two countries'
        # (it would read as a rival of their national figure); no country pair, its own label.
        pair = []
    named = [(p.start, p.end, p.name) for p in parties(ctx, cs, ce)]
    if kind in {"exports", "imports"} and not pair and not figure_kind.says_trade(label):
        kind = "other"  # "water supply": supplies between no two sides are no exports
    direction = figure_kind.direction(kind, pair, text, (cs, ce), named)
    status = figure_kind.status(text[cs:span[0]], text[span[1]:ce])
    label = labels.vocabulary_label(kind, label, pair, inner, text[s:e])
    if regional and kind == "trade turnover":
        label = "regional trade"
    elif regional and kind == "growth" and inner == "trade turnover":
        label = "growth of regional trade"
    return FigureFacts(label, kind, pair, direction, status, (cs, ce), unit, regional)
