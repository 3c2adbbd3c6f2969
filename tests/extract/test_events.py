"""Events on releases written for these tests (people, places and dates nobody has scored)."""

from __future__ import annotations

import pytest

from app.extract import extract


def _release(body: str, ref: str = "0815-14-03-2025", title: str = "Press release on talks") -> str:
    return f"11:30\n\n{title}\n\n{ref}\n\n{body}\n"


def _events(body: str, **kw):
    x = extract(_release(body, **kw))
    return x, x.events


def _find(events, start, end=None):
    end = end or start
    hits = [e for e in events if e.date_start == start and e.date_end == end]
    assert hits, (start, end, [(e.date_start, e.date_end, e.kind) for e in events])
    return hits[0]


def test_announced_visit_is_planned_with_place_and_participant():
    x, evs = _events(
        "On March 18-19, Foreign Minister Anna Petrova will pay an official visit to Tashkent "
        "at the invitation of Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov.")
    e = _find(evs, "2025-03-18", "2025-03-19")
    assert e.kind == "visit" and e.status == "planned" and e.place == "Tashkent"
    assert "Anna Petrova" in e.participants
    s, t = e.span
    assert 0 <= s < t <= len(x.text) and "March 18-19" in x.text[s:t]


def test_one_sentence_several_events_each_with_its_place():
    _, evs = _events(
        "The Prime Minister of Russia Pavel Orlov and the Prime Minister of Armenia Tigran Hakobyan "
        "held talks on January 16 in Yerevan, on February 3 in Kazan and on March 5 and 6 in Moscow. "
        "Since the start of the year, the two premiers have met three times: at the summit in Baku "
        "on January 9, on February 12 in Minsk, as well as on March 1 in Sochi.")
    assert _find(evs, "2025-01-16").place == "Yerevan"
    assert _find(evs, "2025-02-03").place == "Kazan"
    assert _find(evs, "2025-01-09").place == "Baku"
    assert _find(evs, "2025-02-12").place == "Minsk"
    assert _find(evs, "2025-03-01").place == "Sochi"
    assert "Pavel Orlov" in _find(evs, "2025-03-01").participants


def test_telephone_conversation():
    _, evs = _events("On March 12, Foreign Minister Anna Petrova spoke by telephone with "
                     "Minister of Foreign Affairs of Hungary Peter Szijjarto.")
    e = _find(evs, "2025-03-12")
    assert e.kind == "telephone conversation" and e.status == "held"
    assert {"Anna Petrova", "Peter Szijjarto"} <= set(e.participants)


def test_dateline_gives_the_place_of_an_unplaced_meeting():
    _, evs = _events(
        "TASHKENT, 13 March (UzA) – Trade should double by 2030, President of Uzbekistan "
        "Shavkat Mirziyoyev said at a meeting with Governor of Samara Oblast Vyacheslav Fedorishchev "
        "at the Kuksaroy residence on 13 March.", ref="0101-13-03-2025")
    e = _find(evs, "2025-03-13")
    assert e.kind == "meeting" and e.place == "Tashkent"
    assert "Shavkat Mirziyoyev" in e.participants


def test_same_day_and_visit_to_a_country_takes_the_city_of_its_talks():
    _, evs = _events(
        "On March 10-11, Foreign Minister Anna Petrova paid an official visit to Vietnam. "
        "On March 11, Foreign Minister Anna Petrova and Minister of Foreign Affairs of Vietnam "
        "Bui Thanh Son held talks in Hanoi. "
        "The same day, Anna Petrova was received by Prime Minister of Vietnam Pham Minh Chinh.")
    visit = _find(evs, "2025-03-10", "2025-03-11")
    assert visit.place == "Hanoi" and visit.status == "held"
    received = [e for e in evs if e.date_start == "2025-03-11" and "Pham Minh Chinh" in e.participants]
    assert received and received[0].place == "Hanoi"


def test_future_month_before_document_month_means_next_year():
    _, evs = _events("The next round of consultations is scheduled for January 21 in Geneva.",
                     ref="0900-10-12-2025")
    e = _find(evs, "2026-01-21")
    assert e.status == "planned" and e.place == "Geneva"


