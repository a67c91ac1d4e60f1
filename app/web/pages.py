"""The pages: `/` (articles, newest first, with search), `/articles/{id}`, `/actors/{id}`."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app import models, queries
from app.api.deps import SessionDep
from app.api.page_links import ARTICLE_PAGE
from app.api.pagination import query_page
from app.schemas import TextIn
from app.web.article_view import article_view
from app.web.routing import PageRoute
from app.web.templating import STATIC_DIR, render

PAGE_SIZE = 20
STATIC_URL = "/static"
MAX_SEARCH_CHARS = 500  # as the API's `q`

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Cursor = Annotated[str | None, Query(description="The previous page's `next`.")]
SearchText = Annotated[TextIn | None, Query(max_length=MAX_SEARCH_CHARS, description="Words to find.")]


@router.get("/", name="home")
def home(request: Request, session: SessionDep, q: SearchText = None, cursor: Cursor = None) -> HTMLResponse:
    """The articles, newest first; with `q`, those holding every word, each with its best passage."""
    search = (q or "").strip() or None
    filters = queries.ArticleFilters(q=search)
    page = query_page(
        lambda key: queries.list_articles(session, filters, PAGE_SIZE, key), cursor, queries.ARTICLE_KEY_SIZE
    )
    return render(request, "home.html", {"q": search, "page": page})


@router.get("/articles/{article_id}", name=ARTICLE_PAGE)
def article_page(request: Request, article_id: int, session: SessionDep) -> HTMLResponse:
    """The text with every quote and mention marked, its actors, and who said what."""
    row = queries.stored(session, models.Article, article_id)
    if row is None:
        raise HTTPException(HTTPStatus.NOT_FOUND, f"No article with id {article_id}.")
    article = queries.articles_out(session, [row])[0]
    quotes, _ = queries.article_quotes(session, article_id, article.quote_count, None)
    actors, _ = queries.article_actors(session, article_id, article.actor_count, None)
    return render(request, "article.html", {"view": article_view(article, quotes, actors)})


@router.get("/actors/{actor_id}", name="actor-page")
def actor_page(request: Request, actor_id: int, session: SessionDep, cursor: Cursor = None) -> HTMLResponse:
    """An actor and every quote they made, newest article first, each linking to its place."""
    row = queries.stored(session, models.Actor, actor_id)
    if row is None:
        raise HTTPException(HTTPStatus.NOT_FOUND, f"No actor with id {actor_id}.")
    filters = queries.QuoteFilters(speaker_id=actor_id)
    page = query_page(
        lambda key: queries.list_quotes(session, filters, PAGE_SIZE, key), cursor, queries.QUOTE_KEY_SIZE
    )
    actor = queries.actors_out([row])[0]
    return render(request, "actor.html", {"actor": actor, "page": page})


def install_pages(app: FastAPI) -> None:
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
