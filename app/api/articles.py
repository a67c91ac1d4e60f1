"""/v1/articles: ingest, read and delete annotated articles."""

from __future__ import annotations

import json
from email.message import Message
from html import escape
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import Field

from app import html_article, ingest, models, queries
from app.annotation_pool import AnnotationFailed, AnnotationTimeout, PoolBusy
from app.api.deps import AnnotationDep, QueryChecked, SessionDep, WriteAccess, job_queue
from app.api.openapi import (
    ARTICLE_NOT_FOUND,
    BAD_ARTICLE_ID,
    BAD_CURSOR,
    BAD_JSON,
    BODY_TOO_LARGE,
    BUSY_DETAIL,
    INVALID_ARTICLE,
    INVALID_PATCH,
    JSON_MEDIA_TYPE,
    NO_API_KEY,
    POOL_BUSY,
    REMOTE_WRITE,
    RETRY_AFTER_S,
    SCHEMA_REF,
    UNSUPPORTED_BODY,
    accepted_response,
    created_responses,
    model_content,
    model_example,
    page_responses,
    problem_responses,
    read_responses,
    unknown_parameter,
)
from app.api.page_links import page_with_html_urls, with_html_url
from app.api.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, query_page, to_page
from app.config import DEFAULT_MAX_BODY_BYTES
from app.nlp import Annotation
from app.schemas import (
    ArticleActorOut,
    ArticleIn,
    ArticleOut,
    ArticlePatch,
    ArticleSummary,
    Page,
    QuoteOut,
    TextIn,
    TimeIn,
)

router = APIRouter(prefix="/v1/articles", tags=["articles"], dependencies=[QueryChecked])

ArticleId = Annotated[int, Path(ge=1, description="The article's id.")]
TOO_DEEP_JSON = "The request body is not valid JSON: it is nested too deeply."

_SEED = model_example(ArticleIn)
_PLAIN_EXAMPLE = "• Reuters\n\n" + _SEED["text"]
_HTML_PARAGRAPHS = "".join(f"<p>{escape(paragraph)}</p>\n" for paragraph in _SEED["text"].split("\n\n"))
_HTML_EXAMPLE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(_SEED["title"])} | {_SEED["source"]}</title>
<meta property="og:site_name" content="{_SEED["source"]}">
<meta property="article:published_time" content="{_SEED["published_at"]}">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>{escape(_SEED["title"])}</h1>
{_HTML_PARAGRAPHS}</article>
<footer>© 2019 {_SEED["source"]}. All rights reserved.</footer>
</body>
</html>
"""
_REQUEST_BODY = {
    "required": True,
    "content": {
        "text/plain": {"schema": {"type": "string"}, "example": _PLAIN_EXAMPLE},
        "text/html": {"schema": {"type": "string"}, "example": _HTML_EXAMPLE},
        JSON_MEDIA_TYPE: {
            "schema": {"$ref": SCHEMA_REF.format(model=ArticleIn.__name__)},
            **model_content(ArticleIn)[JSON_MEDIA_TYPE],
        },
    },
    "description": "Plain text (paragraphs separated by blank lines, an optional leading byline such as "
    "“• Reuters” that becomes the `source`), an HTML page (its story and metadata are extracted; "
    "charset from `Content-Type`, else the page's `<meta charset>`, else detected; a text/plain body "
    "that starts with `<!doctype html` or `<html` is read as a page too), or a JSON object with "
    "`text` or `html` and metadata. At most QUOTEWIRE_MAX_BODY_BYTES bytes (default "
    f"{DEFAULT_MAX_BODY_BYTES}).",
}
_LIST_BAD_QUERY = unknown_parameter(
    "/v1/articles",
    "speaker",
    (
        "q",
        "actor_id",
        "speaker_id",
        "source",
        "published_after",
        "published_before",
        "sort",
        "limit",
        "cursor",
    ),
)
_ITEM_BAD_QUERY = unknown_parameter("/v1/articles/1", "fields", ())
RESPOND_ASYNC = "respond-async"
Prefer = Annotated[
    str | None,
    Header(
        description="`respond-async` (RFC 7240) queues the article and answers 202 at once with its job, "
        "when the server has a job queue (QUOTEWIRE_REDIS_URL); without one the preference is ignored "
        "and the article is ingested before the answer, as with no `Prefer`."
    ),
]


def prefers_async(prefer: str | None) -> bool:
    """Whether `Prefer` holds the `respond-async` preference (RFC 7240: a comma-separated list of
    tokens, each with optional `=value` and `;parameters`; tokens are case-insensitive)."""
    tokens = (item.split(";")[0].split("=")[0].strip().lower() for item in (prefer or "").split(","))
    return RESPOND_ASYNC in tokens


def _article_or_404(session: SessionDep, article_id: int) -> models.Article:
    article = queries.stored(session, models.Article, article_id)
    if article is None:
        raise HTTPException(404, f"No article with id {article_id}.")
    return article


def _charset(content_type: str) -> str | None:
    header = Message()
    header["Content-Type"] = content_type
    return header.get_content_charset()


async def _parse_body(request: Request) -> ingest.ParsedArticle:
    raw = await request.body()  # at most QUOTEWIRE_MAX_BODY_BYTES: BodyLimit stops reading there
    content_type = request.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in {"text/plain", "text/html", "application/json"}:
        raise HTTPException(415, "Send the article as text/plain, text/html or application/json.")
    try:
        # A page posted as plain text is still a page: its tags and entities are not the story.
        if media_type == "text/html" or (media_type == "text/plain" and html_article.is_html_document(raw)):
            return html_article.parse_html(raw, _charset(content_type))
        text = _utf8(raw)
        if media_type == "text/plain":
            return ingest.parse_plain_text(text)
        return ingest.parse_json_article(_json(text))
    except ingest.InvalidArticle as error:
        raise HTTPException(422, str(error)) from error


def _json(text: str) -> object:
    """The body as JSON; 400 when it is not, or when it nests deeper than the parser can recurse
    (the parser stops at once: a deep body costs no time, only the RecursionError to answer)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise HTTPException(400, f"The request body is not valid JSON: {error.msg}.") from error
    except RecursionError as error:
        raise HTTPException(400, TOO_DEEP_JSON) from error


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(400, "The request body is not valid UTF-8.") from error


