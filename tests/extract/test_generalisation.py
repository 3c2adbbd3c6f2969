"""Genre forms met in releases the extractor was not tuned on (see tests/data/heldout)."""

from app.extract import extract

HEAD = "10:00\n\nTitle\n\n0001-08-10-2024\n\n"


def _people(body: str) -> dict[str, tuple[str | None, str | None]]:
    return {p["name"]: (p["title"], p["country"]) for p in extract(HEAD + body).to_json()["people"]}


def _figures(body: str) -> list[tuple[float, str]]:
    return [(q["value"], q["unit"]) for q in extract(HEAD + body).to_json()["quantities"]]


def test_comma_list_inside_a_ministry_name():
    people = _people("The talks were attended by Minister of Investment, Industry and Trade "
                     "of Uzbekistan Laziz Kudratov.")
    assert people["Laziz Kudratov"] == ("Minister of Investment, Industry and Trade", "Uzbekistan")


def test_name_after_comma_is_not_a_field_list():
    people = _people("He met the Minister of Foreign Affairs of Belarus, Maxim Ryzhenkov, "
                     "and Alexander Gusev.")
    assert "Maxim Ryzhenkov" in people


def test_numbered_session_in_a_post():
    people = _people("He met President of the 79th session of the General Assembly Philemon Yang.")
    assert "Philemon Yang" in people


def test_side_represented_by_gives_the_country_to_the_whole_list():
    people = _people("The Uzbek side was represented by Minister of Foreign Affairs Bakhtiyor "
                     "Saidov and Minister of Energy Jurabek Mirzamakhmudov.")
    assert people["Bakhtiyor Saidov"][1] == "Uzbekistan"
    assert people["Jurabek Mirzamakhmudov"][1] == "Uzbekistan"


def test_administration_of_president():
    people = _people("They discussed the approaches of the new US administration of President "
                     "Donald Trump.")
    assert people["Donald Trump"][1] == "United States"


def test_head_of_the_adjective_government():
    people = _people("He recalled that the head of the Belarusian government Roman Golovchenko "
                     "had visited Kaluga.")
    assert people["Roman Golovchenko"][1] == "Belarus"


def test_counted_noun_after_a_list_of_adjectives():
    assert (17, "count") in _figures(
        "In their presence, 17 intergovernmental, interdepartmental and commercial documents "
        "were exchanged.")


def test_counted_noun_after_and_inside_a_compound():
    assert (3, "count") in _figures("The plan includes three combined heat and power plants.")


def test_model_designation_before_counted_noun():
    assert (2, "count") in _figures("Rosatom is building two VVER-1200 power units.")
    assert _figures("The plant uses VVER-1200 reactors.") == []


def test_possessive_things_count_but_possessive_people_do_not():
    assert (4, "count") in _figures("The plant is ready; its four power units are built.")
    assert _figures("Russia and Belarus are close; their two presidents met.") == []


def test_demonym_plurals_are_counted():
    assert (41000, "count") in _figures("Over 41,000 Palestinians have been killed.")


def test_number_of_reached():
    assert (14, "count") in _figures("The number of branches of Russian universities in the "
                                      "republic has reached 14.")


def test_halves():
    assert (1.5, "times") in _figures("The number of flights grew one and a half times.")
    assert (500000, "count") in _figures("Half a million people took part.")
    assert _figures("He spoke for half an hour.") == []


def test_posts_placed_in_a_country_or_in_charge_of_a_field():
    people = _people("EEC Minister in charge of Trade Andrey Slepnev met Russian Trade "
                     "Representative in Belarus Konstantin Zharov and Consul General of Russia "
                     "in Grodno Vladimir Milyutin.")
    assert people["Andrey Slepnev"][0] == "EEC Minister in charge of Trade"
    assert people["Konstantin Zharov"] == ("Trade Representative in Belarus", "Russia")
    assert people["Vladimir Milyutin"][1] == "Russia"


