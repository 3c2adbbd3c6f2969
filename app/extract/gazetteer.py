"""General-knowledge word lists (titles, countries, places, organisations) under resources/.

Users extend them by editing the files; nothing in them is specific to one release.
Loading is the only I/O of the extractor and happens once, on first use.

Files (tab-separated, a header row, "#" lines are comments, "|" separates alternatives):
    countries.tsv     name, aliases, adjectives (and demonyms), code
    places.tsv        name, country, kind (city/region), aliases
    organizations.tsv name, aliases (abbreviations too), country, kind
    org_heads.tsv     word (Council, Committee, Ministry ... : words that end a body's name)
    titles.tsv        title, kind (head/modifier/honorific/office/international/body/calendar),
                      country (for offices: State Duma -> Russia)
    given_names.tsv   name, variants (transliterations; the first form is canonical)
    publishers.tsv    marker, country (whose posts an unqualified title names)
    outlets.tsv       marker, outlet (who published a release: "/TASS/", "BelTA has learned")
app/extract/lexicon.py builds the indexes the stages use.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resources import gazetteer_dir


@dataclass
class Gazetteers:
    # Each table is a list of rows (dicts) as read from its TSV file; the stages that use
    # them build their own indexes.
    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def rows(self, name: str) -> list[dict[str, str]]:
        return self.tables.get(name, [])


def load_gazetteers(folder: Path) -> Gazetteers:
    tables: dict[str, list[dict[str, str]]] = {}
    for path in sorted(folder.glob("*.tsv")):
        # A stray byte in a user's edit must not stop extraction: it becomes U+FFFD.
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            lines = (ln for ln in fh if ln.strip() and not ln.startswith("#"))
            tables[path.stem] = [
                {k: (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(lines, delimiter="\t")
            ]
    return Gazetteers(tables)


@lru_cache(maxsize=1)
def default_gazetteers() -> Gazetteers:
    return load_gazetteers(gazetteer_dir())
