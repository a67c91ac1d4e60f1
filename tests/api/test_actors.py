"""The corpus-wide /v1/actors index over HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.api.corpus import follow

pytestmark = pytest.mark.anyio

FIRST = "Senator Maria Lopez said on Monday that the budget was fair.\n\nLopez spoke in Boston."
SECOND = "Maria Lopez warned that taxes would rise, the senator's office said."


async def post(client: httpx.AsyncClient, text: str) -> dict:
    response = await client.post("/v1/articles", content=text, headers={"Content-Type": "text/plain"})
    assert response.status_code == 201, response.text
    return response.json()


async def test_same_person_in_two_articles_is_one_actor(client: httpx.AsyncClient) -> None:
    await post(client, FIRST)
    await post(client, SECOND)
    found = (await client.get("/v1/actors", params={"q": "maria", "type": "person"})).json()["items"]
    assert [(a["name"], a["article_count"]) for a in found] == [("Maria Lopez", 2)]


async def test_actor_articles_lists_every_article_naming_it(client: httpx.AsyncClient) -> None:
    first, second = await post(client, FIRST), await post(client, SECOND)
    actor = (await client.get("/v1/actors", params={"q": "Maria Lopez"})).json()["items"][0]
    articles = (await client.get(f"/v1/actors/{actor['id']}/articles")).json()["items"]
    assert [a["id"] for a in articles] == [second["id"], first["id"]]


async def test_actor_quotes_are_the_quotes_it_speaks(client: httpx.AsyncClient) -> None:
    await post(client, FIRST)
    actor = (await client.get("/v1/actors", params={"q": "Maria"})).json()["items"][0]
    quotes = (await client.get(f"/v1/actors/{actor['id']}/quotes")).json()["items"]
    assert quotes and all(q["speaker"]["actor_id"] == actor["id"] for q in quotes)


async def test_actors_are_sorted_by_article_count(client: httpx.AsyncClient) -> None:
    await post(client, FIRST)
    await post(client, SECOND)
    counts = [a["article_count"] for a in (await client.get("/v1/actors")).json()["items"]]
    assert counts == sorted(counts, reverse=True)


async def test_actor_pages_follow_the_cursor_without_repeats(client: httpx.AsyncClient) -> None:
    await post(client, FIRST)
    await post(client, SECOND)
    everything = [a["id"] for a in (await client.get("/v1/actors")).json()["items"]]
    pages = await follow(client, "/v1/actors", limit=1)
    assert [a["id"] for page in pages for a in page] == everything


async def test_unknown_actor_is_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/actors/12345")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_actor_type_filter_is_400(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/actors", params={"type": "planet"})).status_code == 400


TOM = "Tom Berg visited the new school on Monday."
ANA_WARNS = "Ana Ruiz warned that the river was rising."
ANA_SAYS = "Ana Ruiz said the dam would hold."


async def people(client: httpx.AsyncClient) -> list[tuple[str, int, int]]:
    found = (await client.get("/v1/actors", params={"type": "person"})).json()["items"]
    return [(a["name"], a["article_count"], a["quote_count"]) for a in found]


async def test_deleting_an_article_lowers_its_actors_counts_and_their_rank(client: httpx.AsyncClient) -> None:
    await post(client, TOM)
    await post(client, ANA_WARNS)
    said = await post(client, ANA_SAYS)
    assert await people(client) == [("Ana Ruiz", 2, 2), ("Tom Berg", 1, 0)]
    assert (await client.delete(f"/v1/articles/{said['id']}")).status_code == 204
    # Now tied at one article: the older actor comes first.
    assert await people(client) == [("Tom Berg", 1, 0), ("Ana Ruiz", 1, 1)]