def test_regional_heads_of_the_region():
    people = _people("Rais of Tatarstan Rustam Minnikhanov met Akim of Almaty Yerbolat Dossayev.")
    assert people["Rustam Minnikhanov"][1] == "Russia"
    assert people["Yerbolat Dossayev"][1] == "Kazakhstan"


def test_surname_after_adjective_and_post_is_a_later_mention():
    x = extract(HEAD + "Belarusian PM Roman Golovchenko came; Belarusian PM Golovchenko left.")
    (p,) = x.people
    assert len(p.mentions) == 2


def test_commemorations_parades_and_named_years_are_culture_items():
    x = extract(HEAD + "On February 2, Volgograd hosted commemorative events marking the 82nd "
                "anniversary of the defeat of the Nazi troops in the Battle of Stalingrad.\n\n"
                "A military parade was held in the city centre.\n\n"
                "The year 2025 has been declared the Year of Peace and Unity in the CIS.")
    summaries = " | ".join(c.summary for c in x.culture)
    assert "82nd anniversary" in summaries
    assert "parade" in summaries.lower()
    assert "Year of Peace and Unity" in summaries


def _periods(body: str) -> list[tuple[float, str | None]]:
    return [(q["value"], q["period"]) for q in extract(HEAD + body).to_json()["quantities"]]


def test_periods_without_a_year_take_the_document_year():
    # The document is dated October 8, 2024.
    assert _periods("In January-October, exports grew by 8%.") == [(8, "2024-01/2024-10")]
    assert _periods("In January-November, exports grew by 8%.") == [(8, "2023-01/2023-11")]
    assert _periods("In Q3, turnover was $2.2 billion.") == [(2.2e9, "2024-Q3")]


def test_first_months_of_a_year():
    assert _periods("In the first nine months of 2024, trade reached $12.3 billion.") == [
        (12.3e9, "2024-01/2024-09")]


def test_a_period_opening_the_next_clause_is_not_this_figures():
    assert _periods("Last year, trade amounted to $10 billion, and in 2022, $9 billion.") == [
        (10e9, "2023"), (9e9, "2022")]


def test_same_period_last_year_is_a_comparison_base():
    assert _periods("In January–August 2024, Russians made 3.7 percent more trips than in the "
                    "same period last year.") == [(3.7, "2024-01/2024-08")]


def test_over_the_past_year_opening_a_sentence_is_the_period():
    assert _periods("Over the past year, more than 160 events were held.") == [(160, "2023")]


def test_scaled_values_are_exact():
    assert _periods("Imports fell to $4.1 billion in 2023.") == [(4100000000.0, "2023")]


def _events(body: str, head: str = HEAD) -> list[tuple]:
    return [(e["kind"], e["date_start"], e["date_end"], e["place"], e["participants"])
            for e in extract(head + body).to_json()["events"]]


def test_topic_places_are_not_where_an_event_happened():
    evs = _events("On October 8, the ministers of Russia and China, Sergey Lavrov and Wang Yi, "
                  "discussed the situation in the Middle East.")
    assert all(place != "Middle East" for _, _, _, place, _ in evs)


def test_events_inside_a_hosted_session_take_its_city():
    evs = _events("On June 10–11, Nizhny Novgorod hosted a meeting of BRICS Ministers chaired "
                  "by Foreign Minister Sergey Lavrov.\n\nOn June 10, on the sidelines of the "
                  "meeting, Sergey Lavrov held bilateral talks with Minister of Foreign Affairs "
                  "of China Wang Yi and with Minister of International Relations and Cooperation "
                  "of South Africa Naledi Pandor.", head="21:40\n\nT\n\n1105-11-06-2024\n\n")
    bilateral = [e for e in evs if e[1] == "2024-06-10" and e[2] == "2024-06-10"]
    assert {tuple(e[4]) for e in bilateral} >= {("Sergey Lavrov", "Wang Yi"),
                                                ("Sergey Lavrov", "Naledi Pandor")}
    assert all(e[3] == "Nizhny Novgorod" for e in bilateral)


