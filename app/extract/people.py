"""People with their posts (stub: filled in by the people work)."""

from __future__ import annotations

from app.extract.context import Context
from app.extract.model import Person


def find_people(ctx: Context) -> list[Person]:
    return []
