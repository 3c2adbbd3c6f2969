"""Events with dates, places and participants (stub: filled in by the events work)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.model import Event


def find_events(ctx: Context) -> list[Event]:
    return []
