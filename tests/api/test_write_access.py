"""Who may write: the key when one is set; without one, local callers only (or anyone, if opted in)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest

from app.api.deps import is_loopback
from app.config import Settings
from app.main import create_app
from tests.conftest import MODEL, serving

BODY = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."
pytestmark = pytest.mark.anyio

REMOTE = ("203.0.113.9", 50000)
LOCAL = ("127.0.0.1", 50000)

Connect = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def connect(database_url: str) -> Connect:
    """A client of the real app with no API key, calling from the given address."""

    @asynccontextmanager
    async def open_client(
        client_address: tuple[str, int], **settings: object
    ) -> AsyncIterator[httpx.AsyncClient]:
        no_key = Settings(database_url=database_url, nlp_model=MODEL, annotate_workers=0, **settings)  # type: ignore[arg-type]
        async with serving(no_key, client_address=client_address) as client:
            yield client

    return open_client


async def post(client: httpx.AsyncClient, **headers: str) -> httpx.Response:
    return await client.post("/v1/articles", content=BODY, headers={"Content-Type": "text/plain", **headers})


async def stored_count(client: httpx.AsyncClient) -> int:
    return len((await client.get("/v1/articles")).json()["items"])


async def test_without_a_key_a_loopback_client_may_write(connect: Connect) -> None:
    async with connect(LOCAL) as client:
        assert (await post(client)).status_code == 201


async def test_without_a_key_a_remote_client_gets_403_and_nothing_is_stored(connect: Connect) -> None:
    async with connect(REMOTE) as client:
        response = await post(client)
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        assert "only from its own machine" in response.json()["detail"]
        assert await stored_count(client) == 0
        assert (await client.delete("/v1/articles/1")).status_code == 403


async def test_without_a_key_a_client_with_no_address_gets_403_and_nothing_is_stored(
    database_url: str,
) -> None:
    """A server on a Unix socket (uvicorn --uds) has no client address: the caller is not known local."""
    app = create_app(Settings(database_url=database_url, nlp_model=MODEL, annotate_workers=0))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=None)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://quotewire.test") as client:
            response = await post(client)
            assert response.status_code == 403
            assert "only from its own machine" in response.json()["detail"]
            assert await stored_count(client) == 0


async def test_without_a_key_a_remote_client_may_still_read(connect: Connect) -> None:
    async with connect(LOCAL) as local:
        await post(local)
    async with connect(REMOTE) as remote:
        assert (await remote.get("/v1/articles/1")).status_code == 200


async def test_without_a_key_a_page_of_another_origin_may_not_write_through_a_local_browser(
    connect: Connect,
) -> None:
    async with connect(LOCAL) as client:
        assert (await post(client, Origin="https://attacker.example")).status_code == 403
        assert await stored_count(client) == 0
        assert (await post(client, Origin="http://quotewire.test")).status_code == 201


async def test_an_origin_listed_for_cors_may_write_from_a_local_browser(connect: Connect) -> None:
    async with connect(LOCAL, cors_origins=["http://app.example"]) as client:
        assert (await post(client, Origin="http://app.example")).status_code == 201


async def test_open_writes_setting_lets_a_remote_client_write_without_a_key(connect: Connect) -> None:
    async with connect(REMOTE, allow_open_writes=True) as client:
        assert (await post(client)).status_code == 201


async def test_startup_log_says_writes_are_local_only_without_a_key(
    connect: Connect, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="quotewire"):
        async with connect(LOCAL):
            pass
    assert [r.getMessage() for r in caplog.records if r.name == "quotewire"] == [
        "no API key (QUOTEWIRE_API_KEY): writes are accepted only from loopback clients"
    ]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("localhost", True),
        ("10.0.0.1", False),
        ("localhost.example", False),
        ("LOCALHOST.example", False),
        (None, False),
    ],
)
def test_is_loopback_accepts_only_loopback_addresses_and_the_name_localhost(
    host: str | None, loopback: bool
) -> None:
    assert is_loopback(host) is loopback