def test_last_year_events():
    _, evs = _events("Last year, the two foreign ministers Anna Petrova and Bui Thanh Son held "
                     "talks in Hanoi on August 14.")
    assert _find(evs, "2024-08-14").status == "held"


def test_dates_that_are_not_events():
    _, evs = _events(
        "Trade rose by 12 percent in January-February 2025. The agreement of 2019 remains in force. "
        "Exports reached $3 billion in the spring of 2024. Cooperation has grown since 2010.")
    assert evs == []


def test_participants_from_following_sentences_and_sidelines_meetings():
    _, evs = _events(
        "On March 13, Foreign Minister Anna Petrova took part in a session of the Council of "
        "Foreign Ministers of the Commonwealth of Independent States in Minsk. "
        "Minister of Foreign Affairs of Armenia Ararat Mirzoyan also attended. "
        "On the sidelines of the session, Anna Petrova met with Minister of Foreign Affairs of "
        "Azerbaijan Jeyhun Bayramov.")
    session = _find(evs, "2025-03-13")
    assert session.kind == "session" and session.place == "Minsk"
    assert {"Anna Petrova", "Ararat Mirzoyan"} <= set(session.participants)
    side = [e for e in evs if "Jeyhun Bayramov" in e.participants]
    assert side and side[0].date_start == "2025-03-13" and side[0].place == "Minsk"


def test_separate_meetings_become_one_event_each():
    _, evs = _events(
        "On March 4, Foreign Minister Anna Petrova had separate meetings with Speaker of the "
        "Parliament of Serbia Ana Brnabic and Prime Minister of Serbia Milos Vucevic in Belgrade.")
    day = [e for e in evs if e.date_start == "2025-03-04"]
    assert len(day) == 2
    assert all("Anna Petrova" in e.participants for e in day)


def test_recurring_and_anniversary_status():
    _, evs = _events(
        "Every year on May 9, the two countries celebrate Victory Day with joint events. "
        "April 30 will mark the 30th anniversary of diplomatic relations.")
    assert _find(evs, "2025-05-09").status == "recurring"
    e = _find(evs, "2025-04-30")
    assert e.kind == "anniversary" and e.status == "planned"


def test_role_phrases_become_participants():
    _, evs = _events(
        "Foreign Minister Anna Petrova arrived in Hanoi on an official visit. She was welcomed by "
        "Minister of Foreign Affairs of Vietnam Bui Thanh Son. "
        "On March 11, the two ministers held talks in Hanoi.")
    e = _find(evs, "2025-03-11")
    assert {"Anna Petrova", "Bui Thanh Son"} <= set(e.participants)


@pytest.mark.parametrize("body", [
    "", "On .", "On March 40, nothing happened.", "( ( ( on May 5 in", "They met on June 1 (",
    "The same day, they met.", "Tomorrow they will meet in Minsk.",
])
def test_odd_input_never_raises_and_spans_are_valid(body):
    x, evs = _events(body)
    for e in evs:
        assert 0 <= e.span[0] < e.span[1] <= len(x.text)


def test_dateline_dates_an_undated_lead():
    x, evs = _events(
        "ASTANA, 12 March (Kazinform) – President of Kazakhstan Kassym-Jomart Tokayev met with "
        "Minister of Foreign Affairs of Hungary Peter Szijjarto at the Akorda residence.",
        ref="0101-12-03-2025")
    e = _find(evs, "2025-03-12")
    assert e.kind == "meeting" and e.place == "Astana" and e.status == "held"
    assert "12 March" in x.text[e.span[0]:e.span[1]]


def test_what_they_did_outranks_the_frame():
    _, evs = _events("On March 3, President of Russia Ivan Sokolov and President of Kazakhstan "
                     "Nurlan Abenov held a meeting in Kazan during the summit of the organisation.")
    assert _find(evs, "2025-03-03").kind == "meeting"


def test_his_points_to_the_subject_of_the_sentence():
    _, evs = _events("President of Kazakhstan Nurlan Abenov recalled his talks with President of "
                     "Russia Ivan Sokolov in Sochi on 5 February 2024.")
    assert {"Nurlan Abenov", "Ivan Sokolov"} <= set(_find(evs, "2024-02-05").participants)


