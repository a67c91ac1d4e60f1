"""Every filter of the list endpoints, on several articles where it leaves rows out."""

from __future__ import annotations

import httpx
import pytest

from tests.api.corpus import WEATHER, Corpus, ingest_corpus, post

pytestmark = pytest.mark.anyio

FERRY_QUOTES = [
    "“The ferry will run again in May,”",
    "“We have fixed the engines,”",
    "“Tickets go on sale next week,”",
]
MUSEUM_QUOTES = ["the museum in Orvik would close for a month", "“The roof leaks,”"]
PRICES_QUOTES = ["“Prices will fall,”", "“Nobody expected it,”"]
# Two more articles for what an actor gathers across articles and what a quote carries besides text.
QUAY = "“The quay will reopen,” said Captain Runa Feldt.\n\nThe boats from Bhutan arrived late."
FARES = "“Fares will rise,” a spokeswoman for the Tarnby Shipping Company said.\n\nRuna Feldt agreed."
NO_NAMES = "It rained all day and the streets were empty."
NO_SPEAKER = "The town voted. “We did it,” was written on every wall."
NO_CUE = "Runa Feldt smiled. “The ferry will run again in May.”"


@pytest.fixture
async def corpus(client: httpx.AsyncClient) -> Corpus:
    return await ingest_corpus(client)


async def items(client: httpx.AsyncClient, path: str, **params: str) -> list[dict]:
    response = await client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


async def test_article_quotes_are_that_articles_only(client: httpx.AsyncClient, corpus: Corpus) -> None:
    expected = {
        corpus.ferry: FERRY_QUOTES,
        corpus.museum: MUSEUM_QUOTES,
        corpus.prices: PRICES_QUOTES,
        corpus.weather: [],
    }
    for article_id, texts in expected.items():
        quotes = await items(client, f"/v1/articles/{article_id}/quotes")
        assert [q["text"] for q in quotes] == texts
        assert {q["article_id"] for q in quotes} <= {article_id}


async def test_article_actors_are_that_articles_only(client: httpx.AsyncClient, corpus: Corpus) -> None:
    expected = {
        corpus.ferry: ["Runa Feldt", "Tarnby Shipping Company"],
        corpus.museum: ["Tomas Bekker", "Orvik", "Runa Feldt"],
        corpus.prices: ["Ilse Brandt", "Runa Feldt", "Tarnby Shipping Company", "Saltmere"],
        corpus.weather: ["Saltmere"],
    }
    for article_id, names in expected.items():
        assert [a["name"] for a in await items(client, f"/v1/articles/{article_id}/actors")] == names


async def test_article_actor_mentions_and_quotes_are_counted_in_that_article(
    client: httpx.AsyncClient, corpus: Corpus
) -> None:
    """Runa Feldt speaks three quotes in FERRY, none in MUSEUM and one in PRICES."""
    expected = {
        corpus.ferry: (["Runa Feldt", "Feldt", "she"], 3),
        corpus.museum: (["Runa Feldt"], 0),
        corpus.prices: (["Runa Feldt"], 1),
    }
    for article_id, (mentions, quote_count) in expected.items():
        actors = await items(client, f"/v1/articles/{article_id}/actors")
        feldt = next(a for a in actors if a["name"] == "Runa Feldt")
        assert ([m["text"] for m in feldt["mentions"]], feldt["quote_count"]) == (mentions, quote_count)


async def test_actor_quotes_are_the_ones_it_speaks_only(client: httpx.AsyncClient, corpus: Corpus) -> None:
    expected = {
        "Runa Feldt": [*FERRY_QUOTES, "“Nobody expected it,”"],
        "Tomas Bekker": MUSEUM_QUOTES,
        "Ilse Brandt": ["“Prices will fall,”"],
        "Tarnby Shipping Company": [],
    }
    for name, texts in expected.items():
        actor_id = corpus.actors[name]
        quotes = await items(client, f"/v1/actors/{actor_id}/quotes")
        assert [q["text"] for q in quotes] == texts
        assert {q["speaker"]["actor_id"] for q in quotes} <= {actor_id}


async def test_actor_articles_are_the_ones_naming_it_only(client: httpx.AsyncClient, corpus: Corpus) -> None:
    expected = {
        "Runa Feldt": [corpus.prices, corpus.museum, corpus.ferry],
        "Tarnby Shipping Company": [corpus.prices, corpus.ferry],
        "Saltmere": [corpus.weather, corpus.prices],
        "Orvik": [corpus.museum],
    }
    for name, article_ids in expected.items():
        articles = await items(client, f"/v1/actors/{corpus.actors[name]}/articles")
        assert [a["id"] for a in articles] == article_ids


async def test_actor_type_filter_leaves_out_the_other_types(
    client: httpx.AsyncClient, corpus: Corpus
) -> None:
    expected = {
        "person": ["Runa Feldt", "Tomas Bekker", "Ilse Brandt"],
        "organization": ["Tarnby Shipping Company"],
        "location": ["Saltmere", "Orvik"],
    }
    for actor_type, names in expected.items():
        actors = await items(client, "/v1/actors", type=actor_type)
        assert [a["name"] for a in actors] == names
        assert {a["type"] for a in actors} == {actor_type}


