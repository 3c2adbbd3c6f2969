"""One release shape per outlet family: the publication date, the dateline place and the
reported event. Every text here was written for these tests in the outlet's shape (new names,
dates and places); none is copied from a real release."""

from __future__ import annotations

import json

import pytest
from scoring import DATA, score_all

from app.extract import extract


def _lead(text: str, **kw):
    ex = extract(text, **kw)
    held = [e for e in ex.events if e.status == "held"]
    return ex.document, held[0] if held else None, ex


def test_kremlin_readout_date_line_at_top_and_bottom():
    doc, ev, _ = _lead(
        "Telephone conversation with President of Kyrgyzstan Sadyr Japarov\n\n"
        "February 3, 2022, 17:45\n\n"
        "Vladimir Putin had a telephone conversation with President of Kyrgyzstan Sadyr Japarov.\n\n"
        "The two leaders discussed cooperation in energy and agreed to stay in contact.\n\n"
        "February 3, 2022, 17:45\n")
    assert (doc.date, doc.time, doc.date_origin) == ("2022-02-03", "17:45", "header")
    assert doc.title.startswith("Telephone conversation with President of Kyrgyzstan")
    assert ev.kind == "telephone conversation" and ev.date_start == "2022-02-03"
    assert ev.date_basis == "publication"
    assert set(ev.participants) == {"Vladimir Putin", "Sadyr Japarov"}


def test_mfa_newer_page_with_a_date_glued_to_its_time():
    doc, ev, _ = _lead(
        "Foreign Minister Sergey Lavrov's talks with Foreign Minister of Cuba Bruno Rodriguez\n\n"
        "8 February 202116:40\n\n"
        "On February 8, Foreign Minister Sergey Lavrov held talks in Moscow with Foreign Minister "
        "of Cuba Bruno Rodriguez.\n")
    assert (doc.date, doc.time) == ("2021-02-08", "16:40")
    assert (ev.date_start, ev.place, ev.date_basis) == ("2021-02-08", "Moscow", "stated")


def test_tass_dateline_without_a_year_and_relative_days():
    doc, ev, ex = _lead(
        "11 MAR 2020, 12:05\n\n"
        "Lavrov, Shoigu hold talks with Turkish counterparts in Ankara\n\n"
        "ANKARA, March 11. /TASS/. Russian Foreign Minister Sergey Lavrov held talks with his "
        "Turkish counterpart Mevlut Cavusoglu on Wednesday. The presidents spoke by phone "
        "yesterday.\n")
    assert (doc.date, doc.place, doc.outlet) == ("2020-03-11", "Ankara", "TASS")
    assert (ev.date_start, ev.place) == ("2020-03-11", "Ankara")
    assert "Mevlut Cavusoglu" in ev.participants


def test_belta_dateline_takes_its_year_from_the_date_line():
    doc, ev, _ = _lead(
        "Politics | 4 March 2022, 10:10\n\n"
        "Lukashenko meets with Governor of Pskov Oblast\n\n"
        "MINSK, 4 March (BelTA) – Belarusian President Aleksandr Lukashenko met with Governor of "
        "Pskov Oblast Mikhail Vedernikov at the Palace of Independence, BelTA has learned.\n")
    assert (doc.date, doc.place, doc.outlet) == ("2022-03-04", "Minsk", "BelTA")
    assert (ev.date_start, ev.place) == ("2022-03-04", "Minsk")


def test_kazinform_dateline_and_separate_date_line():
    doc, ev, _ = _lead(
        "Tokayev receives Kyrgyz Prime Minister\n\n"
        "5 June 2023, 15:30\n\n"
        "ASTANA. KAZINFORM – President Kassym-Jomart Tokayev received Chairman of the Cabinet of "
        "Ministers of Kyrgyzstan Akylbek Japarov, the Akorda press service reports.\n")
    assert (doc.date, doc.place, doc.outlet) == ("2023-06-05", "Astana", "Kazinform")
    assert (ev.date_start, ev.place, ev.date_basis) == ("2023-06-05", "Astana", "publication")


def test_xinhua_dateline_here_on_a_weekday():
    doc, ev, _ = _lead(
        "Source: Xinhua | 2022-09-14 20:05:11\n\n"
        "Chinese, Mongolian FMs hold talks\n\n"
        "BEIJING, Sept. 14 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with "
        "Mongolian Foreign Minister Batmunkh Battsetseg here on Wednesday.\n")
    assert (doc.date, doc.place, doc.outlet) == ("2022-09-14", "Beijing", "Xinhua")
    assert (ev.date_start, ev.place) == ("2022-09-14", "Beijing")


