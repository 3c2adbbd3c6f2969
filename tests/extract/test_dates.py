"""Date forms of the genre, on sentences written for these tests."""

from __future__ import annotations

import pytest

from app.extract.time.dates import count_undated, find_all_dates, find_dates


def _dates(text: str, doc: str = "2025-03-14", prev: str | None = None):
    return [(d.text, d.start, d.end, d.precision) for d in find_dates(text, 0, None, doc, prev)]


@pytest.mark.parametrize("text, expected", [
    ("On March 3-4, the delegation toured Kaliningrad.",
     [("March 3-4", "2025-03-03", "2025-03-04", "day")]),
    ("The envoy stayed in Tashkent from February 27-March 2.",
     [("from February 27-March 2", "2025-02-27", "2025-03-02", "day")]),
    ("Consultations took place on January 8–9 in Baku.",
     [("January 8–9", "2025-01-08", "2025-01-09", "day")]),
    ("The commission met on February 5 and March 1 in Yerevan.",
     [("February 5", "2025-02-05", "2025-02-05", "day"),
      ("March 1", "2025-03-01", "2025-03-01", "day")]),
    ("The agreement was signed on October 17, 2019.",
     [("October 17, 2019", "2019-10-17", "2019-10-17", "day")]),
    ("BISHKEK, 12 March (Kabar) – talks ended.",
     [("12 March", "2025-03-12", "2025-03-12", "day")]),
    ("The games took place on 9-11 February.",
     [("9-11 February", "2025-02-09", "2025-02-11", "day")]),
    ("The fair ran from 2 February to 6 March 2025.",
     [("from 2 February to 6 March 2025", "2025-02-02", "2025-03-06", "day")]),
    ("The festival will run from April 20 to May 3, 2026.",
     [("from April 20 to May 3, 2026", "2026-04-20", "2026-05-03", "day")]),
    ("The exhibition will be open from March 20 to April 6.",
     [("from March 20 to April 6", "2025-03-20", "2025-04-06", "day")]),
    ("Workshops will be held November 28 to December 2.",
     [("November 28 to December 2", "2025-11-28", "2025-12-02", "day")]),
    ("In mid-February, a working group was set up.",
     [("mid-February", "2025-02", "2025-02", "month")]),
    ("Talks are due in the third quarter of 2025.",
     [("the third quarter of 2025", "2025-07", "2025-09", "quarter")]),
    ("Exports fell in January-March 2025.",
     [("January-March 2025", "2025-01", "2025-03", "month")]),
    ("The congress convened in the spring of 2022.",
     [("the spring of 2022", "2022-03", "2022-05", "season")]),
    ("On Thursday, March 13, the ministers met.",
     [("Thursday, March 13", "2025-03-13", "2025-03-13", "day")]),
    ("The envoy arrived in October.", [("October", "2025-10", "2025-10", "month")]),
])
def test_forms(text, expected):
    assert _dates(text) == expected


def test_years_are_year_precision_and_names_are_not_dates():
    got = _dates("Cooperation has grown since 2016, and in 2024 the EXPO 2030 bid won "
                 "support; the plan for 2025–2027 was approved.")
    assert got == [("2016", "2016", "2016", "year"), ("2024", "2024", "2024", "year"),
                   ("2025–2027", "2025", "2027", "year")]


def test_figures_are_not_days():
    assert _dates("Imports rose by March 12 percent") == []
    assert _dates("Exports grew 3.1 percent in May 2024.") == [("May 2024", "2024-05", "2024-05", "month")]


def test_future_month_before_document_month_is_next_year():
    # A November release announcing a vote "scheduled for March 2" speaks of next March.
    got = _dates("The referendum is scheduled for March 2.", doc="2025-11-20")
    assert got == [("March 2", "2026-03-02", "2026-03-02", "day")]
    got = _dates("A return visit is planned for January.", doc="2025-11-20")
    assert got == [("January", "2026-01", "2026-01", "month")]


def test_past_event_after_document_date_is_last_year():
    got = _dates("The two premiers met in Astana on December 18.", doc="2025-01-10")
    assert got == [("December 18", "2024-12-18", "2024-12-18", "day")]


def test_sentence_year_frames():
    got = _dates("Last year, the chambers held joint sessions on May 6 and on September 9.",
                 doc="2025-03-14")
    assert [d[1] for d in got] == ["2024", "2024-05-06", "2024-09-09"]
    got = _dates("In 2021, the councils met on July 12 in Kazan.", doc="2025-03-14")
    assert [(d[1], d[3]) for d in got] == [("2021", "year"), ("2021-07-12", "day")]


