"""HTML in over HTTP: text/html, pages sent as text/plain, and JSON `html`, on the real app and model."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import Engine, text

from tests.test_html_article import (
    LATIN_PAGE,
    LATIN_PARAGRAPHS,
    NEWS_JUNK,
    NEWS_PAGE,
    NEWS_PARAGRAPHS,
    NO_BODY_PAGE,
)

pytestmark = pytest.mark.anyio

HTML = {"Content-Type": "text/html"}
NEWS_METADATA = {
    "title": "Ferry strike ends after talks",
    "source": "Coastline Herald",
    "url": "https://herald.example/news/ferry-strike-ends",
    "published_at": "2025-06-14T07:30:00Z",
}
TABLES = ("article", "paragraph", "quote", "mention", "actor")


def _metadata(article: dict) -> dict:
    return {field: article[field] for field in NEWS_METADATA}


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES
        }


async def test_html_page_is_stored_with_only_its_story_and_metadata(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", content=NEWS_PAGE.encode("utf-8"), headers=HTML)
    assert response.status_code == 201, response.text
    article = response.json()
    assert [paragraph["text"] for paragraph in article["paragraphs"]] == NEWS_PARAGRAPHS
    assert [junk for junk in NEWS_JUNK if junk in article["text"]] == []
    assert _metadata(article) == NEWS_METADATA


async def test_entity_quotation_marks_become_a_quote_with_its_speaker(client: httpx.AsyncClient) -> None:
    created = (await client.post("/v1/articles", content=NEWS_PAGE, headers=HTML)).json()
    quotes = (await client.get(f"/v1/articles/{created['id']}/quotes")).json()["items"]
    assert [(q["text"], q["kind"], q["speaker"]["name"]) for q in quotes] == [
        ("“We got what we came for,”", "direct", "Tomas Brandt"),
        ("the new contract adds two rest days a month", "indirect", None),
    ]


async def test_html_page_sent_as_text_plain_is_read_as_a_page(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles", content=b"\n  " + NEWS_PAGE.encode("utf-8"), headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 201, response.text
    assert [paragraph["text"] for paragraph in response.json()["paragraphs"]] == NEWS_PARAGRAPHS


async def test_plain_text_mentioning_a_tag_stays_plain_text(client: httpx.AsyncClient) -> None:
    body = "The <p> tag, said Ola Berg, starts a paragraph."
    response = await client.post("/v1/articles", content=body, headers={"Content-Type": "text/plain"})
    assert response.json()["text"] == body


async def test_page_charset_from_its_meta_tag(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", content=LATIN_PAGE.encode("cp1252"), headers=HTML)
    assert response.status_code == 201, response.text
    assert response.json()["text"] == "\n\n".join(LATIN_PARAGRAPHS)


async def test_charset_in_content_type_wins_over_the_page(client: httpx.AsyncClient) -> None:
    page = LATIN_PAGE.replace("windows-1252", "utf-8").encode("cp1252")
    response = await client.post(
        "/v1/articles", content=page, headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["text"] == "\n\n".join(LATIN_PARAGRAPHS)


async def test_page_with_no_story_is_422_problem_and_stores_nothing(
    client: httpx.AsyncClient, engine: Engine
) -> None:
    response = await client.post("/v1/articles", content=NO_BODY_PAGE, headers=HTML)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "No article body found in the HTML page."
    assert _row_counts(engine) == dict.fromkeys(TABLES, 0)


async def test_json_html_takes_metadata_from_the_page_unless_given(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles", json={"html": NEWS_PAGE, "title": "Ferries sail again", "published_at": None}
    )
    assert response.status_code == 201, response.text
    article = response.json()
    assert [paragraph["text"] for paragraph in article["paragraphs"]] == NEWS_PARAGRAPHS
    assert _metadata(article) == {**NEWS_METADATA, "title": "Ferries sail again"}


@pytest.mark.parametrize(
    "body", [{"text": "The mayor spoke.", "html": NEWS_PAGE}, {"title": "Ferries sail again"}]
)
async def test_json_with_both_or_neither_of_text_and_html_is_422(
    client: httpx.AsyncClient, engine: Engine, body: dict
) -> None:
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert problem["detail"] == "body: Value error, Send exactly one of `text` and `html`."
    assert [(error["field"], error["type"]) for error in problem["errors"]] == [("body", "value_error")]
    assert _row_counts(engine) == dict.fromkeys(TABLES, 0)


async def test_json_html_with_no_story_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"html": NO_BODY_PAGE})
    assert response.status_code == 422
    assert response.json()["detail"] == "No article body found in the HTML page."


async def test_documented_html_example_is_stored_as_the_seed_paragraphs(client: httpx.AsyncClient) -> None:
    document = (await client.get("/openapi.json")).json()
    content = document["paths"]["/v1/articles"]["post"]["requestBody"]["content"]
    json_example = document["components"]["schemas"]["ArticleIn"]["examples"][0]
    response = await client.post("/v1/articles", content=content["text/html"]["example"], headers=HTML)
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["text"] == json_example["text"]
    assert (article["title"], article["source"], article["published_at"]) == (
        json_example["title"],
        "Reuters",
        "2019-03-26T21:00:00Z",
    )


async def test_oversized_page_is_413(client: httpx.AsyncClient) -> None:
    page = "<html><body>" + "<p>Filler.</p>" * 200_000 + "</body></html>"
    response = await client.post("/v1/articles", content=page, headers=HTML)
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body exceeds 2000000 bytes (QUOTEWIRE_MAX_BODY_BYTES)."
