"""Figures on invented sentences in the genre: the patterns, not the corpus's words."""

from __future__ import annotations

import pytest

from app.extract import extract
from app.extract.figures.numbers import parse_number
from app.extract.time.periods import find_periods


def _doc(body: str, ref: str = "0777-15-03-2025") -> str:
    return f"11:30\n\nPress release on the talks between two ministers\n\n{ref}\n\n{body}\n"


def _figures(body: str, ref: str = "0777-15-03-2025"):
    text = _doc(body, ref)
    qs = extract(text).quantities
    for q in qs:
        assert text[q.span[0]:q.span[1]] == q.text
    return qs


def _pairs(body: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in _figures(body)]


@pytest.mark.parametrize("body, value, unit", [
    ("Mutual trade reached $12.7 billion in 2024.", 12.7e9, "USD"),
    ("Exports of grain reached US$3 million last year.", 3e6, "USD"),
    ("The fund holds USD 250 million for joint projects.", 250e6, "USD"),
    ("The programme budget is RUB 3.2 billion.", 3.2e9, "RUB"),
    ("The programme budget amounts to 4 billion Russian roubles.", 4e9, "RUB"),
    ("Investment from Kazakhstan totalled 850 million rubles.", 850e6, "RUB"),
    ("The turnover with Hungary reached 2.9 billion euros in 2024.", 2.9e9, "EUR"),
    ("Bilateral trade stood at €640 million.", 640e6, "EUR"),
    ("The credit line is worth $2.5 bn.", 2.5e9, "USD"),
    ("The deal is worth $750m.", 750e6, "USD"),
    ("Settlements in national currencies reached two trillion roubles.", 2e12, "RUB"),
    ("The joint venture will invest 1.5 billion yuan in the plant.", 1.5e9, "CNY"),
    ("The Belarusian budget allocates 300 million Belarusian roubles to the programme.",
     300e6, "BYN"),
    ("Kazakh exports grew to 90 billion tenge.", 90e9, "KZT"),
    ("The Russian share of trade rose to 41.2 percent.", 41.2, "percent"),
    ("The Russian share of trade rose to 41.2 per cent.", 41.2, "percent"),
    ("Trade in services grew by 17%.", 17.0, "percent"),
    ("The country holds an 8.3-percent share of the market.", 8.3, "percent"),
    ("The port handled 14 million tonnes of cargo.", 14e6, "tonnes"),
    ("Supplies of fertiliser reached 2.4 million tons.", 2.4e6, "tonnes"),
    ("The pipeline will be 960 kilometres long.", 960.0, "kilometres"),
])
def test_money_percent_and_units(body, value, unit):
    assert (value, unit) in _pairs(body), _pairs(body)


@pytest.mark.parametrize("body, value, what", [
    ("The two leaders held seven meetings in 2024.", 7, "meetings"),
    ("The ministers signed 14 agreements on cooperation.", 14, "agreements"),
    ("More than 60 Kazakh companies took part in the exhibition.", 60, "companies"),
    ("Some 4,500 peacekeepers serve in the mission.", 4500, "peacekeepers"),
    ("Over 12,000 Vietnamese students study in Russia.", 12000, "students"),
    ("The exhibition attracted about 350 exhibitors from 27 countries.", 350, "exhibitors"),
    ("The delegation includes 40 young scientists.", 40, "scientists"),
    ("The fire killed 32 of its inhabitants.", 32, "inhabitants"),
])
def test_counts_name_what_they_count(body, value, what):
    qs = _figures(body)
    hit = [q for q in qs if q.value == value and q.unit == "count"]
    assert hit, [(q.value, q.unit, q.text) for q in qs]
    assert what in (hit[0].measure or ""), hit[0]


def test_all_counts_in_one_sentence():
    pairs = _pairs("The exhibition attracted about 350 exhibitors from 27 countries.")
    assert sorted(pairs) == [(27, "count"), (350, "count")]


def test_vote_tally():
    qs = _figures("The resolution was adopted with 102 votes in favour, 8 against and "
                  "51 abstentions.")
    assert sorted(q.value for q in qs) == [8, 51, 102]
    assert all(q.unit == "count" for q in qs)
    assert any(q.measure == "votes against" for q in qs)


def test_times_is_growth_after_a_growth_verb_and_a_count_otherwise():
    qs = _figures("Exports of machinery have grown five times since 2015.")
    assert [(q.value, q.unit) for q in qs] == [(5, "times")]
    qs = _figures("The ministers spoke by telephone more than 15 times last year.")
    assert [(q.value, q.unit, q.qualifier) for q in qs] == [(15, "count", "more than")]
    qs = _figures("Imports rose threefold.")
    assert [(q.value, q.unit) for q in qs] == [(3, "times")]