def test_re_report_dateline_carries_the_date():
    doc, ev, _ = _lead(
        "Russian, Iranian Diplomats Discuss Caspian Issues\n\n"
        "MOSCOW (UrduPoint News / Sputnik - 21st October, 2020) Russian Deputy Foreign Minister "
        "Andrey Rudenko met with Ambassador of Iran to Russia Kazem Jalali on Wednesday, the "
        "ministry said.\n")
    assert (doc.date, doc.date_origin, doc.place) == ("2020-10-21", "dateline", "Moscow")
    assert (ev.date_start, ev.place) == ("2020-10-21", "Moscow")


def test_un_readout_met_today():
    doc, ev, _ = _lead(
        "Readout of the Secretary-General's meeting with the Foreign Minister of Norway\n\n"
        "2 April 2016\n\n"
        "The Secretary-General met today with Mr. Borge Brende, the Foreign Minister of Norway. "
        "They discussed the situation in Syria.\n")
    assert doc.date == "2016-04-02"
    assert ev.date_start == "2016-04-02" and "Borge Brende" in ev.participants


def test_belarusian_tv_russian_date_line():
    doc, ev, _ = _lead(
        "Belarus, Serbia sign education agreement\n\n17 ноября 2022\n\n"
        "Prime Minister of Belarus Roman Golovchenko met with Prime Minister of Serbia Ana "
        "Brnabic in Minsk today.\n")
    assert doc.date == "2022-11-17"
    assert (ev.date_start, ev.place) == ("2022-11-17", "Minsk")


def test_numeric_date_line_under_the_headline():
    doc, _, _ = _lead("Embassy of Russia in Mongolia\n\nNews\n\nAmbassador presents credentials "
                      "in Ulaanbaatar\n\n03.10.2023\n\nThe Ambassador presented credentials.\n")
    assert (doc.date, doc.title) == ("2023-10-03", "Ambassador presents credentials in Ulaanbaatar")


def test_kazinform_time_first_date_line_and_agency_without_dash():
    doc, ev, _ = _lead(
        "Kazakh President receives Uzbek Prime Minister\n\n09:15, 3 April 2021\n\nPhoto: Akorda\n\n"
        "NUR-SULTAN. KAZINFORM Head of State Kassym-Jomart Tokayev received Prime Minister of "
        "Uzbekistan Abdulla Aripov, Kazinform has learnt from the Akorda press service.\n")
    assert (doc.date, doc.time, doc.place, doc.outlet) == ("2021-04-03", "09:15", "Astana", "Kazinform")
    assert (ev.date_start, ev.place) == ("2021-04-03", "Astana")


def test_a_year_less_date_line_gives_no_date():
    doc, _, ex = _lead("Russian Politics & Diplomacy March 4, 10:20\n\nLavrov meets envoy\n\n"
                       "MOSCOW, March 4. /TASS/. Sergey Lavrov met with Ambassador of Peru to Russia "
                       "Luis Benavides on Thursday.\n")
    assert (doc.date, doc.place) == (None, "Moscow")
    assert all(e.date_start is None for e in ex.events)


def test_file_name_date_and_user_date():
    text = "Talks in Baku\n\nSergey Lavrov held talks with Jeyhun Bayramov in Baku on Tuesday.\n"
    assert extract(text, "press/20230516-baku.txt").document.date_origin == "file name"
    doc = extract(text, "x.txt", date="2023-05-16").document
    assert (doc.date, doc.date_origin) == ("2023-05-16", "user")
    page = extract(text, meta={"date": "2023-05-17T09:00:00+04:00", "outlet": "Some Outlet"}).document
    assert (page.date, page.date_origin, page.outlet) == ("2023-05-17", "page metadata", "Some Outlet")


def test_no_publication_date_leaves_dates_undated_and_says_so():
    ex = extract("Talks in Baku\n\nSergey Lavrov held talks with Jeyhun Bayramov in Baku on "
                 "Tuesday. They will meet again on January 20. Trade grew in 2019.\n")
    assert ex.document.date is None
    assert all(e.date_start is None or e.date_start[:4] != "2019" for e in ex.events)
    # the facts are kept, without a date, to be placed once a date is given
    talks = [e for e in ex.events if e.kind == "talks"]
    assert talks and talks[0].date_start is None and talks[0].place == "Baku"
    assert set(talks[0].participants) == {"Sergey Lavrov", "Jeyhun Bayramov"}
    assert "no publication date found; 2 dates left undated (give one with --date)" in \
        ex.document.warnings


def test_foreign_language_and_no_facts_are_reported():
    ex = extract("Встреча министров\n\nМинистры иностранных дел провели переговоры в Москве и "
                 "обсудили широкий круг вопросов двустороннего сотрудничества.\n")
    assert "mostly Russian text: facts are read from English only" in ex.document.warnings
    assert any(w.startswith("no facts found: the text is not in English") for w in ex.document.warnings)


def test_history_is_no_meeting_and_spans_in_words():
    ex = extract("12:00\n\nOn relations\n\n0100-20-05-2024\n\nThe treaty signed on June 2, 1994 "
                 "laid the basis of relations developing since 1949. Sergey Lavrov will pay a "
                 "two-day visit to Hanoi on June 7.\n")
    assert [(e.date_start, e.date_end) for e in ex.events] == [("2024-06-07", "2024-06-08")]


