"""Scores an extraction against a gold .facts.json, by the rules in shared/README.md.

people match by folded name; an event matches when start and end dates are equal, its place
equals the gold place or one is the other's first words ("Mitrovica" = "Mitrovica, Kosovo"; when
the gold has one) and it shares a participant (when the gold names any); events without a month-precise date are not scored; optional gold events count neither
as missed nor, when matched, as extra; a quantity matches on value (1e-6 relative) and unit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

_TRANSLIT = [("sergei", "sergey"), ("aleksandr", "alexander"), ("aleksandar", "alexander"),
             ("alexei", "alexey"), ("aleksei", "alexey"), ("dmitri", "dmitry"),
             ("yuri", "yury"), ("natalia", "natalya"), ("vasily", "vassily"), ("ks", "x")]


def fold(name: str | None) -> str:
    if not name:
        return ""
    s = name.replace("đ", "dj").replace("Đ", "Dj")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace(".", "").replace("-", " ")
    s = " ".join(s.split())
    for a, b in _TRANSLIT:
        s = " ".join(b if w == a else w for w in s.split()) if " " not in a else s.replace(a, b)
    return s.replace("ks", "x")


@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list = field(default_factory=list)
    extra: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.2f} R={self.recall:.2f} F1={self.f1:.2f} (tp={self.tp} fp={self.fp} fn={self.fn})"


def _month_precise(d: str | None) -> bool:
    return bool(d) and len(d) >= 7


def score_people(pred: list[dict], gold: list[dict]) -> PR:
    r = PR()
    gold_names = {fold(g["name"]): g for g in gold}
    pred_names = {fold(p["name"]): p for p in pred}
    for k, g in gold_names.items():
        if k in pred_names:
            r.tp += 1
        else:
            r.fn += 1
            r.missed.append(g["name"])
    for k, p in pred_names.items():
        if k not in gold_names:
            r.fp += 1
            r.extra.append(p["name"])
    return r


def _event_match(p: dict, g: dict) -> bool:
    if p.get("date_start") != g.get("date_start") or p.get("date_end") != g.get("date_end"):
        return False
    if g.get("place") and not same_place(p.get("place"), g["place"]):
        return False
    if g.get("participants"):
        gp = {fold(n) for n in g["participants"]}
        if not gp & {fold(n) for n in p.get("participants") or []}:
            return False
    return True


def same_place(a: str | None, b: str | None) -> bool:
    """Equal, or one is the other's first words ("Mitrovica" and "Mitrovica, Kosovo")."""
    wa, wb = re.findall(r"[\w']+", fold(a)), re.findall(r"[\w']+", fold(b))
    if not wa or not wb:
        return False
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def score_events(pred: list[dict], gold: list[dict]) -> PR:
    r = PR()
    gold = [g for g in gold if _month_precise(g.get("date_start"))]
    pred = [p for p in pred if _month_precise(p.get("date_start"))]
    used: set[int] = set()
    # Required gold first, so an optional gold event never steals a prediction.
    for g in sorted(gold, key=lambda g: bool(g.get("optional"))):
        hit = next((i for i, p in enumerate(pred) if i not in used and _event_match(p, g)), None)
        if hit is None:
            if not g.get("optional"):
                r.fn += 1
                r.missed.append(g)
            continue
        used.add(hit)
        if not g.get("optional"):
            r.tp += 1
    for i, p in enumerate(pred):
        if i in used:
            continue
        # A prediction that matches an optional event already matched is not extra either.
        if any(g.get("optional") and _event_match(p, g) for g in gold):
            continue
        r.fp += 1
        r.extra.append(p)
    return r


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def score_quantities(pred: list[dict], gold: list[dict]) -> PR:
    r = PR()
    used: set[int] = set()
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and p.get("unit") == g["unit"]
                    and _same_value(float(p["value"]), float(g["value"]))), None)
        if hit is None:
            r.fn += 1
            r.missed.append(g)
        else:
            used.add(hit)
            r.tp += 1
    for i, p in enumerate(pred):
        if i not in used:
            r.fp += 1
            r.extra.append(p)
    return r


def load_gold(name: str) -> dict:
    if name == "seed":
        return json.loads((DATA / "seed-facts.json").read_text(encoding="utf-8"))
    return json.loads((DATA / "corpus" / f"{name}.facts.json").read_text(encoding="utf-8"))


def gold_source(name: str) -> Path:
    if name == "seed":
        return DATA.parent.parent / "resources" / "corpus" / "000_68b5baae0c36fc9c.txt"
    for ext in (".txt", ".html", ".htm"):
        p = DATA / "corpus" / f"{name}{ext}"
        if p.exists():
            return p
    raise FileNotFoundError(name)


def gold_doc(name: str) -> tuple[str, dict]:
    """The release's text as the app reads it (a saved page reduced by the reader) and the
    page's own metadata."""
    from app.store.readers import read_path

    got = read_path(gold_source(name))
    return got.text, got.meta


def gold_text(name: str) -> str:
    return gold_doc(name)[0]


def extract_gold(name: str):
    from app.extract import extract

    text, meta = gold_doc(name)
    return extract(text, meta=meta)


def date_right(pred: dict, gold: dict) -> bool:
    """The publication date, reported beside F1."""
    return pred["document"].get("date") == gold["document"].get("date")


CORPUS = sorted(p.name.removesuffix(".facts.json") for p in (DATA / "corpus").glob("*.facts.json"))


def score_all(pred: dict, gold: dict) -> dict[str, PR]:
    return {
        "people": score_people(pred["people"], gold["people"]),
        "events": score_events(pred["events"], gold["events"]),
        "quantities": score_quantities(pred["quantities"], gold["quantities"]),
    }
