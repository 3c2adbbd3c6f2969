"""Stores kept open between reads on worker threads.

A read on a worker thread used to open its own Store and close it after: every plot read
started with SQLite's page cache empty and paid again for the b-tree pages the previous read
of the same tab had just loaded (at 44,855 releases the People tab's window plot read took
214 ms on a fresh connection, 105 ms on a warm one). A pool lends a Store to one thread at a
time (connections are opened with check_same_thread=False) and takes it back after.

Rows written by other connections are seen as usual: SQLite checks at every read transaction.
A file replaced under the same name (a rebuild, a recovery) is a new inode: the Stores of the
old file are closed, never lent again."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

KEEP = 2   # plot readers of at most two tabs run at once in practice


def _identity(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), st.st_dev, st.st_ino)


class StorePool:
    def __init__(self, keep: int = KEEP):
        self.keep = keep
        self._lock = threading.Lock()
        self._idle: dict[tuple, list] = {}

    @contextmanager
    def lend(self, path):
        """A Store of the database at `path` for the body of the `with`: an idle one of the
        same file if there is one, else a newly opened (and checked) one."""
        from .store import Store

        path = Path(path)
        key = _identity(path)
        store = self._take(key)
        if store is None:
            store = Store.open(path)
            key = _identity(path)
        try:
            yield store
        except BaseException:
            store.close()   # it may be mid-statement: never lent again
            raise
        self._give(key, store)

    def _take(self, key):
        if key is None:
            return None
        with self._lock:
            # Stores of a file since replaced under this name are closed before a Store of
            # the new file opens: SQLite would read the old one's WAL index as the new one's.
            stale = [s for k in [k for k in self._idle if k[0] == key[0] and k != key]
                     for s in self._idle.pop(k)]
            idle = self._idle.get(key)
            store = idle.pop() if idle else None
        for old in stale:
            old.close()
        return store

    def _give(self, key, store) -> None:
        conn = store.conn
        reusable = key is not None and not conn.in_transaction and _identity(store.path) == key
        if reusable:
            with self._lock:
                idle = self._idle.setdefault(key, [])
                if len(idle) < self.keep:
                    idle.append(store)
                    store = None
        if store is not None:
            store.close()

    def close(self, path=None) -> None:
        """Close the idle Stores (of `path` only, when given)."""
        name = str(Path(path).resolve()) if path is not None else None
        with self._lock:
            keys = [k for k in self._idle if name is None or k[0] == name]
            stores = [s for k in keys for s in self._idle.pop(k)]
        for store in stores:
            store.close()

    def idle_count(self) -> int:
        with self._lock:
            return sum(len(v) for v in self._idle.values())


reader_stores = StorePool()
