"""`quotewire export` and its round trip: export, ingest the file into an empty database, export again.

Ids cannot survive the trip: a database numbers its own rows, actors are shared across articles
(an imported actor may already exist under another id), and the annotation is computed again on
ingest. So the two exports are compared by content: every field but ids and ingestion times.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from app import ingest, models
from app.cli import cli
from app.config import get_settings
from app.export import exported_articles
from app.nlp import Annotator
from tests.conftest import MODEL

# Short articles written for this test: shared actors across articles, a byline and a second
# byline-like paragraph, metadata, an anonymous source, direct, indirect and mixed quotes.
ARTICLES = [
    {
        "text": "• Reuters\n\nBy Jane Doe\n\n“We will rebuild the bridge,” Anna Berg said on Monday.",
        "title": "Bridge",
        "url": "https://news.example.org/bridge",
        "published_at": "2026-03-01T08:00:00+01:00",
    },
    {
        "text": "Anna Berg, the mayor of Leeds, met Tom Hart in York on Tuesday.\n\n"
        "A city official said the talks had gone well.",
        "source": "Example Wire",
    },
    {"text": "The Harbour Trust met in Dover on Friday.\n\n“The port is ready,” said Ella Moss, its head."},
    {"text": "Tom Hart said the plan was “a fair deal for the town” and would pass."},
]
IDENTITY = {"id", "article_id", "actor_id", "ingested_at"}


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Point the CLI at a database of this name in tmp_path, for the rest of the test."""

    def use(name: str) -> None:
        monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", f"sqlite:///{tmp_path / name}")
        get_settings.cache_clear()

    monkeypatch.setenv("QUOTEWIRE_NLP_MODEL", MODEL)
    yield use
    get_settings.cache_clear()


def without_identity(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: without_identity(item) for key, item in value.items() if key not in IDENTITY}
    if isinstance(value, list):
        return [without_identity(item) for item in value]
    return value


def export_lines(runner: CliRunner, path: Path) -> list[dict[str, Any]]:
    result = runner.invoke(cli, ["export", "--quiet", str(path)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_round_trip_through_an_empty_database_keeps_every_quote_and_actor(
    cli_database: Any, tmp_path: Path
) -> None:
    runner = CliRunner()
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    cli_database("first.db")
    assert runner.invoke(cli, ["ingest", "--quiet", str(source)]).exit_code == 0
    first = export_lines(runner, tmp_path / "first.jsonl")

    cli_database("second.db")
    result = runner.invoke(cli, ["ingest", str(tmp_path / "first.jsonl")])
    assert result.stdout == "4 ingested, 0 already stored, 0 failed, from 1 files\n"
    second = export_lines(runner, tmp_path / "second.jsonl")

    assert without_identity(second) == without_identity(first)
    assert [a["text"].split("\n\n")[0] for a in second] == [
        "By Jane Doe",
        "Anna Berg, the mayor of Leeds, met Tom Hart in York on Tuesday.",
        "The Harbour Trust met in Dover on Friday.",
        "Tom Hart said the plan was “a fair deal for the town” and would pass.",
    ]
    quotes = [(q["kind"], q["spans"], q["speaker"]["name"]) for a in second for q in a["quotes"]]
    assert quotes == [
        ("direct", [[13, 42]], "Anna Berg"),
        ("indirect", [[86, 109]], None),
        ("direct", [[43, 63]], "Ella Moss"),
        ("mixed", [[14, 68]], "Tom Hart"),
    ]
    assert second[0]["source"] == "Reuters"
    assert second[0]["published_at"] == "2026-03-01T07:00:00Z"


def test_an_exported_speaker_is_the_exported_actor_of_the_same_name(
    session: Session, annotator: Annotator
) -> None:
    for article in ARTICLES:
        ingest.ingest(session, annotator, ingest.parse_json_article(article))
    for exported in exported_articles(session):
        names = {actor.id: actor.name for actor in exported.actors}
        for quote in exported.quotes:
            if quote.speaker is not None and quote.speaker.actor_id is not None:
                assert names[quote.speaker.actor_id] == quote.speaker.name


def test_export_reads_one_article_at_a_time(session: Session, annotator: Annotator) -> None:
    for article in ARTICLES:
        ingest.ingest(session, annotator, ingest.parse_json_article(article))
    articles = exported_articles(session)
    assert next(articles).title == "Bridge"
    third = session.get(models.Article, 3)
    assert third is not None
    session.delete(third)
    session.flush()
    assert [a.id for a in articles] == [2, 4]


def test_export_since_a_time_after_every_ingestion_is_empty(session: Session, annotator: Annotator) -> None:
    ingest.ingest(session, annotator, ingest.parse_json_article(ARTICLES[3]))
    assert list(exported_articles(session, since=models.utcnow())) == []
