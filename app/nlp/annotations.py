"""Plain result types of the annotator: what `app.nlp` hands to the rest of the app.

Offsets are Python string indices into the annotated text, so `text[start:end]` is the span.
Actors are referred to by their index in `Annotation.actors`; the storage layer maps those
indices to database rows, which keeps this package free of any persistence concern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorType = Literal["person", "organization", "location"]
MentionForm = Literal["name", "acronym", "demonym", "metonym", "pronoun", "description"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    form: MentionForm = "name"


@dataclass(slots=True)
class Actor:
    """One real-world entity of an article, with every mention merged into it."""

    name: str
    type: ActorType
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country_code: str | None = None
    salience: float = 0.0


@dataclass(slots=True)
class Speaker:
    """The words that name a quote's source, resolved to an actor when one fits."""

    start: int
    end: int
    text: str
    actor: int | None = None
    anonymous: bool = False
    affiliation: int | None = None


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    spans: list[tuple[int, int]]
    kind: QuoteKind
    cue: TextSpan | None = None
    speaker: Speaker | None = None


@dataclass(slots=True)
class Annotation:
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
