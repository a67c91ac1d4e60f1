"""The `quotewire` command line, run in-process against a real SQLite file and the real model."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, text
from sqlmodel import Session, select
from typer.testing import CliRunner

from app import models
from app.cli import cli, console
from app.config import get_settings
from app.db import make_engine
from app.nlp import Annotator
from tests.conftest import MODEL, SEED
from tests.test_html_article import NEWS_PAGE, NEWS_PARAGRAPHS

TABLES = {"article", "paragraph", "actor", "articleactor", "mention", "quote", "alembic_version"}


@pytest.fixture
def runner(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", database_url)
    monkeypatch.setenv("QUOTEWIRE_NLP_MODEL", MODEL)
    # Rich wraps at 80 columns when not on a terminal; widen it so messages stay on one line.
    monkeypatch.setattr(console, "width", 1000)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture
def db(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def articles_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "harbour.json").write_text(
        json.dumps(
            {
                "text": "Boris Johnson visited the harbour in Dover on Friday.\n\n"
                '"The port is ready," Johnson told reporters.',
                "title": "Harbour visit",
                "source": "Example Wire",
            }
        ),
        encoding="utf-8",
    )
    lines = [
        {"text": "The council in Leeds voted on the new bridge on Monday."},
        {"text": 'Angela Merkel met Emmanuel Macron in Berlin.\n\n"We agree," Merkel said.'},
    ]
    (folder / "more" / "batch.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8"
    )
    (folder / "README.md").write_text("not an article", encoding="utf-8")
    return folder


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(models.Article)).one()


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(cli, [])
    assert "migrate" in result.output
    assert "ingest" in result.output


def test_migrate_creates_tables_in_empty_database(runner: CliRunner, db: Engine) -> None:
    result = runner.invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    assert "newest schema" in result.output
    assert set(inspect(db).get_table_names()) >= TABLES


def test_ingest_folder_stores_txt_json_and_jsonl_articles(
    runner: CliRunner, db: Engine, articles_folder: Path
) -> None:
    result = runner.invoke(cli, ["ingest", str(articles_folder)])
    assert result.exit_code == 0, result.output
    assert "4 new, 0 already stored, from 3 files" in result.output
    assert article_count(db) == 4
    with Session(db) as session:
        sources = set(session.exec(select(models.Article.source)).all())
        titles = set(session.exec(select(models.Article.title)).all())
    assert {"Reuters", "Example Wire"} <= sources
    assert "Harbour visit" in titles


def test_ingest_same_folder_again_reports_already_stored(
    runner: CliRunner, db: Engine, articles_folder: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(articles_folder)]).exit_code == 0
    result = runner.invoke(cli, ["ingest", str(articles_folder)])
    assert result.exit_code == 0, result.output
    assert "0 new, 4 already stored, from 3 files" in result.output
    assert article_count(db) == 4


def test_ingest_folder_with_an_html_page_stores_its_story_and_metadata(
    runner: CliRunner, db: Engine, tmp_path: Path
) -> None:
    (tmp_path / "ferry.html").write_text(NEWS_PAGE, encoding="utf-8")
    (tmp_path / "council.txt").write_text("The council in Leeds met on Monday.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    with Session(db) as session:
        stored = session.exec(select(models.Article).order_by(models.Article.id)).all()
    assert [(a.text, a.title, a.source) for a in stored] == [
        ("The council in Leeds met on Monday.", None, None),
        ("\n\n".join(NEWS_PARAGRAPHS), "Ferry strike ends after talks", "Coastline Herald"),
    ]


def test_ingest_missing_path_exits_non_zero_with_message(
    runner: CliRunner, db: Engine, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(cli, ["ingest", str(missing)])
    assert result.exit_code != 0
    assert "no such file or folder" in result.output
    assert "nowhere" in result.output
    assert article_count(db) == 0


def test_ingest_invalid_json_stores_nothing(runner: CliRunner, db: Engine, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The council met on Monday.", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"text": "Body.", "author": "Jane"}', encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path / "good.txt"), str(tmp_path / "bad.json")])
    assert result.exit_code == 2
    assert "author" in result.output
    assert article_count(db) == 0


def test_reannotate_all_reannotates_every_article(
    runner: CliRunner, db: Engine, articles_folder: Path, annotator: Annotator
) -> None:
    assert runner.invoke(cli, ["ingest", str(articles_folder)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(text("UPDATE article SET annotator_version = 'old'"))
        quotes_before = connection.execute(text("SELECT count(*) FROM quote")).scalar()
    result = runner.invoke(cli, ["reannotate", "--all"])
    assert result.exit_code == 0, result.output
    assert "4 articles re-annotated" in result.output
    with db.connect() as connection:
        versions = set(connection.execute(text("SELECT annotator_version FROM article")).scalars())
        assert connection.execute(text("SELECT count(*) FROM quote")).scalar() == quotes_before
    assert versions == {annotator.version}


def test_reannotate_without_all_skips_current_articles(
    runner: CliRunner, db: Engine, articles_folder: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(articles_folder)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(text("UPDATE article SET annotator_version = 'old' WHERE title = 'Harbour visit'"))
    result = runner.invoke(cli, ["reannotate"])
    assert result.exit_code == 0, result.output
    assert "1 articles re-annotated" in result.output
    with db.connect() as connection:
        assert (
            connection.execute(text("SELECT count(*) FROM article WHERE annotator_version = 'old'")).scalar()
            == 0
        )
