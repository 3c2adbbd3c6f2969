"""One time window, one meaning: set on every tab of a database of many releases (bars in
both orientations, empty windows, undated rows), it never raises, and each tab's table
count, the status bar, the date fields and the plots agree."""

import pytest

from app.store import Filters, Store
from app.store.ingest import ingest_paths
from tests.gui.gui_helpers import CORPUS, shown_window, table_rows
from tests.store.fakes import FakeExtractor, make, release

PARTNERS = release(
    "Trade by partner", "2024-07-02",
    "Trade with India was $65.7 billion in 2023 and $17.2 billion in the first quarter of "
    "2024; the sides aim for $100 billion by 2030. Trade with Vietnam was $3.6 billion in "
    "2023. National currencies made up 90 percent of settlements with India in 2023. "
    "Trade with Laos grew by 40 percent in January-November 2021.")
NO_DATE = release(
    "Remarks without a date", "2024-01-01",
    "Sergey Lavrov met Ivan Petrov. Trade with India came to $1.2 billion at some point. "
    "A festival of Indian films was held.")

WINDOWS = [
    ("2024-06-01", "2024-06-30"),      # a month: the seed's visit, no quarter of 2024
    ("2023-01-01", "2023-12-31"),      # a year
    ("2024-02-10", "2024-03-20"),      # inside a quarter
    ("1901-01-01", "1901-12-31"),      # empty
    (None, "2021-12-31"),              # open start
    ("2030-01-01", None),              # open end: only the target
    ("2024-06-25", "2024-06-25"),      # one day, the second day of a two-day visit
    (None, None),
]


@pytest.fixture
def many_db(tmp_path_factory, monkeypatch):
    """The shipped release, the six test releases (the real extractor) and two made by hand:
    figures with partners, a target and undated rows of every kind."""
    import app.store.extraction as extraction

    fx = FakeExtractor()
    real = extraction.extract_release

    def extract(text, path=None, meta=None, date=None, cancel=None):
        if text in fx.by_text:
            return fx(text, path, meta, date)
        return real(text, path, meta, date, cancel)

    india = {"partners": ["India", "Russia"], "measure_kind": "trade turnover"}
    fx.add(make(PARTNERS, "2024-07-02", quantities=[
        (65.7e9, "USD", "bilateral trade", "2023", "$65.7 billion", india),
        (17.2e9, "USD", "bilateral trade", "2024-Q1", "$17.2 billion", india),
        (100e9, "USD", "bilateral trade", "2030", "$100 billion", {**india, "status": "target"}),
        (3.6e9, "USD", "bilateral trade", "2023", "$3.6 billion",
         {"partners": ["Russia", "Vietnam"], "measure_kind": "trade turnover"}),
        (90, "percent", "share of national currencies in settlements", "2023", "90 percent",
         {"partners": ["India", "Russia"], "measure_kind": "currency share"}),
        (40, "percent", "growth of trade", "2021-01/2021-11", "40 percent",
         {"partners": ["Laos", "Russia"], "measure_kind": "growth"})]))
    undated = make(NO_DATE, "2024-01-01",
                   people=[("Sergey Lavrov", None, None, ["Sergey Lavrov"]),
                           ("Ivan Petrov", None, None, ["Ivan Petrov"])],
                   events=[{"kind": "meeting", "date_start": None, "place": None,
                            "participants": ["Sergey Lavrov", "Ivan Petrov"], "status": "held",
                            "anchor": "met Ivan Petrov"}],
                   quantities=[(1.2e9, "USD", "bilateral trade", None, "$1.2 billion", india)],
                   culture=[("festival of Indian films", None, "festival of Indian films")])
    undated.document.date = None
    fx.add(undated)
    monkeypatch.setattr(extraction, "extract_release", extract)
    folder = tmp_path_factory.mktemp("many")
    paths = sorted(CORPUS.glob("*.txt"))
    for i, text in enumerate((PARTNERS, NO_DATE)):
        path = folder / f"hand{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    db = folder / "many.db"
    from app.store import ensure_default_db
    ensure_default_db(db)
    assert all(r.ok for r in ingest_paths(db, paths))
    monkeypatch.undo()
    return db


@pytest.fixture
def many_window(qtbot, many_db, settings):
    store = Store.open(many_db)
    w = shown_window(qtbot, store, settings)
    yield w
    for tab in w.tab_by_name.values():
        tab.wait_for_plots()
    w.close()
    store.close()


def _filters(window, tab) -> Filters:
    f = tab.model.filters
    assert (f.date_from, f.date_to) == window.time_window()
    return f


def _settle(qtbot, tab):
    tab.wait_for_plots()
    qtbot.wait(20)      # queued results of plot workers


