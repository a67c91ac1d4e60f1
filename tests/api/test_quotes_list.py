"""GET /v1/quotes: every filter on a corpus where it leaves quotes out, and its cursor over pages.

The flood corpus (our own texts, annotated by the real model) is shared with the article search tests.
Undated WEATHER sorts by its ingestion time (today), so it is the newest article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.api.corpus import follow

pytestmark = pytest.mark.anyio

DAM = {
    "title": "Tollby dam holds",
    "source": "Tollby Post",
    "url": "https://news.example.org/dam",
    "published_at": "2026-01-10T08:00:00Z",
    "text": "“The dam will hold,” said Ingrid Ferrow.\n\nOfficials said the river was rising in Tollby.",
}
PUMPS = {
    "title": "Pumps needed",
    "source": "River Wire",
    "published_at": "2026-02-10T08:00:00Z",
    "text": "“We need more pumps,” Ingrid Ferrow said.\n\n“The roads are closed,” said Oskar Wirt.",
}
WARNING = {
    "title": "Flood warning",
    "source": "Tollby Post",
    "published_at": "2026-03-10T08:00:00Z",
    "text": "“Nobody warned us about the flood,” said Oskar Wirt.\n\n"
    "A police officer said the bridge in Tollby was safe.",
}
WEATHER = {"title": "Mild week", "source": "River Wire", "text": "The weather was mild in Brannholm."}
PLAN = {
    "title": "Flood plan agreed",
    "source": "Tollby Post",
    "published_at": "2026-01-20T08:00:00Z",
    "text": "Renée Dufrêne met the Vessby Water Board (VWB) in Brannholm.\n\n"
    "“We agree on the flood plan,” Dufrêne said.\n\nThe VWB said it would pay.",
}
WALL = {
    "title": "Wall planned",
    "source": "River Wire",
    "published_at": "2026-01-05T08:00:00Z",
    "text": "The Vessby Water Board will build a wall, Q.B. Quillan said.",
}

NOBODY = "“Nobody warned us about the flood,”"
BRIDGE = "the bridge in Tollby was safe"
PUMPS_QUOTE = "“We need more pumps,”"
ROADS = "“The roads are closed,”"
AGREE = "“We agree on the flood plan,”"
PAY = "it would pay"
HOLD = "“The dam will hold,”"
RIVER = "the river was rising in Tollby"
BUILD = "The Vessby Water Board will build a wall"
# Newest article first (WEATHER has none), then text order.
ALL_QUOTES = [NOBODY, BRIDGE, PUMPS_QUOTE, ROADS, AGREE, PAY, HOLD, RIVER, BUILD]


@dataclass(frozen=True)
class Flood:
    """Ids of the stored flood corpus: articles by constant name, actors by name."""

    dam: int
    pumps: int
    warning: int
    weather: int
    plan: int
    wall: int
    actors: dict[str, int]


async def ingest_flood(client: httpx.AsyncClient) -> Flood:
    """Stores the six articles in this order (so WALL is the last ingested)."""
    ids = []
    for body in (DAM, PUMPS, WARNING, WEATHER, PLAN, WALL):
        response = await client.post("/v1/articles", json=body)
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    actors = (await client.get("/v1/actors", params={"limit": 100})).json()["items"]
    return Flood(*ids, actors={actor["name"]: actor["id"] for actor in actors})


@pytest.fixture
async def flood(client: httpx.AsyncClient) -> Flood:
    return await ingest_flood(client)


async def quote_texts(client: httpx.AsyncClient, **params: Any) -> list[str]:
    response = await client.get("/v1/quotes", params=params)
    assert response.status_code == 200, response.text
    return [quote["text"] for quote in response.json()["items"]]


async def test_all_quotes_come_newest_article_first_then_in_text_order(
    client: httpx.AsyncClient, flood: Flood
) -> None:
    assert await quote_texts(client) == ALL_QUOTES


async def test_cursor_pages_through_every_quote_once(client: httpx.AsyncClient, flood: Flood) -> None:
    pages = await follow(client, "/v1/quotes", limit=2)
    assert [[q["text"] for q in page] for page in pages] == [
        [NOBODY, BRIDGE],
        [PUMPS_QUOTE, ROADS],
        [AGREE, PAY],
        [HOLD, RIVER],
        [BUILD],
    ]


async def test_cursor_pages_a_filtered_list(client: httpx.AsyncClient, flood: Flood) -> None:
    pages = await follow(client, "/v1/quotes", limit=1, params={"actor_id": str(flood.actors["Tollby"])})
    assert [[q["text"] for q in page] for page in pages] == [[NOBODY], [BRIDGE], [HOLD], [RIVER]]


async def test_speaker_filter_keeps_that_actors_quotes(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, speaker_id=flood.actors["Ingrid Ferrow"]) == [PUMPS_QUOTE, HOLD]
    assert await quote_texts(client, speaker_id=flood.actors["Oskar Wirt"]) == [NOBODY, ROADS]


async def test_actor_filter_keeps_quotes_of_articles_mentioning_it(
    client: httpx.AsyncClient, flood: Flood
) -> None:
    assert await quote_texts(client, actor_id=flood.actors["Brannholm"]) == [AGREE, PAY]


async def test_article_filter_keeps_that_articles_quotes(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, article_id=flood.pumps) == [PUMPS_QUOTE, ROADS]
    assert await quote_texts(client, article_id=flood.weather) == []


async def test_kind_filter_is_repeatable(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, kind="indirect") == [BRIDGE, PAY, RIVER, BUILD]
    assert await quote_texts(client, kind=["direct", "indirect"]) == ALL_QUOTES
    assert await quote_texts(client, kind="mixed") == []


async def test_anonymous_filter_splits_unnamed_sources(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, anonymous="true") == [BRIDGE, RIVER]
    assert await quote_texts(client, anonymous="false") == [
        NOBODY,
        PUMPS_QUOTE,
        ROADS,
        AGREE,
        PAY,
        HOLD,
        BUILD,
    ]


async def test_full_text_searches_the_quotes_words_stemmed(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, q="flood") == [NOBODY, AGREE]
    assert await quote_texts(client, q="warning") == [NOBODY]
    assert await quote_texts(client, q="roads closed") == [ROADS]
    assert await quote_texts(client, q="Tollby") == [BRIDGE, RIVER]
    assert await quote_texts(client, q="“…”") == []


async def test_publication_range_leaves_undated_articles_out(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, published_after="2026-02-10T08:00:00Z") == [
        NOBODY,
        BRIDGE,
        PUMPS_QUOTE,
        ROADS,
    ]
    assert await quote_texts(client, published_before="2026-01-10T08:00:00Z") == [BUILD]
    # 07:30 at UTC-1 is 08:30 UTC, after the dam article; a date alone is midnight UTC.
    assert await quote_texts(
        client, published_after="2026-01-10T07:30:00-01:00", published_before="2026-02-11"
    ) == [PUMPS_QUOTE, ROADS, AGREE, PAY]


async def test_publication_range_leaves_out_the_quotes_of_undated_articles(
    client: httpx.AsyncClient, flood: Flood
) -> None:
    """An undated article's quotes sort by its ingestion time, which no publication range covers."""
    undated = {"title": "Ferry late", "text": "“The ferry is late again,” said Jon Tindale."}
    assert (await client.post("/v1/articles", json=undated)).status_code == 201
    assert await quote_texts(client, published_after="2026-03-01") == [NOBODY, BRIDGE]
    assert await quote_texts(client, published_before="2999-01-01") == ALL_QUOTES


