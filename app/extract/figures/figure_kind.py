"""What kind of figure it is: a measure from a small vocabulary, the direction of exports and
imports, whether it is an actual figure, a target or a forecast, and a label that reads as a
noun phrase.

Vocabulary (Quantity.measure_kind):
    trade turnover   trade between the partners ("bilateral trade", "Russian-Lao trade")
    exports          goods going from one partner to the other (direction "A→B")
    imports          the same seen from the importer (direction still exporter→importer)
    investment       investment of one partner in the other
    currency share   share of national currencies in the partners' settlements
    partner share    share of one partner in the other's (or a region's) trade
    growth           growth of any of these (percent, times)
    count            a count of things or events ("seven documents", "3,000 companies")
    other            anything else (budgets, grants, tonnes of aid, ...)
"""

from __future__ import annotations

import re

MEASURE_KINDS = ("trade turnover", "exports", "imports", "investment", "currency share",
                 "partner share", "growth", "count", "other")
STATUSES = ("actual", "target", "forecast")

_TRADE_WORDS = re.compile(r"\b(?:trade|turnover|commerce|trade\s+volume)\b", re.I)
_EXPORT = re.compile(r"\b(?:exports?|supplies|deliveries|shipments)\b", re.I)
_IMPORT = re.compile(r"\bimports?\b", re.I)
_INVEST = re.compile(r"\binvest\w*", re.I)
_SHARE = re.compile(r"\b(?:share|portion|proportion)\b", re.I)
_CURRENCY = re.compile(r"\b(?:national\s+currenc\w*|currenc\w*|roubles?|rubles?|rouble|yuan|"
                       r"rupees?|tenge|dollars?|euros?|settlements?|payments?|sum)\b", re.I)


def says_trade(label: str | None) -> bool:
    return bool(label and re.search(r"\b(?:exports?|imports?|trade)\b", label, re.I))


_TARGET_LABEL = re.compile(r"^(?:(?:annual|new|previous|ambitious)\s+)?(?:target|goal|"
                           r"benchmark|mark)\b", re.I)


def measure_kind(label: str | None, unit: str, hit_kind: str, context: str,
                 sentence: str = "") -> str:
    """The kind of a figure from its label (and, for a share, a growth or a target, the
    clause and sentence it is in)."""
    low = (label or "").lower()
    if hit_kind == "times" or low.startswith("growth"):
        return "growth"
    if unit in {"percent", "percentage points"} and (_SHARE.search(low) or
                                                      _SHARE.search(context)):
        if _CURRENCY.search(low):
            return "currency share"
        if _TRADE_WORDS.search(low) or _TRADE_WORDS.search(context):
            return "partner share"
    if _TARGET_LABEL.match(low) and unit not in {"percent", "percentage points", "count"} \
            and _TRADE_WORDS.search(sentence):
        return "trade turnover"  # "well above the $200 billion target" of bilateral trade
    if unit not in {"percent", "percentage points", "count"}:
        if _IMPORT.search(low):
            return "imports"
        if _EXPORT.search(low):
            return "exports"
        if _INVEST.search(low):
            return "investment"
        if _TRADE_WORDS.search(low):
            return "trade turnover"
    if unit == "count":
        return "count"
    return "other"


_MEETING_NOUN = re.compile(r"\b(?:talks|meetings|visits|consultations|negotiations|"
                           r"conversations|contacts|summits)\b", re.I)
_SIGNED = re.compile(r"\b(?:signed|concluded|inked|adopted|exchanged)\b", re.I)


def relation_of(kind: str, label: str | None, clause: str) -> str:
    """How a figure's partners are looked for (partners.partners_of)."""
    if kind in {"trade turnover", "exports", "imports", "investment", "currency share",
                "partner share"}:
        return "trade"
    if kind == "growth" and re.search(r"trade|turnover|export|import|invest|supplies|deliver",
                                      label or "", re.I):
        return "trade"
    if kind == "count" and (_MEETING_NOUN.search(label or "") or _SIGNED.search(clause)):
        return "meeting"
    return "other"


# ---- status -------------------------------------------------------------------------------

