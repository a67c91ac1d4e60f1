"""Writes through the real worker pool: busy → 503, over budget → 422, reads never wait behind it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from pydantic import SecretStr

from app.config import Settings
from tests.conftest import API_KEY, MODEL, SEED, serving

pytestmark = pytest.mark.anyio

SHORT = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."
# About 100,000 characters of news: several seconds of annotation, over the budgets below.
LONG = "\n\n".join([SEED.read_text(encoding="utf-8")] * 40)
PLAIN = {"Content-Type": "text/plain"}
# /health must answer within this while a worker annotates (the bound).
HEALTH_BOUND_S = 1.0

Connect = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def connect(database_url: str) -> Connect:
    """The real app with one annotation worker process and the given queue and budget."""

    @asynccontextmanager
    async def open_client(*, queue: int, timeout_s: float) -> AsyncIterator[httpx.AsyncClient]:
        settings = Settings(
            database_url=database_url,
            nlp_model=MODEL,
            api_key=SecretStr(API_KEY),
            annotate_workers=1,
            annotate_queue=queue,
            annotate_timeout_s=timeout_s,
        )
        async with serving(settings, headers={"X-API-Key": API_KEY}, timeout_s=60) as client:
            yield client

    return open_client


async def test_an_article_annotated_by_a_worker_is_stored_with_its_quote(connect: Connect) -> None:
    async with connect(queue=1, timeout_s=60) as client:
        response = await client.post("/v1/articles", content=SHORT, headers=PLAIN)
        assert response.status_code == 201
        quotes = (await client.get(f"/v1/articles/{response.json()['id']}/quotes")).json()["items"]
    assert [(q["text"], q["speaker"]["text"]) for q in quotes] == [
        ("“The ferry runs again on Monday,”", "Mayor Ana Ruiz")
    ]


async def test_article_over_the_time_budget_is_422_and_nothing_is_stored(connect: Connect) -> None:
    async with connect(queue=1, timeout_s=0.5) as client:
        response = await client.post("/v1/articles", content=LONG, headers=PLAIN)
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"] == (
            "The article could not be annotated in time: annotation took longer than 0.5 s."
        )
        assert (await client.get("/health")).json()["articles"] == 0


async def test_write_while_the_only_worker_is_busy_is_503_with_retry_after_and_health_answers(
    connect: Connect,
) -> None:
    async with connect(queue=0, timeout_s=60) as client:
        long_write = asyncio.ensure_future(client.post("/v1/articles", content=LONG, headers=PLAIN))
        await asyncio.sleep(0.5)  # the long article reaches the worker
        refused = await client.post("/v1/articles", content=SHORT, headers=PLAIN)
        started = time.perf_counter()
        health = await client.get("/health")
        health_s = time.perf_counter() - started
        assert not long_write.done()
        assert (await long_write).status_code == 201
        assert (await client.get("/health")).json()["articles"] == 1  # the refused one left nothing
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "5"
    assert refused.json()["detail"].startswith("Every annotation worker is busy")
    assert health.status_code == 200 and health_s < HEALTH_BOUND_S


async def test_article_whose_worker_dies_is_stored_as_failed_and_counted_by_health(connect: Connect) -> None:
    async with connect(queue=1, timeout_s=60) as client:
        write = asyncio.ensure_future(client.post("/v1/articles", content=LONG, headers=PLAIN))
        await asyncio.sleep(0.5)  # the article reaches the worker
        pool = client._transport.app.state.annotation  # type: ignore[attr-defined]
        pool._workers[0].process.kill()
        response = await write
        health = (await client.get("/health")).json()
    assert response.status_code == 201
    stored = response.json()
    assert (stored["annotation_status"], stored["annotation_error"]) == (
        "failed",
        "the annotation worker stopped",
    )
    assert (stored["quote_count"], stored["actor_count"]) == (0, 0)
    assert (health["articles"], health["failed_annotations"]) == (1, 1)
