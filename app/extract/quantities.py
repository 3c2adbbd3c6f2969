"""Figures: money, percentages, counts (stub: filled in by the quantities work)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.model import Quantity


def find_quantities(ctx: Context) -> list[Quantity]:
    return []
