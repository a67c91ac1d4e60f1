"""The OpenAPI document as a manual: operation ids, the responses and headers routes declare, each
error status with an example of its own, and the schemas FastAPI cannot find by itself.

Routers declare what they answer with the helpers here; `install_openapi` adds what no route
declares (the JSON body read by hand, the problem schema) and drops FastAPI's default 422, which
this API never sends: every 422 is problem+json.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.utils import get_typed_return_annotation
from fastapi.routing import APIRoute, generate_unique_id
from pydantic import BaseModel

from app import schemas as wire_models
from app.api.body_limit import too_large_detail
from app.api.deps import LOCAL_WRITES_ONLY
from app.api.errors import PROBLEM_MEDIA_TYPE, QUEUE_DOWN_DETAIL
from app.api.pagination import encode_cursor
from app.config import DEFAULT_MAX_BODY_BYTES
from app.queries import INVALID_CURSOR
from app.schemas import EXAMPLE_JOB_ID, JOB_QUEUED_EXAMPLE, ArticleIn, FieldError, JobOut, Page, Problem

JSON_MEDIA_TYPE = "application/json"
SCHEMA_REF = "#/components/schemas/{model}"
# Schemas no route names as a model: the hand-read JSON body and the problem body.
COMPONENT_MODELS: tuple[type[BaseModel], ...] = (ArticleIn, Problem)
FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")
EXAMPLE_REF = "#/components/examples/{name}"
EXAMPLE_SUMMARY = "From the seed article (seeds/reuters-russia-venezuela.txt)"
# components/examples: every example a route declares, by name (see `example_content`).
EXAMPLES: dict[str, dict[str, Any]] = {}
UNPROCESSABLE = str(HTTPStatus.UNPROCESSABLE_ENTITY.value)
METHOD_VERBS = {"POST": "create", "PATCH": "patch", "PUT": "replace", "DELETE": "delete"}
EXAMPLE_ETAG = 'W/"5d41402abc4b2a76b9719d911017c592"'
EXAMPLE_JOB_PATH = f"/v1/jobs/{EXAMPLE_JOB_ID}"

ETAG_HEADER = {
    "description": "A tag of this representation: send it back in `If-None-Match` to get a 304 "
    "with no body while it has not changed.",
    "schema": {"type": "string"},
    "example": EXAMPLE_ETAG,
}
CACHE_CONTROL_HEADER = {
    "description": "`no-cache`: a cache may keep the answer but revalidates it with its `ETag` first.",
    "schema": {"type": "string"},
    "example": "no-cache",
}
LINK_HEADER = {
    "description": 'RFC 8288 link to the next page, `<absolute URL>; rel="next"` (the same request '
    "with `cursor` set to `next`); absent on the last page.",
    "schema": {"type": "string"},
    "example": '<http://127.0.0.1:8000/v1/articles/1/quotes?limit=1&cursor=WzFd>; rel="next"',
}
JOB_LOCATION_HEADER = {
    "description": "The path of the job: `/v1/jobs/{id}`.",
    "schema": {"type": "string"},
    "example": EXAMPLE_JOB_PATH,
}
PREFERENCE_APPLIED_HEADER = {
    "description": "`respond-async`: the `Prefer` header was honoured (RFC 7240).",
    "schema": {"type": "string"},
    "example": "respond-async",
}
LOCATION_HEADER = {
    "description": "The path of the article: `/v1/articles/{id}`.",
    "schema": {"type": "string"},
    "example": "/v1/articles/1",
}
REVALIDATION_HEADERS = {"ETag": ETAG_HEADER, "Cache-Control": CACHE_CONTROL_HEADER}


def _problem(
    status: HTTPStatus, detail: str, instance: str, errors: list[FieldError] | None = None
) -> Problem:
    return Problem(title=status.phrase, status=status.value, detail=detail, instance=instance, errors=errors)


def unknown_parameter(path: str, wrong: str, accepted: tuple[str, ...]) -> Problem:
    """The 400 a route answers to a query parameter it does not take, naming those it does."""
    takes = f"This endpoint takes: {', '.join(accepted)}." if accepted else "This endpoint takes none."
    return _problem(HTTPStatus.BAD_REQUEST, f"Unknown query parameter {wrong!r}. {takes}", path)


def not_found(path: str, thing: str, missing_id: int) -> Problem:
    return _problem(HTTPStatus.NOT_FOUND, f"No {thing} with id {missing_id}.", path)


def path_id_below_one(path: str, parameter: str) -> Problem:
    """The 422 of an id path parameter under 1, as served."""
    message = "Input should be greater than or equal to 1"
    return _bad_path_parameter(path, parameter, message, "greater_than_equal")


def _bad_path_parameter(path: str, parameter: str, message: str, error_type: str) -> Problem:
    return _problem(
        HTTPStatus.UNPROCESSABLE_ENTITY,
        f"path.{parameter}: {message}",
        path,
        [FieldError(field=parameter, message=message, loc=["path", parameter], msg=message, type=error_type)],
    )


ARTICLE_NOT_FOUND = not_found("/v1/articles/99", "article", 99)
ACTOR_NOT_FOUND = not_found("/v1/actors/99", "actor", 99)
BAD_ARTICLE_ID = path_id_below_one("/v1/articles/0", "article_id")
BAD_ACTOR_ID = path_id_below_one("/v1/actors/0", "actor_id")
JOB_NOT_FOUND = _problem(HTTPStatus.NOT_FOUND, f"No job with id {EXAMPLE_JOB_ID}.", EXAMPLE_JOB_PATH)
BAD_JOB_ID = _bad_path_parameter(
    "/v1/jobs/42",
    "job_id",
    "Input should be a valid UUID, invalid length: expected length 32 for simple format, found 2",
    "uuid_parsing",
)
BAD_CURSOR = _problem(HTTPStatus.BAD_REQUEST, INVALID_CURSOR, "/v1/articles/1/quotes")
BAD_JSON = _problem(
    HTTPStatus.BAD_REQUEST, "The request body is not valid JSON: Expecting value.", "/v1/articles"
)
NO_API_KEY = _problem(
    HTTPStatus.UNAUTHORIZED,
    "A valid API key is required: send it in X-API-Key or as a bearer token.",
    "/v1/articles",
)
REMOTE_WRITE = _problem(HTTPStatus.FORBIDDEN, LOCAL_WRITES_ONLY, "/v1/articles")
# Seconds a client is asked to wait when every annotation worker is busy: about one article's work.
RETRY_AFTER_S = 5
BUSY_DETAIL = "Every annotation worker is busy and the queue is full: retry after the time in Retry-After."
POOL_BUSY = _problem(HTTPStatus.SERVICE_UNAVAILABLE, BUSY_DETAIL, "/v1/articles")
QUEUE_DOWN = _problem(HTTPStatus.SERVICE_UNAVAILABLE, QUEUE_DOWN_DETAIL, EXAMPLE_JOB_PATH)
HEALTH_QUEUE_DOWN = _problem(HTTPStatus.SERVICE_UNAVAILABLE, QUEUE_DOWN_DETAIL, "/health")
BODY_TOO_LARGE = _problem(
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE, too_large_detail(DEFAULT_MAX_BODY_BYTES), "/v1/articles"
)
UNSUPPORTED_BODY = _problem(
    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
    "Send the article as text/plain, text/html or application/json.",
    "/v1/articles",
)
_EMPTY_TEXT = "String should have at least 1 character"
INVALID_ARTICLE = _problem(
    HTTPStatus.UNPROCESSABLE_ENTITY,
    f"text: {_EMPTY_TEXT}",
    "/v1/articles",
    [
        FieldError(
            field="text", message=_EMPTY_TEXT, loc=["body", "text"], msg=_EMPTY_TEXT, type="string_too_short"
        )
    ],
)
_BAD_URL = "Input should be a valid URL, relative URL without a base"
INVALID_PATCH = _problem(
    HTTPStatus.UNPROCESSABLE_ENTITY,
    f"body.url: {_BAD_URL}",
    "/v1/articles/1",
    [FieldError(field="url", message=_BAD_URL, loc=["body", "url"], msg=_BAD_URL, type="url_parsing")],
)


def problem_responses(*problems: Problem) -> dict[int | str, dict[str, Any]]:
    """The error statuses a route can answer, each with its own example, as problem+json only."""
    return {
        problem.status: {
            "description": HTTPStatus(problem.status).phrase,
            "content": {
                PROBLEM_MEDIA_TYPE: {
                    "schema": {"$ref": SCHEMA_REF.format(model=Problem.__name__)},
                    "example": problem.model_dump(mode="json", exclude_none=True),
                }
            },
        }
        for problem in problems
    }


def model_example(model: type[BaseModel]) -> Any:
    """The first example a model declares in its schema."""
    return model.model_json_schema()["examples"][0]


def example_content(name: str, value: Any) -> dict[str, Any]:
    """A JSON media type whose example is `components/examples/{name}`. FastAPI leaves every null out
    of the document it builds, nulls inside inline examples too (`"url": null` is required), so
    examples are registered here and added to the document afterwards, whole. A name stands for one
    value: routes that share an example must give the same one."""
    example = {"summary": EXAMPLE_SUMMARY, "value": value}
    if EXAMPLES.setdefault(name, example) != example:
        raise ValueError(f"Example {name!r} is declared twice with different values.")
    return {JSON_MEDIA_TYPE: {"examples": {name: {"$ref": EXAMPLE_REF.format(name=name)}}}}


def model_content(model: type[BaseModel]) -> dict[str, Any]:
    """A JSON media type illustrated by the model's own example."""
    return example_content(model.__name__, model_example(model))


