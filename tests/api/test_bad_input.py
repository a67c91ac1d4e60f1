"""Well-formed requests with values past what the API stores get a 4xx problem, never a 500: ids
beyond 64 bits, forged cursors, JSON nested too deep, times with no UTC form, numbers for times."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from app.api.articles import TOO_DEEP_JSON
from app.queries import MAX_ID, MAX_INT64, MIN_INT64

pytestmark = pytest.mark.anyio

PROBLEM = "application/problem+json"
TEXT = "“The bridge will reopen in May,” Mayor Ilse Varga said on Monday."
PUBLISHED = "2026-04-01T08:00:00Z"
PAST_INT64 = MAX_INT64 + 1
TWENTY_DIGITS = 99999999999999999999
INVALID_CURSOR = "Invalid cursor: pass the `next` value of a previous page unchanged."
ARTICLES_TAKES = (
    "This endpoint takes: q, actor_id, speaker_id, source, published_after, published_before, sort, "
    "limit, cursor."
)
QUOTES_TAKES = (
    "This endpoint takes: speaker_id, actor_id, article_id, kind, anonymous, q, published_after, "
    "published_before, limit, cursor."
)
AFTER_YEAR_9999 = "9999-12-31T23:00:00-05:00"  # 10000-01-01T04:00:00Z
BEFORE_YEAR_1 = "0001-01-01T01:00:00+05:00"  # 0000-12-31T20:00:00Z
OUT_OF_RANGE = "Input should be within the years 1 to 9999 once converted to UTC"
NOT_ISO = "Input should be an ISO 8601 date-time (2026-01-02T03:04:05Z) or date (2026-01-02)"
DEPTH = 100_000


def assert_problem(response: httpx.Response, status: int, detail: str) -> None:
    assert (response.status_code, response.headers["content-type"]) == (status, PROBLEM)
    assert response.json()["detail"] == detail


@pytest.fixture
async def article(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post("/v1/articles", json={"text": TEXT, "published_at": PUBLISHED})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
async def actor_id(client: httpx.AsyncClient, article: dict[str, Any]) -> int:
    actors = (await client.get(f"/v1/articles/{article['id']}/actors")).json()["items"]
    assert [a["name"] for a in actors] == ["Ilse Varga"]
    found: int = actors[0]["id"]
    return found


@pytest.mark.parametrize(
    ("method", "path", "detail"),
    [
        ("GET", f"/v1/articles/{PAST_INT64}", f"No article with id {PAST_INT64}."),
        ("GET", f"/v1/articles/{TWENTY_DIGITS}/quotes", f"No article with id {TWENTY_DIGITS}."),
        ("GET", f"/v1/articles/{PAST_INT64}/actors", f"No article with id {PAST_INT64}."),
        ("PATCH", f"/v1/articles/{PAST_INT64}", f"No article with id {PAST_INT64}."),
        ("DELETE", f"/v1/articles/{TWENTY_DIGITS}", f"No article with id {TWENTY_DIGITS}."),
        ("GET", f"/v1/actors/{TWENTY_DIGITS}", f"No actor with id {TWENTY_DIGITS}."),
        ("GET", f"/v1/actors/{PAST_INT64}/articles", f"No actor with id {PAST_INT64}."),
        ("GET", f"/v1/actors/{PAST_INT64}/quotes", f"No actor with id {PAST_INT64}."),
    ],
)
async def test_a_path_id_beyond_64_bits_is_404(
    client: httpx.AsyncClient, article: dict[str, Any], method: str, path: str, detail: str
) -> None:
    response = await client.request(method, path, json={"title": "New"} if method == "PATCH" else None)
    assert_problem(response, 404, detail)


async def test_a_path_id_below_one_is_still_422(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles/0")
    assert_problem(response, 422, "path.article_id: Input should be greater than or equal to 1")


@pytest.mark.parametrize(
    ("path", "detail"),
    [
        (f"/articles/{PAST_INT64}", f"No article with id {PAST_INT64}."),
        (f"/actors/{TWENTY_DIGITS}", f"No actor with id {TWENTY_DIGITS}."),
        (f"/actors/-{TWENTY_DIGITS}", f"No actor with id -{TWENTY_DIGITS}."),
    ],
)
async def test_a_page_of_an_id_beyond_64_bits_is_an_html_404(
    client: httpx.AsyncClient, path: str, detail: str
) -> None:
    response = await client.get(path)
    assert (response.status_code, response.headers["content-type"]) == (404, "text/html; charset=utf-8")
    assert f'<h1>Not Found</h1>\n<p class="detail">{detail}</p>' in response.text
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    ("path", "name", "takes"),
    [
        ("/v1/quotes", "speaker_id", QUOTES_TAKES),
        ("/v1/quotes", "actor_id", QUOTES_TAKES),
        ("/v1/quotes", "article_id", QUOTES_TAKES),
        ("/v1/articles", "actor_id", ARTICLES_TAKES),
        ("/v1/articles", "speaker_id", ARTICLES_TAKES),
    ],
)
async def test_a_filter_id_beyond_the_id_columns_is_400(
    client: httpx.AsyncClient, article: dict[str, Any], path: str, name: str, takes: str
) -> None:
    response = await client.get(path, params={name: str(MAX_ID + 1)})
    detail = f"Invalid value of {name!r}: Input should be less than or equal to {MAX_ID}. {takes}"
    assert_problem(response, 400, detail)


async def test_the_largest_filter_id_that_names_nothing_filters_everything_out(
    client: httpx.AsyncClient, article: dict[str, Any]
) -> None:
    response = await client.get("/v1/quotes", params={"speaker_id": str(MAX_ID)})
    assert response.json() == {"items": [], "next": None}


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def cursor(key: object) -> str:
    """A cursor as the API writes one (unpadded base64url JSON), holding whatever it is given."""
    return b64(json.dumps(key).encode())


# Every paged endpoint, with the length of the key its cursors hold.
PAGED = [
    ("/v1/articles", 3),
    ("/v1/articles/{article}/quotes", 1),
    ("/v1/articles/{article}/actors", 1),
    ("/v1/actors", 2),
    ("/v1/actors/{actor}/articles", 3),
    ("/v1/actors/{actor}/quotes", 1),
    ("/v1/quotes", 4),
]
# Forged cursors, each made for a key of the endpoint's length where a length applies.
FORGED_CURSORS: dict[str, Callable[[int], str]] = {
    "floats": lambda size: cursor([1e30] * size),
    "booleans": lambda size: cursor([True] * size),
    "strings": lambda size: cursor(["1"] * size),
    "numbers beyond 64 bits": lambda size: cursor([TWENTY_DIGITS] * size),
    "an empty list": lambda size: cursor([]),
    "one number too many": lambda size: cursor([1] * (size + 1)),
    "an object": lambda size: cursor({"id": 1}),
    "not base64": lambda size: "not*base64",
    "not UTF-8": lambda size: b64(b"\xff\xfe"),
    "not JSON": lambda size: b64(b"not json"),
    "JSON nested too deep": lambda size: b64(b"[" * 5000 + b"]" * 5000),
}


@pytest.mark.parametrize("forged", FORGED_CURSORS)
async def test_a_forged_cursor_is_400_on_every_paged_endpoint(
    client: httpx.AsyncClient, article: dict[str, Any], actor_id: int, forged: str
) -> None:
    for template, size in PAGED:
        path = template.format(article=article["id"], actor=actor_id)
        response = await client.get(path, params={"cursor": FORGED_CURSORS[forged](size)})
        assert (path, response.status_code) == (path, 400)
        assert_problem(response, 400, INVALID_CURSOR)


# A forged cursor's ids and counts beyond 32 bits: no row has such an id (PostgreSQL's ids are 32-bit),
# so a list after it in ascending id order is empty and one in descending order holds every row.
BEYOND_32_BITS = 2**40
YEAR_9000 = int((datetime(9000, 1, 1, tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()) * 10**6


async def test_a_cursor_with_ids_beyond_32_bits_reads_past_or_before_every_row(
    client: httpx.AsyncClient, article: dict[str, Any], actor_id: int
) -> None:
    quote_texts = [
        q["text"] for q in (await client.get(f"/v1/articles/{article['id']}/quotes")).json()["items"]
    ]
    assert quote_texts == ["“The bridge will reopen in May,”"]
    huge = BEYOND_32_BITS
    expected = [
        (f"/v1/articles/{article['id']}/quotes", [huge], []),
        (f"/v1/actors/{actor_id}/quotes", [MIN_INT64], quote_texts),  # the ends of 64 bits are keys too
        ("/v1/actors?type=person", [MAX_INT64, MAX_INT64], ["Ilse Varga"]),
        (f"/v1/articles/{article['id']}/actors", [huge], []),
        (f"/v1/actors/{actor_id}/quotes", [huge], []),
        ("/v1/actors", [huge, huge], ["Ilse Varga"]),
        ("/v1/articles", [1, YEAR_9000, huge], [article["id"]]),
        (f"/v1/actors/{actor_id}/articles", [1, YEAR_9000, huge], [article["id"]]),
        ("/v1/quotes", [4, YEAR_9000, huge, huge], quote_texts),
    ]
    for path, key, items in expected:
        response = await client.get(path, params={"cursor": cursor(key)})
        assert (path, response.status_code) == (path, 200)
        found = [item.get("name") or item.get("text") or item["id"] for item in response.json()["items"]]
        assert (path, found) == (path, items)


async def test_a_cursor_time_outside_years_1_to_9999_is_400(client: httpx.AsyncClient, actor_id: int) -> None:
    """Keys of 64-bit numbers whose microseconds since 1970 no stored time can have."""
    for path, params in (
        ("/v1/articles", {"cursor": cursor([1, MAX_INT64, 1])}),
        ("/v1/articles", {"sort": "-ingested_at", "cursor": cursor([2, -MAX_INT64, 1])}),
        (f"/v1/actors/{actor_id}/articles", {"cursor": cursor([1, MAX_INT64, 1])}),
        ("/v1/quotes", {"cursor": cursor([4, MAX_INT64, 1, 1])}),
    ):
        response = await client.get(path, params=params)
        assert (path, response.status_code) == (path, 400)
        assert_problem(response, 400, INVALID_CURSOR)


async def test_a_cursor_of_another_list_is_400_on_an_actors_articles(
    client: httpx.AsyncClient, actor_id: int
) -> None:
    """The article list's cursors carry their order's tag; this one is tagged as the quote list's."""
    response = await client.get(f"/v1/actors/{actor_id}/articles", params={"cursor": cursor([4, 0, 1])})
    detail = "Invalid cursor: it continues another list or order; pass `next` with the same parameters."
    assert_problem(response, 400, detail)


