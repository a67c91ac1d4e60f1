"""Request and response models: the v1 contract, as shown on the docs page."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field

MAX_TEXT_CHARS = 200_000

T = TypeVar("T")


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


class QuoteOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 9,
                    "article_id": 1,
                    "paragraph": 0,
                    "start": 0,
                    "end": 24,
                    "spans": [[0, 24]],
                    "text": "“We will not back down,”",
                    "kind": "direct",
                    "cue": {"text": "said", "start": 35, "end": 39},
                    "speaker": {
                        "text": "the mayor",
                        "start": 25,
                        "end": 34,
                        "actor_id": 4,
                        "name": "Ana Ruiz",
                        "anonymous": False,
                        "affiliation": None,
                    },
                }
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
    kind: Literal["direct", "indirect", "mixed"]
    cue: CueOut | None
    speaker: SpeakerOut | None


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
