"""Places and organisations on sentences written for these tests."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.document.text import read_header, split_sentences
from app.extract.gazetteer import default_gazetteers
from app.extract.lexicon import lexicon
from app.extract.names import entities
from app.extract.names.people import find_people


def run(text: str) -> Context:
    ctx = Context(text=text, doc=read_header(text), sentences=split_sentences(text),
                  gaz=default_gazetteers())
    ctx.places = entities.find_places(ctx)
    ctx.organizations = entities.find_organizations(ctx)
    ctx.people = find_people(ctx)
    return ctx


def names(ents) -> dict[str, list[str]]:
    return {e.name: e for e in ents}


def test_lexicon_country_forms():
    lex = lexicon()
    assert lex.country("Belarusian") == "Belarus"
    assert lex.country("Republic of Belarus") == "Belarus"
    assert lex.country("the Republic of Belarus") == "Belarus"
    assert lex.country("Russia's") == "Russia"
    assert lex.country("People's Republic of China") == "China"
    assert lex.country("Kyrgyz") == "Kyrgyzstan"
    assert lex.country("Minsk") is None
    assert lex.country_by_name("Belarusian") is None
    assert lex.place("Saint Petersburg").name == "St Petersburg"
    assert lex.place("Grodno").country == "Belarus"
    assert lex.office_country("Federation Council") == (True, "Russia")
    assert lex.office_country("CSTO") == (True, None)
    assert lex.publisher_country("GRODNO, 5 May (BelTA) – ...") == "Belarus"


def test_places_with_every_mention_and_country():
    text = ("The delegation travelled from Yekaterinburg to Grodno and then to Saint Petersburg. "
            "In Grodno it visited a plant; the Mogilev Region sent a team.")
    ctx = run(text)
    got = names(ctx.places)
    assert [text[s:e] for s, e in got["Grodno"].mentions] == ["Grodno", "Grodno"]
    assert got["St Petersburg"].country == "Russia"
    assert got["Mogilev Region"].kind == "region" and got["Mogilev Region"].country == "Belarus"
    assert "Mogilev" not in got
    for e in ctx.places:
        for s, t in e.mentions:
            assert 0 <= s < t <= len(text)


def test_unknown_region_and_settlement_patterns():
    text = "Farmers of Tambov Oblast met in the village of Zarechye."
    got = names(run(text).places)
    assert got["Tambov Oblast"].country == "Russia"
    assert "Zarechye" in got


def test_place_inside_a_longer_name_or_a_person_is_not_a_place():
    text = ("The Shanghai Cooperation Organisation met. Foreign Minister Sergey Tula spoke. "
            "The Kursk Bulge battle was recalled.")
    got = names(run(text).places)
    assert "Shanghai" not in got and "Tula" not in got and "Kursk" not in got


def test_organisations_from_gazetteer_with_abbreviations():
    text = ("The CSTO and the CIS welcomed the statement, as did the United Nations. "
            "NATO and the OSCE were criticised; BRICS and the SCO were praised.")
    got = names(run(text).organizations)
    for n in ["CSTO", "CIS", "United Nations", "NATO", "OSCE", "BRICS", "SCO"]:
        assert n in got, n
    assert got["CSTO"].country is None


def test_organisations_from_name_patterns():
    text = ("The Standing Committee of the Union State approved the budget. The Joint "
            "Russian-Kazakh Commission on Energy met, and the Ministry of Natural Resources of "
            "Belarus agreed. The Russian Foreign Ministry issued a statement.")
    got = names(run(text).organizations)
    assert "Standing Committee of the Union State" in got
    assert "Union State" in got
    assert "Joint Russian-Kazakh Commission on Energy" in got
    assert "Ministry of Natural Resources of Belarus" in got
    assert "Russian Foreign Ministry" in got


def test_intergovernmental_committee_with_a_list_in_its_name():
    text = ("The Intergovernmental Commission on Trade, Industrial and Humanitarian Cooperation "
            "will meet.")
    got = names(run(text).organizations)
    assert "Intergovernmental Commission on Trade, Industrial and Humanitarian Cooperation" in got


def test_organisation_name_stops_before_a_person():
    text = "The letter was sent by Speaker of the Council of the Republic Irina Kovalenko."
    got = names(run(text).organizations)
    assert "Council of the Republic" in got
    assert not any("Kovalenko" in n for n in got)


def test_non_organisations():
    text = ("Union building went on. The Treaty on the Creation of the Union State was signed. "
            "Union State Day was celebrated at the Victory Monument.")
    got = names(run(text).organizations)
    assert set(got) == {"Union State"}


def test_unknown_town_after_in():
    text = ("The forum was held in Zarechensk and a fair near Lesnoye. Talks in January in "
            "English. Elections in Bosnia and Herzegovina.")
    got = names(run(text).places)
    assert "Zarechensk" in got and "Lesnoye" in got
    assert "January" not in got and "English" not in got and "Bosnia" not in got


def test_abbreviation_defined_in_brackets():
    text = ("The Eurasian Reinsurance Fund (ERF) was set up. The ERF will insure exports.")
    got = names(run(text).organizations)
    assert len(got["ERF"].mentions) == 2
