"""A figure knows what it measures: partners, measure kind, direction, status and period.

Two parts: the gold of the releases whose figures carry partners and status (corpus 07-13,
read from tests/data/corpus when copied there, else from ../shared/corpus), scored over the
figures matched by value and unit as the scorer does; and sentences written for these tests
(new countries, blocs, targets, forecasts, fiscal years, quarters, half-years, month ranges).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scoring import DATA

from app.extract import extract
from app.store.readers import read_path

_SHARED = DATA.parent.parent.parent / "shared" / "corpus"
ATTRIBUTED = ["07-kremlin-phone-readout", "08-tass-lavrov-cavusoglu-sochi",
              "09-belta-lukashenko-aripov", "10-un-readout-gatilov",
              "11-dailysabah-cavusoglu-lavrov", "12-embassy-laos-lavrov-asean",
              "13-russianhouse-hanoi-memory"]


def _release(name: str) -> tuple[Path, Path] | None:
    for folder in (DATA / "corpus", _SHARED):
        gold = folder / f"{name}.facts.json"
        for ext in (".txt", ".html"):
            if gold.exists() and (folder / f"{name}{ext}").exists():
                return gold, folder / f"{name}{ext}"
    return None


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def attribute_scores(name: str) -> dict[str, tuple[int, int]]:
    """(right, matched) per attribute over the figures matched by value and unit. The gold
    publication date is given to the extractor: what is scored here is the figure's reading,
    not the reading of the release's date (tested on its own elsewhere)."""
    found = _release(name)
    if found is None:
        pytest.skip(f"{name}: not in tests/data/corpus nor ../shared/corpus")
    gold_path, source = found
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    read = read_path(source)
    pred = extract(read.text, meta=read.meta, date=gold["document"].get("date")).to_json()
    used: set[int] = set()
    right = {"partners": 0, "status": 0, "period": 0}
    matched = 0
    for g in gold["quantities"]:
        hit = next((i for i, p in enumerate(pred["quantities"]) if i not in used
                    and p["unit"] == g["unit"] and _same_value(p["value"], g["value"])), None)
        if hit is None:
            continue
        used.add(hit)
        matched += 1
        p = pred["quantities"][hit]
        right["partners"] += sorted(p["partners"]) == sorted(g.get("partners", []))
        right["status"] += p["status"] == g.get("status", "actual")
        right["period"] += p["period"] == g.get("period")
    return {k: (v, matched) for k, v in right.items()}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, tuple[int, int]]]:
    return {name: attribute_scores(name) for name in ATTRIBUTED if _release(name)}


@pytest.mark.parametrize("attribute", ["partners", "status", "period"])
def test_figures_carry_the_gold_attributes(scores, attribute):
    if not scores:
        pytest.skip("no attributed releases found")
    right = sum(s[attribute][0] for s in scores.values())
    matched = sum(s[attribute][1] for s in scores.values())
    per_file = {n: f"{s[attribute][0]}/{s[attribute][1]}" for n, s in scores.items()}
    assert matched >= 30, per_file
    assert right / matched >= 0.9, (attribute, per_file)


# ---- sentences written for these tests ----------------------------------------------------

def _doc(body: str, title: str = "Press release on the talks between two ministers") -> str:
    return f"11:30\n\n{title}\n\n0777-15-03-2025\n\n{body}\n"


def _figures(body: str, title: str | None = None):
    text = _doc(body, title) if title else _doc(body)
    qs = extract(text).quantities
    for q in qs:
        assert text[q.span[0]:q.span[1]] == q.text
    return qs


EGYPT = ("Press release on Foreign Minister Sergey Lavrov's talks with Minister of Foreign "
         "Affairs of Egypt Badr Abdelatty")


def test_named_pair_kind_and_quarter():
    qs = _figures("Trade between Egypt and Russia rose by 12 percent in the first quarter of 2025 "
                  "to $2.1 billion.")
    assert [(q.value, q.partners, q.measure_kind, q.period, q.status) for q in qs] == [
        (12, ["Egypt", "Russia"], "growth", "2025-Q1", "actual"),
        (2.1e9, ["Egypt", "Russia"], "trade turnover", "2025-Q1", "actual")]
    assert [q.measure for q in qs] == ["growth of bilateral trade", "bilateral trade"]


def test_compound_adjectives_and_blocs():
    qs = _figures("Brazilian-Chinese trade amounted to $160 billion in 2024. Russia-ASEAN trade "
                  "reached $18 billion in 2023. Russia's trade with the GCC countries grew to "
                  "$11 billion last year. Trade between Russia and the African Union exceeded "
                  "$24 billion in 2022.")
    assert [(q.value, q.partners, q.period) for q in qs] == [
        (160e9, ["Brazil", "China"], "2024"), (18e9, ["ASEAN", "Russia"], "2023"),
        (11e9, ["GCC", "Russia"], "2024"), (24e9, ["African Union", "Russia"], "2022")]


