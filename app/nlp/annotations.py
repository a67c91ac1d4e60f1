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

    REPORTING_FRAME = "reporting_frame"
    SPEAKER_LABEL = "speaker_label"
    CUE_AFTER = "cue_after"
    CUE_BEFORE = "cue_before"
    NAME_COLON = "name_colon"
    COLON_INTRO = "colon_intro"
    SPEAKING_CLAUSE = "speaking_clause"
    ACTION_BEAT = "action_beat"
    CONTINUATION = "continuation"


class SpeakerRule(StrEnum):
    """The pass of speaker resolution that linked a speaker to its actor (or left it unlinked)."""

    EXACT_NAME = "exact_name"
    NAME_VARIANT = "name_variant"
    DESCRIPTOR_NAME = "descriptor_name"
    DOCUMENT_OWNER = "document_owner"
    ROLE = "role"
    DEFINITE_DESCRIPTION = "definite_description"
    PRONOUN = "pronoun"
    ORGANIZATION_NOMINAL = "organization_nominal"
    SPOKESPERSON = "spokesperson"
    ANONYMOUS = "anonymous"
    GROUP_PRONOUN = "group_pronoun"
    RELATIVE_PRONOUN = "relative_pronoun"
    CONTINUATION = "continuation"
    TURN_TAKING = "turn_taking"
    UNRESOLVED = "unresolved"


# What each rule means, in one place: the API's schema and the README show these to users.
QUOTE_RULE_MEANINGS: dict[QuoteRule, str] = {
    QuoteRule.REPORTING_FRAME: "a cue verb or noun with its source and its content in the sentence's parse",
    QuoteRule.SPEAKER_LABEL: "a “Name: words” paragraph",
    QuoteRule.CUE_AFTER: "a cue right after the quotation: “…,” she said / “…,” said Smith",
    QuoteRule.CUE_BEFORE: "a cue right before the quotation: He added, “…”",
    QuoteRule.NAME_COLON: "a name and a colon before the quotation: - Mark Smith: “…”",
    QuoteRule.COLON_INTRO: "a speaking subject before a colon: She turned to the crowd: “…”",
    QuoteRule.SPEAKING_CLAUSE: "a long quotation inside a clause whose subject can speak",
    QuoteRule.ACTION_BEAT: "a quotation right after a sentence about someone, in the same paragraph "
    "(“Edmund shrugged. “Perhaps not.””): that person speaks",
    QuoteRule.CONTINUATION: "a paragraph of pure quotation right after a quote continues it",
}
SPEAKER_RULE_MEANINGS: dict[SpeakerRule, str] = {
    SpeakerRule.EXACT_NAME: "the speaker's words are a mention of the actor",
    SpeakerRule.NAME_VARIANT: "a surname, first name or title + surname of a named person",
    SpeakerRule.DESCRIPTOR_NAME: "a descriptor beside a name (“the union's president, Ivo Lund,”): the name",
    SpeakerRule.DOCUMENT_OWNER: "a document (“the union's letter”): the actor it belongs to",
    SpeakerRule.ROLE: "a role (“the mayor”): the person the article gave that role",
    SpeakerRule.DEFINITE_DESCRIPTION: "a description with no matching role (“the 47-year-old”): "
    "the nearest person it fits",
    SpeakerRule.PRONOUN: "a pronoun (“she”): the most salient person of that gender",
    SpeakerRule.ORGANIZATION_NOMINAL: "“the ministry”, “police”: the named organisation",
    SpeakerRule.SPOKESPERSON: "“a spokeswoman for X”: anonymous, affiliated with X",
    SpeakerRule.ANONYMOUS: "“a senior official”, “a person familiar with”: unnamed on purpose",
    SpeakerRule.GROUP_PRONOUN: "“they”, “we”, “it”: the organisation in focus",
    SpeakerRule.RELATIVE_PRONOUN: "“critics who say”: the antecedent",
    SpeakerRule.CONTINUATION: "a cue-less quotation paragraph continues the previous speaker",
    SpeakerRule.TURN_TAKING: "an untagged reply in a two-person exchange: the other party",
    SpeakerRule.UNRESOLVED: "no pass found the actor",
}


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
