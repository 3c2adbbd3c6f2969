"""Places and organisations (stub: filled in by the entities work)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.model import Entity


def find_places(ctx: Context) -> list[Entity]:
    return []


def find_organizations(ctx: Context) -> list[Entity]:
    return []