@pytest.mark.parametrize("body, qualifier", [
    ("Trade grew to about $3 billion.", "about"),
    ("Trade grew to approximately $3 billion.", "about"),
    ("Trade reached almost $3 billion.", "almost"),
    ("Trade reached nearly $3 billion.", "nearly"),
    ("Trade exceeded $3 billion.", "over"),
    ("Trade reached more than $3 billion.", "more than"),
    ("Trade may reach up to $3 billion.", "up to"),
    ("Trade reached over $3 billion.", "over"),
    ("Trade reached some $3 billion.", "some"),
    ("Trade reached $3 billion.", None),
])
def test_qualifier(body, qualifier):
    qs = _figures(body)
    assert [(q.value, q.qualifier) for q in qs] == [(3e9, qualifier)]


def test_qualifier_is_part_of_the_figure_text_but_a_verb_is_not():
    assert [q.text for q in _figures("Trade reached more than $3 billion.")] == [
        "more than $3 billion"]
    assert [q.text for q in _figures("Trade exceeded $3 billion.")] == ["$3 billion"]


@pytest.mark.parametrize("body, period", [
    ("In 2022, trade reached $8 billion.", "2022"),
    ("Trade reached $8 billion in the third quarter of 2024.", "2024-Q3"),
    ("In the first half of 2024, trade reached $8 billion.", "2024-H1"),
    ("In January-May 2024, trade reached $8 billion.", "2024-01/2024-05"),
    ("In January–March 2025, trade reached $8 billion.", "2025-01/2025-03"),
    ("The plan for 2025–2027 provides $8 billion.", "2025-2027"),
    ("Last year, trade reached $8 billion.", "2024"),  # the document is of 2025
    ("This year, trade has already reached $8 billion.", "2025"),
    ("Trade reached $8 billion in 2024, which is 3 percent more than in 2023.", "2024"),
])
def test_period(body, period):
    qs = _figures(body)
    assert qs and all(q.period == period for q in qs), [(q.text, q.period) for q in qs]


def test_period_in_brackets_belongs_to_the_bracket():
    qs = _figures("The sides held six rounds of talks in 2024 (four rounds in 2023).")
    assert [(q.value, q.period) for q in qs] == [(6, "2024"), (4, "2023")]


def test_period_carries_over_within_a_paragraph_only():
    qs = _figures("The plan for 2025-2027 was adopted. It contains 45 measures.\n\n"
                  "The committee includes 12 experts.")
    assert [(q.value, q.period) for q in qs] == [(45, "2025-2027"), (12, None)]


@pytest.mark.parametrize("body", [
    "The visit was timed to the 45th anniversary of diplomatic relations.",
    "Kazakhstan ranked third among the trade partners and placed first in the region.",
    "The country ranks 7th among the partners.",
    "The 12th session of the commission will be held in Tashkent.",
    "The two countries and the two ministers discussed the two documents.",
    "Both two sides agreed, and their three deputies were present.",
    "The talks took place on March 3, 2025 at 10:30 in Baku.",
    "On 14-15 May, the ministers met in Sochi.",
    "The ministers met on April 11 and May 8 in Moscow.",
    "The delegation arrived on February 28–March 2.",
    "The agreement was signed in 1998 and renewed in 2021.",
    "The parties referred to UN Security Council Resolution 2231.",
    "The General Assembly adopted resolution 77/250 last week.",
    "The ministry issued press release 0456-12-02-2025 on the matter.",
    "The ministers discussed preparations for EXPO 2030 and the Games of 2028.",
    "The forum is part of the Innovation Week 2025 programme.",
    "The programme covers a three-year cycle, not two years.",
    "He served as ambassador for five years.",
    "They held a one-on-one meeting, one of the first this year.",
    "The roundtable “30 Years of Partnership” was held in Minsk.",
    "The G20 summit and the Su-57 fighter were mentioned, as was COVID-19.",
    "The 21st Century Charter was discussed.",
])
def test_not_figures(body):
    qs = _figures(body)
    assert qs == [], [(q.value, q.unit, q.text) for q in qs]


def test_number_words_and_digits():
    assert parse_number("3,600") == 3600
    assert parse_number("46.5") == 46.5
    assert parse_number("twenty-five") == 25
    assert parse_number("two hundred and fifty") == 250
    assert parse_number("a dozen") == 12
    assert parse_number("seventeen") == 17