def test_one_side_named_takes_the_release_pair_and_direction():
    qs = _figures("The ministers noted that mutual trade grew by 9 percent in 2024. Egyptian "
                  "exports reached $600 million.", EGYPT)
    assert [(q.partners, q.measure_kind, q.direction) for q in qs] == [
        (["Egypt", "Russia"], "growth", None), (["Egypt", "Russia"], "exports", "Egypt→Russia")]
    assert qs[0].measure == "growth of bilateral trade"


def test_direction_of_exports_and_imports():
    qs = _figures("In the first half of 2025, exports of Russian wheat to Egypt rose to 4 million "
                  "tonnes. From January to May 2025, imports from Kazakhstan totalled "
                  "$2.5 billion. Russian gas deliveries to China via Mongolia reached 30 billion "
                  "cubic metres in 2024.")
    assert [(q.value, q.partners, q.measure_kind, q.direction, q.period) for q in qs] == [
        (4e6, ["Egypt", "Russia"], "exports", "Russia→Egypt", "2025-H1"),
        (2.5e9, ["Kazakhstan", "Russia"], "imports", "Kazakhstan→Russia", "2025-01/2025-05"),
        (30e9, ["China", "Russia"], "exports", "Russia→China", "2024")]


@pytest.mark.parametrize("body, status, period", [
    ("The sides reaffirmed their goal of raising bilateral trade to $10 billion by 2028.",
     "target", "2028"),
    ("The leaders set the target of $5 billion in mutual trade.", "target", None),
    ("Under the roadmap, supplies are to reach 3 million tonnes a year.", "target", None),
    ("The parties intend to bring trade to $12 billion in the coming years.", "target", None),
    ("Trade is expected to exceed $3 billion this year.", "forecast", "2025"),
    ("Bilateral trade could reach $9 billion in 2026.", "forecast", "2026"),
    ("Bilateral trade grew by 14 percent in 2024.", "actual", "2024"),
])
def test_status_and_the_period_of_a_target(body, status, period):
    qs = _figures(body)
    assert [(q.status, q.period) for q in qs] == [(status, period)]


def test_a_target_beside_an_actual_figure():
    qs = _figures("In 2024, trade between Russia and Kenya amounted to $700 million, and the "
                  "parties intend to bring it to $1 billion.")
    assert [(q.value, q.status, q.period, q.partners) for q in qs] == [
        (7e8, "actual", "2024", ["Kenya", "Russia"]), (1e9, "target", None, ["Kenya", "Russia"])]


@pytest.mark.parametrize("body, period", [
    ("In FY2024-25, bilateral trade reached $68 billion.", "FY2024-2025"),
    ("Bilateral trade reached $52 billion in the 2022/23 financial year.", "FY2022-2023"),
    ("In fiscal year 2024, bilateral trade reached $41 billion.", "FY2024"),
    ("In the financial year of 2023-2024, bilateral trade stood at $65 billion.", "FY2023-2024"),
    ("In the second half of 2024, bilateral trade reached $6 billion.", "2024-H2"),
    ("In January-November 2024, bilateral trade reached $8 billion.", "2024-01/2024-11"),
    ("In the first seven months of the year, bilateral trade reached $4 billion.",
     "2025-01/2025-07"),
])
def test_normalised_periods(body, period):
    assert [q.period for q in _figures(body)] == [period]


def test_trade_inside_a_bloc_has_no_pair():
    qs = _figures("Trade between the EAEU countries grew by 7 percent in 2024.")
    assert [(q.value, q.partners) for q in qs] == [(7, [])]


def test_things_of_two_countries_listed_together_are_no_relation():
    qs = _figures("The exhibition presents 120 items from Serbian and Russian museums.")
    assert [(q.value, q.partners, q.measure_kind) for q in qs] == [(120, [], "count")]


def test_cross_border_counts_have_partners():
    qs = _figures("Some 400 Turkish companies now operate in Russia.")
    assert [(q.value, q.partners, q.period) for q in qs] == [(400, ["Russia", "Turkey"], None)]


def test_an_event_year_is_no_period_for_the_next_sentences():
    qs = _figures("The treaty of friendship was signed in 1998. Since then, the sides have "
                  "signed over 40 documents.")
    assert [(q.value, q.period) for q in qs] == [(40, None)]
    qs = _figures("The bridge was opened on 3 May 1985. Today it carries 12,000 vehicles a day.")
    assert [q.period for q in qs] == [None]


