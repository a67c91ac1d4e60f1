"""PATCH /v1/articles/{id}: metadata changes without re-annotating; search and sort follow them."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.anyio

BODY = {
    "text": "“The ferry to Oddholm sails at dawn,” said Oskar Wirt.",
    "title": "Ferry times",
    "source": "Harbour Notes",
    "published_at": "2026-05-01T06:00:00Z",
}
OTHER = {"text": "The weather was mild in Brannholm.", "published_at": "2026-06-01T06:00:00Z"}


async def stored(client: httpx.AsyncClient, body: dict) -> dict:
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_patch_changes_only_the_fields_sent(client: httpx.AsyncClient) -> None:
    article = await stored(client, BODY)
    quotes_before = (await client.get(f"/v1/articles/{article['id']}/quotes")).json()["items"]
    response = await client.patch(
        f"/v1/articles/{article['id']}",
        json={"title": "Ferry timetable", "url": "https://news.example.org/f"},
    )
    assert response.status_code == 200
    patched = response.json()
    assert (patched["title"], patched["url"], patched["source"], patched["published_at"]) == (
        "Ferry timetable",
        "https://news.example.org/f",
        "Harbour Notes",
        "2026-05-01T06:00:00Z",
    )
    assert (patched["text"], patched["quote_count"], patched["annotator_version"]) == (
        article["text"],
        1,
        article["annotator_version"],
    )
    assert (await client.get(f"/v1/articles/{article['id']}/quotes")).json()["items"] == quotes_before


async def test_null_clears_a_field(client: httpx.AsyncClient) -> None:
    article = await stored(client, BODY)
    patched = (await client.patch(f"/v1/articles/{article['id']}", json={"source": None})).json()
    assert (patched["source"], patched["title"]) == (None, "Ferry times")


async def test_title_search_follows_the_patch(client: httpx.AsyncClient) -> None:
    article = await stored(client, BODY)
    await client.patch(f"/v1/articles/{article['id']}", json={"title": "Timetable for Quayside"})
    found = (await client.get("/v1/articles", params={"q": "quayside"})).json()["items"]
    assert [a["id"] for a in found] == [article["id"]]
    assert (await client.get("/v1/articles", params={"q": "times"})).json()["items"] == []


async def test_publication_time_moves_the_article_in_the_newest_order(client: httpx.AsyncClient) -> None:
    ferry, weather = await stored(client, BODY), await stored(client, OTHER)
    ids = [a["id"] for a in (await client.get("/v1/articles")).json()["items"]]
    assert ids == [weather["id"], ferry["id"]]
    response = await client.patch(
        f"/v1/articles/{ferry['id']}", json={"published_at": "2026-07-01T08:00:00+02:00"}
    )
    assert response.json()["published_at"] == "2026-07-01T06:00:00Z"
    ids = [a["id"] for a in (await client.get("/v1/articles")).json()["items"]]
    assert ids == [ferry["id"], weather["id"]]
    after = (await client.get("/v1/articles", params={"published_after": "2026-06-15"})).json()["items"]
    assert [a["id"] for a in after] == [ferry["id"]]


async def test_publication_time_moves_its_quotes_in_the_quote_list(
    client: httpx.AsyncClient,
) -> None:
    ferry = await stored(client, BODY)
    bridge = await stored(
        client,
        {"text": "Ruth Olsen said the bridge would reopen in May.", "published_at": "2026-06-01T06:00:00Z"},
    )
    quoted_articles = [q["article_id"] for q in (await client.get("/v1/quotes")).json()["items"]]
    assert quoted_articles == [bridge["id"], ferry["id"]]
    await client.patch(f"/v1/articles/{ferry['id']}", json={"published_at": "2026-07-01T06:00:00Z"})
    quoted_articles = [q["article_id"] for q in (await client.get("/v1/quotes")).json()["items"]]
    assert quoted_articles == [ferry["id"], bridge["id"]]


async def test_clearing_the_publication_time_sorts_by_ingestion(client: httpx.AsyncClient) -> None:
    ferry, weather = await stored(client, BODY), await stored(client, OTHER)
    await client.patch(f"/v1/articles/{weather['id']}", json={"published_at": None})
    await client.patch(f"/v1/articles/{ferry['id']}", json={"published_at": None})
    ids = [a["id"] for a in (await client.get("/v1/articles")).json()["items"]]
    assert ids == [weather["id"], ferry["id"]]


async def test_reposting_the_body_with_other_metadata_returns_the_stored_article(
    client: httpx.AsyncClient,
) -> None:
    article = await stored(client, BODY)
    response = await client.post("/v1/articles", json={**BODY, "title": "Another title"})
    assert (response.status_code, response.json()["id"], response.json()["title"]) == (
        200,
        article["id"],
        "Ferry times",
    )


@pytest.mark.parametrize(
    "body",
    [
        {"title": 7},
        {"url": "not a url"},
        {"published_at": "someday"},
        {"text": "New body."},
        {"title": "x" * 501},
    ],
)
async def test_invalid_patch_is_422_and_changes_nothing(client: httpx.AsyncClient, body: dict) -> None:
    article = await stored(client, BODY)
    response = await client.patch(f"/v1/articles/{article['id']}", json=body)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get(f"/v1/articles/{article['id']}")).json()["title"] == "Ferry times"


async def test_patch_needs_the_api_key(client: httpx.AsyncClient) -> None:
    article = await stored(client, BODY)
    response = await client.patch(
        f"/v1/articles/{article['id']}", json={"title": "Hijacked"}, headers={"X-API-Key": "wrong"}
    )
    assert response.status_code == 401
    assert (await client.get(f"/v1/articles/{article['id']}")).json()["title"] == "Ferry times"


async def test_patch_of_unknown_article_is_404(client: httpx.AsyncClient) -> None:
    assert (await client.patch("/v1/articles/999", json={"title": "Nothing"})).status_code == 404
