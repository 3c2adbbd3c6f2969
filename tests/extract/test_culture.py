"""Cultural and memorial items on invented sentences in the genre."""

from __future__ import annotations

import pytest
from scoring import CORPUS, gold_text

from app.extract import extract


def _doc(body: str) -> str:
    return f"10:05\n\nPress release on the minister's visit\n\n0555-12-05-2025\n\n{body}\n"


def _items(body: str):
    text = _doc(body)
    items = extract(text).culture
    for c in items:
        assert 0 <= c.span[0] < c.span[1] <= len(text)
    return text, items


@pytest.mark.parametrize("body, words, kind", [
    ("The minister laid a wreath at the Tomb of the Unknown Soldier.",
     "Wreath-laying at the Tomb of the Unknown Soldier", "wreath"),
    ("The delegation will lay flowers at the Eternal Flame in Volgograd.",
     "Flower-laying at the Eternal Flame", "flowers"),
    ("The Golden Apricot International Film Festival opened in Yerevan.",
     "Golden Apricot International Film Festival", "film"),
    ("Days of Kazakh Culture in Russia will take place in the autumn.",
     "Days of Kazakh Culture in Russia", "days of culture"),
    ("The sides prepared the programme of the Russia-Vietnam Year of Culture.",
     "Russia-Vietnam Year of Culture", "year of culture"),
    ("A memorial complex to the defenders of Leningrad was opened.",
     "memorial complex to the defenders of Leningrad", "memorial"),
    ("The ministers discussed the 80th anniversary of the Victory in the Great Patriotic War.",
     "80th anniversary of the Victory in the Great Patriotic War", "anniversary"),
    ("A joint commission on the history of the two peoples was set up.",
     "joint commission on the history of the two peoples", "history commission"),
    ("A Russian-Uzbek Commission on History was established in March.",
     "Russian-Uzbek Commission on History", "history commission"),
    ("A week of Serbian films is being held in Moscow cinemas.",
     "week of Serbian films", "film"),
    ("The winners received Commonwealth prizes for achievements in literature and art.",
     "Commonwealth prizes for achievements in literature", "prize"),
])
def test_items(body, words, kind):
    text, items = _items(body)
    assert len(items) == 1, items
    assert words.lower() in items[0].summary.lower(), items[0]
    assert items[0].kind == kind


def test_date_and_place_from_the_sentence():
    _, items = _items("On May 9, the ambassador laid a wreath at the Victory Monument in Minsk.")
    assert [(i.date_start, i.kind) for i in items] == [("2025-05-09", "wreath")]


def test_listed_markers_make_one_item_and_a_verb_splits_nothing():
    _, items = _items("Film weeks, exhibitions of photographs and folk festivals are held "
                      "every year.")
    assert len(items) == 1
    assert items[0].summary.startswith("Film weeks")


def test_such_as_list_gives_one_item_per_entry():
    _, items = _items("Joint war memory projects continue, such as restoration of the "
                      "Mamayev Kurgan memorial, creation of a museum of the Partisan Movement.")
    assert len(items) == 2, [i.summary for i in items]
    assert "Mamayev Kurgan" in items[0].summary and "Partisan Movement" in items[1].summary


def test_repeated_item_is_kept_once():
    _, items = _items("The Slavic Writing Festival opened in Pskov. Guests praised "
                      "the Slavic Writing Festival. ")
    assert len(items) == 1


def test_follow_up_sentence_dates_the_item():
    _, items = _items("The region prepares for the 81st anniversary of the liberation of "
                      "Smolensk. The main celebrations will take place on September 25.")
    assert len(items) == 1
    assert items[0].date_start == "2025-09-25"


def test_no_items_in_plain_politics():
    _, items = _items("The ministers discussed trade, energy and the 30th anniversary of "
                      "diplomatic relations. Historical memory matters, the minister said.")
    assert items == []


def test_generic_mentions_are_not_items():
    _, items = _items("Pupils will visit memorial complexes and museums along the route.")
    assert items == []


@pytest.mark.parametrize("body, words", [
    ("The ministers attended a concert dedicated to the 80th anniversary of the Victory.",
     "Concert dedicated to the 80th anniversary of the Victory"),
    ("A monument to Soviet soldiers was unveiled in Vienna.", "Monument to Soviet soldiers"),
    ("The Days of Tatar Spiritual Culture will open in Kazan.",
     "Days of Tatar Spiritual Culture"),
])
def test_more_forms(body, words):
    _, items = _items(body)
    assert [i.summary for i in items] == [words]


def test_titled_exhibition_with_date_and_place():
    _, items = _items("The exhibition Through the Eyes of Travellers opened at the City Museum "
                      "in Baku on 12 June and will run until 30 July.")
    assert [(i.kind, i.summary, i.date_start) for i in items] == [
        ("exhibition", "Exhibition Through the Eyes of Travellers", "2025-06-12")]


def test_trade_exhibitions_are_not_culture():
    _, items = _items("Russia will take part in the specialised exhibition EXPO 2030 and the "
                      "industrial exhibition Innoprom.")
    assert items == []


def test_who_laid_the_wreath_is_not_part_of_the_item():
    _, items = _items("Ambassador Ivan Petrov laid a wreath at the Memorial to Soviet Soldiers.")
    assert [i.summary for i in items] == ["Wreath-laying at the Memorial to Soviet Soldiers"]


def test_each_item_once_in_every_shipped_release():
    for name in ["seed", *CORPUS]:
        text = gold_text(name)
        items = extract(text).culture
        summaries = [i.summary.lower() for i in items]
        assert len(summaries) == len(set(summaries)), (name, summaries)
        spans = sorted(i.span for i in items)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), (name, spans)


def test_a_museum_as_a_venue_is_not_an_item_but_a_visit_is():
    assert _items("The talks were held at the Russian Museum of Ethnography.")[1] == []
    _, items = _items("The minister visited the State Historical Museum.")
    assert [i.summary for i in items] == ["State Historical Museum"]
