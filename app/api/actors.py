"""/v1/actors: the corpus-wide actor index."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request

from app import models, queries
from app.api.deps import QueryChecked, SessionDep
from app.api.openapi import (
    ACTOR_NOT_FOUND,
    BAD_ACTOR_ID,
    BAD_CURSOR,
    page_responses,
    problem_responses,
    read_responses,
    unknown_parameter,
)
from app.api.page_links import page_with_html_urls
from app.api.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, query_page, to_page
from app.schemas import ActorOut, ArticleSummary, Page, QuoteOut, TextIn

router = APIRouter(prefix="/v1/actors", tags=["actors"], dependencies=[QueryChecked])

ActorId = Annotated[int, Path(ge=1, description="The actor's id.")]


_ITEM_BAD_QUERY = unknown_parameter("/v1/actors/5", "fields", ())


def _actor_or_404(session: SessionDep, actor_id: int) -> models.Actor:
    actor = queries.stored(session, models.Actor, actor_id)
    if actor is None:
        raise HTTPException(404, f"No actor with id {actor_id}.")
    return actor


@router.get(
    "",
    summary="List actors, most covered first",
    response_model=Page[ActorOut],
    responses={
        **page_responses(ActorOut, [1, 5], "A page of actors, most articles first."),
        **problem_responses(unknown_parameter("/v1/actors", "name", ("q", "type", "limit", "cursor"))),
    },
)
def list_actors(
    session: SessionDep,
    q: Annotated[
        TextIn | None,
        Query(
            min_length=1,
            max_length=200,
            description="Each word starts a word of the actor's name or of one of its aliases, case "
            "and accents aside: `maduro`, `guai`, `u.s.`.",
        ),
    ] = None,
    type: Annotated[
        Literal["person", "organization", "location"] | None, Query(description="Only actors of this type.")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ActorOut]:
    """Actors across the corpus, most articles first, each with every alias and role seen."""
    return to_page(queries.list_actors(session, limit, decode_cursor(cursor or None, 2), q, type))


@router.get(
    "/{actor_id}",
    summary="Get an actor",
    response_model=ActorOut,
    responses={
        **read_responses(ActorOut, "The actor."),
        **problem_responses(_ITEM_BAD_QUERY, ACTOR_NOT_FOUND, BAD_ACTOR_ID),
    },
)
def get_actor(actor_id: ActorId, session: SessionDep) -> ActorOut:
    """Names, aliases and roles seen across the corpus, with article and quote counts."""
    return queries.actors_out([_actor_or_404(session, actor_id)])[0]


@router.get(
    "/{actor_id}/articles",
    summary="Articles mentioning an actor",
    response_model=Page[ArticleSummary],
    responses={
        **page_responses(ArticleSummary, [1, 1553634000000000, 1], "A page of articles, newest first."),
        **problem_responses(BAD_CURSOR, ACTOR_NOT_FOUND, BAD_ACTOR_ID),
    },
)
def get_actor_articles(
    request: Request,
    actor_id: ActorId,
    session: SessionDep,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ArticleSummary]:
    """Newest first, as the article list."""
    _actor_or_404(session, actor_id)
    page = query_page(
        lambda key: queries.actor_articles(session, actor_id, limit, key), cursor, queries.ARTICLE_KEY_SIZE
    )
    return page_with_html_urls(request, page)


@router.get(
    "/{actor_id}/quotes",
    summary="Quotes an actor speaks",
    response_model=Page[QuoteOut],
    responses={
        **page_responses(QuoteOut, [10], "A page of the actor's quotes."),
        **problem_responses(BAD_CURSOR, ACTOR_NOT_FOUND, BAD_ACTOR_ID),
    },
)
def get_actor_quotes(
    actor_id: ActorId, session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[QuoteOut]:
    """Every quote whose speaker resolves to this actor, across articles."""
    _actor_or_404(session, actor_id)
    return to_page(queries.actor_quotes(session, actor_id, limit, decode_cursor(cursor or None, 1)))
