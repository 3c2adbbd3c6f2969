"""What a view is narrowed by (Filters) and which columns its text filter reads: the
vocabulary shared by the WHERE-clause builder (where.py), the Store and the exporters."""

from __future__ import annotations

from dataclasses import dataclass

from .search_text import clean_text

# Columns a text filter looks in (the text and date columns of each table, in the order of
# the word index over the same columns of the base table, schema.FILTER_FTS).
# the tables a Store shows and exports, in the order of the tabs
TABLES = ("people", "meetings", "trade", "figures", "culture", "sources")

TEXT_COLUMNS = {
    "people": ("name", "post", "country", "first_date", "last_date"),
    "meetings": ("date_start", "date_end", "kind", "place", "participants", "status",
                 "category", "summary", "source"),
    "trade": ("measure", "unit", "period", "qualifier", "category", "text", "source",
              "partners", "status", "direction"),
    "figures": ("measure", "unit", "period", "qualifier", "category", "text", "source",
                "partners", "status", "direction"),
    "culture": ("summary", "kind", "date_start", "place", "source"),
    "sources": ("title", "ref", "path", "date"),
}
# Read only when the caller says the column is shown (Filters.columns): a meeting's first
# source title names people ("Lavrov's talks...") who did not take part in it.
SHOWN_ONLY = {"source"}
# view column -> column of the word index, where the view renames it
_INDEX_NAME = {"source": "source_title", "post": "title"}


def text_columns(table: str, shown=None) -> tuple[str, ...]:
    """The columns a text filter reads: those of TEXT_COLUMNS the table shows (`shown`, the
    view's visible columns; None: every one but SHOWN_ONLY)."""
    if shown is None:
        return tuple(c for c in TEXT_COLUMNS[table] if c not in SHOWN_ONLY)
    shown = set(shown)
    return tuple(c for c in TEXT_COLUMNS[table] if c in shown)


# Which base fact a row of each table is, for provenance.

@dataclass
class Filters:
    text: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None
    kind: str | None = None
    year: int | None = None
    category: str | None = None
    ids: list[int] | None = None
    # the view's columns on screen: the text filter reads only those (None: see text_columns)
    columns: tuple[str, ...] | None = None

    def __setattr__(self, name, value) -> None:
        # Typed text can hold lone surrogates (pasted, or from a file name): not text
        # SQLite can be given, so each becomes U+FFFD, a character no word holds.
        object.__setattr__(self, name, clean_text(value))

    # while a time window is set, also keep the rows that state no date (app/store/window.py)
    undated: bool | None = None
    # figures of one pair of partners (as stored, "China–Russia"); "-": figures naming none
    partners: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "", [])}