@pytest.mark.parametrize("forged", ["floats", "numbers beyond 64 bits", "not JSON"])
async def test_a_forged_cursor_on_a_page_is_an_html_400(
    client: httpx.AsyncClient, actor_id: int, forged: str
) -> None:
    for path, size in (("/", 3), (f"/actors/{actor_id}", 4)):
        response = await client.get(path, params={"cursor": FORGED_CURSORS[forged](size)})
        assert response.status_code == 400, path
        assert f'<h1>Bad Request</h1>\n<p class="detail">{INVALID_CURSOR}</p>' in response.text


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/articles"), ("PATCH", "/v1/articles/{article}")])
async def test_json_nested_100000_deep_is_400(
    client: httpx.AsyncClient, article: dict[str, Any], method: str, path: str
) -> None:
    body = "[" * DEPTH + "]" * DEPTH
    response = await client.request(
        method, path.format(article=article["id"]), content=body, headers={"Content-Type": "application/json"}
    )
    detail = TOO_DEEP_JSON if method == "POST" else "There was an error parsing the body"
    assert_problem(response, 400, detail)
    assert (await client.get("/v1/articles")).json()["items"][0]["title"] is None
    assert len((await client.get("/v1/articles")).json()["items"]) == 1


@pytest.mark.parametrize(
    ("value", "message"), [(AFTER_YEAR_9999, OUT_OF_RANGE), (BEFORE_YEAR_1, OUT_OF_RANGE), (0, NOT_ISO)]
)
async def test_a_posted_time_without_utc_form_or_a_number_is_422_and_stores_nothing(
    client: httpx.AsyncClient, value: object, message: str
) -> None:
    response = await client.post("/v1/articles", json={"text": TEXT, "published_at": value})
    assert_problem(response, 422, f"published_at: {message}")
    assert [(e["field"], e["message"]) for e in response.json()["errors"]] == [("published_at", message)]
    assert (await client.get("/v1/articles")).json()["items"] == []


