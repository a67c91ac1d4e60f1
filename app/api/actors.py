"""/v1/actors: the corpus-wide actor index."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query

from app import models, queries
from app.api.deps import QueryChecked, SessionDep
from app.api.errors import problem_responses
from app.api.pagination import DEFAULT_LIMIT, Cursor, Limit, decode_cursor, to_page
from app.schemas import ActorOut, ArticleSummary, Page, QuoteOut

router = APIRouter(prefix="/v1/actors", tags=["actors"], dependencies=[QueryChecked])

ActorId = Annotated[int, Path(ge=1, description="The actor's id.")]


def _actor_or_404(session: SessionDep, actor_id: int) -> models.Actor:
    actor = session.get(models.Actor, actor_id)
    if actor is None:
        raise HTTPException(404, f"No actor with id {actor_id}.")
    return actor


@router.get(
    "",
    summary="List actors, most covered first",
    response_model=Page[ActorOut],
    responses=problem_responses(400),
)
def list_actors(
    session: SessionDep,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Each word starts a word of the actor's name or of one of its aliases, case "
            "and accents aside: `maduro`, `guai`, `u.s.`.",
        ),
    ] = None,
    type: Annotated[Literal["person", "organization", "location"] | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ActorOut]:
    return to_page(queries.list_actors(session, limit, decode_cursor(cursor or None, 2), q, type))


@router.get(
    "/{actor_id}", summary="Get an actor", response_model=ActorOut, responses=problem_responses(404, 422)
)
def get_actor(actor_id: ActorId, session: SessionDep) -> ActorOut:
    """Names, aliases and roles seen across the corpus, with article and quote counts."""
    return queries.actors_out(session, [_actor_or_404(session, actor_id)])[0]


@router.get(
    "/{actor_id}/articles",
    summary="Articles mentioning an actor",
    response_model=Page[ArticleSummary],
    responses=problem_responses(400, 404, 422),
)
def get_actor_articles(
    actor_id: ActorId, session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[ArticleSummary]:
    """Newest first, as the article list."""
    _actor_or_404(session, actor_id)
    key = decode_cursor(cursor or None, queries.ARTICLE_KEY_SIZE)
    return to_page(queries.actor_articles(session, actor_id, limit, key))


@router.get(
    "/{actor_id}/quotes",
    summary="Quotes an actor speaks",
    response_model=Page[QuoteOut],
    responses=problem_responses(400, 404, 422),
)
def get_actor_quotes(
    actor_id: ActorId, session: SessionDep, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[QuoteOut]:
    _actor_or_404(session, actor_id)
    return to_page(queries.actor_quotes(session, actor_id, limit, decode_cursor(cursor or None, 1)))