async def test_filters_combine(client: httpx.AsyncClient, flood: Flood) -> None:
    ferrow = flood.actors["Ingrid Ferrow"]
    assert await quote_texts(client, speaker_id=ferrow, published_after="2026-02-01") == [PUMPS_QUOTE]
    assert await quote_texts(client, actor_id=flood.actors["Tollby"], kind="direct") == [NOBODY, HOLD]


async def test_each_quote_names_its_article(client: httpx.AsyncClient, flood: Flood) -> None:
    response = await client.get("/v1/quotes", params={"speaker_id": flood.actors["Ingrid Ferrow"]})
    pumps, dam = response.json()["items"]
    assert dam["article_id"] == flood.dam
    assert dam["article"] == {
        "id": flood.dam,
        "title": "Tollby dam holds",
        "source": "Tollby Post",
        "url": "https://news.example.org/dam",
        "published_at": "2026-01-10T08:00:00Z",
    }
    assert (pumps["article"]["id"], pumps["article"]["url"]) == (flood.pumps, None)
    assert (dam["kind"], dam["speaker"]["name"], dam["cue"]["text"]) == ("direct", "Ingrid Ferrow", "said")


async def test_unknown_parameter_is_400_naming_the_accepted_ones(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/quotes", params={"speaker": "Ferrow"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "Unknown query parameter 'speaker'. This endpoint takes: speaker_id, actor_id, article_id, kind, "
        "anonymous, q, published_after, published_before, limit, cursor."
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [("kind", "angry"), ("anonymous", "maybe"), ("speaker_id", "x"), ("published_after", "soon")],
)
async def test_bad_value_is_400(client: httpx.AsyncClient, name: str, value: str) -> None:
    response = await client.get("/v1/quotes", params={name: value})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"Invalid value of '{name}': ")


async def test_empty_cursor_is_the_first_page(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await quote_texts(client, cursor="", limit=1) == [NOBODY]


async def test_a_cursor_of_another_list_is_400(client: httpx.AsyncClient, flood: Flood) -> None:
    article_cursor = (await client.get("/v1/articles", params={"limit": 1})).json()["next"]
    response = await client.get("/v1/quotes", params={"cursor": article_cursor})
    assert response.status_code == 400
    quote_cursor = (await client.get("/v1/quotes", params={"limit": 1})).json()["next"]
    assert (await client.get("/v1/articles", params={"cursor": quote_cursor})).status_code == 400