@pytest.mark.parametrize(
    ("value", "message"), [(AFTER_YEAR_9999, OUT_OF_RANGE), (BEFORE_YEAR_1, OUT_OF_RANGE), (0, NOT_ISO)]
)
async def test_a_patched_time_without_utc_form_or_a_number_is_422_and_changes_nothing(
    client: httpx.AsyncClient, article: dict[str, Any], value: object, message: str
) -> None:
    path = f"/v1/articles/{article['id']}"
    response = await client.patch(path, json={"published_at": value})
    assert_problem(response, 422, f"body.published_at: {message}")
    assert [(e["field"], e["message"]) for e in response.json()["errors"]] == [("published_at", message)]
    assert (await client.get(path)).json()["published_at"] == PUBLISHED


@pytest.mark.parametrize(("path", "takes"), [("/v1/articles", ARTICLES_TAKES), ("/v1/quotes", QUOTES_TAKES)])
@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("published_before", AFTER_YEAR_9999, OUT_OF_RANGE),
        ("published_after", BEFORE_YEAR_1, OUT_OF_RANGE),
        ("published_before", "0.5", NOT_ISO),
        # Read as Unix time, this would be a moment of 23 August 1970.
        ("published_after", "20260102", NOT_ISO),
    ],
)
async def test_a_query_time_without_utc_form_or_a_number_is_400(
    client: httpx.AsyncClient, path: str, takes: str, name: str, value: str, message: str
) -> None:
    response = await client.get(path, params={name: value})
    assert_problem(response, 400, f"Invalid value of {name!r}: {message}. {takes}")


