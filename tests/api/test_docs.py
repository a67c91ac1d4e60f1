"""The docs pages work offline: every asset comes from the app itself."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum

import httpx
import pytest

from app.nlp import QuoteRule, SpeakerRule
from app.schemas import QUOTE_RULE_MEANINGS, SPEAKER_RULE_MEANINGS, QuoteOut

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_page_loads_only_local_assets(client: httpx.AsyncClient, page: str) -> None:
    html = (await client.get(page)).text
    urls = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"url: '([^']+)'", html)
    assert urls
    assert not [u for u in urls if u.startswith(("http:", "https:", "//"))]
    for url in urls:
        assert (await client.get(url)).status_code == 200, url


async def test_openapi_declares_problem_json_errors(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    responses = spec["paths"]["/v1/articles/{article_id}"]["get"]["responses"]
    for status in ("404", "422"):
        assert "application/problem+json" in responses[status]["content"]


async def test_openapi_documents_every_article_input_format(client: httpx.AsyncClient) -> None:
    body = (await client.get("/openapi.json")).json()["paths"]["/v1/articles"]["post"]["requestBody"]
    assert set(body["content"]) == {"text/plain", "text/html", "application/json"}


async def test_health_reports_ok_and_annotator_version(client: httpx.AsyncClient) -> None:
    body = (await client.get("/health")).json()
    assert body["status"] == "ok"
    assert body["annotator_version"].startswith("quotewire-")


@pytest.mark.parametrize(
    ("model", "enum", "meanings"),
    [("QuoteOut", QuoteRule, QUOTE_RULE_MEANINGS), ("SpeakerOut", SpeakerRule, SPEAKER_RULE_MEANINGS)],
    ids=["quote", "speaker"],
)
async def test_openapi_rule_is_a_nullable_enum_describing_every_value(
    client: httpx.AsyncClient, model: str, enum: type[StrEnum], meanings: Mapping[StrEnum, str]
) -> None:
    schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
    rule = schemas[model]["properties"]["rule"]
    assert rule["anyOf"] == [{"$ref": f"#/components/schemas/{enum.__name__}"}, {"type": "null"}]
    assert rule["description"].startswith("Why ")
    values = schemas[enum.__name__]
    assert values["enum"] == [member.value for member in enum]
    assert values["x-enum-descriptions"] == [meanings[member] for member in enum]
    assert values["description"].split("\n") == [f"- `{member}`: {meanings[member]}" for member in enum]
    assert all(meanings[member].strip() for member in enum)


def test_quote_schema_examples_are_valid_quotes_with_rules() -> None:
    quotes = [QuoteOut.model_validate(example) for example in QuoteOut.model_json_schema()["examples"]]
    assert [(q.rule, q.speaker.rule if q.speaker else None) for q in quotes] == [
        (QuoteRule.REPORTING_FRAME, SpeakerRule.EXACT_NAME),
        (QuoteRule.REPORTING_FRAME, SpeakerRule.ANONYMOUS),
    ]
