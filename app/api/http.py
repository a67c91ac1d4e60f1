"""HTTP conventions every route follows by being mounted: HEAD, ETag revalidation, Link, gzip, CORS,
and the security headers of HTML pages.

They live in middleware, not in routers, so a new endpoint gets them without a line of its own.
Layers, outermost first: CORS (answers preflights itself), page security headers, HEAD (runs GET and
drops the body after compression, so HEAD carries exactly GET's headers), gzip, revalidation (ETag,
304, Link, read from the body the route produced).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from http import HTTPStatus

from fastapi import FastAPI
from starlette.datastructures import URL, Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import BaseRoute, Match, Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.answer_cache import Answer, AnswerCache
from app.api.body_limit import BodyLimit
from app.api.pagination import next_link
from app.config import Settings

API_PREFIX = "/v1/"
GZIP_OVER_BYTES = 1024
ETAG_DIGEST_BYTES = 16
CACHE_CONTROL = "no-cache"
CORS_METHODS = ("GET", "HEAD", "POST", "PATCH", "DELETE")
CORS_REQUEST_HEADERS = ("X-API-Key", "Authorization", "If-None-Match", "Prefer")
CORS_EXPOSED_HEADERS = ("ETag", "Link", "Location", "Preference-Applied")
ANY_ENTITY_TAG = "*"
WEAK_PREFIX = "W/"
ROUTE_METHODS = ("DELETE", "GET", "PATCH", "POST", "PUT")
HTML_MEDIA_TYPE = "text/html"
# A page loads only the app's own files, runs no inline script, and is framed by no one.
PAGE_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_SECURITY_HEADERS = {
    "Content-Security-Policy": PAGE_CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def entity_tag(body: bytes) -> str:
    """A weak tag: gzip changes the bytes sent but not the representation, so one tag serves both."""
    return f'{WEAK_PREFIX}"{hashlib.blake2b(body, digest_size=ETAG_DIGEST_BYTES).hexdigest()}"'


def if_none_match_holds(header: str | None, etag: str) -> bool:
    """RFC 9110 weak comparison: `W/` is ignored, `*` matches any current representation."""
    if header is None:
        return False
    tags = {tag.strip().removeprefix(WEAK_PREFIX) for tag in header.split(",")}
    return ANY_ENTITY_TAG in tags or etag.removeprefix(WEAK_PREFIX) in tags


def page_cursor(body: bytes) -> str | None:
    """The `next` of an `{items, next}` page; None at the last page and for any other body."""
    try:
        document = json.loads(body)
    except ValueError:
        return None
    cursor = document.get("next") if isinstance(document, dict) else None
    return cursor if isinstance(cursor, str) else None


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """Every method a route at this path answers, found by asking the routes themselves (FastAPI
    nests included routers, and one path's methods are spread over several routes); HEAD wherever
    GET is, since `HeadAsGet` serves it. Asked from the app's root: a 405 raised inside a mount sees
    a scope whose path is relative to that mount."""
    root = {**scope, "root_path": scope.get("app_root_path", scope.get("root_path", ""))}
    methods = {method for method in ROUTE_METHODS if any(_answers(route, root, method) for route in routes)}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _answers(route: BaseRoute, scope: Scope, method: str) -> bool:
    """A mount matches any method; one of static files answers GET only."""
    if isinstance(route, Mount) and isinstance(route.app, StaticFiles) and method != "GET":
        return False
    return route.matches({**scope, "method": method})[0] is Match.FULL


class HeadAsGet:
    """FastAPI routes answer only the methods they declare; HEAD is GET without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] in {"http.response.body", "http.response.pathsend"}:
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class PageSecurityHeaders:
    """Every HTML answer (pages, their error pages, the docs) gets `PAGE_SECURITY_HEADERS`; a route
    that sets its own `Content-Security-Policy` (the docs, which run inline scripts) keeps it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith(HTML_MEDIA_TYPE):
                    for name, value in PAGE_SECURITY_HEADERS.items():
                        headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Revalidation:
    """On every API GET answered 200: `ETag`, `Cache-Control: no-cache` so clients revalidate, a
    304 with no body when `If-None-Match` holds, and `Link: rel="next"` when the body is a page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.answers = AnswerCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        key = await self.answers.key(scope)
        kept = self.answers.get(key)
        if kept is not None:
            await self._send(scope, kept, send)
            return
        start: Message = {}
        body = bytearray()
        passing_through = False

        async def buffer_ok_response(message: Message) -> None:
            nonlocal start, passing_through
            if passing_through or message["type"] not in {"http.response.start", "http.response.body"}:
                await send(message)
            elif message["type"] == "http.response.start":
                passing_through = message["status"] != HTTPStatus.OK.value
                start = message
                if passing_through:
                    await send(message)
            else:
                body.extend(message.get("body", b""))
                if not message.get("more_body", False):
                    answer = self._answer(scope, start, bytes(body))
                    self.answers.put(key, answer)
                    await self._send(scope, answer, send)

        await self.app(scope, receive, buffer_ok_response)

    @staticmethod
    def _answer(scope: Scope, start: Message, body: bytes) -> Answer:
        """The 200 with its validators, and its Link when the body is a page."""
        etag = entity_tag(body)
        headers = MutableHeaders(raw=list(start["headers"]))
        headers["ETag"] = etag
        headers["Cache-Control"] = CACHE_CONTROL
        cursor = page_cursor(body)
        if cursor is not None:
            headers["Link"] = next_link(URL(scope=scope), cursor)
        return Answer({**start, "headers": headers.raw}, body, etag)

    @staticmethod
    async def _send(scope: Scope, answer: Answer, send: Send) -> None:
        """The answer, or a 304 when the client's `If-None-Match` holds for it."""
        if if_none_match_holds(Headers(scope=scope).get("if-none-match"), answer.etag):
            validators = MutableHeaders({"ETag": answer.etag, "Cache-Control": CACHE_CONTROL})
            if len(answer.body) > GZIP_OVER_BYTES:
                # A 304 repeats the 200's Vary (RFC 9110); gzip adds it to a body that size.
                validators["Vary"] = "Accept-Encoding"
            await send(
                {
                    "type": "http.response.start",
                    "status": HTTPStatus.NOT_MODIFIED.value,
                    "headers": validators.raw,
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        # A copy: outer layers (gzip, HEAD) edit the headers of the start message they are sent.
        await send({**answer.start, "headers": list(answer.start["headers"])})
        await send({"type": "http.response.body", "body": answer.body})


def install_http_conventions(app: FastAPI, settings: Settings) -> None:
    """Added innermost first: each `add_middleware` wraps the ones before it."""
    app.add_middleware(Revalidation)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_OVER_BYTES + 1)
    app.add_middleware(HeadAsGet)
    app.add_middleware(PageSecurityHeaders)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=CORS_METHODS,
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
        )
