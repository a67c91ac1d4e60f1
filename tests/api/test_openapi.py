"""/openapi.json is a manual: the walk below fails on any gap, and the document is valid OpenAPI."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

pytestmark = pytest.mark.anyio

PROBLEM_JSON = "application/problem+json"
PAGE_SCHEMA_PREFIX = "#/components/schemas/Page_"
REVALIDATION_HEADERS = {"ETag", "Cache-Control"}
OPERATION_ID = re.compile(r"^[a-z]+(-[a-z]+)+$")


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _has_example(content: dict[str, Any], schemas: dict[str, Any]) -> bool:
    """An example on the media type, or on the named schema it refers to."""
    if "example" in content or "examples" in content:
        return True
    ref = content.get("schema", {}).get("$ref")
    return ref is not None and "examples" in schemas[_ref_name(ref)]


def _operation_gaps(
    where: str, method: str, path: str, operation: dict[str, Any], schemas: dict[str, Any]
) -> list[str]:
    gaps = [f"{where}: no {key}" for key in ("summary", "description") if not operation.get(key)]
    gaps += [
        f"{where}: parameter {parameter['name']} has no description"
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    for media_type, content in operation.get("requestBody", {}).get("content", {}).items():
        if not _has_example(content, schemas):
            gaps.append(f"{where}: request {media_type} has no example")
    responses = operation["responses"]
    for status, response in responses.items():
        contents = response.get("content", {})
        if status.startswith(("4", "5")):
            if set(contents) != {PROBLEM_JSON}:
                gaps.append(f"{where} {status}: content {sorted(contents)}, not problem+json only")
            example = contents.get(PROBLEM_JSON, {}).get("example", {})
            if example.get("status") != int(status):
                gaps.append(f"{where} {status}: no example of its own")
        else:
            gaps += [
                f"{where} {status}: {media_type} has no example"
                for media_type, content in contents.items()
                if not _has_example(content, schemas)
            ]
    if method == "get" and path.startswith("/v1/"):
        ok = responses.get("200", {})
        missing = REVALIDATION_HEADERS - set(ok.get("headers", {}))
        ref = ok.get("content", {}).get("application/json", {}).get("schema", {}).get("$ref", "")
        if ref.startswith(PAGE_SCHEMA_PREFIX) and "Link" not in ok.get("headers", {}):
            missing.add("Link")
        gaps += [f"{where} 200: no {header} header" for header in sorted(missing)]
        if "304" not in responses:
            gaps.append(f"{where}: no 304")
    if method == "post":
        gaps += [
            f"{where} {status}: no Location header"
            for status in ("200", "201", "202")
            if status in responses and "Location" not in responses[status].get("headers", {})
        ]
    return gaps


def openapi_gaps(document: dict[str, Any]) -> list[str]:
    """Every way the document falls short of a manual, one line each."""
    schemas = document.get("components", {}).get("schemas", {})
    gaps = [
        f"schema {name}.{field}: no description"
        for name, schema in schemas.items()
        for field, prop in schema.get("properties", {}).items()
        if not prop.get("description")
    ]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            gaps += _operation_gaps(f"{method.upper()} {path}", method, path, operation, schemas)
    return gaps


async def _document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


async def test_openapi_has_no_gap(client: httpx.AsyncClient) -> None:
    assert openapi_gaps(await _document(client)) == []


async def test_openapi_is_valid(client: httpx.AsyncClient) -> None:
    validate(await _document(client))


async def test_operation_ids_are_tag_and_verb(client: httpx.AsyncClient) -> None:
    paths = (await _document(client))["paths"]
    ids = {(method, path): op["operationId"] for path, ops in paths.items() for method, op in ops.items()}
    assert ids == {
        ("post", "/v1/articles"): "articles-create",
        ("get", "/v1/articles"): "articles-list",
        ("get", "/v1/articles/{article_id}"): "articles-get",
        ("patch", "/v1/articles/{article_id}"): "articles-patch",
        ("delete", "/v1/articles/{article_id}"): "articles-delete",
        ("get", "/v1/articles/{article_id}/quotes"): "articles-list-quotes",
        ("get", "/v1/articles/{article_id}/actors"): "articles-list-actors",
        ("get", "/v1/quotes"): "quotes-list",
        ("get", "/v1/actors"): "actors-list",
        ("get", "/v1/actors/{actor_id}"): "actors-get",
        ("get", "/v1/actors/{actor_id}/articles"): "actors-list-articles",
        ("get", "/v1/actors/{actor_id}/quotes"): "actors-list-quotes",
        ("get", "/v1/jobs/{job_id}"): "jobs-get",
        ("get", "/health"): "health-get",
    }
    assert all(OPERATION_ID.match(operation_id) for operation_id in ids.values())


async def test_every_tag_used_is_described(client: httpx.AsyncClient) -> None:
    document = await _document(client)
    used = {op["tags"][0] for ops in document["paths"].values() for op in ops.values()}
    assert used == {tag["name"] for tag in document["tags"] if tag["description"]}


def _media_examples(content: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    """The example values a media type gives, inline or as references to `components/examples`."""
    named = [
        document["components"]["examples"][_ref_name(example["$ref"])] if "$ref" in example else example
        for example in content.get("examples", {}).values()
    ]
    return ([content["example"]] if "example" in content else []) + [example["value"] for example in named]


async def test_every_example_matches_its_schema(client: httpx.AsyncClient) -> None:
    """Examples are checked against the schema they illustrate, so they cannot go stale."""
    document = await _document(client)
    components = {"components": document["components"]}
    checked = 0
    for operations in document["paths"].values():
        for operation in operations.values():
            contents = [*operation.get("requestBody", {}).get("content", {}).values()]
            contents += [c for r in operation["responses"].values() for c in r.get("content", {}).values()]
            for content in contents:
                for example in _media_examples(content, document):
                    OAS31Validator({**content["schema"], **components}).validate(example)
                    checked += 1
    for schema in document["components"]["schemas"].values():
        for example in schema.get("examples", []):
            OAS31Validator({**schema, **components}).validate(example)
            checked += 1
    assert checked > len(document["components"]["schemas"]) + len(document["components"]["examples"])


async def test_body_schema_is_named_and_errors_have_typed_items(client: httpx.AsyncClient) -> None:
    document = await _document(client)
    body = document["paths"]["/v1/articles"]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"] == {"$ref": "#/components/schemas/ArticleIn"}
    errors = document["components"]["schemas"]["Problem"]["properties"]["errors"]
    assert errors["anyOf"][0] == {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}}
    assert set(document["components"]["schemas"]["FieldError"]["required"]) == {
        "field",
        "message",
        "loc",
        "msg",
        "type",
    }
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_gap_walk_reports_each_kind_of_gap() -> None:
    """The walk itself can fail: a document with one gap of each kind yields exactly these lines."""
    problem_404 = {PROBLEM_JSON: {"example": {"status": 404}}}
    document = {
        "components": {"schemas": {"Thing": {"properties": {"name": {"type": "string"}}}, "Page_Thing_": {}}},
        "paths": {
            "/v1/things": {
                "get": {
                    "summary": "List things",
                    "parameters": [{"name": "q", "in": "query"}],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Page_Thing_"}}
                            }
                        },
                        "400": {"content": {PROBLEM_JSON: {"example": {"status": 404}}}},
                        "404": {"content": {**problem_404, "application/json": {}}},
                    },
                },
                "post": {
                    "summary": "Make a thing",
                    "description": "Makes it.",
                    "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
                    "responses": {"201": {"headers": {}}},
                },
            }
        },
    }
    assert openapi_gaps(document) == [
        "schema Thing.name: no description",
        "GET /v1/things: no description",
        "GET /v1/things: parameter q has no description",
        "GET /v1/things 200: application/json has no example",
        "GET /v1/things 400: no example of its own",
        "GET /v1/things 404: content ['application/json', 'application/problem+json'], not problem+json only",
        "GET /v1/things 200: no Cache-Control header",
        "GET /v1/things 200: no ETag header",
        "GET /v1/things 200: no Link header",
        "GET /v1/things: no 304",
        "POST /v1/things: request text/plain has no example",
        "POST /v1/things 201: no Location header",
    ]
