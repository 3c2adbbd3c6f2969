"""What the extraction stages share while working on one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .gazetteer import Gazetteers
from .model import DocumentInfo, Entity, Person, Span
from .tokens import Tok, tokenize


@dataclass
class Context:
    text: str
    doc: DocumentInfo
    sentences: list[Span]
    gaz: Gazetteers
    body_start: int = 0
    people: list[Person] = field(default_factory=list)
    organizations: list[Entity] = field(default_factory=list)
    places: list[Entity] = field(default_factory=list)

    @cached_property
    def tokens(self) -> list[list[Tok]]:
        """The tokens of each sentence: the one tokenisation every stage reads."""
        return [tokenize(self.text, s, e) for s, e in self.sentences]
