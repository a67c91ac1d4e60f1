"""GET /v1/actors?q=: the start of any word of a name or an alias, case and accents aside."""

from __future__ import annotations

import httpx
import pytest

from tests.api.test_quotes_list import Flood, ingest_flood

pytestmark = pytest.mark.anyio


@pytest.fixture
async def flood(client: httpx.AsyncClient) -> Flood:
    return await ingest_flood(client)


async def names(client: httpx.AsyncClient, q: str, **params: str) -> list[str]:
    response = await client.get("/v1/actors", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return [actor["name"] for actor in response.json()["items"]]


@pytest.mark.parametrize("q", ["dufrene", "DUFRÊNE", "dufr", "renee", "Renée Duf", "ren"])
async def test_any_word_start_matches_without_case_or_accents(
    client: httpx.AsyncClient, flood: Flood, q: str
) -> None:
    assert await names(client, q) == ["Renée Dufrêne"]


async def test_a_middle_or_last_word_matches(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await names(client, "ferrow") == ["Ingrid Ferrow"]
    assert await names(client, "board") == ["Vessby Water Board"]


async def test_an_alias_matches(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await names(client, "vwb") == ["Vessby Water Board"]


@pytest.mark.parametrize("q", ["q.b.", "Q.B", "qb", "quill"])
async def test_dots_inside_a_word_are_ignored(client: httpx.AsyncClient, flood: Flood, q: str) -> None:
    assert await names(client, q) == ["Q.B. Quillan"]


async def test_every_word_must_start_a_word(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await names(client, "ingrid fer") == ["Ingrid Ferrow"]
    assert await names(client, "ingrid wirt") == []
    assert await names(client, "errow") == []


async def test_a_search_with_no_word_in_it_matches_no_one(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await names(client, "...") == []
    assert await names(client, " - ") == []


async def test_most_articles_first(client: httpx.AsyncClient, flood: Flood) -> None:
    """'w' starts Wirt (2 articles), Water (the board, 2 articles, later id) and Wall (none)."""
    found = (await client.get("/v1/actors", params={"q": "w"})).json()["items"]
    assert [(a["name"], a["article_count"]) for a in found] == [("Oskar Wirt", 2), ("Vessby Water Board", 2)]
    assert await names(client, "b") == ["Brannholm", "Vessby Water Board"]


async def test_search_combines_with_type(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await names(client, "b", type="location") == ["Brannholm"]


async def test_a_deleted_articles_aliases_no_longer_match(client: httpx.AsyncClient, flood: Flood) -> None:
    assert (await client.delete(f"/v1/articles/{flood.plan}")).status_code == 204
    assert await names(client, "vwb") == []
    assert await names(client, "vessby") == ["Vessby Water Board"]