def test_being_somewhere_on_a_date_is_a_visit():
    _, evs = _events("Governor of Omsk Oblast Vitaly Khotsenko will be in Pavlodar on March 20-21.")
    e = _find(evs, "2025-03-20", "2025-03-21")
    assert e.kind == "visit" and e.place == "Pavlodar" and e.status == "planned"


def test_the_sides_are_the_lead_events_participants():
    _, evs = _events(
        "On March 12, Foreign Minister Anna Petrova spoke by telephone with Minister of Foreign "
        "Affairs of Hungary Peter Szijjarto. The sides agreed to meet in Budapest on April 3.")
    e = _find(evs, "2025-04-03")
    assert e.place == "Budapest" and e.status == "planned"
    assert {"Anna Petrova", "Peter Szijjarto"} <= set(e.participants)


def test_bilateral_talks_on_the_sidelines_with_two_ministers_are_two_events():
    _, evs = _events(
        "On March 13, Foreign Minister Anna Petrova took part in a session of the Council of "
        "Foreign Ministers in Minsk. On the sidelines of the session, Anna Petrova held bilateral "
        "talks with Minister of Foreign Affairs of Armenia Ararat Mirzoyan and Minister of Foreign "
        "Affairs of Tajikistan Sirojiddin Muhriddin.")
    talks = [e for e in evs if e.kind == "talks"]
    assert sorted(e.participants[-1] for e in talks) == ["Ararat Mirzoyan", "Sirojiddin Muhriddin"]
    assert all(e.date_start == "2025-03-13" and e.place == "Minsk" for e in talks)


def test_a_date_inside_a_quoted_title_is_no_event():
    _, evs = _events("The museum will show the exhibition “May 9, 1945: The Day of Victory” "
                     "from April 28 to May 12.")
    assert [(e.date_start, e.date_end) for e in evs] == [("2025-04-28", "2025-05-12")]


def test_an_undated_opening_report_happened_on_the_release_date():
    _, evs = _events("Foreign Minister Anna Petrova held talks in Moscow with Minister of Foreign "
                     "Affairs of Laos Saleumxay Kommasith.", ref="0500-14-03-2025")
    e = _find(evs, "2025-03-14")
    assert e.kind == "talks" and e.place == "Moscow" and e.status == "held"
    _, evs = _events("Foreign Minister Anna Petrova will hold talks in Moscow with Minister of "
                     "Foreign Affairs of Laos Saleumxay Kommasith.")
    assert evs == []


def test_visit_to_a_country_takes_the_city_the_next_lines_name():
    _, evs = _events(
        "Foreign Minister Anna Petrova will pay an official visit to Uzbekistan on March 20-21. "
        "In Tashkent, she will hold talks with Minister of Foreign Affairs of Uzbekistan "
        "Bakhtiyor Saidov.")
    assert _find(evs, "2025-03-20", "2025-03-21").place == "Tashkent"


def test_visit_place_is_not_taken_from_a_summit_abroad_and_annual_events_that_took_place_are_held():
    _, evs = _events(
        "On March 10-12, President of Kazakhstan Nurlan Abenov paid a state visit to Russia. "
        "On March 12, President of Russia Ivan Sokolov and Nurlan Abenov also attended the summit "
        "in Astana. The forum, held annually since 2004, took place in Omsk on March 1-2.")
    assert _find(evs, "2025-03-10", "2025-03-12").place != "Astana"
    assert _find(evs, "2025-03-01", "2025-03-02").status == "held"


def test_also_received_joins_the_event_the_visitor_took_part_in_not_a_recalled_one():
    _x, evs = _events(
        "On March 12, Deputy Foreign Minister Pavel Orlov held consultations in Yerevan with "
        "Deputy Minister of Foreign Affairs of Armenia Vahan Kostanyan.\n\n"
        "The parties discussed the agreements reached during the visit of President Vladimir "
        "Putin to Armenia on October 9-10, 2023. Pavel Orlov was also received by Minister of "
        "Foreign Affairs of Armenia Ararat Mirzoyan.")
    received = [e for e in evs if "Ararat Mirzoyan" in e.participants]
    assert received and all(e.date_start == "2025-03-12" for e in received), [
        (e.date_start, e.participants) for e in evs]
