"""The /v1/articles contract over HTTP, on the real app, database and model."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import Engine, text

from app.nlp import Annotator, QuoteRule, SpeakerRule
from tests.conftest import SEED

pytestmark = pytest.mark.anyio

SHORT = (
    "“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Monday.\n\n"
    "The council said it would vote."
)
REBUILD = "“We will rebuild,” Anna Berg said."


async def test_seed_ingest_has_twelve_body_paragraphs_and_reuters_source(seed_article: dict) -> None:
    assert seed_article["source"] == "Reuters"
    assert len(seed_article["paragraphs"]) == 12
    assert not seed_article["text"].startswith("•")


async def test_seed_ingest_sets_location_header(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles", content=SEED.read_bytes(), headers={"Content-Type": "text/plain"}
    )
    assert response.headers["Location"] == f"/v1/articles/{response.json()['id']}"


async def test_reingesting_same_body_returns_200_with_same_id(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    response = await client.post(
        "/v1/articles", content=SEED.read_bytes(), headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 200
    assert response.json()["id"] == seed_article["id"]
    listing = (await client.get("/v1/articles")).json()
    assert len(listing["items"]) == 1


async def test_paragraph_offsets_index_the_article_text(seed_article: dict) -> None:
    text = seed_article["text"]
    for paragraph in seed_article["paragraphs"]:
        assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]
    assert "\n\n".join(p["text"] for p in seed_article["paragraphs"]) == text


async def test_quote_spans_cues_and_speakers_index_the_article_text(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    text = seed_article["text"]
    quotes = (await client.get(f"/v1/articles/{seed_article['id']}/quotes")).json()["items"]
    assert len(quotes) == seed_article["quote_count"] > 0
    for quote in quotes:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert all(quote["start"] <= s < e <= quote["end"] for s, e in quote["spans"])
        paragraph = seed_article["paragraphs"][quote["paragraph"]]
        assert paragraph["start"] <= quote["start"] < paragraph["end"]
        for part in (quote["cue"], quote["speaker"]):
            if part is not None:
                assert text[part["start"] : part["end"]] == part["text"]


async def test_seed_quote_by_bolton_is_resolved_to_his_actor(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    quotes = (await client.get(f"/v1/articles/{seed_article['id']}/quotes")).json()["items"]
    military = next(q for q in quotes if "military ranks are seeing" in q["text"])
    assert military["kind"] == "direct"
    assert military["speaker"]["name"] == "John Bolton"
    actor = (await client.get(f"/v1/actors/{military['speaker']['actor_id']}")).json()
    assert actor["quote_count"] >= 1


async def rebuild_quote(client: httpx.AsyncClient) -> dict:
    article = (
        await client.post("/v1/articles", content=REBUILD, headers={"Content-Type": "text/plain"})
    ).json()
    quotes = (await client.get(f"/v1/articles/{article['id']}/quotes")).json()["items"]
    assert [q["text"] for q in quotes] == ["“We will rebuild,”"]
    return quotes[0]


async def test_quote_serves_the_rules_the_annotator_gave(
    client: httpx.AsyncClient, annotator: Annotator
) -> None:
    """The finder and speaker sieve are in flux, so the expected rules come from the annotator itself."""
    quote = await rebuild_quote(client)
    (expected,) = annotator.annotate(REBUILD).quotes
    assert expected.speaker is not None
    assert (quote["kind"], quote["speaker"]["text"], quote["speaker"]["name"]) == (
        "direct",
        "Anna Berg",
        "Anna Berg",
    )
    assert (quote["rule"], quote["speaker"]["rule"]) == (expected.rule.value, expected.speaker.rule.value)
    assert QuoteRule(quote["rule"]) is expected.rule
    assert SpeakerRule(quote["speaker"]["rule"]) is expected.speaker.rule


async def test_actor_quotes_serve_the_same_rules(client: httpx.AsyncClient) -> None:
    quote = await rebuild_quote(client)
    by_actor = (await client.get(f"/v1/actors/{quote['speaker']['actor_id']}/quotes")).json()["items"]
    assert [(q["id"], q["rule"], q["speaker"]["rule"]) for q in by_actor] == [
        (quote["id"], quote["rule"], quote["speaker"]["rule"])
    ]


@pytest.mark.parametrize("stored", [None, "a_rule_since_renamed"])
async def test_rule_not_recorded_or_no_longer_known_is_served_as_null(
    client: httpx.AsyncClient, engine: Engine, stored: str | None
) -> None:
    """Rows stored before rules were recorded, or under a rule since renamed, read as null (no error)."""
    quote = await rebuild_quote(client)
    with engine.begin() as connection:
        connection.execute(text("UPDATE quote SET rule = :rule, speaker_rule = :rule"), {"rule": stored})
        # A write behind the API's back must count itself, as the API's own writes do.
        connection.execute(text("UPDATE corpusrevision SET revision = revision + 1"))
    (served,) = (await client.get(f"/v1/articles/{quote['article_id']}/quotes")).json()["items"]
    assert (served["rule"], served["speaker"]["rule"]) == (None, None)
    assert served["speaker"]["name"] == "Anna Berg"


async def test_actor_mentions_index_the_article_text(client: httpx.AsyncClient, seed_article: dict) -> None:
    text = seed_article["text"]
    actors = (await client.get(f"/v1/articles/{seed_article['id']}/actors")).json()["items"]
    assert len(actors) == seed_article["actor_count"]
    for actor in actors:
        assert actor["mentions"]
        for mention in actor["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


async def test_article_actors_come_most_salient_first(client: httpx.AsyncClient, seed_article: dict) -> None:
    actors = (await client.get(f"/v1/articles/{seed_article['id']}/actors")).json()["items"]
    saliences = [a["salience"] for a in actors]
    assert saliences == sorted(saliences, reverse=True)


async def test_json_input_keeps_its_metadata(client: httpx.AsyncClient) -> None:
    body = {
        "text": SHORT,
        "title": "Bridge",
        "source": "Example Wire",
        "url": "https://news.example.org/a",
        "published_at": "2026-11-23T09:30:00Z",
    }
    response = await client.post("/v1/articles", json=body)
    assert response.status_code == 201
    article = response.json()
    assert (article["title"], article["source"], article["url"]) == ("Bridge", "Example Wire", body["url"])
    assert article["published_at"].startswith("2026-11-23T09:30:00")
    assert len(article["paragraphs"]) == 2


async def test_list_pages_with_an_opaque_cursor_newest_first(client: httpx.AsyncClient) -> None:
    ids = []
    for n in range(3):
        response = await client.post(
            "/v1/articles", content=f"Article number {n} is short.", headers={"Content-Type": "text/plain"}
        )
        ids.append(response.json()["id"])
    first = (await client.get("/v1/articles", params={"limit": 2})).json()
    second = (await client.get("/v1/articles", params={"limit": 2, "cursor": first["next"]})).json()
    assert [a["id"] for a in first["items"] + second["items"]] == ids[::-1]
    assert second["next"] is None


async def test_delete_removes_the_article(client: httpx.AsyncClient, seed_article: dict) -> None:
    assert (await client.delete(f"/v1/articles/{seed_article['id']}")).status_code == 204
    assert (await client.get(f"/v1/articles/{seed_article['id']}")).status_code == 404
    assert (await client.get("/v1/actors")).json()["items"] == []


@pytest.mark.parametrize("key", ["wrong", ""], ids=["wrong key", "no key"])
async def test_write_without_api_key_is_401_problem(client: httpx.AsyncClient, key: str) -> None:
    response = await client.post(
        "/v1/articles", content=SHORT, headers={"Content-Type": "text/plain", "X-API-Key": key}
    )
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.json()["status"] == 401
    assert response.json()["detail"] == (
        "A valid API key is required: send it in X-API-Key or as a bearer token."
    )
    assert (await client.get("/v1/articles")).json()["items"] == []


async def test_bearer_token_is_accepted_as_api_key(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles",
        content=SHORT,
        headers={"Content-Type": "text/plain", "X-API-Key": "", "Authorization": "Bearer test-key"},
    )
    assert response.status_code == 201


async def test_unknown_article_is_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles/999/quotes")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) >= {"type", "title", "status", "detail"}


async def test_empty_json_text_is_422_problem_and_stores_nothing(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"text": "   "})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert (await client.get("/v1/articles")).json()["items"] == []


async def test_invalid_limit_is_400_problem_naming_the_parameters(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles", params={"limit": 0})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "Invalid value of 'limit': Input should be greater than or equal to 1. This endpoint takes: q, "
        "actor_id, speaker_id, source, published_after, published_before, sort, limit, cursor."
    )


async def test_malformed_json_is_400_problem_saying_what_the_parser_expected(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/v1/articles", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "The request body is not valid JSON: Expecting property name enclosed in double quotes."
    )


@pytest.mark.parametrize("headers", [{"Content-Type": "application/xml"}, {}], ids=["xml", "none"])
async def test_unsupported_media_type_is_415_problem_naming_the_accepted_ones(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    response = await client.post("/v1/articles", content=b"<p>x</p>", headers=headers)
    assert response.request.headers.get("Content-Type") == headers.get("Content-Type")
    assert response.status_code == 415
    assert response.json()["detail"] == "Send the article as text/plain, text/html or application/json."
    assert (await client.get("/v1/articles")).json()["items"] == []


async def test_forged_cursor_is_400_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles", params={"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
