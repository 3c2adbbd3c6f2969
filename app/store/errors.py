"""Errors the store raises. Each message is one user-readable line."""

from __future__ import annotations


class StoreError(Exception):
    """Anything the user should see as a one-line message."""


class MissingDatabase(StoreError):
    pass


class NotADatabase(StoreError):
    """The file is not SQLite, is corrupt, or is not a Fact Browser database."""


class ReadOnlyDatabase(StoreError):
    """The database can only be read here (read-only file or folder, or damaged): nothing
    may be written to it."""


class DamagedDatabase(ReadOnlyDatabase):
    """SQLite's check found damage: the file is read, never written."""


class NeedsUpgrade(StoreError):
    """The database is from an older schema that only re-extracting its documents can bring
    up to date: a long operation the caller runs (with progress) before opening it again.
    `path` and `version` say which file and which schema."""

    def __init__(self, message: str, path=None, version: int | None = None):
        super().__init__(message)
        self.path = path
        self.version = version


class NewerSchema(StoreError):
    """The database was written by a newer version of the app."""


class ReadError(StoreError):
    """An input file cannot be read as a press release."""


class ExportError(StoreError):
    pass
