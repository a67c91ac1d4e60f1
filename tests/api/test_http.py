"""HTTP conventions over the real app: ETag/304, HEAD, gzip, CORS, Link, 405 Allow, 422 errors."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.answer_cache import Answer
from app.api.http import GZIP_OVER_BYTES, Revalidation, entity_tag, page_cursor
from app.config import Settings
from app.main import create_app
from app.schemas import EXAMPLE_JOB_ID

pytestmark = pytest.mark.anyio

LIBRARY = (
    "“We will open the new library in June,” Mayor Elena Wexley said on Tuesday.\n\n"
    "The council said the budget was approved."
)
PAGE_TEXTS = (
    "“The pier is safe again,” said Jon Tindale, the harbour engineer.",
    "The Marrow Rowing Club said its boats were ready.",
    "“Nobody will pay more,” Ada Halvorsen told the council.",
)
WEAK_ETAG = re.compile(r'W/"[0-9a-f]{32}"')
ORIGIN = "https://newsroom.example"
OTHER_ORIGIN = "https://elsewhere.example"
BASE_URL = "http://quotewire.test"
# Over a megabyte, so the static files route sends it in several `more_body` chunks.
STREAMED_ASSET = "/docs-assets/swagger-ui-bundle.js"


@dataclass(frozen=True)
class RawAnswer:
    """What the app itself sends, before any client or server could drop a HEAD body."""

    status: int
    headers: dict[str, str]
    body: bytes
    body_messages: int
    message_types: list[str]


async def raw_answer(
    app: ASGIApp, method: str, path: str, *, extensions: dict[str, dict[str, object]] | None = None
) -> RawAnswer:
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"quotewire.test")],
        "server": ("quotewire.test", 80),
        "extensions": extensions or {},
    }
    await app(scope, receive, send)
    start, bodies = sent[0], [m for m in sent if m["type"] == "http.response.body"]
    headers = {key.decode(): value.decode() for key, value in start["headers"]}
    body = b"".join(m.get("body", b"") for m in bodies)
    return RawAnswer(start["status"], headers, body, len(bodies), [m["type"] for m in sent])


async def post(client: httpx.AsyncClient, text: str) -> dict:
    response = await client.post("/v1/articles", content=text, headers={"Content-Type": "text/plain"})
    assert response.status_code == 201, response.text
    return response.json()


async def library_paths(client: httpx.AsyncClient) -> dict[str, str]:
    """The single-resource GETs of one stored article and of its quoted speaker."""
    article = await post(client, LIBRARY)
    quote = (await client.get(f"/v1/articles/{article['id']}/quotes")).json()["items"][0]
    assert quote["speaker"]["name"] == "Elena Wexley"
    actor_id = quote["speaker"]["actor_id"]
    return {
        "article": f"/v1/articles/{article['id']}",
        "article quotes": f"/v1/articles/{article['id']}/quotes",
        "article actors": f"/v1/articles/{article['id']}/actors",
        "actor": f"/v1/actors/{actor_id}",
        "actor quotes": f"/v1/actors/{actor_id}/quotes",
    }


async def test_each_single_resource_get_revalidates_to_a_304_with_no_body(
    client: httpx.AsyncClient,
) -> None:
    for name, path in (await library_paths(client)).items():
        first = await client.get(path)
        assert first.status_code == 200, name
        assert WEAK_ETAG.fullmatch(first.headers["ETag"]), name
        assert first.headers["Cache-Control"] == "no-cache", name
        again = await client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, name
        assert again.content == b"", name
        assert again.headers["ETag"] == first.headers["ETag"], name
        assert again.headers["Cache-Control"] == "no-cache", name
        assert "Content-Type" not in again.headers, name


async def test_304_of_an_answer_over_1_kb_repeats_its_vary(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    path = f"/v1/articles/{seed_article['id']}"
    first = await client.get(path, headers={"Accept-Encoding": "gzip"})
    again = await client.get(
        path, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert again.headers["Vary"] == first.headers["Vary"] == "Accept-Encoding"


async def test_if_none_match_with_another_tag_gets_the_full_answer(client: httpx.AsyncClient) -> None:
    path = (await library_paths(client))["article"]
    response = await client.get(path, headers={"If-None-Match": 'W/"0123", "4567"'})
    assert response.status_code == 200
    assert response.json()["text"] == LIBRARY


async def test_if_none_match_listing_the_current_tag_among_others_is_304(client: httpx.AsyncClient) -> None:
    path = (await library_paths(client))["article"]
    etag = (await client.get(path)).headers["ETag"]
    for header in (f'{etag}, "4567"', f'"0123",{etag}'):
        response = await client.get(path, headers={"If-None-Match": header})
        assert (header, response.status_code) == (header, 304)


@pytest.mark.parametrize(
    ("body", "cursor"),
    [
        (b'{"items": [], "next": "abc"}', "abc"),
        (b'{"items": [], "next": null}', None),
        (b'{"items": [], "next": 5}', None),
        (b'[{"next": "abc"}]', None),
        (b'"next"', None),
        (b"not json", None),
    ],
)
def test_page_cursor_is_only_the_string_next_of_an_object(body: bytes, cursor: str | None) -> None:
    assert page_cursor(body) == cursor


async def test_a_304_repeats_vary_only_for_an_answer_gzip_would_compress() -> None:
    """GZip compresses a body over GZIP_OVER_BYTES, and only then says `Vary`: so must its 304."""
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    etag = entity_tag(b"")
    scope = {"type": "http", "headers": [(b"if-none-match", etag.encode())]}
    start: Message = {"type": "http.response.start", "status": 200, "headers": []}
    for size in (GZIP_OVER_BYTES, GZIP_OVER_BYTES + 1):
        await Revalidation._send(scope, Answer(start, b"x" * size, etag), send)
    vary = [dict(m["headers"]).get(b"vary") for m in sent if m["type"] == "http.response.start"]
    assert [m["status"] for m in sent if m["type"] == "http.response.start"] == [304, 304]
    assert vary == [None, b"Accept-Encoding"]


async def test_if_none_match_without_the_weak_prefix_still_matches(client: httpx.AsyncClient) -> None:
    path = (await library_paths(client))["article quotes"]
    etag = (await client.get(path)).headers["ETag"]
    response = await client.get(path, headers={"If-None-Match": etag.removeprefix("W/")})
    assert response.status_code == 304


async def test_if_none_match_star_matches_any_current_representation(client: httpx.AsyncClient) -> None:
    path = (await library_paths(client))["actor"]
    response = await client.get(path, headers={"If-None-Match": "*"})
    assert response.status_code == 304
    assert "Vary" not in response.headers  # an actor is well under 1 KB: never gzipped


async def test_etag_changes_when_the_answer_does(client: httpx.AsyncClient) -> None:
    await post(client, PAGE_TEXTS[0])
    before = (await client.get("/v1/articles")).headers["ETag"]
    await post(client, PAGE_TEXTS[1])
    after = await client.get("/v1/articles", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert len(after.json()["items"]) == 2
    assert after.headers["ETag"] != before


async def test_errors_carry_no_etag(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles/999")
    assert response.status_code == 404
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


async def test_health_is_not_an_api_resource_and_carries_no_etag(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert "ETag" not in response.headers
    assert "Cache-Control" not in response.headers


async def test_head_answers_like_get_without_a_body(client: httpx.AsyncClient) -> None:
    for path in (await library_paths(client)).values():
        get = await client.get(path)
        head = await client.head(path)
        assert head.status_code == 200, path
        assert head.content == b"", path
        assert dict(head.headers) == dict(get.headers), path


async def test_head_sends_no_body_bytes_even_when_get_streams_many_chunks(settings: Settings) -> None:
    app = create_app(settings)
    get = await raw_answer(app, "GET", STREAMED_ASSET)
    head = await raw_answer(app, "HEAD", STREAMED_ASSET)
    assert get.body_messages > 1
    assert len(get.body) == int(get.headers["content-length"])
    assert (head.status, head.headers, head.body, head.body_messages) == (200, get.headers, b"", 1)


async def test_head_hands_a_server_that_sends_files_itself_no_file(settings: Settings) -> None:
    """A server offering `http.response.pathsend` is given a file's path to send; for HEAD it must
    be given an empty body instead."""
    app, pathsend = create_app(settings), {"http.response.pathsend": {}}
    get = await raw_answer(app, "GET", STREAMED_ASSET, extensions=pathsend)
    head = await raw_answer(app, "HEAD", STREAMED_ASSET, extensions=pathsend)
    assert get.message_types == ["http.response.start", "http.response.pathsend"]
    assert (head.message_types, head.body) == (["http.response.start", "http.response.body"], b"")


async def test_the_app_starts_and_stops_through_its_middleware(settings: Settings) -> None:
    """As a server drives it: the lifespan messages pass every layer."""
    events = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])
    sent: list[str] = []

    async def receive() -> Message:
        return next(events)

    async def send(message: Message) -> None:
        sent.append(message["type"])

    await create_app(settings)({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, receive, send)
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


async def test_a_body_sent_in_several_messages_is_tagged_and_sent_whole() -> None:
    """Revalidation buffers a route's body to its last message (one may carry no `body` at all)."""
    chunks = [b'{"items": [], ', b'"next": "abc"}']

    async def streaming_route(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for chunk in chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "more_body": False})

    app = Starlette(routes=[Mount("/v1", streaming_route)], middleware=[Middleware(Revalidation)])
    answer = await raw_answer(app, "GET", "/v1/pages")
    assert answer.message_types == ["http.response.start", "http.response.body"]
    assert (answer.body, answer.headers["etag"]) == (b"".join(chunks), entity_tag(b"".join(chunks)))
    assert answer.headers["link"] == '<http://quotewire.test/v1/pages?cursor=abc>; rel="next"'


