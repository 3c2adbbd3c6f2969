"""The time window means the same in every table: a row is kept when its date or period
overlaps the window; undated rows only when asked for, and their number is known."""

import pytest

from app.store import Filters, Store
from app.store.ingest import ingest_paths
from tests.store.fakes import FakeExtractor, make, release

SPRING = release(
    "Talks in Minsk", "2024-06-26",
    "On June 24-25, Sergey Lavrov held talks in Minsk with Maxim Ryzhenkov. Trade was "
    "$12.1 billion in the first quarter of 2024, $3.9 billion in June 2024, $46.5 billion "
    "in 2023, $60.2 billion in fiscal 2023-24, $8.8 billion in January-November 2021 and "
    "$1.5 billion at some point.")
UNDATED = release(
    "Remarks", "2024-01-10",
    "Sergey Lavrov met Ivan Petrov. Lavrov spoke again.")

PERIODS = {"2024-Q1": 12.1e9, "2024-06": 3.9e9, "2023": 46.5e9, "FY2023-2024": 60.2e9,
           "2021-01/2021-11": 8.8e9, None: 1.5e9}


@pytest.fixture
def db(monkeypatch, tmp_path):
    fx = FakeExtractor()
    monkeypatch.setattr("app.store.extraction.extract_release", fx)
    words = {12.1e9: "$12.1 billion", 3.9e9: "$3.9 billion", 46.5e9: "$46.5 billion",
             60.2e9: "$60.2 billion", 8.8e9: "$8.8 billion", 1.5e9: "$1.5 billion"}
    fx.add(make(
        SPRING, "2024-06-26",
        people=[("Sergey Lavrov", "Foreign Minister", "Russia", ["Sergey Lavrov"]),
                ("Maxim Ryzhenkov", None, "Belarus", ["Maxim Ryzhenkov"])],
        places=["Minsk"],
        events=[{"kind": "talks", "date_start": "2024-06-24", "date_end": "2024-06-25",
                 "place": "Minsk", "participants": ["Sergey Lavrov", "Maxim Ryzhenkov"],
                 "status": "held", "anchor": "held talks in Minsk"}],
        quantities=[(v, "USD", "bilateral trade", p, words[v]) for p, v in PERIODS.items()]))
    doc = make(UNDATED, "2024-01-10",
               people=[("Sergey Lavrov", None, None, ["Sergey Lavrov", "Lavrov"]),
                       ("Ivan Petrov", None, None, ["Ivan Petrov"])],
               events=[{"kind": "meeting", "date_start": None, "place": None,
                        "participants": ["Sergey Lavrov", "Ivan Petrov"], "status": "held",
                        "anchor": "met Ivan Petrov"}])
    doc.document.date = None    # a release that states no date
    fx.add(doc)
    paths = []
    for i, text in enumerate((SPRING, UNDATED)):
        path = tmp_path / f"d{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    assert all(r.ok for r in ingest_paths(tmp_path / "w.db", paths))
    return tmp_path / "w.db"


def _periods(store, **window):
    return sorted(str(r["period"]) for r in store.rows("trade", Filters(**window)))


@pytest.mark.parametrize("window, kept", [
    # June 2024: the month itself and the fiscal year spanning 2024, not the first quarter
    ({"date_from": "2024-06-01", "date_to": "2024-06-30"}, ["2024-06", "FY2023-2024"]),
    # a quarter overlaps by its months
    ({"date_from": "2024-03-15", "date_to": "2024-04-15"}, ["2024-Q1", "FY2023-2024"]),
    ({"date_from": "2024-04-01", "date_to": "2024-05-31"}, ["FY2023-2024"]),
    # a year by its year, a month range by its months
    ({"date_from": "2023-12-01", "date_to": "2023-12-31"}, ["2023", "FY2023-2024"]),
    ({"date_from": "2021-11-01"}, ["2021-01/2021-11", "2023", "2024-06", "2024-Q1", "FY2023-2024"]),
    ({"date_to": "2021-12-31"}, ["2021-01/2021-11"]),
    ({"date_from": "2021-12-01", "date_to": "2022-12-31"}, []),
])
def test_a_figure_is_kept_when_its_period_overlaps_the_window(db, window, kept):
    with Store.open(db) as store:
        assert _periods(store, **window) == kept
        assert store.count("trade", Filters(**window)) == len(kept)
        # the undated figure is hidden, counted, and shown on request
        assert store.undated_hidden("trade", Filters(**window)) == 1
        assert _periods(store, **window, undated=True) == sorted([*kept, "None"])
        assert store.undated_hidden("trade", Filters(**window, undated=True)) == 0


def test_without_a_window_nothing_is_hidden(db):
    with Store.open(db) as store:
        assert len(_periods(store)) == len(PERIODS)
        assert store.undated_hidden("trade", Filters()) == 0
        assert store.undated_hidden("trade", None) == 0


