import re

from app.extract.fold import RE_I_ASCII_TWINS, fold_case


def test_every_letter_re_i_matches_to_ascii_folds_to_it():
    every = "".join(chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    twins = {ord(c): c for c in re.findall("[a-z]", every, re.I)}
    assert set(twins) == set(RE_I_ASCII_TWINS)
    for c in twins.values():
        assert re.fullmatch(fold_case(c), c, re.I)


def test_fold_case_keeps_keywords_findable():
    for text, word in [("On İnvestments", "investments"), ("MAY 5", "may"), ("ſummer", "summer"),
                       ("Kelvin K", "k"), ("the Quarter", "quarter")]:
        assert word in fold_case(text)
    assert "july" not in fold_case("in June")


def test_stems_are_words_every_match_holds():
    from app.extract.gates import Gated, stems

    assert stems(r"\bmet\b|\b(?:held|had)\s+talks\b|\bmeetings?\b") == ("met", "held", "had", "meeting")
    assert stems(r"colou?r|ab+c") == ("colo", "ab")
    assert stems(r"ab[|(]c|d") == ("ab", "d")
    # An alternative that can open with anything gives no test at all.
    assert stems(r"\b(?:tele)?phone|x") is None
    assert stems(r"(?<!press\s)\bconferences?\b") is None
    assert stems(r"foo|") is None
    g = Gated(re.compile(r"\bvisit(?:s|ed)?\b|\btrip\b", re.I))
    for text in ("They VISITED Minsk", "a short trip", "no match here", "İnvisit", "TRİP"):
        assert bool(g.search(text, fold_case(text))) == bool(g.rx.search(text))