async def test_gzip_starts_just_over_1_kb(client: httpx.AsyncClient) -> None:
    """An article of exactly 1,024 bytes is sent plain, one of 1,025 gzipped."""
    article = await post(client, "The council met on Tuesday. " * 6)
    path, gzip = f"/v1/articles/{article['id']}", {"Accept-Encoding": "gzip"}
    one_letter = (await client.patch(path, json={"title": "T"})).content
    sizes = []
    for size in (GZIP_OVER_BYTES, GZIP_OVER_BYTES + 1):
        title = "T" * (1 + size - len(one_letter))
        assert (await client.patch(path, json={"title": title})).status_code == 200
        response = await client.get(path, headers=gzip)
        sizes.append((len(response.content), response.headers.get("Content-Encoding")))
    assert sizes == [(GZIP_OVER_BYTES, None), (GZIP_OVER_BYTES + 1, "gzip")]


async def test_head_of_a_gzipped_answer_has_the_gzipped_headers(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    path = f"/v1/articles/{seed_article['id']}"
    gzip = {"Accept-Encoding": "gzip"}
    get, head = await client.get(path, headers=gzip), await client.head(path, headers=gzip)
    assert head.headers["Content-Encoding"] == "gzip"
    assert head.content == b""
    assert dict(head.headers) == dict(get.headers)


async def test_head_of_a_missing_article_is_404_without_a_body(client: httpx.AsyncClient) -> None:
    response = await client.head("/v1/articles/999")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.content == b""


async def test_answer_over_1_kb_is_gzipped_when_accepted(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    response = await client.get(f"/v1/articles/{seed_article['id']}", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Vary"] == "Accept-Encoding"
    assert int(response.headers["Content-Length"]) < len(response.content)
    assert response.json()["id"] == seed_article["id"]


async def test_answer_over_1_kb_is_plain_when_gzip_is_not_accepted(
    client: httpx.AsyncClient, seed_article: dict
) -> None:
    response = await client.get(f"/v1/articles/{seed_article['id']}", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in response.headers
    assert int(response.headers["Content-Length"]) == len(response.content) > 1024


async def test_answer_under_1_kb_is_plain_even_when_gzip_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles/999", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response.headers
    assert int(response.headers["Content-Length"]) == len(response.content) < 1024


async def test_list_link_header_is_the_absolute_url_of_the_body_next(client: httpx.AsyncClient) -> None:
    for text in PAGE_TEXTS:
        await post(client, text)
    url = f"{BASE_URL}/v1/articles?limit=1"
    seen: list[int] = []
    for _ in range(len(PAGE_TEXTS) + 1):
        page = await client.get(url)
        body = page.json()
        seen += [item["id"] for item in body["items"]]
        if body["next"] is None:
            assert "Link" not in page.headers
            break
        url = f"{BASE_URL}/v1/articles?limit=1&cursor={body['next']}"
        assert page.headers["Link"] == f'<{url}>; rel="next"'
    assert len(seen) == len(set(seen)) == len(PAGE_TEXTS)
    assert body["next"] is None


async def test_405_names_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    response = await client.put("/v1/articles")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, POST"
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "PUT is not allowed here; use GET, HEAD, POST."


async def test_405_on_a_read_only_path_allows_get_and_head(client: httpx.AsyncClient) -> None:
    response = await client.delete("/v1/actors/1/quotes")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


async def test_405_behind_a_path_prefix_names_every_method_of_the_path(settings: Settings) -> None:
    """Served under a prefix (uvicorn --root-path behind a proxy): the request path carries it."""
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, root_path="/quotewire")
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as client:
            response = await client.put("/quotewire/v1/articles")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, POST"


# Every path the app answers, with the methods it takes: the API's (each one of /openapi.json), the
# pages, the docs and the static files.
PATH_METHODS = {
    "/v1/articles": "GET, HEAD, POST",
    "/v1/articles/{article_id}": "DELETE, GET, HEAD, PATCH",
    "/v1/articles/{article_id}/quotes": "GET, HEAD",
    "/v1/articles/{article_id}/actors": "GET, HEAD",
    "/v1/actors": "GET, HEAD",
    "/v1/actors/{actor_id}": "GET, HEAD",
    "/v1/actors/{actor_id}/articles": "GET, HEAD",
    "/v1/actors/{actor_id}/quotes": "GET, HEAD",
    "/v1/quotes": "GET, HEAD",
    "/v1/jobs/{job_id}": "GET, HEAD",
    "/health": "GET, HEAD",
    "/": "GET, HEAD",
    "/articles/{article_id}": "GET, HEAD",
    "/actors/{actor_id}": "GET, HEAD",
    "/docs": "GET, HEAD",
    "/redoc": "GET, HEAD",
    "/openapi.json": "GET, HEAD",
    "/static/quotewire.css": "GET, HEAD",
    "/docs-assets/favicon.png": "GET, HEAD",
}
METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


async def test_every_405_allows_exactly_the_methods_its_path_answers(client: httpx.AsyncClient) -> None:
    documented = set((await client.get("/openapi.json")).json()["paths"])
    assert documented <= set(PATH_METHODS)
    for template, allow in PATH_METHODS.items():
        path = template.format(article_id=1, actor_id=1, job_id=EXAMPLE_JOB_ID)
        for method in METHODS:
            response = await client.request(method, path)
            refused = method not in allow.split(", ")
            assert (path, method, response.status_code == 405) == (path, method, refused)
            if refused:
                assert response.headers["Allow"] == allow, (path, method)
                assert response.json()["detail"] == f"{method} is not allowed here; use {allow}."


async def test_422_path_error_names_the_field(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/articles/0")
    assert response.status_code == 422
    message = "Input should be greater than or equal to 1"
    assert response.json()["errors"] == [
        {
            "field": "article_id",
            "message": message,
            "loc": ["path", "article_id"],
            "msg": message,
            "type": "greater_than_equal",
        }
    ]


async def test_422_body_field_error_names_the_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"text": "The council met.", "title": 7})
    assert response.status_code == 422
    message = "Input should be a valid string"
    assert response.json()["errors"] == [
        {
            "field": "title",
            "message": message,
            "loc": ["body", "title"],
            "msg": message,
            "type": "string_type",
        }
    ]


async def test_422_whole_body_error_names_the_body(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/articles", json={"text": "   "})
    assert response.status_code == 422
    message = "The article has no body text."
    assert response.json()["errors"] == [
        {"field": "body", "message": message, "loc": ["body"], "msg": message, "type": "value_error"}
    ]


async def test_cors_is_off_by_default(client: httpx.AsyncClient) -> None:
    preflight = await client.options(
        "/v1/articles", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST"}
    )
    assert preflight.status_code == 405
    assert "Access-Control-Allow-Origin" not in preflight.headers
    simple = await client.get("/v1/articles", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in simple.headers


def test_cors_origins_are_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEWIRE_CORS_ORIGINS", f"{ORIGIN}, {OTHER_ORIGIN},")
    assert Settings().cors_origins == [ORIGIN, OTHER_ORIGIN]


class TestCorsWhenConfigured:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        """The shared settings with one allowed origin; the shared `client` is built from these."""
        return settings.model_copy(update={"cors_origins": [ORIGIN]})

    async def test_preflight_allows_the_api_key_headers(self, client: httpx.AsyncClient) -> None:
        response = await client.options(
            "/v1/articles",
            headers={
                "Origin": ORIGIN,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "X-API-Key, Content-Type",
            },
        )
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
        assert response.headers["Access-Control-Allow-Methods"] == "GET, HEAD, POST, PATCH, DELETE"
        assert response.headers["Access-Control-Allow-Headers"] == (
            "Accept, Accept-Language, Authorization, Content-Language, Content-Type, If-None-Match, Prefer, "
            "X-API-Key"
        )

    async def test_preflight_from_another_origin_is_refused(self, client: httpx.AsyncClient) -> None:
        response = await client.options(
            "/v1/articles", headers={"Origin": OTHER_ORIGIN, "Access-Control-Request-Method": "GET"}
        )
        assert response.status_code == 400
        assert "Access-Control-Allow-Origin" not in response.headers

    async def test_answer_exposes_etag_link_location_and_preference_applied(
        self, client: httpx.AsyncClient
    ) -> None:
        response = await client.get("/v1/articles", headers={"Origin": ORIGIN})
        assert response.status_code == 200
        assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
        assert response.headers["Access-Control-Expose-Headers"] == "ETag, Link, Location, Preference-Applied"
