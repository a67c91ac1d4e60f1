"""POST /v1/articles with `Prefer: respond-async`, and /v1/jobs/{id}: the real app over httpx, the real
Redis, and a real `quotewire worker` process on the app's SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import httpx
import pytest
from pydantic import SecretStr

from app.api.articles import prefers_async
from app.api.errors import QUEUE_DOWN_DETAIL
from app.config import Settings
from tests.conftest import API_KEY, MODEL, serving
from tests.queue import WORKER_TIMEOUT_S, work_until_empty

pytestmark = pytest.mark.anyio

SHORT = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."
ASYNC_PLAIN = {"Content-Type": "text/plain", "Prefer": "respond-async"}
PROBLEM_JSON = "application/problem+json"
# No Redis listens on port 1: a connection is refused at once.
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


@pytest.fixture
async def queue_client(queue_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(queue_settings, headers={"X-API-Key": API_KEY}) as client:
        yield client


async def _queued_count(client: httpx.AsyncClient) -> int:
    jobs = (await client.get("/health")).json()["jobs"]
    assert jobs is not None
    queued: int = jobs["queued"]
    return queued


@pytest.mark.timeout(2 * WORKER_TIMEOUT_S)
async def test_queued_article_is_stored_by_a_worker_and_read_with_its_quote(
    queue_client: httpx.AsyncClient, queue_settings: Settings, tmp_path: Path
) -> None:
    response = await queue_client.post("/v1/articles", content=SHORT, headers=ASYNC_PLAIN)
    assert response.status_code == 202
    job = response.json()
    location = f"/v1/jobs/{job['id']}"
    assert response.headers["Location"] == location
    assert response.headers["Preference-Applied"] == "respond-async"
    assert (job["status"], job["article_id"], job["attempts"]) == ("queued", None, 0)
    assert (await queue_client.get(location)).json()["status"] == "queued"

    worker = work_until_empty(queue_settings, tmp_path)

    assert worker.returncode == 0, worker.stderr
    done = (await queue_client.get(location)).json()
    article_url = f"/v1/articles/{done['article_id']}"
    assert (done["status"], done["article_url"], done["attempts"], done["error"]) == (
        "done",
        article_url,
        1,
        None,
    )
    quotes = (await queue_client.get(f"{article_url}/quotes")).json()["items"]
    assert [(q["text"], q["speaker"]["text"]) for q in quotes] == [
        ("“The ferry runs again on Monday,”", "Mayor Ana Ruiz")
    ]


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"text": ""}', "application/json", 422),
        (b"{not json", "application/json", 400),
        (SHORT.encode(), "image/png", 415),
    ],
)
async def test_bad_body_gets_the_same_4xx_and_queues_nothing(
    queue_client: httpx.AsyncClient, body: bytes, content_type: str, status: int
) -> None:
    headers = {"Content-Type": content_type, "Prefer": "respond-async"}
    response = await queue_client.post("/v1/articles", content=body, headers=headers)
    assert (response.status_code, response.headers["Content-Type"]) == (status, PROBLEM_JSON)
    assert await _queued_count(queue_client) == 0


async def test_queued_post_without_the_api_key_is_401_and_queues_nothing(
    queue_client: httpx.AsyncClient,
) -> None:
    response = await queue_client.post(
        "/v1/articles", content=SHORT, headers={**ASYNC_PLAIN, "X-API-Key": "wrong"}
    )
    assert response.status_code == 401
    assert await _queued_count(queue_client) == 0


async def test_health_counts_the_queued_job(queue_client: httpx.AsyncClient) -> None:
    await queue_client.post("/v1/articles", content=SHORT, headers=ASYNC_PLAIN)
    assert (await queue_client.get("/health")).json()["jobs"] == {"queued": 1, "running": 0, "failed": 0}


async def test_unknown_job_is_404(queue_client: httpx.AsyncClient) -> None:
    job_id = uuid4()
    response = await queue_client.get(f"/v1/jobs/{job_id}")
    assert (response.status_code, response.headers["Content-Type"]) == (404, PROBLEM_JSON)
    assert response.json()["detail"] == f"No job with id {job_id}."


async def test_job_id_that_is_not_a_uuid_is_422(queue_client: httpx.AsyncClient) -> None:
    response = await queue_client.get("/v1/jobs/42")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "job_id"]


async def test_job_of_another_queue_is_404(queue_client: httpx.AsyncClient, queue_settings: Settings) -> None:
    """Two deployments sharing one Redis do not see each other's jobs."""
    job_id = (await queue_client.post("/v1/articles", content=SHORT, headers=ASYNC_PLAIN)).json()["id"]
    other = queue_settings.model_copy(update={"queue_name": f"{queue_settings.queue_name}-other"})
    async with serving(other) as other_client:
        assert (await other_client.get(f"/v1/jobs/{job_id}")).status_code == 404


async def test_prefer_async_without_a_queue_is_ingested_at_once(client: httpx.AsyncClient) -> None:
    """RFC 7240: a preference may be ignored; the answer is then the synchronous one."""
    response = await client.post("/v1/articles", content=SHORT, headers=ASYNC_PLAIN)
    assert response.status_code == 201
    assert response.headers["Location"] == f"/v1/articles/{response.json()['id']}"
    assert "Preference-Applied" not in response.headers
    assert (await client.get("/health")).json()["jobs"] is None


async def test_unreachable_redis_is_503_with_retry_after(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'quotewire.db'}",
        nlp_model=MODEL,
        api_key=SecretStr(API_KEY),
        annotate_workers=0,
        redis_url=UNREACHABLE_REDIS,
    )
    async with serving(settings, headers={"X-API-Key": API_KEY}) as client:
        for response in (
            await client.post("/v1/articles", content=SHORT, headers=ASYNC_PLAIN),
            await client.get(f"/v1/jobs/{uuid4()}"),
            await client.get("/health"),
        ):
            assert (response.status_code, response.headers["Retry-After"]) == (503, "5")
            assert response.json()["detail"] == QUEUE_DOWN_DETAIL


@pytest.mark.parametrize(
    ("prefer", "applies"),
    [
        ("respond-async", True),
        ("Respond-Async", True),
        ("wait=10, respond-async", True),
        ("respond-async; detail=full", True),
        ("wait=5,respond-async", True),
        ("respond-async=yes", True),
        ("return=minimal", False),
        ("respond-asynchronously", False),
        (None, False),
    ],
)
def test_prefer_header_is_read_as_an_rfc_7240_list(prefer: str | None, applies: bool) -> None:
    assert prefers_async(prefer) is applies
