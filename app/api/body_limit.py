"""The request body limit, enforced while the body is read: an oversized body costs no more memory
than the limit, whether it announces its length or comes chunked."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def too_large_detail(limit: int) -> str:
    return f"The request body exceeds {limit} bytes (QUOTEWIRE_MAX_BODY_BYTES)."


class BodyTooLarge(HTTPException):
    """Raised from `receive`, so the route reading the body answers with the usual 413 problem."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, too_large_detail(limit), headers={"Connection": "close"})


class BodyLimit:
    """Refuses a body whose `Content-Length` is over the limit before reading any of it; otherwise
    counts the bytes as they arrive and stops at the limit (a chunked body has no length to check)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        received = int(declared) if declared.isdigit() and int(declared) > self.max_bytes else 0

        async def counting_receive() -> Message:
            nonlocal received
            if received > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counting_receive, send)