async def test_a_date_alone_is_its_midnight_in_utc(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"text": TEXT, "published_at": "2026-01-02"})
    assert response.json()["published_at"] == "2026-01-02T00:00:00Z"


async def test_the_last_moment_with_a_utc_form_is_kept(
    client: httpx.AsyncClient, article: dict[str, Any]
) -> None:
    path = f"/v1/articles/{article['id']}"
    response = await client.patch(path, json={"published_at": "9999-12-31T22:59:59-01:00"})
    assert response.json()["published_at"] == "9999-12-31T23:59:59Z"
    after = await client.get("/v1/articles", params={"published_after": "9999-12-31T23:59:59Z"})
    assert [a["id"] for a in after.json()["items"]] == [article["id"]]


NUL_REFUSED = "Input should not contain the NUL character (U+0000)"


async def test_nul_in_a_json_article_is_422_naming_the_field_and_nothing_is_stored(
    client: httpx.AsyncClient,
) -> None:
    for field, body in (
        ("text", {"text": "Ilse Varga said “yes\x00” on Monday."}),
        ("title", {"text": TEXT, "title": "Bridge\x00"}),
        ("source", {"text": TEXT, "source": "Harbour\x00Post"}),
    ):
        response = await client.post("/v1/articles", json=body)
        assert_problem(response, 422, f"{field}: {NUL_REFUSED}")
        [error] = response.json()["errors"]
        assert (error["field"], error["message"]) == (field, NUL_REFUSED)
    assert (await client.get("/v1/articles")).json()["items"] == []


async def test_nul_in_a_plain_text_article_is_422_and_nothing_is_stored(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/articles", content=f"{TEXT}\x00".encode(), headers={"content-type": "text/plain"}
    )
    assert_problem(response, 422, "The article contains the NUL character (U+0000), which cannot be stored.")
    assert (await client.get("/v1/articles")).json()["items"] == []


async def test_nul_in_a_patched_title_is_422_and_the_title_stays(
    client: httpx.AsyncClient, article: dict[str, Any]
) -> None:
    response = await client.patch(f"/v1/articles/{article['id']}", json={"title": "New\x00"})
    assert_problem(response, 422, f"body.title: {NUL_REFUSED}")
    assert (await client.get(f"/v1/articles/{article['id']}")).json()["title"] is None


async def test_nul_in_a_text_query_parameter_is_400(
    client: httpx.AsyncClient, article: dict[str, Any]
) -> None:
    for path, name in (
        ("/v1/articles", "q"),
        ("/v1/articles", "source"),
        ("/v1/quotes", "q"),
        ("/v1/actors", "q"),
    ):
        response = await client.get(path, params={name: "Varga\x00"})
        assert (path, name, response.status_code) == (path, name, 400)
        assert response.json()["detail"].startswith(f"Invalid value of '{name}': {NUL_REFUSED}.")


async def test_unknown_query_parameters_are_named_once_each_in_order(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/quotes?speakr=1&kinds=direct&speakr=2")
    assert_problem(response, 400, f"Unknown query parameter 'speakr', 'kinds'. {QUOTES_TAKES}")


async def test_an_endpoint_that_takes_no_query_parameter_says_so(
    client: httpx.AsyncClient, article: dict[str, Any]
) -> None:
    response = await client.get(f"/v1/articles/{article['id']}?fields=title")
    assert_problem(response, 400, "Unknown query parameter 'fields'. This endpoint takes none.")


@pytest.mark.parametrize("media_type", ["text/plain", "application/json"])
async def test_a_body_that_is_not_utf8_is_400_and_stores_nothing(
    client: httpx.AsyncClient, media_type: str
) -> None:
    body = (
        b'{"text": "The mayor said \xff."}' if media_type == "application/json" else b"The mayor said \xff."
    )
    response = await client.post("/v1/articles", content=body, headers={"Content-Type": media_type})
    assert_problem(response, 400, "The request body is not valid UTF-8.")
    assert (await client.get("/v1/articles")).json()["items"] == []
