"""Request and response models: the v1 contract, as shown on the docs page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.nlp.annotations import QUOTE_RULE_MEANINGS, SPEAKER_RULE_MEANINGS, QuoteRule, SpeakerRule

MAX_TEXT_CHARS = 200_000

T = TypeVar("T")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: typing hashes Annotated metadata
class _ValueMeanings:
    """Adds every value's meaning to an enum's schema: OpenAPI's `enum` alone cannot describe values.

    The meanings go into the description (rendered by the docs pages) and into
    `x-enum-descriptions` (read by client generators), in the order of `enum`.
    """

    meanings: Mapping[StrEnum, str]

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        meanings = [self.meanings[value] for value in target["enum"]]
        target["description"] = "\n".join(
            f"- `{value}`: {meaning}" for value, meaning in zip(target["enum"], meanings, strict=True)
        )
        target["x-enum-descriptions"] = meanings
        return json_schema


QuoteRuleField = Annotated[QuoteRule, _ValueMeanings(QUOTE_RULE_MEANINGS)]
SpeakerRuleField = Annotated[SpeakerRule, _ValueMeanings(SPEAKER_RULE_MEANINGS)]


class Problem(BaseModel):
    """RFC 9457 problem details: every error this API returns has this shape."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No article with id 42."])
    instance: str | None = Field(default=None, examples=["/v1/articles/42"])
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="For 422: each invalid field, with its location and message."
    )


class Page(BaseModel, Generic[T]):
    items: list[T]
    next: str | None = Field(
        description="Opaque cursor for the next page (pass as `cursor`); null at the end."
    )


class ArticleIn(BaseModel):
    """JSON form of a new article; the body may hold several paragraphs separated by blank lines."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "“We will not back down,” the mayor said on Monday.\n\n"
                    "The council said it would vote next week.",
                    "title": "Mayor vows to keep plan",
                    "source": "Example Wire",
                    "url": "https://news.example.org/mayor-plan",
                    "published_at": "2026-11-23T09:30:00Z",
                }
            ]
        },
    )

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=200)
    url: AnyHttpUrl | None = None
    published_at: datetime | None = None


class ArticlePatch(BaseModel):
    """Metadata to change on a stored article; fields left out stay as they are, null clears one.
    The body and its annotation never change here."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"title": "Mayor keeps bridge plan", "published_at": "2026-11-23T09:30:00Z"}]
        },
    )

    title: str | None = Field(default=None, max_length=500)
    source: str | None = Field(default=None, max_length=200)
    url: AnyHttpUrl | None = None
    published_at: datetime | None = Field(default=None, description="Without an offset, taken as UTC.")


class ParagraphOut(BaseModel):
    index: int
    start: int
    end: int
    text: str


class ArticleOut(BaseModel):
    id: int
    title: str | None
    source: str | None
    url: str | None
    published_at: datetime | None
    ingested_at: datetime
    annotator_version: str
    text: str = Field(description="The body: paragraphs joined by a blank line. All offsets index into it.")
    paragraphs: list[ParagraphOut]
    quote_count: int
    actor_count: int


class ArticleSummary(BaseModel):
    """An article in a list: its metadata and counts, without the body (get the article for that)."""

    id: int
    title: str | None
    source: str | None
    url: str | None
    published_at: datetime | None
    ingested_at: datetime
    annotator_version: str
    quote_count: int
    actor_count: int
    snippet: str | None = Field(
        default=None,
        description="With `q` only: the passage of the title or body that best matches, each matching "
        "word between `<mark>` and `</mark>`, cut passages marked with `…`. The rest is the article's "
        "plain text, not HTML-escaped. Null without `q`.",
    )


class ArticleRef(BaseModel):
    """The article a quote comes from, enough to cite it."""

    id: int
    title: str | None
    source: str | None
    url: str | None
    published_at: datetime | None


class CueOut(BaseModel):
    text: str
    start: int
    end: int


class ActorRef(BaseModel):
    actor_id: int
    name: str


class SpeakerOut(BaseModel):
    text: str = Field(description="The words in the article that name the source.")
    start: int
    end: int
    actor_id: int | None = Field(description="The actor the speaker resolves to; null for unnamed sources.")
    name: str | None = Field(description="That actor's canonical name.")
    anonymous: bool = Field(description="An unnamed source such as “a U.S. official”.")
    affiliation: ActorRef | None = Field(description="The actor an anonymous source belongs to, if named.")
    rule: SpeakerRuleField | None = Field(
        description="Why the speaker was linked to this actor (or left unlinked): the pass of speaker "
        "resolution that decided. Null on quotes stored before rules were recorded."
    )


class QuoteOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 10,
                    "article_id": 1,
                    "paragraph": 7,
                    "start": 1827,
                    "end": 1927,
                    "spans": [[1827, 1927]],
                    "text": "“The military ranks are seeing Maduro’s corruption, violence, and lack of "
                    "support within Venezuela,”",
                    "kind": "direct",
                    "rule": "reporting_frame",
                    "cue": {"text": "said", "start": 1935, "end": 1939},
                    "speaker": {
                        "text": "Bolton",
                        "start": 1928,
                        "end": 1934,
                        "actor_id": 5,
                        "name": "John Bolton",
                        "anonymous": False,
                        "affiliation": None,
                        "rule": "exact_name",
                    },
                },
                {
                    "id": 1,
                    "article_id": 1,
                    "paragraph": 0,
                    "start": 0,
                    "end": 184,
                    "spans": [[0, 184]],
                    "text": "The Russian military contingent that arrived in Venezuela over the weekend, "
                    "drawing U.S. condemnation, is believed to be made up of special forces, including "
                    "“cybersecurity personnel,”",
                    "kind": "mixed",
                    "rule": "reporting_frame",
                    "cue": {"text": "told", "start": 201, "end": 205},
                    "speaker": {
                        "text": "a U.S. official",
                        "start": 185,
                        "end": 200,
                        "actor_id": None,
                        "name": None,
                        "anonymous": True,
                        "affiliation": {"actor_id": 1, "name": "United States"},
                        "rule": "anonymous",
                    },
                },
            ]
        }
    )

    id: int
    article_id: int
    paragraph: int = Field(description="Index of the paragraph the quote starts in.")
    start: int
    end: int
    spans: list[tuple[int, int]] = Field(
        description="Content fragments; an interrupted quote has several, without the “he said” between."
    )
    text: str = Field(description="`text[start:end]` of the article.")
    kind: Literal["direct", "indirect", "mixed"] = Field(
        description="direct: the speaker's words in quotation marks; indirect: reported speech without "
        "them; mixed: reported speech with some quoted words."
    )
    rule: QuoteRuleField | None = Field(
        description="Why this is a quote: the rule of the quote finder that found it. "
        "Null on quotes stored before rules were recorded."
    )
    cue: CueOut | None
    speaker: SpeakerOut | None


class CorpusQuoteOut(QuoteOut):
    """A quote found across the corpus, with the article it comes from."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 3,
                    "article_id": 2,
                    "paragraph": 0,
                    "start": 0,
                    "end": 21,
                    "spans": [[0, 21]],
                    "text": "“We need more pumps,”",
                    "kind": "direct",
                    "rule": "reporting_frame",
                    "cue": {"text": "said", "start": 36, "end": 40},
                    "speaker": {
                        "text": "Ingrid Ferrow",
                        "start": 22,
                        "end": 35,
                        "actor_id": 1,
                        "name": "Ingrid Ferrow",
                        "anonymous": False,
                        "affiliation": None,
                        "rule": "exact_name",
                    },
                    "article": {
                        "id": 2,
                        "title": "Pumps needed",
                        "source": "River Wire",
                        "url": None,
                        "published_at": "2026-02-10T08:00:00Z",
                    },
                }
            ]
        }
    )

    article: ArticleRef


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    paragraph: int
    form: str = Field(description="name, acronym, demonym, metonym, pronoun or description.")


class ArticleActorOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "name": "United States",
                    "type": "location",
                    "country_code": "US",
                    "aliases": ["U.S.", "Washington"],
                    "roles": [],
                    "salience": 0.93,
                    "mentions": [
                        {"start": 84, "end": 88, "text": "U.S.", "paragraph": 0, "form": "acronym"},
                        {"start": 350, "end": 360, "text": "Washington", "paragraph": 1, "form": "metonym"},
                    ],
                    "quote_count": 1,
                }
            ]
        }
    )

    id: int
    name: str
    type: Literal["person", "organization", "location"]
    country_code: str | None = Field(description="ISO 3166-1 alpha-2 code, for countries.")
    aliases: list[str]
    roles: list[str]
    salience: float = Field(ge=0, le=1, description="How central the actor is to this article.")
    mentions: list[MentionOut]
    quote_count: int = Field(description="Quotes this actor speaks in the article.")


class ActorOut(BaseModel):
    id: int
    name: str
    type: Literal["person", "organization", "location"]
    country_code: str | None
    aliases: list[str] = Field(description="Every other name the actor goes by, across articles.")
    roles: list[str] = Field(description="Roles and titles seen, across articles.")
    article_count: int
    quote_count: int


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    annotator_version: str
    articles: int