@router.post(
    "",
    summary="Ingest and annotate an article",
    status_code=201,
    response_model=ArticleOut,
    dependencies=[WriteAccess],
    openapi_extra={"requestBody": _REQUEST_BODY},
    responses={
        **created_responses(ArticleOut),
        **accepted_response(),
        **problem_responses(
            BAD_JSON, NO_API_KEY, REMOTE_WRITE, BODY_TOO_LARGE, UNSUPPORTED_BODY, INVALID_ARTICLE, POOL_BUSY
        ),
    },
)
async def create_article(
    request: Request,
    response: Response,
    session: SessionDep,
    annotation: AnnotationDep,
    prefer: Prefer = None,
) -> ArticleOut | JSONResponse:
    """Stores the article with its paragraphs, quotes and actors in one transaction.

    Re-sending a body that is already stored returns that article with 200 instead of 201, as
    stored: metadata sent with it is ignored (change metadata with PATCH). Offsets index the returned
    `text`, which may differ from what was sent: lines within a paragraph joined, the byline removed.
    When every annotation worker is busy and the queue is full the answer is 503 with `Retry-After`;
    an article that takes longer than the server's time budget to annotate is a 422, not stored; one
    whose annotation fails is stored (201) with `annotation_status: "failed"` and the error.

    With `Prefer: respond-async` and a job queue, the body is checked as above (the same 4xx, nothing
    queued), then queued: 202, `Location: /v1/jobs/{id}` (follow it until `done`), the job as body.
    Every queued body gets a job, one already stored too: its job ends `done` with that article. When
    Redis cannot be reached the answer is 503 with `Retry-After`.
    """
    parsed = await _parse_body(request)
    jobs = job_queue(request)
    if jobs is not None and prefers_async(prefer):
        job = await run_in_threadpool(jobs.enqueue, parsed)
        headers = {"Location": f"/v1/jobs/{job.id}", "Preference-Applied": RESPOND_ASYNC}
        return JSONResponse(job.model_dump(mode="json"), status_code=202, headers=headers)
    stored = await run_in_threadpool(ingest.find_by_hash, session, parsed.content_hash)
    if stored is None:
        found, error = await _annotate(annotation, parsed.text)
        article, created = await run_in_threadpool(
            ingest.store_new, session, parsed, found, annotation.version, error
        )
    else:
        article, created = stored, False
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/v1/articles/{article.id}"
    return with_html_url(request, queries.articles_out(session, [article])[0])


async def _annotate(annotation: AnnotationDep, text: str) -> tuple[Annotation, str | None]:
    """The annotation, or none and the error that stops it (the article is then stored as failed)."""
    try:
        return await annotation.annotate(text), None
    except AnnotationFailed as error:
        return Annotation(actors=[], quotes=[]), str(error)
    except PoolBusy as error:
        raise HTTPException(503, BUSY_DETAIL, headers={"Retry-After": str(RETRY_AFTER_S)}) from error
    except AnnotationTimeout as error:
        raise HTTPException(422, f"The article could not be annotated in time: {error}.") from error


SearchText = Annotated[
    TextIn | None,
    Query(
        min_length=1,
        max_length=500,
        description="Full text over title and body: every word must occur (stemmed, case and accents "
        "aside). Each item then carries a `snippet`.",
    ),
]
FilterIds = list[Annotated[int, Field(ge=1, le=queries.MAX_ID)]] | None
ActorIds = Annotated[
    FilterIds, Query(description="Articles that mention this actor; repeat it: all must be there.")
]
SpeakerIds = Annotated[
    FilterIds, Query(description="Articles where this actor is quoted; repeat it: all must be.")
]
Source = Annotated[TextIn | None, Query(max_length=200, description="Exactly this source, e.g. `Reuters`.")]
PublishedAfter = Annotated[
    TimeIn | None, Query(description="Published at or after this time (no offset = UTC).")
]
PublishedBefore = Annotated[TimeIn | None, Query(description="Published before this time (no offset = UTC).")]
ArticleSortParam = Annotated[
    queries.ArticleSort,
    Query(
        description="`-published_at`: newest first (by publication, else ingestion time); "
        "`-ingested_at`: most recently stored first; `relevance`: best match first, only with `q`."
    ),
]


