"""QUOTEWIRE_MAX_BODY_BYTES, enforced while reading: declared lengths up front, chunked bodies as counted."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from app.config import Settings
from tests.conftest import API_KEY, MODEL, serving

pytestmark = pytest.mark.anyio

LIMIT = 1_000
CHUNK = b"x" * 400
DETAIL = "The request body exceeds 1000 bytes (QUOTEWIRE_MAX_BODY_BYTES)."
PLAIN = {"Content-Type": "text/plain"}


@pytest.fixture
async def small_client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        database_url=database_url,
        nlp_model=MODEL,
        api_key=SecretStr(API_KEY),
        annotate_workers=0,
        max_body_bytes=LIMIT,
    )
    async with serving(settings, headers={"X-API-Key": API_KEY}) as client:
        yield client


def assert_413(response: httpx.Response) -> None:
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == DETAIL
    assert response.headers["connection"] == "close"  # the unread rest of the body ends the connection


async def test_body_declared_over_the_limit_is_refused_before_any_of_it_is_read(
    small_client: httpx.AsyncClient,
) -> None:
    pulled = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        for _ in range(10):
            pulled += 1
            yield CHUNK

    headers = {**PLAIN, "Content-Length": str(10 * len(CHUNK))}
    assert_413(await small_client.post("/v1/articles", content=body(), headers=headers))
    assert pulled == 0


async def test_chunked_body_is_read_only_up_to_the_limit(small_client: httpx.AsyncClient) -> None:
    pulled = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal pulled
        for _ in range(1_000):  # 400 KB if it were all read
            pulled += 1
            yield CHUNK

    assert_413(await small_client.post("/v1/articles", content=endless(), headers=PLAIN))
    assert pulled == 3  # 1,200 bytes: the first chunk past 1,000
    assert (await small_client.get("/health")).json()["articles"] == 0


async def test_patch_body_over_the_limit_is_413_too(small_client: httpx.AsyncClient) -> None:
    created = await small_client.post("/v1/articles", content="“Rain,” said Mayor Ana Ruiz.", headers=PLAIN)
    assert created.status_code == 201
    response = await small_client.patch(f"/v1/articles/{created.json()['id']}", json={"title": "x" * 2_000})
    assert_413(response)
    assert (await small_client.get(f"/v1/articles/{created.json()['id']}")).json()["title"] is None


@pytest.mark.parametrize("chunked", [False, True], ids=["with its length", "chunked"])
async def test_body_of_exactly_the_limit_is_accepted(small_client: httpx.AsyncClient, chunked: bool) -> None:
    opening = "“Rain,” said Mayor Ana Ruiz.".encode()
    sentence = b" It rained."
    body = opening + sentence * ((LIMIT - len(opening)) // len(sentence))
    body += b"!" * (LIMIT - len(body))
    assert len(body) == LIMIT

    async def in_two_chunks() -> AsyncIterator[bytes]:
        yield body[: LIMIT // 2]
        yield body[LIMIT // 2 :]

    response = await small_client.post(
        "/v1/articles", content=in_two_chunks() if chunked else body, headers=PLAIN
    )
    assert (response.status_code, response.json()["text"]) == (201, body.decode())
