"""Name folding and variants: the key that merges one person's spellings."""

from __future__ import annotations

import pytest

from app.extract.fold import fold_name
from app.extract.names.names import name_key, surname


@pytest.mark.parametrize("a, b", [
    ("Sergey Lavrov", "Sergei Lavrov"),
    ("Sergey Lavrov", "SERGEJ LAVROV"),
    ("Alexander Lukashenko", "Aleksandr Lukashenko"),
    ("Aleksandar Vučić", "Aleksandar Vucic"),
    ("Alexei Overchuk", "Aleksei Overchuk"),
    ("Alexei Overchuk", "Alexey Overchuk"),
    ("Dmitri Peskov", "Dmitry Peskov"),
    ("Natalia Kochanova", "Natalya Kochanova"),
    ("Yuri Ushakov", "Yury Ushakov"),
    ("Vasily Nebenzya", "Vassily Nebenzia"),
    ("Pyotr Tolstoy", "Petr Tolstoy"),
    ("Yevgeny Ivanov", "Evgeny Ivanov"),
    ("Marko Đurić", "Marko Djuric"),
    ("Mr Lavrov", "Lavrov"),
    ("Alexander Botsan-Kharchenko", "Alexander Botsan Kharchenko"),
    ("Maxim Ryzhenkov", "Maksim Ryzhenkov"),
])
def test_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Sergey Lavrov", "Sergey Lavrova"),
    ("Alexander Lukashenko", "Viktor Lukashenko"),
    ("Igor Morgulov", "Igor Morozov"),
    ("Wang Yi", "Wang Wei"),
])
def test_different_people_keep_apart(a, b):
    assert name_key(a) != name_key(b)


def test_fold_drops_case_and_diacritics():
    assert fold_name("Miloš VUČEVIĆ") == "milos vucevic"
    assert fold_name("") == "" and name_key(None) == ""


def test_surname():
    assert surname("Sergey Lavrov") == "Lavrov"
    assert surname("Wang Yi") == "Wang"
    assert surname("Xi Jinping") == "Xi"