def read_responses(
    model: type[BaseModel], description: str, content: dict[str, Any] | None = None
) -> dict[int | str, dict[str, Any]]:
    """A GET's 200 (with the model's example unless `content` is given) with its revalidation
    headers, and the 304 that `If-None-Match` gets."""
    return {
        HTTPStatus.OK.value: {
            "description": description,
            "headers": REVALIDATION_HEADERS,
            "content": content or model_content(model),
        },
        HTTPStatus.NOT_MODIFIED.value: {
            "description": "Not Modified: `If-None-Match` holds the current `ETag`; no body.",
            "headers": REVALIDATION_HEADERS,
        },
    }


def page_responses(
    item: type[BaseModel], next_key: list[int], description: str
) -> dict[int | str, dict[str, Any]]:
    """A list's 200 (a page holding the item model's example, `next` made from `next_key` as the
    list makes its cursors) with its `Link` header, and its 304."""
    page = Page[Any](items=[model_example(item)], next=encode_cursor(next_key))
    responses = read_responses(
        item, description, example_content(f"Page_{item.__name__}_", page.model_dump(mode="json"))
    )
    responses[HTTPStatus.OK.value]["headers"] = {**REVALIDATION_HEADERS, "Link": LINK_HEADER}
    return responses


def created_responses(model: type[BaseModel]) -> dict[int | str, dict[str, Any]]:
    """POST: 201 for a new resource, 200 for one already stored; both say where it is in `Location`."""
    return {
        HTTPStatus.CREATED.value: {
            "description": "Created; `Location` points at the new article.",
            "headers": {"Location": LOCATION_HEADER},
            "content": model_content(model),
        },
        HTTPStatus.OK.value: {
            "model": model,
            "description": "The same body was already stored: that article, as stored (metadata sent "
            "with it is ignored; change it with PATCH).",
            "headers": {"Location": LOCATION_HEADER},
            "content": model_content(model),
        },
    }


