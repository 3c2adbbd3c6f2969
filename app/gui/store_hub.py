"""The open database as the views share it: one object that holds the Store and one signal,
`store_changed`, that every view refreshes on (after an import, a removal, a re-dating, or
when another database is opened)."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore


class StoreHub(QtCore.QObject):
    store_changed = QtCore.Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store

    @property
    def path(self) -> Path:
        return Path(self.store.path)

    @property
    def read_only(self) -> str | None:
        """Why the open database may only be read (None: it may be written)."""
        return getattr(self.store, "read_only", None)

    def set_store(self, store) -> None:
        """Show another database (or the same file reopened); the old handle is closed once
        every view has moved to the new one."""
        old = self.store
        self.store = store
        self.store_changed.emit()
        if old is not None and old is not store:
            from ..store import reader_stores

            reader_stores.close(old.path)   # the workers' idle Stores of the old file
            try:
                old.close()
            except Exception:
                pass   # a handle that cannot close cleanly holds nothing we still need

    def notify_changed(self) -> None:
        """The database's rows changed (another connection wrote them): views read again."""
        self.store_changed.emit()
