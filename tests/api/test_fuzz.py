"""schemathesis against the app's own /openapi.json, with every check: no 5xx, every response as
documented, no schema-valid request refused and no schema-violating one accepted."""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import tempfile
import threading
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from pydantic import SecretStr
from schemathesis.python import asgi as schemathesis_asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.config import Settings
from app.html_article import NO_BODY
from app.main import create_app
from app.parsed import NO_TEXT
from tests.conftest import API_KEY, MODEL

EXAMPLES_PER_OPERATION = 40
# Two articles, so that the ids schemathesis tries first (1, 2) reach real articles, actors and quotes.
SEED_ARTICLES = (
    "“The bridge will reopen in May,” Mayor Ilse Varga said on Monday.\n\n"
    "The Harbour Council said repairs cost more than planned.",
    "Ilse Varga told reporters that the ferry would run all winter.",
)
SEED_TIME = "2026-04-01T08:00:00Z"

# Built at import, as schemathesis collects one test per operation from it. Its database is a file
# of its own, replaced by a copy of the seeded one before each operation: an operation that deletes
# (DELETE /v1/articles/{id} runs before the actor operations) leaves the next one the same rows.
_DIRECTORY = Path(tempfile.mkdtemp(prefix="quotewire-fuzz-"))
atexit.register(shutil.rmtree, _DIRECTORY, ignore_errors=True)
_DATABASE = _DIRECTORY / "quotewire.db"
_APP = create_app(
    Settings(
        database_url=f"sqlite:///{_DATABASE}", nlp_model=MODEL, api_key=SecretStr(API_KEY), annotate_workers=0
    )
)
schema = schemathesis.openapi.from_asgi("/openapi.json", _APP)


# The parent's, kept: collecting one would close its portal, which waits on the thread the child lacks.
_PARENT_EXIT_STACKS: list[ExitStack] = []


def _forget_schemathesis_event_loop() -> None:
    """schemathesis runs every ASGI app on one event-loop thread of its own, started once per process,
    and keeps the apps it has started. A forked child (each of mutmut's mutants) has no such thread,
    so its first request would wait forever on the parent's: the child starts its own and its app anew.
    """
    _PARENT_EXIT_STACKS.append(schemathesis_asgi._STACK)
    schemathesis_asgi._LOCK = threading.Lock()
    schemathesis_asgi._STACK = ExitStack()
    schemathesis_asgi._PORTAL = None
    schemathesis_asgi._LIFESPANS.clear()
    schemathesis_asgi._STARTUP_LOCKS.clear()


os.register_at_fork(after_in_child=_forget_schemathesis_event_loop)


def _has_utc_form(value: Any) -> bool:
    """False for a time JSON Schema's `date-time` admits but that has no UTC form (late on 31 December
    9999 with a negative offset, early on 1 January of year 1 with a positive one): the API refuses it,
    as its schema's description says, and no JSON Schema keyword can say it."""
    if not isinstance(value, str):
        return True
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return True
    if moment.tzinfo is None:  # taken as UTC
        return True
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return False
    return True


@schema.hook("filter_body")
def _body_times_have_utc_form(context: schemathesis.HookContext, body: Any) -> bool:
    return not isinstance(body, dict) or _has_utc_form(body.get("published_at"))


@schema.hook("filter_query")
def _query_times_have_utc_form(context: schemathesis.HookContext, query: Any) -> bool:
    times = ("published_after", "published_before")
    return not isinstance(query, dict) or all(_has_utc_form(query.get(name)) for name in times)


async def _ingest_seed_articles(database: Path) -> None:
    """Through the API itself, as any client stores articles."""
    app = create_app(
        Settings(
            database_url=f"sqlite:///{database}",
            nlp_model=MODEL,
            api_key=SecretStr(API_KEY),
            annotate_workers=0,
        )
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://quotewire.test", headers={"X-API-Key": API_KEY}
        ) as client:
            for text in SEED_ARTICLES:
                response = await client.post("/v1/articles", json={"text": text, "published_at": SEED_TIME})
                assert response.status_code == 201, response.text


@pytest.fixture(scope="module")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new file each session: a second session in one process (mutmut's) must not find the first's."""
    seeded = tmp_path_factory.mktemp("seeded") / "seeded.db"
    asyncio.run(_ingest_seed_articles(seeded))
    return seeded


@pytest.fixture(autouse=True)
def _fresh_seeded_database(seeded_database: Path) -> None:
    for leftover in _DIRECTORY.glob(f"{_DATABASE.name}*"):
        leftover.unlink()
    shutil.copyfile(seeded_database, _DATABASE)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    headers = {"X-API-Key": API_KEY}
    response = case.call(headers=headers)
    case.validate_response(
        response,
        headers=headers,
        transport_kwargs={"headers": headers},
        excluded_checks=[positive_data_acceptance] if _valid_yet_refused(case, response) else [],
    )


def _valid_yet_refused(case: schemathesis.Case, response: schemathesis.Response) -> bool:
    """Requests the schema admits and the API refuses on purpose, for reasons an OpenAPI document
    cannot state."""
    query = case.query or {}
    # A cursor is opaque: the schema gives its alphabet, but only one the API made names a page, and
    # any other must stay a 400 (the API never guesses a page).
    made_up_cursor = bool(query.get("cursor"))
    # Relevance is the rank of the search text `q`; one query parameter cannot require another.
    relevance_without_search = query.get("sort") == "relevance" and not query.get("q")
    # Whether a body holds an article (text once a byline is taken off, a story in a page) is known
    # only by reading it.
    no_article = response.status_code == 422 and response.json().get("detail") in {NO_TEXT, NO_BODY}
    return made_up_cursor or relevance_without_search or no_article
