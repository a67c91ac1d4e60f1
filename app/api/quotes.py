"""/v1/quotes: quotes across the whole corpus."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app import queries
from app.api.articles import PublishedAfter, PublishedBefore
from app.api.deps import QueryChecked, SessionDep
from app.api.openapi import page_responses, problem_responses, unknown_parameter
from app.api.pagination import DEFAULT_LIMIT, Cursor, Limit, query_page
from app.nlp.annotations import QuoteKind
from app.schemas import CorpusQuoteOut, Page, TextIn

router = APIRouter(prefix="/v1/quotes", tags=["quotes"], dependencies=[QueryChecked])


@router.get(
    "",
    summary="List and search quotes across articles",
    response_model=Page[CorpusQuoteOut],
    responses={
        **page_responses(
            CorpusQuoteOut, [4, 1553634000000000, 1, 1], "A page of quotes, newest article first."
        ),
        **problem_responses(
            unknown_parameter(
                "/v1/quotes",
                "speaker",
                (
                    "speaker_id",
                    "actor_id",
                    "article_id",
                    "kind",
                    "anonymous",
                    "q",
                    "published_after",
                    "published_before",
                    "limit",
                    "cursor",
                ),
            )
        ),
    },
)
def list_quotes(
    session: SessionDep,
    speaker_id: Annotated[
        int | None, Query(ge=1, le=queries.MAX_ID, description="Quotes this actor speaks.")
    ] = None,
    actor_id: Annotated[
        int | None,
        Query(ge=1, le=queries.MAX_ID, description="Quotes in articles that mention this actor."),
    ] = None,
    article_id: Annotated[
        int | None, Query(ge=1, le=queries.MAX_ID, description="Quotes of this article.")
    ] = None,
    kind: Annotated[
        list[QuoteKind] | None,
        Query(description="`direct`, `indirect` or `mixed`; repeat for any of several."),
    ] = None,
    anonymous: Annotated[
        bool | None, Query(description="`true`: unnamed sources only; `false`: all others.")
    ] = None,
    q: Annotated[
        TextIn | None,
        Query(
            min_length=1,
            max_length=500,
            description="Full text over the quote's words: every word must occur (stemmed, case and "
            "accents aside).",
        ),
    ] = None,
    published_after: PublishedAfter = None,
    published_before: PublishedBefore = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[CorpusQuoteOut]:
    """Quotes matching every filter given, newest article first (as `/v1/articles`), then in text
    order; each with the article it comes from."""
    filters = queries.QuoteFilters(
        speaker_id=speaker_id,
        actor_id=actor_id,
        article_id=article_id,
        kinds=kind or [],
        anonymous=anonymous,
        q=q,
        published_after=published_after,
        published_before=published_before,
    )
    return query_page(
        lambda key: queries.list_quotes(session, filters, limit, key), cursor, queries.QUOTE_KEY_SIZE
    )
