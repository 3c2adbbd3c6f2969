"""Role phrases resolved to people, on a release written for these tests."""

from __future__ import annotations

import re

import pytest

from app.extract.context import Context
from app.extract.gazetteer import default_gazetteers
from app.extract.model import DocumentInfo, Person
from app.extract.names.roles import find_roles, post_kinds, sentence_subject

TEXT = (
    "Foreign Minister Anna Petrova met Minister of Foreign Affairs of Kazakhstan Daniyar Omarov. "
    "President of Russia Ivan Sokolov and President of Kazakhstan Nurlan Abenov spoke by phone. "
    "Deputy Foreign Minister Oleg Lebedev and Prime Minister of Kazakhstan Serik Zhumabaev attended. "
    "The two foreign ministers signed a protocol. "
    "The presidents of Russia and Kazakhstan will meet in Astana. "
    "The Kazakh minister thanked the Russian minister. "
    "Anna Petrova later called her Kazakh counterpart. "
    "The head of the Kazakh government chaired the session. "
    "The two leaders agreed. "
    "They will meet again."
)


def _people():
    def p(name, title, country):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), TEXT)]
        return Person(name=name, title=title, country=country, mentions=spans)
    return [
        p("Anna Petrova", "Foreign Minister", "Russia"),
        p("Daniyar Omarov", "Minister of Foreign Affairs", "Kazakhstan"),
        p("Ivan Sokolov", "President", "Russia"),
        p("Nurlan Abenov", "President", "Kazakhstan"),
        p("Oleg Lebedev", "Deputy Foreign Minister", "Russia"),
        p("Serik Zhumabaev", "Prime Minister", "Kazakhstan"),
    ]


@pytest.fixture()
def ctx():
    c = Context(text=TEXT, doc=DocumentInfo(date="2025-05-05"), sentences=[], gaz=default_gazetteers())
    c.people = _people()
    return c


def _resolve(ctx, phrase, prev=None):
    s = TEXT.index(phrase)
    refs = find_roles(ctx, s, s + len(phrase), prev)
    assert refs, phrase
    return refs[0].people


def test_post_kinds_ignore_deputies():
    assert post_kinds("Deputy Foreign Minister") == set()
    assert "foreign_minister" in post_kinds("Deputy Prime Minister – Minister of Foreign Affairs")
    assert post_kinds("Prime Minister") == {"prime_minister"}


def test_two_foreign_ministers(ctx):
    assert sorted(_resolve(ctx, "The two foreign ministers")) == ["Anna Petrova", "Daniyar Omarov"]


def test_presidents_of_two_countries(ctx):
    assert _resolve(ctx, "The presidents of Russia and Kazakhstan") == ["Ivan Sokolov", "Nurlan Abenov"]


def test_minister_by_country_adjective(ctx):
    assert _resolve(ctx, "The Kazakh minister") == ["Daniyar Omarov"]
    assert _resolve(ctx, "the Russian minister") == ["Anna Petrova"]


def test_counterpart(ctx):
    assert _resolve(ctx, "Anna Petrova later called her Kazakh counterpart")[-1:] == ["Daniyar Omarov"]


def test_head_of_government(ctx):
    assert _resolve(ctx, "The head of the Kazakh government") == ["Serik Zhumabaev"]


def test_two_leaders_are_heads_of_state(ctx):
    assert sorted(_resolve(ctx, "The two leaders")) == ["Ivan Sokolov", "Nurlan Abenov"]


def test_they_takes_previous_subject(ctx):
    s = TEXT.index("The two leaders agreed.")
    e = s + len("The two leaders agreed.")
    refs = find_roles(ctx, s, e)
    subj = sentence_subject(ctx, s, e, refs)
    assert sorted(_resolve(ctx, "They will meet again.", subj)) == ["Ivan Sokolov", "Nurlan Abenov"]


def test_subject_with_coordinated_names(ctx):
    s = TEXT.index("President of Russia Ivan")
    e = TEXT.index("spoke by phone.")
    assert sentence_subject(ctx, s, e, []) == ["Ivan Sokolov", "Nurlan Abenov"]


def test_unknown_post_resolves_to_nobody(ctx):
    s = TEXT.index("The head of the Kazakh government")
    assert find_roles(ctx, 0, 20) == []
    ctx.people = [p for p in ctx.people if p.name != "Serik Zhumabaev"]
    assert find_roles(ctx, s, s + 34) == []


def test_plural_role_does_not_reach_people_named_only_later():
    text = ("Foreign Minister Anna Petrova met Foreign Minister Daniyar Omarov. The ministers "
            "signed a protocol. Later, Foreign Minister Jan Novak arrived.")
    c = Context(text=text, doc=DocumentInfo(date="2025-05-05"), sentences=[], gaz=default_gazetteers())
    c.people = [Person(n, "Foreign Minister", k, [(text.index(n), text.index(n) + len(n))])
                for n, k in [("Anna Petrova", "Russia"), ("Daniyar Omarov", "Kazakhstan"),
                             ("Jan Novak", "Czechia")]]
    s = text.index("The ministers")
    (ref,) = find_roles(c, s, s + 13)
    assert sorted(ref.people) == ["Anna Petrova", "Daniyar Omarov"]
