"""Cultural and memorial items (stub: filled in by the culture work)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.model import CultureItem


def find_culture(ctx: Context) -> list[CultureItem]:
    return []
