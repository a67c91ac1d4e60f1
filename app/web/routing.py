"""Page routes answer errors as pages: a person following a broken link gets HTML, not problem+json."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from http import HTTPStatus
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from app.web.templating import render

PATH = "path"


def error_page(request: Request, status: int, detail: str) -> Response:
    return render(
        request, "error.html", {"title": HTTPStatus(status).phrase, "detail": detail}, status_code=status
    )


def _invalid_request(request: Request, error: RequestValidationError) -> Response:
    """A path that is no id names no page (404); a query value the page cannot read is a 400."""
    first = error.errors()[0]
    if first["loc"][0] == PATH:
        return error_page(request, HTTPStatus.NOT_FOUND, f"There is no page at {request.url.path}.")
    return error_page(request, HTTPStatus.BAD_REQUEST, f"{first['loc'][-1]}: {first['msg']}.")


class PageRoute(APIRoute):
    """An APIRoute whose HTTP and validation errors render the error page."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_as_page(request: Request) -> Response:
            try:
                return await handle(request)
            except HTTPException as error:
                return error_page(request, error.status_code, str(error.detail))
            except RequestValidationError as error:
                return _invalid_request(request, error)

        return handle_as_page
