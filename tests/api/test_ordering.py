"""Orders a client relies on where SQLite's storage order would hide a wrong one: relevance by
column weight, ties broken by id across pages, and which column a snippet comes from."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.corpus import follow

pytestmark = pytest.mark.anyio

# "Kelmar" once in a short body; in a title over a long body that does not name it; twice in a
# short body. Title x4 puts the title match between the two body matches; equal weights, or a
# weightless title or body, would order them otherwise.
PAINTED = {"title": "Harbour news", "text": "The lighthouse at Kelmar was painted."}
COUNCIL = {
    "title": "Kelmar lighthouse",
    "text": "The council met on Monday to talk about roads, schools, the budget and the old lighthouse.",
}
TWICE = {"title": "Roads", "text": "Kelmar to Kelmar roads."}
SAME_MOMENT = "2026-11-23T09:30:00Z"


async def store(client: httpx.AsyncClient, body: dict[str, Any]) -> int:
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    article_id: int = response.json()["id"]
    return article_id


async def search(client: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    response = await client.get("/v1/articles", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.mark.sqlite_only("FTS5's bm25 with column weights; PostgreSQL's ts_rank orders differently (README)")
async def test_relevance_weighs_a_title_match_four_times_a_body_match(client: httpx.AsyncClient) -> None:
    painted, council, twice = [await store(client, body) for body in (PAINTED, COUNCIL, TWICE)]
    found = await search(client, q="kelmar", sort="relevance")
    assert [a["id"] for a in found] == [twice, council, painted]


async def test_snippet_comes_from_the_title_when_only_the_title_matches(client: httpx.AsyncClient) -> None:
    painted, council = [await store(client, body) for body in (PAINTED, COUNCIL)]
    found = await search(client, q="kelmar")
    assert [(a["id"], a["snippet"]) for a in found] == [
        (council, "<mark>Kelmar</mark> lighthouse"),
        (painted, "The lighthouse at <mark>Kelmar</mark> was painted."),
    ]


async def test_relevance_pages_go_on_among_equal_ranks_in_id_order(client: httpx.AsyncClient) -> None:
    """Same title, bodies of the same length with one match each: equal ranks, so the id decides."""
    bodies = ["The quay opens in May.", "The quay closes in June.", "The quay floods in March."]
    ids = [await store(client, {"title": "Quay", "text": text}) for text in bodies]
    pages = await follow(client, "/v1/articles", limit=1, params={"q": "quay", "sort": "relevance"})
    assert [[a["id"] for a in page] for page in pages] == [[ids[0]], [ids[1]], [ids[2]]]


@pytest.mark.parametrize("by", ["source", "actor_id", "speaker_id"])
async def test_filtered_articles_published_at_one_moment_come_newest_id_first(
    client: httpx.AsyncClient, by: str
) -> None:
    """A filter read through its own index gives rows in id order: only the id tie-break reverses it."""
    quotes = ["“The quay will reopen,”", "“The quay is closed,”", "“The quay will be rebuilt,”"]
    ids = [
        await store(
            client,
            {"text": f"{quote} said Runa Feldt.", "source": "Harbour Gazette", "published_at": SAME_MOMENT},
        )
        for quote in quotes
    ]
    (feldt,) = (await client.get("/v1/actors", params={"q": "feldt"})).json()["items"]
    value = {"source": "Harbour Gazette", "actor_id": str(feldt["id"]), "speaker_id": str(feldt["id"])}[by]
    pages = await follow(client, "/v1/articles", limit=2, params={by: value})
    assert [[a["id"] for a in page] for page in pages] == [[ids[2], ids[1]], [ids[0]]]