async def test_actor_name_filter_leaves_out_other_names(client: httpx.AsyncClient, corpus: Corpus) -> None:
    assert [a["name"] for a in await items(client, "/v1/actors", q="ru")] == ["Runa Feldt"]
    assert [a["name"] for a in await items(client, "/v1/actors", q="T")] == [
        "Tarnby Shipping Company",
        "Tomas Bekker",
    ]
    assert [a["name"] for a in await items(client, "/v1/actors", q="t", type="person")] == ["Tomas Bekker"]


async def test_actor_name_filter_reads_wildcards_as_letters(
    client: httpx.AsyncClient, corpus: Corpus
) -> None:
    for pattern in ("%", "_", "_una", "%Feldt", "\\"):
        assert await items(client, "/v1/actors", q=pattern) == [], pattern


async def test_actor_list_counts_articles_and_quotes_across_the_corpus(
    client: httpx.AsyncClient, corpus: Corpus
) -> None:
    actors = await items(client, "/v1/actors")
    assert [(a["name"], a["article_count"], a["quote_count"]) for a in actors] == [
        ("Runa Feldt", 3, 4),
        ("Tarnby Shipping Company", 2, 0),
        ("Saltmere", 2, 0),
        ("Tomas Bekker", 1, 2),
        ("Orvik", 1, 0),
        ("Ilse Brandt", 1, 1),
    ]


async def test_article_list_counts_each_articles_quotes_and_actors(
    client: httpx.AsyncClient, corpus: Corpus
) -> None:
    empty = await post(client, NO_NAMES)
    articles = await items(client, "/v1/articles")
    assert [(a["id"], a["quote_count"], a["actor_count"]) for a in articles] == [
        (empty["id"], 0, 0),
        (corpus.weather, 0, 1),
        (corpus.prices, 2, 4),
        (corpus.museum, 2, 3),
        (corpus.ferry, 3, 2),
    ]
    one = (await client.get(f"/v1/articles/{empty['id']}")).json()
    assert (one["quote_count"], one["actor_count"]) == (0, 0)


async def test_article_list_items_carry_their_own_metadata(client: httpx.AsyncClient) -> None:
    body = {
        "text": NO_NAMES,
        "title": "A wet day",
        "source": "Harbour Gazette",
        "url": "https://news.example.org/rain",
        "published_at": "2026-11-23T09:30:00Z",
    }
    assert (await client.post("/v1/articles", json=body)).status_code == 201
    await post(client, WEATHER)
    listed = [
        (a["title"], a["source"], a["url"], a["published_at"]) for a in await items(client, "/v1/articles")
    ]
    assert listed[1][:3] == ("A wet day", "Harbour Gazette", "https://news.example.org/rain")
    assert listed[1][3].startswith("2026-11-23T09:30:00")
    assert listed[0][:4] == (None, None, None, None)


async def test_actor_gathers_aliases_and_roles_from_every_article(client: httpx.AsyncClient) -> None:
    """The title and full name come from QUAY only; FARES, stored later, names her plainly."""
    await post(client, QUAY)
    await post(client, FARES)
    [feldt] = await items(client, "/v1/actors", q="runa")
    assert (feldt["aliases"], feldt["roles"], feldt["article_count"]) == (
        ["Captain Runa Feldt"],
        ["Captain"],
        2,
    )


async def test_country_code_is_served_in_both_actor_lists(client: httpx.AsyncClient) -> None:
    quay = await post(client, QUAY)
    article_actors = await items(client, f"/v1/articles/{quay['id']}/actors")
    assert [(a["name"], a["country_code"]) for a in article_actors] == [
        ("Runa Feldt", None),
        ("Bhutan", "BT"),
    ]
    places = await items(client, "/v1/actors", type="location")
    assert [(a["name"], a["country_code"]) for a in places] == [("Bhutan", "BT")]


async def test_quote_serves_its_cue_and_its_unnamed_speakers_affiliation(client: httpx.AsyncClient) -> None:
    fares = await post(client, FARES)
    [quote] = await items(client, f"/v1/articles/{fares['id']}/quotes")
    speaker = quote["speaker"]
    assert (quote["text"], quote["cue"]["text"]) == ("“Fares will rise,”", "said")
    assert (speaker["text"], speaker["actor_id"], speaker["anonymous"]) == ("a spokeswoman", None, True)
    assert speaker["affiliation"]["name"] == "Tarnby Shipping Company"


async def test_quote_with_no_speaker_serves_null(client: httpx.AsyncClient) -> None:
    article = await post(client, NO_SPEAKER)
    [quote] = await items(client, f"/v1/articles/{article['id']}/quotes")
    assert (quote["text"], quote["cue"]["text"], quote["speaker"]) == ("“We did it,”", "written", None)


async def test_quote_with_no_cue_serves_null(client: httpx.AsyncClient) -> None:
    """An action beat ("Feldt smiled.") names the speaker without a speech verb."""
    article = await post(client, NO_CUE)
    [quote] = await items(client, f"/v1/articles/{article['id']}/quotes")
    assert (quote["text"], quote["rule"], quote["cue"], quote["speaker"]["text"]) == (
        "“The ferry will run again in May.”",
        "action_beat",
        None,
        "Runa Feldt",
    )