def test_relative_clause_event_and_signing_after_talks():
    ex = extract("12:00\n\nTalks in Tbilisi\n\n0100-20-05-2024\n\nOn May 20, Sergey Lavrov, who "
                 "is taking part in the CIS ministerial meeting in Yerevan, held talks with "
                 "Foreign Minister of Armenia Ararat Mirzoyan. A plan of consultations was "
                 "signed following the talks.\n")
    kinds = {e.kind: e for e in ex.events}
    assert kinds["session"].place == "Yerevan" and kinds["session"].participants == ["Sergey Lavrov"]
    assert set(kinds["signing"].participants) == {"Sergey Lavrov", "Ararat Mirzoyan"}
    assert kinds["signing"].date_start == "2024-05-20"


LAYOUTS = DATA / "layouts"
NAMES = sorted(p.name.removesuffix(".facts.json") for p in LAYOUTS.glob("*.facts.json"))


# Known gap, with its reason: a meeting "the day before" with no place named, which a reader
# places in Moscow because the Iranian ambassador works there.
# "almost doubled" as a figure (x2) is the quantities stage's (issue 12, another branch).
_GAPS = {("12-tass-yesterday-lastweek", "events"): 0.65,
         ("15-mfa-lavrov-mirzoyan", "quantities"): 0.65}


@pytest.mark.parametrize("name", NAMES)
def test_layout_releases_score(name):
    gold = json.loads((LAYOUTS / f"{name}.facts.json").read_text(encoding="utf-8"))
    path = LAYOUTS / f"{name}.txt"  # (one holds its date only in its file name)
    ex = extract(path.read_text(encoding="utf-8"), str(path))
    assert ex.document.date == gold["document"]["date"]
    for kind, pr in score_all(ex.to_json(), gold).items():
        assert pr.f1 >= _GAPS.get((name, kind), 0.9), (name, kind, str(pr), pr.missed, pr.extra)


def test_lower_case_post_before_a_name_and_a_headline_line_that_is_prose():
    ex = extract("Talks\n\n12 May 2022\n\nThe Kyrgyz foreign minister, Zheenbek Kulubaev, met with "
                 "Chinese foreign minister Wang Yi in Bishkek.\n")
    posts = {p.name: (p.title, p.country) for p in ex.people}
    assert posts["Zheenbek Kulubaev"] == ("Foreign Minister", "Kyrgyzstan")
    assert posts["Wang Yi"] == ("Foreign Minister", "China")
    # the first line of prose is the body, not a headline: its meeting is read
    assert [(e.date_start, e.place) for e in ex.events] == [("2022-05-12", "Bishkek")]


def test_kremlin_date_time_place_line_under_a_lead_paragraph():
    doc, ev, _ = _lead(
        "Meeting with Governor of Tula Region\n\nVladimir Putin met with Governor of Tula Region "
        "Dmitry Milyaev.\n\nMarch 2, 2023 - 16:30 - Novo-Ogaryovo, Moscow Region\n\n"
        "The governor reported on the region's industry.\n")
    assert (doc.date, doc.time, doc.title) == ("2023-03-02", "16:30", "Meeting with Governor of Tula Region")
    assert doc.place.startswith("Novo-Ogaryovo")
    assert (ev.date_start, ev.date_basis) == ("2023-03-02", "publication")
    assert "Dmitry Milyaev" in ev.participants


def test_us_style_published_line_and_a_by_line_between():
    doc, _, _ = _lead("Leaders start talks in Beijing\n\nSome Agency || Some Site\n\n"
                      "Published: 5/16/2024 5:57:03 AM\n\nThe leaders began talks in Beijing.\n")
    assert (doc.date, doc.time, doc.title) == ("2024-05-16", "05:57", "Leaders start talks in Beijing")


def test_an_acronym_spelled_out_is_no_dateline():
    from app.extract.document.header import find_dateline

    assert find_dateline("CSTO (Collective Security Treaty Organization) – the bloc met.", 0) is None
    assert find_dateline("BRICS (Brazil, Russia, India, China, South Africa) – the group met.", 0) is None
    line = find_dateline("CAIRO (Reuters) - Egypt said", 0)
    assert (line.city, line.outlet) == ("Cairo", "Reuters")


def test_every_date_origin_is_one_the_model_names():
    from app.extract.model import DATE_ORIGINS

    seen = set()
    for path in sorted((DATA / "layouts").glob("*.txt")) + sorted((DATA / "corpus").glob("*.txt")):
        seen.add(extract(path.read_text(encoding="utf-8"), str(path)).document.date_origin)
    seen.add(extract("Talks held.\n", date="2024-05-06").document.date_origin)
    assert seen <= set(DATE_ORIGINS) and {"header", "user"} <= seen, seen