_TARGET_BEFORE = re.compile(
    r"(?:\b(?:target|goal|aim|objective|task|intention|plan|ambition)s?\s+(?:of|is|was|to)\b"
    r"|\b(?:aim|aims|aimed|aiming|intend|intends|plan|plans|seek|seeks|strive|strives|"
    r"want|wants|committed|determined|resolved)\s+to\b"
    r"|\b(?:is|are|was|were)\s+to\s+(?:reach|be|total|amount|rise|grow|increase|exceed)\b"
    r"|\bshould\s+(?:reach|total|amount|rise|grow|increase|exceed)\b"
    r"|\bmust\s+(?:reach|total|grow|increase)\b"
    r"|\b(?:set|setting|sets)\s+(?:\w+\s+){0,3}(?:target|goal|task|objective)\b"
    r"|\bappeal\s+for\b|\brequested\b|\bplanned\b"
    r"|\b(?:to|of)\s+(?:bring|bringing|raise|raising|increase|increasing|boost|boosting|"
    r"lift|lifting|double|doubling|expand|expanding|reach|reaching)\b[^.;:]{0,60}?\bto\s*$"
    r"|\b(?:goal|target|aim|objective)\s+of\s+(?:reaching|bringing|raising|increasing)\b)",
    re.I)
_TARGET_WORD_AFTER = re.compile(r"^\s*(?:[-–]\s*)?(?:annual\s+)?(?:target|goal|benchmark)\b",
                                re.I)
_BY_YEAR_AFTER = re.compile(r"^[^.;,]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)
_TO_END = re.compile(r"\bto\s+(?:about|around|some|over|more\s+than|at\s+least|up\s+to)?\s*$",
                     re.I)
_FORECAST_BEFORE = re.compile(
    r"\b(?:expected|forecast|forecasts|projected|predicted|estimated|likely|set)\s+to\b"
    r"|\b(?:expects?|predicts?|anticipates?)\b[^.;:]{0,60}$"
    r"|\b(?:could|may|might|will|would|shall|can)\s+(?:\w+\s+){0,2}?(?:reach|exceed|amount|"
    r"total|grow|rise|increase|top|surpass|hit|be|achieve|come|breach|break|double)\b"
    r"|\b(?:forecast|projection|outlook)\s+(?:for\s+(?:\w+\s+){1,4})?(?:is|was|of|at|"
    r"stands\s+at)\s+(?:about\s+|around\s+|some\s+)?$|\bforecast\s+of\b|\bon\s+track\s+to\b",
    re.I)
_FORECAST_AFTER = re.compile(r"^[^.;,]{0,30}?\b(?:is|are)\s+(?:expected|forecast|projected)\b",
                             re.I)


def status(before: str, after: str) -> str:
    """actual, target or forecast from the words of the figure's clause around it: "the goal
    of bringing trade to $100 billion", "the $200 billion target", "are to reach", "to ...
    by 2030" -> target; "is expected to exceed", "could reach" -> forecast."""
    if _TARGET_BEFORE.search(before) or _TARGET_WORD_AFTER.match(after):
        return "target"
    if _FORECAST_BEFORE.search(before) or _FORECAST_AFTER.match(after):
        return "forecast"
    # "to $100 billion by 2030": a level to be reached by a year; "grew by 5% by 2023" is not.
    if _BY_YEAR_AFTER.match(after) and _TO_END.search(before):
        return "target"
    return "actual"


# ---- direction ----------------------------------------------------------------------------

_FLOW_WORD = re.compile(r"\b(?:exports?|imports?|supplies|supply|deliveries|shipments|sales)\b",
                        re.I)


def direction(kind: str, partners: list[str], text: str, clause: tuple[int, int],
              named: list[tuple[int, int, str]]) -> str | None:
    """Exporter→importer of exports and imports between two partners, from where each side
    is named around the flow word of the figure's clause: in front of it ("Chinese exports",
    "Russia's imports") is the subject side (exporter of exports, importer of imports); after
    "to" the importer; after "from" or "of" the exporter ("imports of Russian oil", "exports
    of Belarus")."""
    if kind not in {"exports", "imports"} or len(partners) != 2:
        return None
    words = list(_FLOW_WORD.finditer(text, *clause))
    if not words:
        return None
    w = words[0]
    exporter = importer = None
    for s, e, name in named:
        if name not in partners:
            continue
        if e <= w.start():
            if kind == "exports":
                exporter = name
            else:
                importer = name
            continue
        lead = text[w.end():s]
        if re.search(r"\bto\s+(?:the\s+)?$", lead):
            importer = name
        elif re.search(r"\b(?:from|of)\s+(?:the\s+)?$", lead):
            exporter = exporter or name
    if exporter and not importer:
        importer = next((p for p in partners if p != exporter), None)
    elif importer and not exporter:
        exporter = next((p for p in partners if p != importer), None)
    if not exporter or not importer or exporter == importer:
        return None
    return f"{exporter}→{importer}"