def test_dates_with_a_relative_year_or_month():
    from app.extract.time.dates import find_dates

    def one(t: str, doc: str) -> tuple[str, str]:
        (d,) = find_dates(t, 0, len(t), doc)
        return d.start, d.end

    assert one("The meeting was held in Tehran on October 23 last year.", "2024-10-03") == (
        "2023-10-23", "2023-10-23")
    assert one("Last December, the council met in Ashgabat.", "2025-01-15") == ("2024-12", "2024-12")
    assert one("They will meet next March.", "2024-10-03") == ("2025-03", "2025-03")


def test_trade_figures_of_a_period_are_no_event():
    evs = _events("The co-chairs noted that Russia remains Kazakhstan's largest trade partner. "
                  "In January–September 2024, bilateral trade amounted to $20.1 billion, up 4.3 "
                  "percent year-on-year.")
    assert evs == []


def test_met_with_a_and_with_b_is_two_meetings():
    evs = _events("On October 8, Foreign Minister Sergey Lavrov met with Minister of Foreign "
                  "Affairs of Belarus Maxim Ryzhenkov and with Iran's Ali Bagheri Kani.")
    assert {tuple(e[4]) for e in evs} == {("Sergey Lavrov", "Maxim Ryzhenkov"),
                                         ("Sergey Lavrov", "Ali Bagheri Kani")}


def test_country_possessive_before_a_name():
    people = _people("Iran's Ali Bagheri Kani and China's Wang Yi met; Russia's Gazprom Neft "
                     "signed a contract.")
    assert people["Ali Bagheri Kani"][1] == "Iran"
    assert people["Wang Yi"][1] == "China"
    assert "Gazprom Neft" not in people


def test_an_unplaced_event_beside_a_city_commemoration_happened_in_that_city():
    evs = _events("On February 2, Volgograd hosted commemorative events marking the 82nd "
                  "anniversary of the victory in the Battle of Stalingrad.\n\nOn February 1, "
                  "Minister of Culture Olga Lyubimova opened an exhibition at the Panorama "
                  "Museum.", head="12:30\n\nT\n\n0215-03-02-2025\n\n")
    assert ("2025-02-01", "Volgograd") in {(e[1], e[3]) for e in evs}


def test_statements_before_the_vote_join_the_voting_meeting():
    evs = _events("On November 18, the UN Security Council voted on a draft resolution on "
                  "Sudan. Permanent Representative of Russia to the UN Vassily Nebenzia explained "
                  "our position before the vote.", head="11:20\n\nT\n\n2245-19-11-2024\n\n")
    assert any("Vassily Nebenzia" in e[4] for e in evs if e[1] == "2024-11-18")


def test_undated_kremlin_phone_call_is_on_the_document_date():
    evs = _events("Vladimir Putin had a telephone conversation with Prime Minister of the "
                  "Republic of India Narendra Modi.", head="20:10\n\nT\n\n1690-27-08-2024\n\n")
    assert ("2024-08-27", ("Vladimir Putin", "Narendra Modi")) in {(e[1], tuple(e[4])) for e in evs}


def test_one_word_names_after_a_country():
    people = _people("Lavrov held talks with Minister of Foreign Affairs of the Republic of "
                     "Indonesia Sugiono, who is in Moscow. President of Belarus Lukashenko and "
                     "President Alexander Lukashenko met.")
    assert people["Sugiono"] == ("Minister of Foreign Affairs", "Indonesia")
    assert "Lukashenko" not in people and "Alexander Lukashenko" in people


def test_capitalised_role_phrase_resolves():
    evs = _events("Vladimir Putin had a telephone conversation with Prime Minister of the "
                  "Republic of India Narendra Modi.\n\nThey noted the agreements reached during "
                  "the Indian Prime Minister's official visit to Moscow on July 8–9.",
                  head="20:10\n\nT\n\n1690-27-08-2024\n\n")
    assert any(e[1] == "2024-07-08" and "Narendra Modi" in e[4] for e in evs)