def accepted_response() -> dict[int | str, dict[str, Any]]:
    """POST with `Prefer: respond-async` on a server with a job queue: 202 and the queued job."""
    return {
        HTTPStatus.ACCEPTED.value: {
            "description": "Queued (`Prefer: respond-async` with a job queue); `Location` points at the job.",
            "headers": {"Location": JOB_LOCATION_HEADER, "Preference-Applied": PREFERENCE_APPLIED_HEADER},
            "content": {
                JSON_MEDIA_TYPE: {
                    "schema": {"$ref": SCHEMA_REF.format(model=JobOut.__name__)},
                    **example_content("JobOut_queued", JOB_QUEUED_EXAMPLE)[JSON_MEDIA_TYPE],
                }
            },
        }
    }


def operation_id(route: APIRoute) -> str:
    """`{tag}-{verb}`, the verb from the method and path: `articles-create`, `articles-get`,
    `quotes-list`, `actors-list-quotes` (a list under one resource names what it lists). Untagged
    routes (the docs pages, kept out of the schema) keep FastAPI's id."""
    if not route.tags:
        return generate_unique_id(route)
    method = next(iter(route.methods or ()), "GET")
    last_segment = route.path_format.rstrip("/").rsplit("/", 1)[-1]
    # The route's response model is not set yet when FastAPI asks for its id: read the annotation.
    returns = get_typed_return_annotation(route.endpoint)
    is_page = isinstance(returns, type) and issubclass(returns, Page)
    verb = METHOD_VERBS.get(method) or ("list" if is_page else "get")
    tag = str(route.tags[0])
    nested = last_segment != tag and not last_segment.startswith("{") and is_page
    return f"{tag}-{verb}-{last_segment}" if nested else f"{tag}-{verb}"


def _component_schemas(models: tuple[type[BaseModel], ...]) -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for model in models:
        schema = model.model_json_schema(ref_template=SCHEMA_REF)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    return schemas


def _without_default_422(document: dict[str, Any]) -> None:
    """Removes FastAPI's own 422 (declared for any route with parameters, in a shape never sent)."""
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            response = operation.get("responses", {}).get(UNPROCESSABLE, {})
            if JSON_MEDIA_TYPE in response.get("content", {}):
                del operation["responses"][UNPROCESSABLE]
    for name in FASTAPI_VALIDATION_SCHEMAS:
        document.get("components", {}).get("schemas", {}).pop(name, None)


def _schema_examples_restored(schemas: dict[str, Any]) -> None:
    """FastAPI leaves nulls out of the models' own examples too: take them from the models again."""
    for name, schema in schemas.items():
        model = getattr(wire_models, name, None)
        if "examples" in schema and isinstance(model, type) and issubclass(model, BaseModel):
            schema["examples"] = model.model_json_schema(ref_template=SCHEMA_REF)["examples"]


def install_openapi(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            components = document.setdefault("components", {})
            components.setdefault("schemas", {}).update(_component_schemas(COMPONENT_MODELS))
            _schema_examples_restored(components["schemas"])
            components["examples"] = dict(sorted(EXAMPLES.items()))
            _without_default_422(document)
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
