"""The word indexes (FTS5) merged into one segment at the end of a bulk import that grew them
enough for it to be cheap.

FTS5 writes each batch's words as a new segment and merges segments only a little at a time
(automerge), so a bulk import leaves every index in a dozen or more segments, and a search
reads the list of rows of each of its words in every one of them: at 20,000 generated
releases, search CPU p95 25-28 ms as built, 22 ms merged. Merging ('optimize') costs time in
proportion to the whole index (~0.14 ms of CPU per release stored at 20,000: 2.7 s), so it is
done only for an index this import grew by at least 1/GROWTH of its pages, which bounds its
cost to a few per cent of the import (the writer costs 15-40 ms per release). Each index is
merged in its own transaction after the import's last commit: a kill or an error leaves it
as it was, merged or not, with the same contents either way.
"""

from __future__ import annotations

import sqlite3

# An index is merged when this import wrote at least 1/GROWTH of its leaf pages.
GROWTH = 8
_V2 = b"\xff\x00\x00\x01"  # the structure record's format 2 (SQLite 3.43+: tombstones)


def _varint(b: bytes, i: int) -> tuple[int, int]:
    """SQLite's varint: big-endian groups of 7 bits, the ninth byte whole."""
    v = 0
    for n in range(8):
        c = b[i + n]
        v = (v << 7) | (c & 0x7F)
        if not c & 0x80:
            return v, i + n + 1
    return (v << 8) | b[i + 8], i + 9


def structure(conn: sqlite3.Connection, fts: str) -> list[list[int]]:
    """Per level of the index, the leaf pages of each of its segments (read from the
    structure record, row 10 of `<fts>_data`, as SQLite's fts5_index.c writes it)."""
    row = conn.execute(f'SELECT block FROM "{fts}_data" WHERE id = 10').fetchone()
    if row is None or not row[0]:
        return []
    data, i = row[0], 4  # after the cookie
    v2 = data[4:8] == _V2
    i += 4 if v2 else 0
    n_level, i = _varint(data, i)
    for _ in range(2 + v2):  # segments in all, write counter (, origin counter)
        _, i = _varint(data, i)
    levels = []
    for _ in range(n_level):
        _merging, i = _varint(data, i)
        total, i = _varint(data, i)
        pages = []
        for _ in range(total):
            _, i = _varint(data, i)  # segment id
            first, i = _varint(data, i)
            last, i = _varint(data, i)
            for _ in range(5 if v2 else 0):  # origins, tombstone pages and entries, entries
                _, i = _varint(data, i)
            pages.append(last - first + 1)
        levels.append(pages)
    return levels


def fts_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name")]


def shapes(conn: sqlite3.Connection) -> dict[str, tuple[int, int]]:
    """Each index's (segments, leaf pages) now: one row read per index."""
    out = {}
    for fts in fts_names(conn):
        levels = structure(conn, fts)
        out[fts] = (sum(map(len, levels)), sum(map(sum, levels)))
    return out


def leaf_pages(conn: sqlite3.Connection) -> dict[str, int] | None:
    """Each index's leaf pages now; None when they cannot be read (then nothing is tidied)."""
    now = _shapes_or_none(conn)
    return None if now is None else {fts: pages for fts, (_segments, pages) in now.items()}


def _shapes_or_none(conn: sqlite3.Connection) -> dict[str, tuple[int, int]] | None:
    try:
        return shapes(conn)
    except (sqlite3.Error, IndexError):  # IndexError: a structure record not as expected
        return None


def tidy(conn: sqlite3.Connection, before: dict[str, int], say=None) -> list[str]:
    """Outside any transaction, after an import that began with `before` (leaf_pages):
    the indexes it grew by 1/GROWTH or more merged into one segment each. Returns their
    names. An index that cannot be merged now (locked, read-only) is left as it is.
    `say(message)` before each merge: at 44,855 releases the six take ~11 s, after the
    import's last document, and a progress bar standing at its end must say why."""
    after = _shapes_or_none(conn)
    if after is None:
        return []
    done = []
    grown = [fts for fts, (segments, pages) in after.items()
             if segments >= 2 and GROWTH * (pages - before.get(fts, 0)) >= pages]
    for i, fts in enumerate(grown):
        if say is not None:
            say(f"Merging the word indexes ({i + 1} of {len(grown)})…")
        try:
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
        except sqlite3.Error:
            continue
        done.append(fts)
    return done
