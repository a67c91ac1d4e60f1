"""Every cursor, followed page by page across at least three pages: nothing lost, nothing repeated."""

from __future__ import annotations

import httpx
import pytest

from tests.api.corpus import Corpus, follow, ingest_corpus

pytestmark = pytest.mark.anyio


@pytest.fixture
async def corpus(client: httpx.AsyncClient) -> Corpus:
    return await ingest_corpus(client)


def texts(pages: list[list[dict]]) -> list[list[str]]:
    return [[item["text"] for item in page] for page in pages]


def names(pages: list[list[dict]]) -> list[list[str]]:
    return [[item["name"] for item in page] for page in pages]


def ids(pages: list[list[dict]]) -> list[list[int]]:
    return [[item["id"] for item in page] for page in pages]


async def test_articles_page_newest_first(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, "/v1/articles", limit=1)
    assert ids(pages) == [[corpus.weather], [corpus.prices], [corpus.museum], [corpus.ferry]]


async def test_articles_pages_end_on_a_full_page(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, "/v1/articles", limit=2)
    assert ids(pages) == [[corpus.weather, corpus.prices], [corpus.museum, corpus.ferry]]


async def test_article_quotes_page_in_text_order(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, f"/v1/articles/{corpus.ferry}/quotes", limit=1)
    assert texts(pages) == [
        ["“The ferry will run again in May,”"],
        ["“We have fixed the engines,”"],
        ["“Tickets go on sale next week,”"],
    ]


async def test_article_actors_page_most_salient_first(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, f"/v1/articles/{corpus.prices}/actors", limit=1)
    assert names(pages) == [["Ilse Brandt"], ["Runa Feldt"], ["Tarnby Shipping Company"], ["Saltmere"]]


async def test_actors_page_across_equal_article_counts(client: httpx.AsyncClient, corpus: Corpus) -> None:
    """Two actors are in two articles and three in one: the cursor must go on inside a tie."""
    pages = await follow(client, "/v1/actors", limit=1)
    assert names(pages) == [
        ["Runa Feldt"],
        ["Tarnby Shipping Company"],
        ["Saltmere"],
        ["Tomas Bekker"],
        ["Orvik"],
        ["Ilse Brandt"],
    ]


async def test_filtered_actors_page_within_the_filter(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, "/v1/actors", limit=1, params={"type": "person"})
    assert names(pages) == [["Runa Feldt"], ["Tomas Bekker"], ["Ilse Brandt"]]


async def test_actor_articles_page_newest_first(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, f"/v1/actors/{corpus.actors['Runa Feldt']}/articles", limit=1)
    assert ids(pages) == [[corpus.prices], [corpus.museum], [corpus.ferry]]


async def test_actor_quotes_page_across_articles(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, f"/v1/actors/{corpus.actors['Runa Feldt']}/quotes", limit=1)
    assert texts(pages) == [
        ["“The ferry will run again in May,”"],
        ["“We have fixed the engines,”"],
        ["“Tickets go on sale next week,”"],
        ["“Nobody expected it,”"],
    ]


async def test_actor_quotes_pages_end_on_a_full_page(client: httpx.AsyncClient, corpus: Corpus) -> None:
    pages = await follow(client, f"/v1/actors/{corpus.actors['Runa Feldt']}/quotes", limit=2)
    assert texts(pages) == [
        ["“The ferry will run again in May,”", "“We have fixed the engines,”"],
        ["“Tickets go on sale next week,”", "“Nobody expected it,”"],
    ]


async def test_another_lists_cursor_is_400_problem(client: httpx.AsyncClient, corpus: Corpus) -> None:
    """An article-list cursor is no actor-list cursor, and an actor-list cursor is no other list's."""
    feldt = corpus.actors["Runa Feldt"]
    article_cursor = (await client.get("/v1/articles", params={"limit": 1})).json()["next"]
    actor_cursor = (await client.get("/v1/actors", params={"limit": 1})).json()["next"]
    for path, cursor in [
        ("/v1/actors", article_cursor),
        ("/v1/articles", actor_cursor),
        (f"/v1/articles/{corpus.ferry}/quotes", actor_cursor),
        (f"/v1/articles/{corpus.ferry}/actors", actor_cursor),
        (f"/v1/actors/{feldt}/articles", actor_cursor),
        (f"/v1/actors/{feldt}/quotes", actor_cursor),
    ]:
        response = await client.get(path, params={"cursor": cursor})
        assert response.status_code == 400, path
        assert response.headers["content-type"] == "application/problem+json", path


async def test_pages_go_on_among_articles_published_at_the_same_moment(client: httpx.AsyncClient) -> None:
    """Equal publication times: the cursor's article id must break the tie (newest id first)."""
    same_moment = "2026-11-23T09:30:00Z"
    bodies = [
        "“The quay will reopen,” said Runa Feldt.",
        "“The roof leaks,” said Tomas Bekker.",
        "“Prices will fall,” said Ilse Brandt.",
    ]
    posted = [
        await client.post("/v1/articles", json={"text": b, "published_at": same_moment}) for b in bodies
    ]
    first, second, third = (response.json()["id"] for response in posted)
    assert ids(await follow(client, "/v1/articles", limit=1)) == [[third], [second], [first]]
    quotes = await follow(client, "/v1/quotes", limit=1)
    assert texts(quotes) == [["“Prices will fall,”"], ["“The roof leaks,”"], ["“The quay will reopen,”"]]