def test_names_inside_names_of_things_are_not_people():
    people = _people("Students received the Order of Alexander Nevsky; the Museum of Leo Tolstoy "
                     "opened, and Alexander Gusev came.")
    assert set(people) == {"Alexander Gusev"}


def test_year_in_a_name_is_no_period_and_years_ago_is():
    assert _periods("The 2030 Agenda is a priority, and 12 speakers took part.")[0][1] != "2030"
    assert _periods("Two years ago, 30,000 tonnes were shipped.") == [(30000, "2022")]


def test_part_of_a_whole_after_and_and_number_raised_to():
    assert (1200, "count") in _figures("Over 2,000 buildings were damaged, and about 1,200 of "
                                        "them have been repaired.")
    assert (1000, "count") in _figures("They agreed to increase the number of freight trains "
                                        "between the two countries to 1,000 a year.")


def test_held_there_takes_the_place_named_before():
    evs = _events("On September 20, Marat Khusnullin will visit Kursk, and a meeting of the "
                  "government commission will be held there on September 27.",
                  head="13:40\n\nT\n\n1402-19-09-2024\n\n")
    assert ("2024-09-27", "Kursk") in {(e[1], e[3]) for e in evs}


def test_also_received_after_announced_events_joins_the_held_one():
    evs = _events("On November 5, Deputy Foreign Minister Mikhail Galuzin held consultations in "
                  "Astana with Deputy Minister of Foreign Affairs of Kazakhstan Alibek Bakayev.\n\n"
                  "They discussed the visit of President Vladimir Putin to Kazakhstan on November "
                  "27–28. Mikhail Galuzin was also received by Minister of Foreign Affairs of "
                  "Kazakhstan Murat Nurtleu.", head="18:00\n\nT\n\n2198-05-11-2024\n\n")
    assert any(e[1] == "2024-11-05" and "Murat Nurtleu" in e[4] for e in evs)


def test_acronym_bodies_and_other_posts_country_words():
    people = _people("Russian Ambassador Boris Gryzlov and Chinese Ambassador Xie Xiaoyong came. "
                     "KGB Chairman Ivan Tertel attended.")
    assert people["Boris Gryzlov"] == ("Ambassador", "Russia")
    assert people["Ivan Tertel"][0] == "KGB Chairman"


def test_paired_posts_before_paired_names():
    people = _people("The Russian and Belarusian foreign ministers, Sergey Lavrov and Maxim "
                     "Ryzhenkov, will meet in Minsk.")
    assert people["Sergey Lavrov"] == ("Foreign Minister", "Russia")
    assert people["Maxim Ryzhenkov"] == ("Foreign Minister", "Belarus")


def test_the_speaker_of_an_answer_is_no_participant():
    evs = _events("Question: How will it be marked?\n\nMaria Zakharova: The conference of Joseph "
                  "Stalin, Franklin Roosevelt and Winston Churchill was held in Livadia Palace from "
                  "February 4 to 11, 2024.", head="12:50\n\nT\n\n0233-04-02-2025\n\n")
    (ev,) = [e for e in evs if e[1] == "2024-02-04"]
    assert "Maria Zakharova" not in ev[4] and "Winston Churchill" in ev[4]
    assert ev[3] == "Yalta"


def test_plural_post_before_a_list_of_names():
    people = _people("The treaty was signed by Presidents Vladimir Putin and Masoud Pezeshkian.")
    assert people["Vladimir Putin"][0] == people["Masoud Pezeshkian"][0] == "President"


def test_figures_since_a_date_are_statistics():
    evs = _events("The Foreign Ministry hotline has received more than 2,000 calls since "
                  "September 23.")
    assert evs == []
