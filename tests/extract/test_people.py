"""People and posts on sentences written for these tests (not taken from the corpus), so they
show that the post patterns generalise to names and offices never seen before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extract.context import Context
from app.extract.document.text import read_header, split_sentences
from app.extract.gazetteer import default_gazetteers
from app.extract.names import entities
from app.extract.names.people import find_people


def find(text: str):
    """Only the stages this module is about: places and organisations, then people."""
    ctx = Context(text=text, doc=read_header(text), sentences=split_sentences(text),
                  gaz=default_gazetteers())
    ctx.places = entities.find_places(ctx)
    ctx.organizations = entities.find_organizations(ctx)
    return find_people(ctx)


def people(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.title, p.country) for p in find(text)}


def person(text: str, name: str):
    found = {p.name: p for p in find(text)}
    assert name in found, (name, list(found))
    return found[name]


@pytest.mark.parametrize("sentence, name, title, country", [
    ("Yesterday Foreign Minister Ivan Petrenko met the press.", "Ivan Petrenko",
     "Foreign Minister", "Russia"),
    ("He met President of the Republic of Uzbekistan Shavkat Mirziyoyev in Tashkent.",
     "Shavkat Mirziyoyev", "President", "Uzbekistan"),
    ("The talks involved Chairman of the Senate of Kazakhstan Ashimbek Tulepov.",
     "Ashimbek Tulepov", "Chairman of the Senate", "Kazakhstan"),
    ("The forum was opened by Armenian Prime Minister Gurgen Vardanyan.", "Gurgen Vardanyan",
     "Prime Minister", "Armenia"),
    ("Kazakh Ambassador to Russia Daulet Sarsenov attended.", "Daulet Sarsenov",
     "Ambassador to Russia", "Kazakhstan"),
    ("Minister of Industry and Trade of Belarus Pavel Zhukovsky spoke first.",
     "Pavel Zhukovsky", "Minister of Industry and Trade", "Belarus"),
    ("The delegation was led by Deputy Prime Minister – Minister of Economy of the Republic "
     "of Uzbekistan Jamshid Kholmatov.", "Jamshid Kholmatov",
     "Deputy Prime Minister – Minister of Economy", "Uzbekistan"),
    ("They were received by Speaker of the State Duma Olga Petrovskaya.", "Olga Petrovskaya",
     "Speaker of the State Duma", "Russia"),
    ("A letter came from Federation Council Speaker Anton Borisov.", "Anton Borisov",
     "Federation Council Speaker", "Russia"),
    ("It was signed by Chairwoman of the Council of the Republic Irina Kovalenko.",
     "Irina Kovalenko", "Chairwoman of the Council of the Republic", "Belarus"),
    ("Secretary General of the SCO Zhang Ming opened the meeting.", "Zhang Ming",
     "Secretary General of the SCO", None),
    ("Governor of the Pskov Region Mikhail Vedernikov welcomed the guests.",
     "Mikhail Vedernikov", "Governor of the Pskov Region", "Russia"),
    ("Vice Premier of the State Council of China Liu Guozhong arrived.", "Liu Guozhong",
     "Vice Premier of the State Council", "China"),
    ("Turkish Foreign Minister Hakan Yıldırım called.", "Hakan Yıldırım",
     "Foreign Minister", "Turkey"),
    ("Serbia's Permanent Representative to the OSCE Dragan Milić took the floor.",
     "Dragan Milić", "Permanent Representative to the OSCE", "Serbia"),
])
def test_post_before_name(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_apposition_gives_post_and_country():
    text = "Talks were held in Minsk. Pavel Utkin, Minister of Agriculture of Belarus, said so."
    p = person(text, "Pavel Utkin")
    assert (p.title, p.country) == ("Minister of Agriculture", "Belarus")


def test_apposition_list_does_not_give_the_next_post_to_the_previous_name():
    text = ("They were met by Deputy Minister of Transport Oleg Sidorenko, State Secretary of "
            "the Union State Ilya Voronin and local officials.")
    got = people(text)
    assert got["Ilya Voronin"] == ("State Secretary of the Union State", None)
    assert got["Oleg Sidorenko"][0] == "Deputy Minister of Transport"


def test_publisher_sets_default_country():
    belta = "MINSK, 3 May (BelTA) – Foreign Minister Pavel Grinko met students, BelTA has learned."
    assert people(belta)["Pavel Grinko"] == ("Foreign Minister", "Belarus")
    mfa = "Foreign Minister Pavel Grinko met students."
    assert people(mfa)["Pavel Grinko"] == ("Foreign Minister", "Russia")


def test_represented_by_gives_country():
    text = "Uzbekistan was represented by Minister of Foreign Affairs Rustam Aliev."
    assert people(text)["Rustam Aliev"] == ("Minister of Foreign Affairs", "Uzbekistan")


def test_its_post_points_to_the_region_before():
    text = "He criticised pressure on Republika Srpska and its President Goran Kovač."
    assert people(text)["Goran Kovač"] == ("President of Republika Srpska",
                                          "Bosnia and Herzegovina")


def test_explicit_country_wins_over_later_unqualified_mention():
    text = ("Prime Minister of Belarus Viktor Stolyar arrived. Later, Prime Minister Viktor "
            "Stolyar visited a plant.")
    assert people(text)["Viktor Stolyar"] == ("Prime Minister", "Belarus")


def test_later_mentions_attach_to_the_person():
    text = ("Deputy Foreign Minister Sergei Gavrilov met the envoy. Mr Gavrilov stressed the "
            "point. Sergey Gavrilov then left; Gavrilov's aide stayed.")
    got = find(text)
    assert len(got) == 1
    p = got[0]
    surfaces = [text[s:e] for s, e in p.mentions]
    assert surfaces == ["Sergei Gavrilov", "Mr Gavrilov", "Sergey Gavrilov", "Gavrilov"]
    assert "Sergey Gavrilov" in p.aliases


def test_surname_mention_before_the_full_name_in_a_headline():
    text = "Petrenko: talks went well\n\nForeign Minister Ivan Petrenko said the talks went well."
    p = find(text)[0]
    assert [text[s:e] for s, e in p.mentions] == ["Petrenko", "Ivan Petrenko"]


def test_transliteration_and_diacritics_merge():
    text = ("President of Serbia Aleksandar Vucic spoke. Later, Aleksandar Vučić and Alexander "
            "Vucic were quoted.")
    got = find(text)
    assert len(got) == 1 and len(got[0].mentions) == 3


def test_untitled_name_with_known_given_name():
    text = "Natalia Orlova thanked the hosts for the warm welcome."
    assert "Natalia Orlova" in people(text)


@pytest.mark.parametrize("text", [
    "They laid flowers at the Victory Monument and visited the Palace of Independence.",
    "Operation Bagration began in the summer.",
    "The Union State budget and the Global South were discussed.",
    "The President suggested expanding cooperation.",
    "The Minister of Foreign Affairs stressed the point.",
    "The Supreme State Council of the Union State met in Minsk on Monday.",
    "The Academy of Public Administration under the President of Belarus hosted it.",
    "Vladimir Region and Roman Empire history were covered.",
    "Flowers were laid in the Alexander Garden; the Roman Catholic church sent greetings.",
])
def test_no_people_from_non_person_phrases(text):
    assert people(text) == {}


def test_names_with_hyphens_and_chinese_order():
    text = ("Russian Ambassador Pyotr Ivanov-Sedykh met Vice President of China Han Zheng. "
            "Mr Han thanked him.")
    got = {p.name: p for p in find(text)}
    assert got["Pyotr Ivanov-Sedykh"].title == "Ambassador to China"
    assert got["Han Zheng"].country == "China"
    assert len(got["Han Zheng"].mentions) == 2


def test_ambassador_host_country_from_the_sentence():
    text = "In Hanoi, Prime Minister of Vietnam Pham Minh Chinh received Russian Ambassador Ivan Kolesov."
    p = person(text, "Ivan Kolesov")
    assert (p.title, p.country) == ("Ambassador to Vietnam", "Russia")


def test_spans_cover_the_names():
    text = "On Monday, Foreign Minister Sergey Morozov's visit began; Morozov met Ivan Kuzmin."
    for p in find(text):
        for s, e in p.mentions:
            assert 0 <= s < e <= len(text)
            assert p.name.split()[-1].split("-")[0][:4] in text[s:e] or text[s:e] in p.aliases


@pytest.mark.parametrize("sentence, name, title, country", [
    ("The statement was read by the Minister of Foreign Affairs of Belarus, Pavel Utkin, at "
     "the meeting.", "Pavel Utkin", "Minister of Foreign Affairs", "Belarus"),
    ("The talks were attended by the Ambassador of Russia to Serbia, Oleg Kuzin.",
     "Oleg Kuzin", "Ambassador to Serbia", "Russia"),
    ("Indian External Affairs Minister Rajiv Sharma visited Moscow.", "Rajiv Sharma",
     "External Affairs Minister", "India"),
    ("UN Secretary-General Pedro Alvares called for restraint.", "Pedro Alvares",
     "UN Secretary-General", None),
    ("He thanked Ambassador of the Russian Federation to the Republic of Belarus Ivan Sokol.",
     "Ivan Sokol", "Ambassador to Belarus", "Russia"),
    ("In Hanoi, Prime Minister of Vietnam Tran Van Minh received the delegation.",
     "Tran Van Minh", "Prime Minister", "Vietnam"),
])
def test_more_post_forms(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_post_inside_an_institution_name_is_not_given_to_the_next_name():
    text = ("At the Academy of Public Administration under the President of Belarus, Sergey "
            "Orlov addressed students.")
    assert people(text)["Sergey Orlov"] == (None, None)


def test_lower_case_post_after_a_country_adjective():
    text = "Kazakh leader Nurlan Abenov met the press."
    assert people(text)["Nurlan Abenov"] == ("leader", "Kazakhstan")


def test_counterpart_gives_country_but_not_a_post():
    text = ("Foreign Minister Ivan Petrenko met his Hungarian counterpart Tamas Kovacs. "
            "Minister of Foreign Affairs and Trade of Hungary Tamas Kovacs thanked him.")
    got = people(text)
    assert got["Tamas Kovacs"] == ("Minister of Foreign Affairs and Trade", "Hungary")
    only_peer = people("He met his Hungarian counterpart Tamas Kovacs.")
    assert only_peer["Tamas Kovacs"] == (None, "Hungary")


@pytest.mark.parametrize("sentence, name, title, country", [
    ("Governor of St Petersburg Pavel Belov opened the exhibition.", "Pavel Belov",
     "Governor of St Petersburg", "Russia"),
    ("Head of the Republic of Tatarstan Timur Galeev welcomed them.", "Timur Galeev",
     "Head of the Republic of Tatarstan", "Russia"),
    ("Director of the First CIS Department Pavel Lugin attended.", "Pavel Lugin",
     "Director of the First CIS Department", "Russia"),
    ("Chairman of the Board of the Eurasian Economic Commission Erlan Nurov attended.",
     "Erlan Nurov", "Chairman of the Board of the Eurasian Economic Commission", None),
    ("Director of the Third European Department of the Russian Foreign Ministry Oleg "
     "Malinin took part.", "Oleg Malinin",
     "Director of the Third European Department of the Russian Foreign Ministry", "Russia"),
])
def test_posts_of_regions_and_bodies(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


@pytest.mark.parametrize("text, name, country", [
    ("MINSK, 3 May (BelTA) – Deputy Foreign Minister Ivan Orlov and Ambassador Pavel Sedov "
     "took part on the Russian side.", "Ivan Orlov", "Russia"),
    ("MINSK, 3 May (BelTA) – On the Russian side, Deputy Foreign Minister Ivan Orlov took part.",
     "Ivan Orlov", "Russia"),
    ("MINSK, 3 May (BelTA) – The Kyrgyz delegation was led by Minister of Economy Bakyt "
     "Usenov.", "Bakyt Usenov", "Kyrgyzstan"),
    ("The delegation of Tajikistan was headed by Minister of Energy Daler Rahimov.",
     "Daler Rahimov", "Tajikistan"),
])
def test_country_from_the_sentence(text, name, country):
    assert people(text)[name][1] == country


def test_apposition_with_article():
    text = "Pavel Utkin, the Minister of Agriculture of Belarus, said so."
    assert people(text)["Pavel Utkin"] == ("Minister of Agriculture", "Belarus")


@pytest.mark.parametrize("sentence, name, title, country", [
    ("He met Minister of Foreign Affairs of the United Arab Emirates Sheikh Khalid bin Rashid "
     "Al Mansouri.", "Khalid bin Rashid Al Mansouri", "Minister of Foreign Affairs",
     "United Arab Emirates"),
    ("Saudi Crown Prince Faisal bin Nasser received the delegation.", "Faisal bin Nasser",
     "Crown Prince", "Saudi Arabia"),
    ("President of the European Commission Anna van der Berg spoke.", "Anna van der Berg",
     "President of the European Commission", None),
])
def test_names_with_particles(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_initial_and_surname_is_a_mention():
    text = "President of Belarus Viktor Stolyar arrived. V. Stolyar thanked the hosts."
    p = find(text)[0]
    assert [text[s:e] for s, e in p.mentions] == ["Viktor Stolyar", "V. Stolyar"]


@pytest.mark.parametrize("sentence, name, title, country", [
    ("Russian Deputy Prime Minister and Minister of Finance Pavel Orlov spoke.", "Pavel Orlov",
     "Deputy Prime Minister and Minister of Finance", "Russia"),
    ("Minister of Foreign Affairs of the Democratic People's Republic of Korea Ri Chol Min "
     "arrived.", "Ri Chol Min", "Minister of Foreign Affairs", "North Korea"),
    ("Foreign Minister of the Lao People's Democratic Republic Bounmy Vongsa spoke.",
     "Bounmy Vongsa", "Foreign Minister", "Laos"),
])
def test_two_posts_and_long_country_names(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_two_people_joined_by_and_keep_their_own_posts():
    text = ("Speaker of the Federation Council Irina Lebedeva and Chairman of the House of "
            "Representatives Pavel Sokol met.")
    got = people(text)
    assert got["Irina Lebedeva"] == ("Speaker of the Federation Council", "Russia")
    assert got["Pavel Sokol"] == ("Chairman of the House of Representatives", "Belarus")


_WORDS = ["Minister", "of", "the", "President", "Sergey", "Sergei", "Lavrov", "Lavrov's", ",",
          "–", "Mr", "Mr.", "Republic", "Belarus", "Belarusian", "its", "and", "to", "Ambassador",
          "Đurić", "Wang", "Yi", "People's", "\n", ".", "(BelTA)", "Council", "Union", "State",
          "bin", "von", "der", "Al", "Oblast", "Deputy", "Foreign", "Affairs", "counterpart",
          "A.", "Kyrgyzstan", "by", "represented", "was", "Natalya", "Natalia", "Kochanova"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_random_genre_words_give_valid_mentions(words):
    from app.extract.names.names import name_key
    text = " ".join(words)
    for p in find(text):
        for s, e in p.mentions:
            assert 0 <= s < e <= len(text)
            # the mention holds a word of the name, in this or another spelling
            surface = name_key(text[s:e]).split()
            assert any(name_key(w) in surface for w in p.name.split()), (p.name, text[s:e])
        assert p.name.strip() == p.name


def test_its_post_points_to_a_country():
    text = "The ministers discussed Moldova and its President Ion Rusu."
    assert people(text)["Ion Rusu"] == ("President", "Moldova")


@pytest.mark.parametrize("sentence, name, title, country", [
    ("US Secretary of State John Miller called.", "John Miller", "Secretary of State",
     "United States"),
    ("Belarus President Viktor Stolyar met the press.", "Viktor Stolyar", "President",
     "Belarus"),
])
def test_country_name_before_the_post(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_country_after_the_name():
    text = "Foreign Minister Ana Petrova of Serbia arrived in Moscow."
    assert people(text)["Ana Petrova"] == ("Foreign Minister", "Serbia")


@pytest.mark.parametrize("sentence, name, title, country", [
    ("Pavel Utkin, Belarus' foreign minister, noted the progress.", "Pavel Utkin",
     "Foreign Minister", "Belarus"),
    ("Oleg Kuzin, deputy head of the Federal Customs Service, attended.", "Oleg Kuzin",
     "Deputy Head of the Federal Customs Service", "Russia"),
    ("Ivan Sokol, the Kazakh ambassador, said so.", "Ivan Sokol", "Ambassador", "Kazakhstan"),
])
def test_lower_case_apposition(sentence, name, title, country):
    p = person(sentence, name)
    assert (p.title, p.country) == (title, country)


def test_lower_case_apposition_needs_a_closed_post():
    got = people("Pavel Utkin, the minister said, was late.")
    assert got.get("Pavel Utkin") == (None, None)


def test_a_region_before_the_post_gives_the_regions_country():
    got = people("MINSK, 3 May (BelTA) – Prime Minister of Belarus Ivan Kuzmich and Tatarstan "
                 "Prime Minister Oleg Fedorov signed a roadmap in Minsk.")
    assert got["Oleg Fedorov"] == ("Prime Minister of Tatarstan", "Russia")
    assert got["Ivan Kuzmich"] == ("Prime Minister", "Belarus")
