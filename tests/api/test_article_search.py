"""GET /v1/articles: full text with snippets, actor and speaker filters, source, dates and sorts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event

from app.queries import ArticleFilters
from tests.api.corpus import follow
from tests.api.test_quotes_list import Flood, ingest_flood

pytestmark = pytest.mark.anyio


@pytest.fixture
async def flood(client: httpx.AsyncClient) -> Flood:
    return await ingest_flood(client)


async def article_ids(client: httpx.AsyncClient, **params: Any) -> list[int]:
    response = await client.get("/v1/articles", params=params)
    assert response.status_code == 200, response.text
    return [article["id"] for article in response.json()["items"]]


async def test_default_order_is_newest_publication_with_undated_by_ingestion(
    client: httpx.AsyncClient, flood: Flood
) -> None:
    newest = [flood.weather, flood.warning, flood.pumps, flood.plan, flood.dam, flood.wall]
    assert await article_ids(client) == newest
    assert await article_ids(client, sort="-published_at") == newest


async def test_ingested_order_is_the_last_stored_first(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, sort="-ingested_at") == [
        flood.wall,
        flood.plan,
        flood.weather,
        flood.warning,
        flood.pumps,
        flood.dam,
    ]


@pytest.mark.parametrize("sort", ["-published_at", "-ingested_at"])
async def test_cursor_pages_every_order_without_loss_or_repeat(
    client: httpx.AsyncClient, flood: Flood, sort: str
) -> None:
    whole = await article_ids(client, sort=sort)
    pages = await follow(client, "/v1/articles", limit=2, params={"sort": sort})
    assert [[a["id"] for a in page] for page in pages] == [whole[0:2], whole[2:4], whole[4:6]]


async def test_list_items_carry_counts_not_the_body(client: httpx.AsyncClient, flood: Flood) -> None:
    (item,) = (await client.get("/v1/articles", params={"source": "River Wire", "limit": 1})).json()["items"]
    assert set(item) == {
        "id",
        "title",
        "source",
        "url",
        "published_at",
        "ingested_at",
        "annotator_version",
        "annotation_status",
        "annotation_error",
        "quote_count",
        "actor_count",
        "html_url",
        "snippet",
    }
    assert (item["id"], item["quote_count"], item["actor_count"], item["snippet"], item["html_url"]) == (
        flood.weather,
        0,
        1,
        None,
        f"http://quotewire.test/articles/{flood.weather}",
    )
    full = (await client.get(f"/v1/articles/{flood.weather}")).json()
    assert full["text"] == "The weather was mild in Brannholm."


async def test_search_matches_title_or_body_stemmed(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, q="flood") == [flood.warning, flood.plan]
    assert await article_ids(client, q="warned") == [flood.warning]
    assert await article_ids(client, q="holds") == [flood.dam]
    assert await article_ids(client, q="FLOOD plan") == [flood.plan]
    assert await article_ids(client, q="dufrene") == [flood.plan]
    assert await article_ids(client, q="volcano") == []
    assert await article_ids(client, q="!!") == []


async def test_search_reads_fts_syntax_as_words(client: httpx.AsyncClient, flood: Flood) -> None:
    """Every word must occur: 'OR' and 'NOT' are words no article holds; a stray quote mark is no error."""
    assert await article_ids(client, q="flood OR weather") == []
    assert await article_ids(client, q='pumps" NOT "roads') == []
    assert await article_ids(client, q='"pumps roads*') == [flood.pumps]


async def test_snippet_marks_the_matching_words(client: httpx.AsyncClient, flood: Flood) -> None:
    response = await client.get("/v1/articles", params={"q": "bridge Tollby"})
    (item,) = response.json()["items"]
    assert item["id"] == flood.warning
    assert item["snippet"] == (
        "“Nobody warned us about the flood,” said Oskar Wirt.\n\n"
        "A police officer said the <mark>bridge</mark> in <mark>Tollby</mark> was safe."
    )


async def test_snippet_of_a_long_body_is_the_passage_around_the_match(client: httpx.AsyncClient) -> None:
    filler = " ".join(f"word{n}" for n in range(40))
    body = {"text": f"{filler} The ferry to Oddholm sails at dawn. {filler}", "title": "Timetable"}
    assert (await client.post("/v1/articles", json=body)).status_code == 201
    (item,) = (await client.get("/v1/articles", params={"q": "oddholm"})).json()["items"]
    assert item["snippet"] == (
        "…word32 word33 word34 word35 word36 word37 word38 word39 The ferry to "
        "<mark>Oddholm</mark> sails at dawn. word0 word1 word2 word3 word4 word5 word6 word7 word8…"
    )


async def test_relevance_puts_title_matches_first(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, q="tollby") == [flood.warning, flood.dam]
    assert await article_ids(client, q="tollby", sort="relevance") == [flood.dam, flood.warning]


async def test_relevance_cursor_pages_without_loss_or_repeat(client: httpx.AsyncClient, flood: Flood) -> None:
    whole = await article_ids(client, q="said", sort="relevance")
    assert sorted(whole) == sorted([flood.dam, flood.pumps, flood.warning, flood.plan, flood.wall])
    pages = await follow(client, "/v1/articles", limit=2, params={"q": "said", "sort": "relevance"})
    assert [[a["id"] for a in page] for page in pages] == [whole[0:2], whole[2:4], whole[4:5]]


async def test_relevance_without_search_is_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles", params={"sort": "relevance"})
    assert response.status_code == 400
    assert response.json()["detail"] == "sort=relevance needs a search text `q`."


async def test_a_cursor_of_another_order_is_400(client: httpx.AsyncClient, flood: Flood) -> None:
    cursor = (await client.get("/v1/articles", params={"limit": 1})).json()["next"]
    response = await client.get("/v1/articles", params={"limit": 1, "cursor": cursor, "sort": "-ingested_at"})
    assert response.status_code == 400


async def test_actor_filter_repeated_needs_every_actor(client: httpx.AsyncClient, flood: Flood) -> None:
    ferrow, wirt, tollby = (flood.actors[n] for n in ("Ingrid Ferrow", "Oskar Wirt", "Tollby"))
    assert await article_ids(client, actor_id=ferrow) == [flood.pumps, flood.dam]
    assert await article_ids(client, actor_id=[ferrow, wirt]) == [flood.pumps]
    assert await article_ids(client, actor_id=[ferrow, tollby]) == [flood.dam]


async def test_speaker_filter_repeated_needs_every_speaker(client: httpx.AsyncClient, flood: Flood) -> None:
    ferrow, wirt = flood.actors["Ingrid Ferrow"], flood.actors["Oskar Wirt"]
    board = flood.actors["Vessby Water Board"]
    assert await article_ids(client, speaker_id=wirt) == [flood.warning, flood.pumps]
    assert await article_ids(client, speaker_id=[ferrow, wirt]) == [flood.pumps]
    # The board is mentioned in the wall article but speaks only in the plan article.
    assert await article_ids(client, actor_id=board) == [flood.plan, flood.wall]
    assert await article_ids(client, speaker_id=board) == [flood.plan]


async def test_source_and_publication_range(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, source="Tollby Post") == [flood.warning, flood.plan, flood.dam]
    assert await article_ids(client, source="tollby post") == []
    assert await article_ids(client, published_after="2026-01-15", published_before="2026-03-01") == [
        flood.pumps,
        flood.plan,
    ]
    assert await article_ids(client, source="River Wire", published_after="2026-01-01") == [
        flood.pumps,
        flood.wall,
    ]


async def test_a_publication_range_includes_its_start_and_excludes_its_end(
    client: httpx.AsyncClient, flood: Flood
) -> None:
    """PUMPS was published at 2026-02-10T08:00:00Z exactly."""
    assert await article_ids(
        client, published_after="2026-02-10T08:00:00Z", published_before="2026-03-01"
    ) == [flood.pumps]
    assert (
        await article_ids(client, published_after="2026-02-01", published_before="2026-02-10T08:00:00Z") == []
    )


async def test_search_combines_with_filters(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, q="flood", source="Tollby Post", published_before="2026-02-01") == [
        flood.plan
    ]


async def test_unknown_parameter_is_400_naming_the_accepted_ones(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles", params={"search": "flood"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == (
        "Unknown query parameter 'search'. This endpoint takes: q, actor_id, speaker_id, source, "
        "published_after, published_before, sort, limit, cursor."
    )


async def test_empty_cursor_is_the_first_page(client: httpx.AsyncClient, flood: Flood) -> None:
    assert await article_ids(client, cursor="", limit=1) == [flood.weather]


# Nine short dated articles; "harbour" is in six (many matches for a page of two: 6 x 6 > 3 x 9),
# "ferry" in one.
HARBOUR_DAYS = [3, 7, 1, 9, 4, 8, 2, 6, 5]
HARBOUR_BODIES = [
    "The harbour wall was mended on day {day}.",
    "The harbour lights failed on day {day}.",
    "The ferry left early on day {day}.",
    "The harbour master spoke on day {day}.",
    "Rain fell on the town on day {day}.",
    "The harbour closed at noon on day {day}.",
    "The harbour fees rose on day {day}.",
    "The harbour cranes stopped on day {day}.",
    "The market opened on day {day}.",
]


def test_only_a_search_with_no_other_filter_may_walk_the_dates() -> None:
    day = datetime(2026, 5, 1, tzinfo=UTC)
    assert ArticleFilters(q="harbour").only_searches() is True
    assert ArticleFilters().only_searches() is False
    for other in (
        {"actor_ids": [1]},
        {"speaker_ids": [1]},
        {"source": "Tollby Post"},
        {"published_after": day},
        {"published_before": day},
    ):
        assert ArticleFilters(q="harbour", **other).only_searches() is False, other


async def test_a_frequent_search_term_pages_newest_first_by_walking_the_date_index(
    client: httpx.AsyncClient, engine: Engine
) -> None:
    ids = {}
    for day, body in zip(HARBOUR_DAYS, HARBOUR_BODIES, strict=True):
        payload = {"text": body.format(day=day), "published_at": f"2026-05-{day:02d}T12:00:00Z"}
        response = await client.post("/v1/articles", json=payload)
        assert response.status_code == 201, response.text
        ids[day] = response.json()["id"]
    statements: list[tuple[str, Any]] = []
    app_engine = client._transport.app.state.engine  # type: ignore[attr-defined]
    event.listen(app_engine, "before_cursor_execute", lambda *call: statements.append((call[2], call[3])))
    pages = await follow(client, "/v1/articles", limit=2, params={"q": "harbour"})
    assert [[a["id"] for a in page] for page in pages] == [
        [ids[9], ids[8]],
        [ids[7], ids[6]],
        [ids[3], ids[2]],
    ]
    assert await article_ids(client, q="ferry") == [ids[1]]
    if engine.dialect.name == "sqlite":  # the walk is SQLite's choice, made for it by the backend
        listings = [(s, p) for s, p in statements if "MATCH" in s and "ORDER BY article.dated_at" in s]
        (listing, parameters), *_, (rare_listing, _) = listings
        assert "+ 0" in listing and "+ 0" not in rare_listing  # one ferry: looked up by id
        with engine.connect() as connection:
            plan = [
                row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {listing}", parameters)
            ]
        assert "SCAN article USING INDEX ix_article_dated_at" in plan
        assert not any("TEMP B-TREE" in line for line in plan)