def test_relative_days():
    got = _dates("The summit opens tomorrow and will run until March 17.", doc="2025-03-14")
    assert got == [("tomorrow", "2025-03-15", "2025-03-15", "day"),
                   ("until March 17", "2025-03-17", "2025-03-17", "day")]
    text = "On March 10, the envoy arrived in Hanoi. The same day, he met the premier."
    sents = [(0, 39), (40, len(text))]
    per = find_all_dates(text, sents, "2025-03-14")
    assert per[1][0].start == "2025-03-10" and per[1][0].text == "The same day"


def test_spans_point_at_the_words():
    text = "Trade talks resumed on 4 April 2023 in Vienna."
    (d,) = find_dates(text, 0, None, "2025-03-14")
    assert text[d.span[0]:d.span[1]] == "4 April 2023" and d.explicit_year


def test_invalid_calendar_day_is_dropped():
    assert _dates("It happened on February 30.") == []


@pytest.mark.parametrize("text, expected", [
    ("Talks will be held between 7 and 9 April.", [("between 7 and 9 April", "2025-04-07", "2025-04-09")]),
    ("The forum runs between April 7 and 9, 2026.", [("between April 7 and 9, 2026", "2026-04-07", "2026-04-09")]),
    ("The premiers met on April 2 and 3 in Baku.", [("April 2 and 3", "2025-04-02", "2025-04-03")]),
    ("The envoys met on 2 and 3 April.", [("2 and 3 April", "2025-04-02", "2025-04-03")]),
    ("The commissions met on April 2 and 9.", [("April 2", "2025-04-02", "2025-04-02"),
                                              ("9", "2025-04-09", "2025-04-09")]),
    ("The protocol dated 17.02.2023 was ratified.", [("17.02.2023", "2023-02-17", "2023-02-17")]),
    ("Signed on 2023-02-17 in Ankara.", [("2023-02-17", "2023-02-17", "2023-02-17")]),
    ("The fair is open from 3 to 5 April.", [("3 to 5 April", "2025-04-03", "2025-04-05")]),
    ("Growth slowed in the first quarter of this year.",
     [("the first quarter of this year", "2025-01", "2025-03")]),
])
def test_more_forms(text, expected):
    assert [d[:3] for d in _dates(text)] == expected


def test_next_day_follows_the_previous_date():
    got = _dates("The following day, the delegation left for Osh.", prev="2025-03-02")
    assert got == [("The following day", "2025-03-03", "2025-03-03", "day")]


def test_counts_after_two_days_are_not_a_range():
    assert _dates("Exports grew by 3 and 4 percent.") == []


def test_verb_before_a_list_sets_the_tense_of_all_its_dates():
    got = _dates("They reviewed the results of the summit held in Baku on May 3-4, 2024, and the "
                 "forum in Kazan on October 8.", doc="2025-01-20")
    assert [d[1] for d in got] == ["2024-05-03", "2024-10-08"]


def test_weekday_alone_is_the_nearest_such_day():
    # 2025-03-14 is a Friday.
    assert _dates("On Tuesday, the envoys met.") == [("Tuesday", "2025-03-11", "2025-03-11", "day")]
    assert _dates("The envoy will arrive on Monday.") == [("Monday", "2025-03-17", "2025-03-17", "day")]


@pytest.mark.parametrize("text, expected", [
    ("The ministers met last week.", ("last week", "2025-03-03", "2025-03-09", "week")),
    ("The commission will meet next month.", ("next month", "2025-04", "2025-04", "month")),
    ("The summit will be held next year.", ("next year", "2026", "2026", "year")),
    ("The day before, the envoys met in Baku.", ("The day before", "2025-03-13", "2025-03-13", "day")),
    ("The talks were held in October last year.", ("October", "2024-10", "2024-10", "month")),
])
def test_relative_spans_against_the_publication_date(text, expected):
    # 2025-03-14 is a Friday.
    assert _dates(text) == [expected]


def test_without_a_document_date_no_year_is_guessed():
    # Another year written in the release says nothing about when "April 9" was.
    text = "Trade grew in 2022. On April 9, the ministers met in Baku. They talk on Tuesday."
    sents = [(0, 19), (20, 57), (58, len(text))]
    per = find_all_dates(text, sents, None)
    assert per[1] == [] and per[2] == []
    assert count_undated(text, sents) == 2


def test_the_verb_nearest_before_a_date_sets_its_tense():
    # A June release: the talks were in January, the implementing is to come.
    got = _dates("The agreements of the talks held on January 29 will be implemented.",
                 doc="2025-06-20")
    assert got[0][1] == "2025-01-29"
    got = _dates("The talks to be held on January 29 were prepared.", doc="2025-06-20")
    assert got[0][1] == "2026-01-29"
