"""Request-scoped dependencies: database session, annotation service, job queue, write authorisation."""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, HTTPException, Request, Security
from fastapi.dependencies.models import Dependant
from fastapi.dependencies.utils import request_params_to_args
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from app.annotation_pool import AnnotationService
from app.config import Settings

if TYPE_CHECKING:  # app.jobs needs the `queue` extra, installed only where a queue is used
    from app.jobs import JobQueue


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


def get_annotation(request: Request) -> AnnotationService:
    annotation: AnnotationService = request.app.state.annotation
    return annotation


def job_queue(request: Request) -> JobQueue | None:
    """The job queue, or None when QUOTEWIRE_REDIS_URL is not set."""
    jobs: JobQueue | None = request.app.state.jobs
    return jobs


_api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="The server's QUOTEWIRE_API_KEY."
)
_bearer = HTTPBearer(auto_error=False, description="Alternatively, the API key as a bearer token.")


def require_api_key(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    api_key: Annotated[str | None, Security(_api_key_header)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
) -> None:
    """Writes need the configured key; without one, only a local caller may write. Reads stay open."""
    if settings.api_key is None:
        if not settings.allow_open_writes:
            _require_local_caller(request, settings)
        return
    given = api_key or (bearer.credentials if bearer else None)
    if given is None or not secrets.compare_digest(
        given.encode(), settings.api_key.get_secret_value().encode()
    ):
        raise HTTPException(
            401,
            "A valid API key is required: send it in X-API-Key or as a bearer token.",
            headers={"WWW-Authenticate": "Bearer"},
        )


def _require_local_caller(request: Request, settings: Settings) -> None:
    """A loopback client, and not a web page of another origin: a browser on this machine would
    otherwise let any site it visits post here (a text/plain POST needs no CORS preflight)."""
    origin = request.headers.get("origin")
    foreign_page = origin is not None and origin not in {*settings.cors_origins, _own_origin(request)}
    if not is_loopback(request.client.host if request.client else None) or foreign_page:
        raise HTTPException(403, LOCAL_WRITES_ONLY)


LOCAL_WRITES_ONLY = (
    "This server has no API key (QUOTEWIRE_API_KEY), so it accepts writes only from its own machine; "
    "set a key to write from elsewhere."
)


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


def is_loopback(host: str | None) -> bool:
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _query_fields(dependant: Dependant) -> list[Any]:
    """The query parameters of an endpoint and of every dependency it has."""
    return [*dependant.query_params, *(f for d in dependant.dependencies for f in _query_fields(d))]


def check_query(request: Request) -> None:
    """400 for a query parameter the endpoint does not take or a value it cannot read, naming the
    parameters it does take: a misspelt filter must not silently answer the unfiltered list."""
    route = request.scope.get("route")
    fields = _query_fields(route.dependant) if isinstance(route, APIRoute) else []
    accepted = [f.alias for f in fields]
    takes = f"This endpoint takes: {', '.join(accepted)}." if accepted else "This endpoint takes none."
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in accepted]
    if unknown:
        raise HTTPException(400, f"Unknown query parameter {', '.join(map(repr, unknown))}. {takes}")
    _, errors = request_params_to_args(fields, request.query_params)
    if errors:
        first = errors[0]
        raise HTTPException(400, f"Invalid value of {first['loc'][1]!r}: {first['msg']}. {takes}")


SessionDep = Annotated[Session, Depends(get_session)]
AnnotationDep = Annotated[AnnotationService, Depends(get_annotation)]
WriteAccess = Depends(require_api_key)
QueryChecked = Depends(check_query)
