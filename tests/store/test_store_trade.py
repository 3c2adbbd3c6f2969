"""The Trade tab's aggregates: partner pairs, a pair's volume over time in one unit with its
targets apart, and its shares and growth."""

import pytest

from app.store import Filters, Store
from app.store.ingest import ingest_paths
from app.store.trade import NO_PARTNERS
from tests.store.fakes import FakeExtractor, make, release

TEXT = release(
    "Russia and its partners", "2024-05-01",
    "Trade with India was $65.7 billion in 2023 and $49.4 billion in 2022, and $17.2 billion "
    "in the first quarter of 2024; the sides aim for $100 billion by 2030, and experts expect "
    "$80 billion in 2025. Rupee trade came to 900 billion rupees in 2023. Trade with China "
    "reached $240.1 billion in 2023. National currencies made up 90 percent of settlements "
    "with India in 2023, and trade with India grew by 33 percent in 2023. Some 3,000 "
    "students came in 2023. A fund of $2 billion was set up.")

INDIA = {"partners": ["India", "Russia"], "measure_kind": "trade turnover"}


@pytest.fixture
def store(monkeypatch, tmp_path):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    fx.add(make(TEXT, "2024-05-01", quantities=[
        (65.7e9, "USD", "bilateral trade", "2023", "$65.7 billion", INDIA),
        (49.4e9, "USD", "bilateral trade", "2022", "$49.4 billion", INDIA),
        (17.2e9, "USD", "bilateral trade", "2024-Q1", "$17.2 billion", INDIA),
        (100e9, "USD", "bilateral trade", "2030", "$100 billion", {**INDIA, "status": "target"}),
        (80e9, "USD", "bilateral trade", "2025", "$80 billion", {**INDIA, "status": "forecast"}),
        (900e9, "INR", "bilateral trade", "2023", "900 billion rupees", INDIA),
        (240.1e9, "USD", "bilateral trade", "2023", "$240.1 billion",
         {"partners": ["China", "Russia"], "measure_kind": "trade turnover"}),
        (90, "percent", "share of national currencies in settlements", "2023", "90 percent",
         {"partners": ["India", "Russia"], "measure_kind": "currency share"}),
        (33, "percent", "growth of bilateral trade", "2023", "33 percent",
         {"partners": ["India", "Russia"], "measure_kind": "growth"}),
        (3000, "count", "students", "2023", "3,000", {"category": "culture"}),
        (2e9, "USD", "investment fund", None, "$2 billion", {"measure_kind": "investment"}),
    ]))
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert all(r.ok for r in ingest_paths(tmp_path / "t.db", [path]))
    with Store.open(tmp_path / "t.db") as s:
        yield s


def test_partner_pairs_most_figures_first(store):
    pairs = store.trade_partners()
    # India: 8 stated and one derived growth row (2022 -> 2023)
    assert [(p.partners, p.figures) for p in pairs] == [
        ("India–Russia", 9), ("China–Russia", 1), (NO_PARTNERS, 1)]
    assert pairs[-1].label == "No partners stated"


def test_volume_of_a_pair_in_its_commonest_unit_with_targets_apart(store):
    view = store.trade_view(Filters(partners="India–Russia"))
    assert view.units == [("USD", 5), ("INR", 1)] and view.unit == "USD"
    assert [(b.period, b.best.value) for b in view.bars] == [
        ("2022", 49.4e9), ("2023", 65.7e9), ("2024-Q1", 17.2e9)]
    assert [(f.status, f.period, f.value) for f in view.plans] == [
        ("forecast", "2025", 80e9), ("target", "2030", 100e9)]
    assert [f.value for f in view.shares] == [90]
    # the stated growth and the one derived from 2022 and 2023 ($65.7 bn / $49.4 bn)
    assert sorted((f.derived, f.value) for f in view.growth) == [(False, 33.0), (True, 33.0)]
    rupees = store.trade_view(Filters(partners="India–Russia"), unit="INR")
    assert [(b.period, b.best.unit) for b in rupees.bars] == [("2023", "INR")]


def test_all_partners_keep_pairs_apart_and_the_window_applies(store):
    view = store.trade_view(Filters())
    assert [(b.period, b.partners) for b in view.bars] == [
        ("2022", "India–Russia"), ("2023", "China–Russia"), ("2023", "India–Russia"),
        ("2024-Q1", "India–Russia")]
    june = store.trade_view(Filters(date_from="2024-06-01", date_to="2024-06-30",
                                    partners="India–Russia"))
    assert june.bars == [] and june.plans == []
    q1 = store.trade_view(Filters(date_from="2024-02-01", date_to="2024-02-29",
                                  partners="India–Russia"))
    assert [b.period for b in q1.bars] == ["2024-Q1"]
    assert store.trade_view(Filters(partners="Nowhere–Russia")).unit is None
    # the table's filter is the same: a pair, or the figures naming none
    assert store.count("trade", Filters(partners="India–Russia")) == 9
    assert [r["measure"] for r in store.rows("trade", Filters(partners=NO_PARTNERS))] == [
        "investment fund"]


@pytest.mark.parametrize("text", ["billion", "oil", "trade", "percent", "growth", "zzzz"])
def test_a_text_filters_matches_read_by_id_draw_the_same_chart(generated_db, text,
                                                                monkeypatch):
    """Under a text filter the chart's figures are read from the matches by id (when they
    are few: the word index's alone, or a list of those under the other filters too) or
    along the period index: the same chart either way."""
    from app.store import trade

    def walked(f):
        with monkeypatch.context() as m:
            m.setattr(trade, "BY_ID_MAX", -1)
            m.setattr(trade, "BY_ID_SHARE", 0)
            return store.trade_view(f)

    def by_id(f):
        with monkeypatch.context() as m:
            m.setattr(trade, "BY_ID_MAX", 10**9)
            m.setattr(trade, "BY_ID_SHARE", 10**9)
            read = []
            store.conn.set_trace_callback(read.append)
            view = store.trade_view(f)
            store.conn.set_trace_callback(None)
        assert any("CROSS JOIN trade" in sql for sql in read)
        return view

    with Store.open(generated_db) as store:
        cols = tuple(c for c in store.columns("trade") if c != "id")
        pair = store.trade_partners()[0].partners
        for f in (Filters(text=text, columns=cols),
                  # with another filter beside the text: a time window, a partner pair
                  Filters(text=text, columns=cols, date_from="2012-01-01", date_to="2018-12-31"),
                  Filters(text=text, columns=cols, partners=pair)):
            assert by_id(f) == walked(f)
