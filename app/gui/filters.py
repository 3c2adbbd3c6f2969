"""The store's Filters as the GUI builds them."""

from __future__ import annotations

from dataclasses import fields


def make_filters(**values):
    """A store Filters with only the fields it knows (the contract may grow)."""
    from ..store import Filters

    known = {f.name for f in fields(Filters)}
    return Filters(**{k: v for k, v in values.items() if k in known and v not in (None, "")})