def test_a_present_state_takes_no_period_from_the_sentence_before():
    qs = _figures("In 2023, trade between Russia and Turkey rose by 5 percent. Some 400 Turkish "
                  "companies now operate in Russia.")
    assert [(q.value, q.period) for q in qs] == [(5, "2023"), (400, None)]


def test_documents_signed_at_the_talks_are_of_the_release_pair_and_year():
    qs = _figures("A programme of cooperation for 2025-2027 was adopted. In total, nine "
                  "agreements were signed.", EGYPT)
    assert [(q.value, q.partners, q.period) for q in qs] == [(9, ["Egypt", "Russia"], "2025")]


def test_a_country_only_talked_about_is_no_side():
    qs = _figures("The Secretary-General noted that more than 4 million people in Sudan need "
                  "food aid.", "Readout of the Secretary-General's meeting with the Deputy "
                  "Foreign Minister of the Russian Federation")
    assert [(q.value, q.partners) for q in qs] == [(4e6, [])]


def test_labels_are_noun_phrases():
    qs = _figures("The minister noted that trade with the republic exceeded $4 billion in "
                  "2024. He drew attention to the grant of 2 million roubles.", EGYPT)
    assert [(q.measure, q.partners) for q in qs] == [
        ("bilateral trade", ["Egypt", "Russia"]), ("grant", [])]


def test_a_figure_naming_no_measure_continues_the_one_before():
    qs = _figures("Trade between Russia and Brazil may reach $15 billion by 2027. In 2024, it rose "
                  "by 6.3%, hitting a record level of $12.4 billion.")
    assert [(q.measure, q.partners, q.status, q.period) for q in qs] == [
        ("bilateral trade", ["Brazil", "Russia"], "forecast", "2027"),
        ("growth of bilateral trade", ["Brazil", "Russia"], "actual", "2024"),
        ("bilateral trade", ["Brazil", "Russia"], "actual", "2024")]


def test_capitals_standing_for_their_countries():
    qs = _figures("Moscow and Beijing expect trade to exceed $250 billion this year.")
    assert [(q.partners, q.status, q.period) for q in qs] == [
        (["China", "Russia"], "forecast", "2025")]


def test_a_month_range_across_the_new_year():
    qs = _figures("Bilateral trade reached $45 billion in the period from April 2024 to February "
                  "2025.")
    assert [q.period for q in qs] == ["2024-04/2025-02"]


def test_a_second_count_with_its_noun_left_out():
    qs = _figures("This year, 150 grants were awarded to students from Egypt and 90 to students "
                  "from Algeria for study at Russian universities.")
    assert [(q.value, q.measure, q.partners) for q in qs] == [
        (150, "grants", ["Egypt", "Russia"]), (90, "grants", ["Algeria", "Russia"])]


def test_a_forecast_does_not_take_another_figures_period():
    qs = _figures("Mutual trade in the first quarter of 2025 amounted to $1.7 billion, the "
                  "forecast for the year is $7 billion.")
    assert [(q.value, q.status, q.period) for q in qs] == [
        (1.7e9, "actual", "2025-Q1"), (7e9, "forecast", None)]


def test_a_partner_share_reads_as_a_share():
    qs = _figures("The share of Russia in Serbia's foreign trade stands at 5 percent.")
    assert [(q.measure, q.measure_kind, q.partners) for q in qs] == [
        ("share of Russia in Serbia's foreign trade", "partner share", ["Russia", "Serbia"])]


def test_a_target_named_by_its_word_is_a_trade_target():
    qs = _figures("Bilateral trade reached $44 billion in 2022, exceeding the previous target of "
                  "$30 billion.")
    assert [(q.measure, q.measure_kind, q.status, q.period) for q in qs] == [
        ("bilateral trade", "trade turnover", "actual", "2022"),
        ("bilateral trade", "trade turnover", "target", None)]


def test_a_regions_trade_is_not_the_two_countries_trade():
    qs = _figures("In 2024, trade between Belarus and the Omsk region reached $310 million. In "
                  "January-March 2025, trade grew by another 8%.",
                  "Press release on the visit of the Governor of Omsk Oblast to Minsk")
    assert [(q.measure, q.partners, q.period) for q in qs] == [
        ("regional trade", [], "2024"), ("growth of regional trade", [], "2025-01/2025-03")]


def test_a_targets_year_is_not_handed_to_the_next_sentence():
    qs = _figures("The parties set the goal of bringing trade between Russia and Chile to "
                  "$2 billion by 2028. Russian exports to Chile increased four times over the "
                  "past decade.")
    assert [(q.status, q.period, q.direction) for q in qs] == [
        ("target", "2028", None), ("actual", None, None)]
    assert qs[1].measure_kind == "growth" and qs[1].partners == ["Chile", "Russia"]
