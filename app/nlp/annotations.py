"""Plain result types of the annotator: what `app.nlp` hands to the rest of the app.

Offsets are Python string indices into the annotated text, so `text[start:end]` is the span.
Actors are referred to by their index in `Annotation.actors`; the storage layer maps those
indices to database rows, which keeps this package free of any persistence concern.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

ActorType = Literal["person", "organization", "location"]
MentionForm = Literal["name", "acronym", "demonym", "metonym", "pronoun", "description"]
QuoteKind = Literal["direct", "indirect", "mixed"]


class QuoteRule(StrEnum):
    """The rule of the quote finder that found a quote: served as `rule`, so a user can see why."""

    REPORTING_FRAME = "reporting_frame"  # a cue verb or noun with its source and content in the parse
    SPEAKER_LABEL = "speaker_label"  # a "Name: words" paragraph
    CUE_AFTER = "cue_after"  # "“...,” she said" / "said Smith"
    CUE_BEFORE = "cue_before"  # "He added, “...”"
    NAME_COLON = "name_colon"  # "- Mark Smith: “...”"
    COLON_INTRO = "colon_intro"  # "She turned to the crowd: “...”"
    SPEAKING_CLAUSE = "speaking_clause"  # a long quotation inside a clause whose subject can speak
    CONTINUATION = "continuation"  # a paragraph of pure quotation right after a quote


class SpeakerRule(StrEnum):
    """The pass of speaker resolution that linked a speaker to its actor (or left it unlinked)."""

    EXACT_NAME = "exact_name"  # the speaker phrase is a mention of the actor
    NAME_VARIANT = "name_variant"  # surname, first name, title + surname of a named person
    DESCRIPTOR_NAME = "descriptor_name"  # "the union's president, Owen Tate," -> the name beside it
    ROLE = "role"  # "the mayor" -> the person this article gave that role
    DEFINITE_DESCRIPTION = "definite_description"  # "the 47-year-old" -> the person in focus
    PRONOUN = "pronoun"  # "she" -> the most salient compatible person
    ORGANIZATION_NOMINAL = "organization_nominal"  # "the ministry", "police" -> the named organisation
    SPOKESPERSON = "spokesperson"  # "a spokeswoman for X": anonymous, affiliated with X
    ANONYMOUS = "anonymous"  # "a senior official", "a person familiar with": unnamed on purpose
    GROUP_PRONOUN = "group_pronoun"  # "they", "we" -> a group or organisation
    RELATIVE_PRONOUN = "relative_pronoun"  # "critics who say" -> the antecedent
    CONTINUATION = "continuation"  # a cue-less quotation paragraph continues the previous speaker
    TURN_TAKING = "turn_taking"  # an untagged reply in a two-person exchange: the other party
    UNRESOLVED = "unresolved"  # no pass found the actor


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
    rule: SpeakerRule = SpeakerRule.UNRESOLVED


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    spans: list[tuple[int, int]]
    kind: QuoteKind
    cue: TextSpan | None = None
    speaker: Speaker | None = None
    rule: QuoteRule = QuoteRule.REPORTING_FRAME


@dataclass(slots=True)
class Annotation:
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
