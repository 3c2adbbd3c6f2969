from app.store.keys import entity_key, person_key


def test_person_variants_share_a_key():
    assert person_key("Sergey Lavrov") == person_key("Sergei Lavrov") == person_key("SERGEY LAVROV")
    assert person_key("Aleksandar Vučić") == person_key("Aleksandar Vucic")
    assert person_key("Mr Lavrov") == person_key("Lavrov")
    assert person_key("Sergey Lavrov") != person_key("Sergey Aleinik")


def test_entity_variants_share_a_key():
    assert entity_key("St. Petersburg") == entity_key("Saint Petersburg") == entity_key(
        "St Petersburg")
    assert entity_key("the Collective Security Treaty Organisation") == entity_key(
        "Collective Security Treaty Organization")
    assert entity_key("Minsk") != entity_key("Moscow")
    assert entity_key("Brest") != entity_key("Brest Region")


def test_measure_variants_share_a_key():
    from app.store.keys import measure_key

    assert measure_key("bilateral trade turnover") == measure_key(
        "the volume of bilateral trade") == measure_key("Bilateral trade")
    assert measure_key("bilateral trade") != measure_key("Russian exports")
    assert measure_key(None) == ""
