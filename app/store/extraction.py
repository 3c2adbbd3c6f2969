"""The one place the write path calls the extractor: importing a file and re-extracting a
stored document both go through `extract_release`, which is also the seam tests replace
(`monkeypatch.setattr("app.store.extraction.extract_release", fake)`)."""

from __future__ import annotations

from collections.abc import Callable


def extract_release(text: str, path: str | None, meta: dict | None = None,
                    date: str | None = None, cancel: Callable[[], bool] | None = None):
    from ..extract import extract  # the extractor loads on the first import, not on opening

    return extract(text, path, meta=meta, date=date, cancel=cancel)
