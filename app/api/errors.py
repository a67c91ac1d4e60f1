"""One error format for everything: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.api.http import allowed_methods
from app.queue_errors import QueueUnavailable
from app.schemas import FieldError, Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
BODY = "body"
WHOLE_BODY_ERROR_TYPE = "value_error"
# Seconds a client is asked to wait when the job queue cannot be reached: a Redis restart's time.
QUEUE_RETRY_AFTER_S = 5
QUEUE_DOWN_DETAIL = "The job queue cannot be reached: retry after the time in Retry-After."


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


def problem(
    request: Request, status: int, detail: str, errors: list[dict[str, Any]] | None = None
) -> ProblemResponse:
    body = Problem(
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=None if errors is None else [FieldError.model_validate(error) for error in errors],
    )
    return ProblemResponse(jsonable_encoder(body, exclude_none=True), status_code=status)


def _field_error(loc: Sequence[str | int], message: str, error_type: str) -> dict[str, Any]:
    """One entry of a 422's `errors`. `field` (the name within its query, path or body, or the
    part itself) and `message` say what to fix; `loc`, `msg` and `type` are v1's first form, kept."""
    field = ".".join(str(part) for part in loc[1:]) or str(loc[0])
    return {"field": field, "message": message, "loc": list(loc), "msg": message, "type": error_type}


def _body_errors(exc: BaseException, detail: str) -> list[dict[str, Any]]:
    """A 422 a route raised about the request body: each field of the pydantic validation behind it,
    or, when no field is to blame (an empty text), the body as a whole."""
    cause = exc.__cause__
    while cause is not None and not isinstance(cause, ValidationError):
        cause = cause.__cause__
    if isinstance(cause, ValidationError):
        return [_field_error((BODY, *error["loc"]), error["msg"], error["type"]) for error in cause.errors()]
    return [_field_error((BODY,), detail, WHOLE_BODY_ERROR_TYPE)]


async def _http_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = str(exc.detail)
    if exc.status_code == HTTPStatus.METHOD_NOT_ALLOWED:
        allow = ", ".join(allowed_methods(request.app.router.routes, request.scope))
        response = problem(request, exc.status_code, f"{request.method} is not allowed here; use {allow}.")
        response.headers["Allow"] = allow
        return response
    errors = _body_errors(exc, detail) if exc.status_code == HTTPStatus.UNPROCESSABLE_ENTITY else None
    response = problem(request, exc.status_code, detail, errors)
    response.headers.update(exc.headers or {})
    return response


async def _validation_error(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_field_error(error["loc"], error["msg"], error["type"]) for error in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(part) for part in first["loc"])
    return problem(request, 422, f"{where}: {first['msg']}", errors)


async def _queue_down(request: Request, exc: Exception) -> ProblemResponse:
    response = problem(request, HTTPStatus.SERVICE_UNAVAILABLE, QUEUE_DOWN_DETAIL)
    response.headers["Retry-After"] = str(QUEUE_RETRY_AFTER_S)
    return response


async def _unexpected_error(request: Request, exc: Exception) -> ProblemResponse:
    return problem(request, 500, "Internal error; the request changed nothing.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(QueueUnavailable, _queue_down)
    app.add_exception_handler(Exception, _unexpected_error)
