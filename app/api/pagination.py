"""Opaque keyset cursors: the client echoes `next` back as `cursor`, never builds one."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import HTTPException, Query
from starlette.datastructures import URL

from app.queries import INVALID_CURSOR, MAX_INT64, MIN_INT64, InvalidQuery
from app.schemas import Page

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size.")]
# What `encode_cursor` writes: unpadded base64url. Declared in the schema and checked here, so that a
# cursor with other characters is refused as such (base64 decoding would skip them).
CURSOR_ALPHABET = "^[A-Za-z0-9_-]*$"
Cursor = Annotated[
    str | None,
    Query(
        description="The `next` value of the previous page, unchanged; empty means none.",
        json_schema_extra={"pattern": CURSOR_ALPHABET},
    ),
]


def encode_cursor(key: list[int]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[int] | None:
    """The sort key a cursor holds; 400 when it is not one this API made."""
    if cursor is None:
        return None
    key: object = None
    if re.fullmatch(CURSOR_ALPHABET, cursor):
        try:
            key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        except (ValueError, RecursionError):  # not base64, not UTF-8, not JSON, or too deep
            key = None
    if not (isinstance(key, list) and len(key) == size and all(_is_int64(k) for k in key)):
        raise HTTPException(400, INVALID_CURSOR)
    return key


def _is_int64(value: object) -> bool:
    """JSON `true` is a Python int, and a longer number does not fit the database's integers."""
    return isinstance(value, int) and not isinstance(value, bool) and MIN_INT64 <= value <= MAX_INT64


def to_page(result: tuple[list[T], list[int] | None]) -> Page[T]:
    """A query's items and the sort key after them, as the `{items, next}` envelope."""
    items, key = result
    return Page(items=items, next=encode_cursor(key) if key else None)


def next_link(url: URL, cursor: str) -> str:
    """RFC 8288 `Link` value for the page after `url`: the same request, absolute, with `cursor` set."""
    return f'<{url.include_query_params(cursor=cursor)}>; rel="next"'


def query_page(
    run: Callable[[list[int] | None], tuple[list[T], list[int] | None]], cursor: str | None, size: int
) -> Page[T]:
    """One page of a filtered list: the cursor decoded (empty means none), the query run, and
    filters that cannot go together (sort by relevance without a search) answered with a 400."""
    try:
        return to_page(run(decode_cursor(cursor or None, size)))
    except InvalidQuery as error:
        raise HTTPException(400, str(error)) from error