@router.get(
    "",
    summary="List and search articles",
    response_model=Page[ArticleSummary],
    responses={
        **page_responses(ArticleSummary, [1, 1553634000000000, 1], "A page of articles, newest first."),
        **problem_responses(_LIST_BAD_QUERY),
    },
)
def list_articles(
    request: Request,
    session: SessionDep,
    q: SearchText = None,
    actor_id: ActorIds = None,
    speaker_id: SpeakerIds = None,
    source: Source = None,
    published_after: PublishedAfter = None,
    published_before: PublishedBefore = None,
    sort: ArticleSortParam = queries.ArticleSort.NEWEST,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ArticleSummary]:
    """Articles matching every filter given, without their body (get one article for it). Undated
    articles sort by when they were stored; `published_after`/`published_before` leave them out."""
    filters = queries.ArticleFilters(
        q=q,
        actor_ids=actor_id or [],
        speaker_ids=speaker_id or [],
        source=source,
        published_after=published_after,
        published_before=published_before,
        sort=sort,
    )
    page = query_page(
        lambda key: queries.list_articles(session, filters, limit, key), cursor, queries.ARTICLE_KEY_SIZE
    )
    return page_with_html_urls(request, page)


@router.get(
    "/{article_id}",
    summary="Get an article",
    response_model=ArticleOut,
    responses={
        **read_responses(ArticleOut, "The article."),
        **problem_responses(_ITEM_BAD_QUERY, ARTICLE_NOT_FOUND, BAD_ARTICLE_ID),
    },
)
def get_article(request: Request, article_id: ArticleId, session: SessionDep) -> ArticleOut:
    """The body, its paragraphs with offsets, how many quotes and actors were found, and the
    `html_url` of its page for people."""
    return with_html_url(request, queries.articles_out(session, [_article_or_404(session, article_id)])[0])


@router.get(
    "/{article_id}/quotes",
    summary="Quotes of an article",
    response_model=Page[QuoteOut],
    responses={
        **page_responses(QuoteOut, [10], "A page of the article's quotes, in text order."),
        **problem_responses(BAD_CURSOR, ARTICLE_NOT_FOUND, BAD_ARTICLE_ID),
    },
)
def get_article_quotes(
    article_id: ArticleId, session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[QuoteOut]:
    """Every quote in text order, with its content spans, cue and speaker (`text[start:end]` offsets),
    and the `rule` that found the quote and the one that resolved its speaker."""
    _article_or_404(session, article_id)
    return to_page(queries.article_quotes(session, article_id, limit, decode_cursor(cursor or None, 1)))


@router.get(
    "/{article_id}/actors",
    summary="Actors of an article",
    response_model=Page[ArticleActorOut],
    responses={
        **page_responses(ArticleActorOut, [1], "A page of the article's actors, most salient first."),
        **problem_responses(BAD_CURSOR, ARTICLE_NOT_FOUND, BAD_ARTICLE_ID),
    },
)
def get_article_actors(
    article_id: ArticleId, session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[ArticleActorOut]:
    """People, organisations and places, most salient first, each with all its mentions."""
    _article_or_404(session, article_id)
    return to_page(queries.article_actors(session, article_id, limit, decode_cursor(cursor or None, 1)))


@router.patch(
    "/{article_id}",
    summary="Change an article's metadata",
    response_model=ArticleOut,
    dependencies=[WriteAccess],
    responses={
        200: {
            "description": "The article with its new metadata.",
            "content": model_content(ArticleOut),
        },
        **problem_responses(_ITEM_BAD_QUERY, NO_API_KEY, REMOTE_WRITE, ARTICLE_NOT_FOUND, INVALID_PATCH),
    },
)
def patch_article(
    request: Request, article_id: ArticleId, patch: ArticlePatch, session: SessionDep
) -> ArticleOut:
    """Sets `title`, `source`, `url` or `published_at` (fields left out stay, null clears one); the
    body and its annotation are not touched. To change metadata, use this: POSTing the same body again
    with other metadata returns the stored article (200) unchanged."""
    article = ingest.update_metadata(session, _article_or_404(session, article_id), patch)
    return with_html_url(request, queries.articles_out(session, [article])[0])


@router.delete(
    "/{article_id}",
    summary="Delete an article",
    status_code=204,
    dependencies=[WriteAccess],
    responses={
        204: {"description": "Deleted; no body."},
        **problem_responses(_ITEM_BAD_QUERY, NO_API_KEY, REMOTE_WRITE, ARTICLE_NOT_FOUND, BAD_ARTICLE_ID),
    },
)
def delete_article(article_id: ArticleId, session: SessionDep) -> Response:
    """Removes the article and its annotation; actors no other article mentions go too."""
    ingest.delete_article(session, _article_or_404(session, article_id))
    return Response(status_code=204)
