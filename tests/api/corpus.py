"""A corpus of our own for the list tests, and a bounded way to page through a list.

Four short articles whose people, organisation and places overlap, so that every filter has rows it
must leave out and every cursor has at least three pages to follow. They are annotated by the real
model; the expected answers in the tests are what it finds in them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

FERRY = (
    "“The ferry will run again in May,” said Runa Feldt, the harbour master.\n\n"
    "“We have fixed the engines,” Feldt said. The Tarnby Shipping Company agreed.\n\n"
    "“Tickets go on sale next week,” she added."
)
MUSEUM = (
    "Tomas Bekker said the museum in Orvik would close for a month.\n\n"
    "“The roof leaks,” Bekker said.\n\n"
    "Runa Feldt did not comment."
)
PRICES = (
    "“Prices will fall,” said Ilse Brandt of the Tarnby Shipping Company.\n\n"
    "“Nobody expected it,” Runa Feldt said in Saltmere."
)
WEATHER = "The weather in Saltmere was cold on Sunday."

# More pages than any list in these tests can have: a cursor that never ends fails the test
# instead of hanging it.
MAX_PAGES = 20


@dataclass(frozen=True)
class Corpus:
    """Ids of the stored corpus: articles by their text's name, actors by their name."""

    ferry: int
    museum: int
    prices: int
    weather: int
    actors: dict[str, int]


async def post(client: httpx.AsyncClient, text: str) -> dict[str, Any]:
    response = await client.post("/v1/articles", content=text, headers={"Content-Type": "text/plain"})
    assert response.status_code == 201, response.text
    return response.json()


async def ingest_corpus(client: httpx.AsyncClient) -> Corpus:
    """Stores the four articles in order (FERRY oldest, WEATHER newest)."""
    ids = [(await post(client, text))["id"] for text in (FERRY, MUSEUM, PRICES, WEATHER)]
    actors = (await client.get("/v1/actors")).json()["items"]
    return Corpus(*ids, actors={actor["name"]: actor["id"] for actor in actors})


async def follow(
    client: httpx.AsyncClient, path: str, limit: int, params: dict[str, str] | None = None
) -> list[list[dict[str, Any]]]:
    """Every page of a list, in order, following `next` at most MAX_PAGES times."""
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    for _ in range(MAX_PAGES):
        query = {**(params or {}), "limit": str(limit), **({"cursor": cursor} if cursor else {})}
        response = await client.get(path, params=query)
        assert response.status_code == 200, response.text
        pages.append(response.json()["items"])
        cursor = response.json()["next"]
        if cursor is None:
            return pages
    pytest.fail(f"{path} still had a next page after {MAX_PAGES} pages")
