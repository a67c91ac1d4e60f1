"""The ASGI app: `uvicorn app.main:app`. Migrates the database and loads the model at startup."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI

from app.annotation_pool import AnnotationPool, AnnotationService, InProcessAnnotation
from app.api import actors, articles, health, jobs, quotes
from app.api.docs import install_docs
from app.api.errors import install_error_handlers
from app.api.http import install_http_conventions
from app.api.openapi import install_openapi, operation_id
from app.config import Settings, get_settings
from app.db import make_engine, upgrade_to_head
from app.nlp import Annotator
from app.startup import open_job_queue
from app.web.pages import install_pages

DESCRIPTION = """
**Who said what, and who is in the story.** quotewire stores news articles and annotates them with
their **quotes** (direct, indirect and mixed, each with its cue and speaker) and their **actors**
(people, organisations and places, each merged across all its mentions and across articles).

* Offsets are Python string indices into the article's `text`: `text[start:end]` is the span.
* Lists answer `{"items": [...], "next": cursor}`; pass `next` back as `cursor` for the next page,
  or follow the `Link: <url>; rel="next"` header.
* GETs carry an `ETag`; send it back in `If-None-Match` for a 304 when nothing changed. HEAD works
  wherever GET does; responses over 1 KB are gzipped when the client accepts it.
* Writes (POST, PATCH, DELETE) need `X-API-Key` when the server sets `QUOTEWIRE_API_KEY`, and without a
  key are accepted only from the server's own machine (403 otherwise); reads are open.
* With a job queue (QUOTEWIRE_REDIS_URL), `POST /v1/articles` with `Prefer: respond-async` answers 202
  at once, its `Location` the job at `/v1/jobs/{id}`; without one the preference is ignored (RFC 7240).
* Every error is `application/problem+json` (RFC 9457).
"""


logger = logging.getLogger("quotewire")


def log_write_access(settings: Settings) -> None:
    """Say at startup who may write, so that an open server is never a surprise."""
    if settings.api_key is not None:
        logger.info("writes need the API key (QUOTEWIRE_API_KEY)")
    elif settings.allow_open_writes:
        logger.warning("no API key and QUOTEWIRE_ALLOW_OPEN_WRITES=1: any client may write")
    else:
        logger.warning("no API key (QUOTEWIRE_API_KEY): writes are accepted only from loopback clients")


async def start_annotation(settings: Settings) -> AnnotationService:
    """The worker pool, its workers' models loaded; or, with no workers, the model in this process."""
    if settings.annotate_workers == 0:
        return InProcessAnnotation(Annotator(settings.nlp_model))
    pool = AnnotationPool(
        settings.nlp_model,
        workers=settings.annotate_workers,
        queue_limit=settings.annotate_queue,
        timeout_s=settings.annotate_timeout_s,
    )
    await pool.start()
    return pool


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        upgrade_to_head(settings.database_url)
        log_write_access(settings)
        app.state.engine = make_engine(settings.database_url)
        app.state.annotation = await start_annotation(settings)
        app.state.jobs = open_job_queue(settings)
        yield
        if app.state.jobs is not None:
            app.state.jobs.close()
        await app.state.annotation.close()
        app.state.engine.dispose()

    app = FastAPI(
        title="quotewire",
        version=version("quotewire"),
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
        openapi_tags=[
            {"name": "articles", "description": "Ingest articles; read their text, quotes and actors."},
            {
                "name": "quotes",
                "description": "Quotes across every article: by speaker, by actor mentioned, by kind, "
                "by words, by date.",
            },
            {"name": "actors", "description": "The corpus-wide index of people, organisations and places."},
            {
                "name": "jobs",
                "description": "Articles ingested on the job queue (`Prefer: respond-async`), by their job.",
            },
            {"name": "health", "description": "Service status."},
        ],
    )
    app.state.settings = settings
    install_error_handlers(app)
    install_http_conventions(app, settings)
    install_docs(app)
    install_openapi(app)
    app.include_router(articles.router)
    app.include_router(actors.router)
    app.include_router(quotes.router)
    app.include_router(jobs.router)
    app.include_router(health.router)
    install_pages(app)
    return app


app = create_app()