def test_spelled_out_count_and_hundreds():
    assert (250, "count") in _pairs("The camp hosted two hundred and fifty children.")
    assert (25, "count") in _pairs("Twenty-five companies signed contracts.")


def test_category():
    qs = _figures("The governor said trade between the region and Armenia reached $90 million.")
    assert qs[0].category == "regions"
    qs = _figures("Bilateral trade reached $4 billion.")
    assert qs[0].category == "trade"
    qs = _figures("The presidents held six meetings last year.")
    assert qs[0].category == "meeting"


def test_measure_is_built_from_the_sentence():
    # Trade figures take the vocabulary's label; who trades is in their partners.
    qs = _figures("The bilateral trade turnover amounted to $5.1 billion in 2024.")
    assert qs[0].measure == "bilateral trade"
    qs = _figures("Armenia accounted for 12.4 percent of the regional grain imports.")
    assert qs[0].measure == "Armenia's share of regional grain imports"
    qs = _figures("Mutual trade grew by 8.5 percent in 2024.")
    assert qs[0].measure == "growth of bilateral trade"


def test_periods_relative_to_document_year():
    text = "last year and this year and next year"
    assert [p.value for p in find_periods(text, 0, len(text), 2025)] == ["2024", "2025", "2026"]


def test_part_of_a_counted_whole():
    qs = _figures("Over 5,000 Lao students study in Russia, 900 of them on scholarships.")
    assert [(q.value, q.unit) for q in qs] == [(5000, "count"), (900, "count")]


def test_thousands_grouped_by_no_break_spaces():
    assert (1500, "count") in _pairs("Some 1\u00a0500 students took part.")


def test_multiplier_without_a_noun_is_a_count_named_by_the_subject():
    qs = _figures("In 2024, the number of tourists reached 1.2 million.")
    assert [(q.value, q.unit, q.measure) for q in qs] == [(1.2e6, "count", "number of tourists")]


def test_year_like_amounts():
    qs = _figures("About 2000 students and over 2000 volunteers took part.")
    assert [(q.value, q.qualifier, q.period) for q in qs] == [
        (2000, "about", "2025"), (2000, "over", "2025")]  # "took part": the release's year
    assert _figures("The parties reviewed progress under 2022 agreements.") == []


def test_reported_event_takes_the_document_year_and_a_standing_fact_none():
    assert [q.period for q in _figures("The ministers signed 12 documents.")] == ["2025"]
    assert [q.period for q in _figures("The forces comprise some 900 servicemen.")] == [None]


def test_dateline_does_not_date_the_figures():
    qs = _figures("ASTANA, 3 March (Kazinform) – The goal is $3 billion in mutual trade.")
    assert [(q.value, q.period) for q in qs] == [(3e9, None)]


def test_regional_paragraph_makes_regional_figures():
    qs = _figures("The Forum of the Regions is held every year. During the last forum, "
                  "45 documents were signed and contracts worth $2 billion concluded.")
    assert {q.category for q in qs} == {"regions"}


def test_vote_by_to():
    qs = _figures("The resolution was adopted by a vote of 93 to 18, with 65 abstentions.")
    assert [(q.value, q.measure) for q in qs] == [
        (93, "votes in favour"), (18, "votes against"), (65, "abstentions")]


def test_currency_code_glued_to_the_amount_but_not_other_letters():
    assert _pairs("The budget allocates Br1.2 billion and RUB5 million.") == [
        (1.2e9, "BYN"), (5e6, "RUB")]
    assert _figures("The G20 summit, A4 paper and 5G networks were mentioned.") == []


def test_acronym_plurals_are_counted():
    assert _pairs("More than 10 NGOs signed 5 MoUs.") == [(10, "count"), (5, "count")]


def test_comparison_base_is_not_the_period():
    qs = _figures("In 2022, trade grew by 5% over the previous year.")
    assert [(q.value, q.period) for q in qs] == [(5, "2022")]


def test_lengths_of_time_are_figures_but_not_titles_or_an_events_own_length():
    from app.extract import extract

    def figures(sentence):
        return [(q.value, q.unit) for q in extract("Heading\n\n" + sentence).quantities]

    assert figures("The two ministers talked for nearly four hours on 2 May 2024.") == [(4.0, "hours")]
    assert figures("Kyiv and Ankara backed a 90-day extension of the corridor.") == [(90.0, "days")]
    assert figures("The siege lasted 872 days.") == [(872.0, "days")]
    # an event's own length is its dates, and capitalised words are a title's
    assert figures("He began a three-day official visit to Hanoi on 4 May 2024.") == []
    assert figures("The 100 Days of Friendship exhibition opened in Tula.") == []