def _plotted_ids(name, tab) -> set[int]:
    if name == "trade":
        return tab.volume.drawn_ids() | {i for b in tab.shares.bars for i in b.ids}
    if name == "people":
        return {i for b in tab.bars.bars for i in b.ids}
    if name in ("meetings", "culture") and not tab.timeline.aggregated:
        return {p.id for p in tab.timeline.points}
    if name == "sources" and tab.plot_stack.currentWidget() is tab.timeline:
        return {p.id for p in tab.timeline.points}
    return set()


def _check_tab(window, name, tab, store):
    date_from, date_to = window.time_window()
    # the date fields and the status bar say the window
    assert (window.date_from.iso(), window.date_to.iso()) == (date_from, date_to)
    label = window.window_label.text()
    if date_from or date_to:
        assert f"{date_from or '…'} – {date_to or '…'}" in label
        # the database's totals beside it say they are not the window's
        assert window.counts_label.text().startswith("in the whole database: ")
    else:
        assert label == "All dates"
        assert not window.counts_label.text().startswith("in the whole")
    filters = _filters(window, tab)
    count = store.count(tab.model.table, filters)
    assert tab.model.rowCount() == count
    assert tab.count_label.text().startswith(f"{count:,} row")
    hidden = store.undated_hidden(tab.model.table, filters)
    assert (f"{hidden:,} undated hidden" in tab.count_label.text()) == bool(hidden)
    shown = {r["id"] for r in table_rows(tab)}
    # every row a plot draws is a row of the table
    assert _plotted_ids(name, tab) <= shown
    if name == "people":
        top = [(p.person_id, p.meetings) for p in
               store.dated_meetings_per_person(window.window_filters(), len(tab.bars.bars))]
        assert sorted((b.ids[0], b.value) for b in tab.bars.bars) == sorted(top)
        # the Meetings column counts the meetings in the window
        for b in tab.bars.bars:
            row = next(r for r in table_rows(tab) if r["id"] == b.ids[0])
            assert row["meetings"] >= b.value
    if name == "culture":
        assert sum(b.value for b in tab.kinds.bars) == count
    if name == "sources" and tab.plot_stack.currentWidget() is tab.timeline:
        assert {p.id for p in tab.timeline.points} == {r["id"] for r in table_rows(tab) if r["date"]}
    return hidden


@pytest.mark.parametrize("name", ["people", "meetings", "trade", "culture", "sources"])
def test_every_window_on_every_tab_never_raises_and_agrees(qtbot, many_window, name):
    window = many_window
    store = window.store
    tab = window.show_tab(name)
    _settle(qtbot, tab)
    seen_hidden = 0
    for date_from, date_to in WINDOWS:
        window.set_time_window(date_from, date_to)
        _settle(qtbot, tab)
        hidden = _check_tab(window, name, tab, store)
        seen_hidden += hidden
        if date_from or date_to:
            count = tab.model.rowCount()
            window.set_show_undated(True)
            _settle(qtbot, tab)
            assert tab.model.rowCount() == count + hidden
            assert "undated shown" in window.window_label.text()
            _check_tab(window, name, tab, store)
            window.set_show_undated(False)
            _settle(qtbot, tab)
            assert tab.model.rowCount() == count
    assert seen_hidden > 0      # the database has undated rows in this tab


def test_the_window_typed_into_the_date_fields_reaches_every_tab(qtbot, many_window):
    window = many_window
    window.date_from.set_iso("2024-06-01")
    window.date_to.set_iso("2024-06-30")
    window._dates_edited()
    for name, tab in window.tab_by_name.items():
        window.show_tab(name)
        _settle(qtbot, tab)
        _check_tab(window, name, tab, window.store)
    trade = window.tab_by_name["trade"]
    trade.select_partners("*")
    _settle(qtbot, trade)
    # June 2024 holds no quarter of 2024 and no undated figure
    assert all(r["period"] not in ("2024-Q1", None) for r in table_rows(trade))


def test_trade_partner_selector_defaults_to_the_pair_with_most_figures(qtbot, many_window):
    window = many_window
    tab = window.show_tab("trade")
    _settle(qtbot, tab)
    from collections import Counter

    pairs = Counter(r["partners"] for r in window.store.rows("trade") if r["partners"])
    assert tab.partners() == pairs.most_common(1)[0][0]
    tab.select_partners("India–Russia")
    _settle(qtbot, tab)
    assert {r["partners"] for r in table_rows(tab)} == {"India–Russia"}
    assert not tab.view.isColumnHidden(tab.model.columns.index("partners"))
    assert [p.label for p in tab.volume.plans] == ["target 2030: 100"]
    assert tab.volume.plot.getAxis("left").labelText == "USD billion"
    tab.select_partners("*")
    _settle(qtbot, tab)
    assert tab.model.rowCount() == window.store.count("trade")
    # pairs stand apart: Vietnam's 2023 is not drawn as India's
    pairs = {b.tip.split(" · ")[2].split("\n")[0] for b in tab.volume.bars
             if b.tip.count(" · ") >= 2}
    assert {"India–Russia", "Russia–Vietnam"} <= pairs
