"""The words of the full-text index a typed prefix begins, read from FTS5's own term list.

A prefix query makes FTS5 merge the whole list of rows of every word the prefix begins into
one list before it returns a row, and bm25 merges them all again to count the rows: at
50,000 releases 'Kozl' (Kozlovich, Kozlenko... eight words) cost 28 ms in the pass over all
text and 17 ms in the labels' pass, its words as an OR 6 and 7 ms. The words are found by
stepping through the index's terms (an fts5vocab 'instance' table, a TEMP table of the
connection: the database is not changed): each step seeks to the next term and reads no
word's list of rows (0.6 ms for the eight). An fts5vocab 'row' table would count each
word's rows: as slow as the merge."""

from __future__ import annotations

import re
import sqlite3

MAX_WORDS = 12  # a prefix beginning more words stays a prefix ('al': dozens of words)
_PLAIN = re.compile(r"[a-z0-9]+")  # folded as the index folds it: lower case, nothing else


def _table(conn) -> bool:
    if getattr(conn, "_fb_search_words", False):
        return True
    try:
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fb_search_words "
                     "USING fts5vocab(main, search_fts, instance)")
    except sqlite3.Error:
        return False
    try:
        conn._fb_search_words = True
    except AttributeError:
        pass  # a plain sqlite3 connection holds no attributes: checked again next time
    return True


def prefix_words(conn, token: str, most: int | None = None) -> list[str] | None:
    """The index's words that begin with `token`, in order, or None when they are more than
    `most` (or the token is not plain ASCII letters and digits, whose folding here could
    differ from the index's)."""
    most = MAX_WORDS if most is None else most
    prefix = token.lower()
    if not _PLAIN.fullmatch(prefix) or not _table(conn):
        return None
    # every word from `prefix` up to the first string past all the words it begins
    end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    words: list[str] = []
    low = prefix
    while True:
        row = conn.execute("SELECT term FROM temp.fb_search_words WHERE term >= ? AND term < ? "
                           "LIMIT 1", (low, end)).fetchone()
        if row is None:
            return words
        if len(words) == most:
            return None
        words.append(row[0])
        low = row[0] + "\x01"   # the least string after this word: no term holds a control
