"""/v1/articles: ingest, read and delete annotated articles."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app import ingest, models, queries
from app.api.deps import AnnotatorDep, QueryChecked, SessionDep, WriteAccess
from app.api.errors import problem_responses
from app.api.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, to_page
from app.schemas import ArticleActorOut, ArticleIn, ArticleOut, ArticlePatch, ArticleSummary, Page, QuoteOut

router = APIRouter(prefix="/v1/articles", tags=["articles"], dependencies=[QueryChecked])

ArticleId = Annotated[int, Path(ge=1, description="The article's id.")]
MAX_BODY_BYTES = 2_000_000

_PLAIN_EXAMPLE = (
    "• Reuters\n\n“We will not back down,” the mayor said on Monday.\n\n"
    "The council said it would vote on the plan next week."
)
_REQUEST_BODY = {
    "required": True,
    "content": {
        "text/plain": {
            "schema": {"type": "string"},
            "example": _PLAIN_EXAMPLE,
        },
        "application/json": {
            "schema": ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}")
        },
    },
    "description": "Plain text (paragraphs separated by blank lines, an optional leading byline such as "
    "“• Reuters”) or a JSON object.",
}


def _article_or_404(session: SessionDep, article_id: int) -> models.Article:
    article = session.get(models.Article, article_id)
    if article is None:
        raise HTTPException(404, f"No article with id {article_id}.")
    return article


async def _parse_body(request: Request) -> ingest.ParsedArticle:
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise HTTPException(413, f"The request body exceeds {MAX_BODY_BYTES} bytes.")
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in {"text/plain", "application/json"}:
        raise HTTPException(415, "Send the article as text/plain or application/json.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(400, "The request body is not valid UTF-8.") from error
    try:
        if media_type == "text/plain":
            return ingest.parse_plain_text(text)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise HTTPException(400, f"The request body is not valid JSON: {error.msg}.") from error
        return ingest.parse_json_article(data)
    except ingest.InvalidArticle as error:
        raise HTTPException(422, str(error)) from error


@router.post(
    "",
    summary="Ingest and annotate an article",
    status_code=201,
    response_model=ArticleOut,
    dependencies=[WriteAccess],
    openapi_extra={"requestBody": _REQUEST_BODY},
    responses={
        200: {"model": ArticleOut, "description": "The same body was already stored: that article."},
        201: {"description": "Created; `Location` points at the new article."},
        **problem_responses(400, 401, 413, 415, 422),
    },
)
async def create_article(
    request: Request, response: Response, session: SessionDep, annotator: AnnotatorDep
) -> ArticleOut:
    """Stores the article with its paragraphs, quotes and actors in one transaction.

    Re-sending a body that is already stored returns that article with 200 instead of 201, as
    stored: metadata sent with it is ignored (change metadata with PATCH).
    """
    parsed = await _parse_body(request)
    article, created = await run_in_threadpool(ingest.ingest, session, annotator, parsed)
    response.status_code = 201 if created else 200
    response.headers["Location"] = f"/v1/articles/{article.id}"
    return queries.articles_out(session, [article])[0]


SearchText = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=500,
        description="Full text over title and body: every word must occur (stemmed, case and accents "
        "aside). Each item then carries a `snippet`.",
    ),
]
ActorIds = Annotated[
    list[int] | None, Query(description="Articles that mention this actor; repeat it: all must be there.")
]
SpeakerIds = Annotated[
    list[int] | None, Query(description="Articles where this actor is quoted; repeat it: all must be.")
]
Source = Annotated[str | None, Query(max_length=200, description="Exactly this source, e.g. `Reuters`.")]
PublishedAfter = Annotated[
    datetime | None, Query(description="Published at or after this time (no offset = UTC).")
]
PublishedBefore = Annotated[
    datetime | None, Query(description="Published before this time (no offset = UTC).")
]
ArticleSortParam = Annotated[
    queries.ArticleSort,
    Query(
        description="`-published_at`: newest first (by publication, else ingestion time); "
        "`-ingested_at`: most recently stored first; `relevance`: best match first, only with `q`."
    ),
]


def bad_query(error: ValueError) -> HTTPException:
    """Parameters that cannot go together (sort by relevance without a search, a cursor of another
    order): 400."""
    return HTTPException(400, str(error))


@router.get(
    "",
    summary="List and search articles",
    response_model=Page[ArticleSummary],
    responses=problem_responses(400),
)
def list_articles(
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
    try:
        key = decode_cursor(cursor or None, queries.ARTICLE_KEY_SIZE)
        return to_page(queries.list_articles(session, filters, limit, key))
    except queries.InvalidQuery as error:
        raise bad_query(error) from error


@router.get(
    "/{article_id}",
    summary="Get an article",
    response_model=ArticleOut,
    responses=problem_responses(404, 422),
)
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleOut:
    """The body, its paragraphs with offsets, and how many quotes and actors were found."""
    return queries.articles_out(session, [_article_or_404(session, article_id)])[0]


@router.get(
    "/{article_id}/quotes",
    summary="Quotes of an article",
    response_model=Page[QuoteOut],
    responses=problem_responses(400, 404, 422),
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
    responses=problem_responses(400, 404, 422),
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
    responses=problem_responses(401, 404, 422),
)
def patch_article(article_id: ArticleId, patch: ArticlePatch, session: SessionDep) -> ArticleOut:
    """Sets `title`, `source`, `url` or `published_at` (fields left out stay, null clears one); the
    body and its annotation are not touched. To change metadata, use this: POSTing the same body again
    with other metadata returns the stored article (200) unchanged."""
    article = ingest.update_metadata(session, _article_or_404(session, article_id), patch)
    return queries.articles_out(session, [article])[0]


@router.delete(
    "/{article_id}",
    summary="Delete an article",
    status_code=204,
    dependencies=[WriteAccess],
    responses=problem_responses(401, 404, 422),
)
def delete_article(article_id: ArticleId, session: SessionDep) -> Response:
    """Removes the article and its annotation; actors no other article mentions go too."""
    ingest.delete_article(session, _article_or_404(session, article_id))
    return Response(status_code=204)
