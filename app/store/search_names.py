"""The small name index search reads before the sentences: every person's name and alias,
every place's and organisation's name, as folded words, kept in memory per connection and
rebuilt when the database changes. A few thousand names answer a query in well under a
millisecond, however many sentences repeat the name (whose lists of rows FTS5 would read)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .search_text import fold
from .sqlite_file import kept

_WORD = re.compile(r"\w+", re.UNICODE)
_NAMES_SQL = """
SELECT si.id, p.name, p.mention_count, 1 FROM search_index si
  JOIN persons p ON p.id = si.fact_id WHERE si.type = 'person'
UNION ALL
SELECT si.id, n.name, p.mention_count, 1 FROM search_index si
  JOIN person_names n ON n.person_id = si.fact_id
  JOIN persons p ON p.id = si.fact_id WHERE si.type = 'person'
UNION ALL
SELECT si.id, pl.name, 0, 0 FROM search_index si
  JOIN places pl ON pl.id = si.fact_id WHERE si.type = 'place'
UNION ALL
SELECT si.id, o.name, 0, 0 FROM search_index si
  JOIN organizations o ON o.id = si.fact_id WHERE si.type = 'organization'
"""


@dataclass
class NameIndex:
    rows: list[tuple[int, int, tuple]] = field(default_factory=list)  # (row id, weight, words)
    postings: dict[str, list[int]] = field(default_factory=dict)     # word -> entries
    vocabulary: list[str] = field(default_factory=list)              # sorted words
    people: set[int] = field(default_factory=set)                    # row ids of persons

    @classmethod
    def build(cls, conn) -> NameIndex:
        index = cls()
        for row_id, name, weight, person in conn.execute(_NAMES_SQL):
            if person:
                index.people.add(row_id)
            name = name or ""
            if name.isascii():  # folded, an ASCII word is its lower-case form
                words = [w for w in _WORD.findall(name.lower()) if w.strip("_")]
            else:
                words = [fold(w) for w in _WORD.findall(name) if w.strip("_")]
            if not words:
                continue
            entry = len(index.rows)
            index.rows.append((row_id, weight or 0, tuple(words)))
            for w in set(words):
                index.postings.setdefault(w, []).append(entry)
        index.vocabulary = sorted(index.postings)
        return index

    def _entries(self, token: str, prefix: bool) -> set[int]:
        if not prefix:
            return set(self.postings.get(token, ()))
        out: set[int] = set()
        i = bisect_left(self.vocabulary, token)
        while i < len(self.vocabulary) and self.vocabulary[i].startswith(token):
            out.update(self.postings[self.vocabulary[i]])
            i += 1
        return out

    def match(self, terms: list[tuple[str, bool]], limit: int) -> list[int]:
        """Search row ids of the names holding every term (folded word, whether a prefix),
        names made of exactly the query's words first, then the most mentioned; each row
        once (a person found by name and by alias)."""
        found: set[int] | None = None
        for word, prefix in terms:
            got = self._entries(word, prefix)
            found = got if found is None else found & got
            if not found:
                return []
        typed = {word for word, _prefix in terms}
        best: dict[int, tuple] = {}
        for entry in found or ():
            row_id, weight, words = self.rows[entry]
            exact = len(words) == len(terms) and set(words) == typed
            key = (not exact, -weight, len(words), row_id)
            if row_id not in best or key < best[row_id]:
                best[row_id] = key
        return sorted(best, key=best.__getitem__)[:limit]


def name_index(conn) -> NameIndex:
    """The connection's name index, rebuilt when any connection has changed the database."""
    return kept(conn, "_fb_name_index", lambda: NameIndex.build(conn))