def test_a_meeting_overlaps_by_its_start_and_end(db):
    with Store.open(db) as store:
        # the talks run June 24-25: a window from the 25th still holds them
        late = Filters(date_from="2024-06-25", date_to="2024-06-30")
        assert [m["kind"] for m in store.rows("meetings", late)] == ["talks"]
        assert store.undated_hidden("meetings", late) == 1
        assert store.rows("meetings", Filters(date_from="2024-06-26")) == []
        assert len(store.rows("meetings", Filters(date_from="2024-06-26", undated=True))) == 1


def test_people_count_mentions_and_meetings_within_the_window(db):
    with Store.open(db) as store:
        everyone = {p["name"]: p for p in store.rows("people")}
        assert everyone["Sergey Lavrov"]["meetings"] == 2
        assert everyone["Sergey Lavrov"]["mentions"] == 3
        june = Filters(date_from="2024-06-01", date_to="2024-06-30")
        shown = {p["name"]: p for p in store.rows("people", june)}
        # Petrov appears only in the undated release: hidden, and counted as undated
        assert set(shown) == {"Sergey Lavrov", "Maxim Ryzhenkov"}
        assert store.count("people", june) == 2
        assert (shown["Sergey Lavrov"]["meetings"], shown["Sergey Lavrov"]["mentions"]) == (1, 1)
        assert store.undated_hidden("people", june) == 1
        with_undated = {p["name"] for p in store.rows("people", Filters(**june.to_dict(),
                                                                         undated=True))}
        assert with_undated == {"Sergey Lavrov", "Maxim Ryzhenkov", "Ivan Petrov"}
        # sorted by the counts within the window
        by_mentions = store.rows("people", june, order_by="mentions", descending=True)
        assert [p["mentions"] for p in by_mentions] == [1, 1]
        assert store.rows("people", Filters(date_from="2025-01-01")) == []


def test_sources_and_culture_follow_the_same_rule(db):
    with Store.open(db) as store:
        june = Filters(date_from="2024-06-01", date_to="2024-06-30")
        assert [d["date"] for d in store.rows("sources", june)] == ["2024-06-26"]
        assert store.undated_hidden("sources", june) == 1
        assert store.count("sources", Filters(date_from="2024")) == 1


def test_undated_rows_of_a_whole_table_are_counted_from_the_kept_counts(db):
    """A window alone (no other filter): the undated rows hidden are read from the kept
    counts, with the same answer as counting the facts (kept_counts = False)."""
    june = Filters(date_from="2024-06-01", date_to="2024-06-30")
    with Store.open(db) as store:
        read = []
        store.conn.set_trace_callback(read.append)
        kept = {t: store.undated_hidden(t, june) for t in ("people", "meetings", "culture")}
        store.conn.set_trace_callback(None)
        read = [sql for sql in read if not sql.startswith("PRAGMA")]   # the database's version
        assert all("kept_" in sql for sql in read) and len(read) == 3
        assert not any("event_participants" in sql or "FROM meetings" in sql for sql in read)
        store.kept_counts = False
        assert kept == {t: store.undated_hidden(t, june) for t in kept}
        assert kept["people"] == 1 and kept["meetings"] == 1
        # another filter beside the window: the facts are counted
        assert store.undated_hidden("people", Filters(**june.to_dict(), text="Petrov")) == 1


@pytest.mark.parametrize("window", [
    {"date_from": "2024-06-01", "date_to": "2024-06-30"}, {"date_to": "2021-12-31"},
    {"date_from": "2023-12-01", "date_to": "2023-12-31"}, {"date_to": "2024"},
    {"date_from": "2021-12-01", "date_to": "2022-12-31"}])
def test_figures_latest_first_in_a_window_walk_the_period_index(db, window):
    """Latest period first in a window: two ordered ranges of the period index (digits up to
    the window's year, fiscal years) give the same rows, pages included, as the reverse of
    the oldest-first order."""
    with Store.open(db) as store:
        f = Filters(**window)
        oldest_first = store.rows("trade", f, order_by="period")
        read = []
        store.conn.set_trace_callback(read.append)
        latest_first = store.rows("trade", f, order_by="period", descending=True)
        store.conn.set_trace_callback(None)
        assert any("UNION ALL" in sql for sql in read)
        assert latest_first == oldest_first[::-1]
        pages, after = [], None
        while page := store.rows("trade", f, order_by="period", descending=True, limit=1,
                                 after=after):
            pages += page
            after = page[-1]
        assert pages == latest_first
        # undated rows shown: the plain read (they have no period to range over)
        shown = store.rows("trade", Filters(**window, undated=True), order_by="period",
                           descending=True)
        assert len(shown) == len(latest_first) + 1
