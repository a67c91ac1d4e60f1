"""The `quotewire` command line, run in-process against a real SQLite file and the real model;
the one-line setup errors in a subprocess, as a user meets them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, text
from sqlmodel import Session, select
from typer.testing import CliRunner

from app import models
from app.cli import cli, console
from app.config import get_settings
from app.db import make_engine, upgrade_to_head
from app.nlp import Annotator
from tests.conftest import MODEL, SEED
from tests.test_html_article import NEWS_PAGE, NEWS_PARAGRAPHS

TABLES = {"article", "paragraph", "actor", "articleactor", "mention", "quote", "alembic_version"}
# Four short articles: quotes direct 2, indirect 1, mixed 1; actors person 4, organization 1, location 2.
ARTICLES = {
    "bridge.txt": "“We will rebuild the bridge,” Anna Berg said.",
    "vote.txt": "The mayor of Leeds, Tom Hart, said the council would vote on Monday.",
    "plan.txt": "Ruth Olsen said the plan was “a fair deal for the town” and would pass.",
    "port.txt": "The Harbour Trust met in Dover on Friday.\n\n“The port is ready,” said Ella Moss, its head.",
}


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


@pytest.fixture
def four_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "four"
    folder.mkdir()
    for name, body in ARTICLES.items():
        (folder / name).write_text(body, encoding="utf-8")
    return folder


@pytest.fixture
def mixed_batch(tmp_path: Path) -> Path:
    """Two good files, a file that is not JSON, and a JSONL file whose second line is bad."""
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a-bridge.txt").write_text(ARTICLES["bridge.txt"], encoding="utf-8")
    (folder / "b-broken.json").write_text('{"text": "The council met."', encoding="utf-8")
    lines = [{"text": ARTICLES["vote.txt"]}, {"text": "The council met.", "author": "Jane"}, {"text": "x y"}]
    (folder / "c-lines.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (folder / "d-plan.txt").write_text(ARTICLES["plan.txt"], encoding="utf-8")
    return folder


def article_count(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(models.Article)).one()


def lines(output: str) -> list[str]:
    return output.splitlines()


# --- help and migrate ------------------------------------------------------------------------------


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(cli, [])
    assert "migrate" in result.output
    assert "ingest" in result.output


@pytest.mark.parametrize("command", ["ingest", "export", "stats", "reannotate", "migrate"])
def test_help_names_values_plainly_without_python_types_or_boxes(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    for python_type in ("<", "list[", "Path", "datetime", "bool", "╭"):
        assert python_type not in result.output


def test_export_help_shows_the_since_value_as_date_and_the_path_as_path(runner: CliRunner) -> None:
    output = runner.invoke(cli, ["export", "--help"]).output
    assert "export [OPTIONS] [PATH]" in lines(output)[0]
    assert "  --since DATE  Only articles ingested at or after this date or time" in lines(output)


def test_migrate_creates_tables_in_empty_database(runner: CliRunner, db: Engine) -> None:
    result = runner.invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "database is at the newest schema\n"
    assert set(inspect(db).get_table_names()) >= TABLES


# --- ingest ------------------------------------------------------------------------------------------


def test_ingest_folder_stores_txt_json_and_jsonl_articles(
    runner: CliRunner, db: Engine, articles_folder: Path
) -> None:
    result = runner.invoke(cli, ["ingest", str(articles_folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "4 ingested, 0 already stored, 0 failed, from 3 files\n"
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
    assert result.stdout == "0 ingested, 4 already stored, 0 failed, from 3 files\n"
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


def test_ingest_missing_path_names_it_and_exits_2(runner: CliRunner, db: Engine, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = runner.invoke(cli, ["ingest", str(missing)])
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"error: {missing}: no such file or folder"]
    assert article_count(db) == 0


def test_ingest_folder_without_article_files_warns_and_exits_1(
    runner: CliRunner, db: Engine, tmp_path: Path
) -> None:
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"warning: no .txt, .json, .jsonl, .html or .htm file in {tmp_path}"]
    assert result.stdout == "0 ingested, 0 already stored, 0 failed, from 0 files\n"
    as_json = runner.invoke(cli, ["ingest", "--json", str(tmp_path)])
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["files"] == 0


def test_ingest_stops_at_the_first_bad_input_and_stores_nothing_from_any_file(
    runner: CliRunner, db: Engine, mixed_batch: Path
) -> None:
    result = runner.invoke(cli, ["ingest", str(mixed_batch)])
    assert result.exit_code == 2
    broken = mixed_batch / "b-broken.json"
    assert lines(result.stderr) == [
        f"error: {broken}:1: not valid JSON (Expecting ',' delimiter, column 28)",
    ]
    assert result.stdout == (
        "0 ingested, 0 already stored, 1 failed, from 4 files "
        "(stopped at the first failure; --keep-going skips bad inputs)\n"
    )
    assert article_count(db) == 0


def test_ingest_keep_going_skips_a_bad_file_and_a_bad_line_and_lists_both(
    runner: CliRunner, db: Engine, mixed_batch: Path
) -> None:
    result = runner.invoke(cli, ["ingest", "--keep-going", str(mixed_batch)])
    assert result.exit_code == 3
    assert lines(result.stderr)[-2:] == [
        f"error: {mixed_batch / 'b-broken.json'}:1: not valid JSON (Expecting ',' delimiter, column 28)",
        f"error: {mixed_batch / 'c-lines.jsonl'}:2: author: Extra inputs are not permitted",
    ]
    assert result.stdout == "4 ingested, 0 already stored, 2 failed, from 4 files\n"
    with Session(db) as session:
        stored = set(session.exec(select(models.Article.text)).all())
    assert stored == {ARTICLES["bridge.txt"], ARTICLES["vote.txt"], "x y", ARTICLES["plan.txt"]}


def test_ingest_json_summary_is_one_object_on_stdout(
    runner: CliRunner, db: Engine, mixed_batch: Path
) -> None:
    result = runner.invoke(cli, ["ingest", "--keep-going", "--quiet", "--json", str(mixed_batch)])
    assert result.exit_code == 3
    assert json.loads(result.stdout) == {
        "files": 4,
        "ingested": 4,
        "already_stored": 0,
        "failed": [
            {
                "input": f"{mixed_batch / 'b-broken.json'}:1",
                "error": "not valid JSON (Expecting ',' delimiter, column 28)",
            },
            {
                "input": f"{mixed_batch / 'c-lines.jsonl'}:2",
                "error": "author: Extra inputs are not permitted",
            },
        ],
        "stopped": False,
    }


def test_ingest_quiet_prints_nothing_but_errors(runner: CliRunner, db: Engine, mixed_batch: Path) -> None:
    result = runner.invoke(cli, ["ingest", "--keep-going", "--quiet", str(mixed_batch)])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert [line.split(":")[0] for line in lines(result.stderr)] == ["error", "error"]


def test_ingest_without_quiet_shows_progress_on_stderr(
    runner: CliRunner, db: Engine, four_articles: Path
) -> None:
    result = runner.invoke(cli, ["ingest", str(four_articles)])
    assert result.exit_code == 0
    assert "Ingesting" in result.stderr


# A trigger refusing one mention, as a constraint would (an IntegrityError), on each backend.
REFUSE_DOVER = {
    "sqlite": [
        "CREATE TRIGGER refuse_dover AFTER INSERT ON mention WHEN NEW.text = 'Dover' "
        "BEGIN SELECT RAISE(ABORT, 'no Dover here'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_dover() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.text = 'Dover' THEN RAISE EXCEPTION 'no Dover here' USING ERRCODE = 'check_violation'; "
        "END IF; RETURN NEW; END $$",
        "CREATE TRIGGER refuse_dover AFTER INSERT ON mention FOR EACH ROW EXECUTE FUNCTION refuse_dover()",
    ],
}


def test_ingest_keep_going_skips_an_article_the_database_refuses_leaving_none_of_its_rows(
    runner: CliRunner, db: Engine, database_url: str, four_articles: Path
) -> None:
    upgrade_to_head(database_url)
    with db.begin() as connection:
        for statement in REFUSE_DOVER[db.dialect.name]:
            connection.execute(text(statement))
    result = runner.invoke(cli, ["ingest", "--keep-going", str(four_articles)])
    assert result.exit_code == 3
    assert lines(result.stderr)[-1].startswith(
        f"error: {four_articles / 'port.txt'}: cannot annotate or store it (IntegrityError: "
    )
    assert "no Dover here" in lines(result.stderr)[-1]
    assert result.stdout == "3 ingested, 0 already stored, 1 failed, from 4 files\n"
    with db.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM article")).scalar() == 3
        orphans = "SELECT count(*) FROM paragraph WHERE text LIKE '%Harbour Trust%'"
        assert connection.execute(text(orphans)).scalar() == 0
        assert (
            connection.execute(text("SELECT count(*) FROM actor WHERE name = 'Harbour Trust'")).scalar() == 0
        )


def test_ingest_reads_back_an_exported_file_as_already_stored(
    runner: CliRunner, db: Engine, four_articles: Path, tmp_path: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    exported = tmp_path / "corpus.jsonl"
    assert runner.invoke(cli, ["export", str(exported)]).exit_code == 0
    result = runner.invoke(cli, ["ingest", str(exported)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 ingested, 4 already stored, 0 failed, from 1 files\n"


# --- reannotate --------------------------------------------------------------------------------------


def test_reannotate_all_reannotates_every_article(
    runner: CliRunner, db: Engine, articles_folder: Path, annotator: Annotator
) -> None:
    assert runner.invoke(cli, ["ingest", str(articles_folder)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(text("UPDATE article SET annotator_version = 'old'"))
        quotes_before = connection.execute(text("SELECT count(*) FROM quote")).scalar()
    result = runner.invoke(cli, ["reannotate", "--all"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"4 articles re-annotated with {annotator.version}\n"
    with db.connect() as connection:
        versions = set(connection.execute(text("SELECT annotator_version FROM article")).scalars())
        assert connection.execute(text("SELECT count(*) FROM quote")).scalar() == quotes_before
    assert versions == {annotator.version}


def test_reannotate_without_all_skips_current_articles(
    runner: CliRunner, db: Engine, articles_folder: Path, annotator: Annotator
) -> None:
    assert runner.invoke(cli, ["ingest", str(articles_folder)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(text("UPDATE article SET annotator_version = 'old' WHERE title = 'Harbour visit'"))
    result = runner.invoke(cli, ["reannotate", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"reannotated": 1, "annotator_version": annotator.version}
    with db.connect() as connection:
        assert (
            connection.execute(text("SELECT count(*) FROM article WHERE annotator_version = 'old'")).scalar()
            == 0
        )


def test_reannotate_quiet_prints_nothing(runner: CliRunner, db: Engine, four_articles: Path) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    result = runner.invoke(cli, ["reannotate", "--all", "--quiet"])
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")


# --- export ------------------------------------------------------------------------------------------


def test_export_to_stdout_writes_one_article_a_line_in_storage_order(
    runner: CliRunner, db: Engine, four_articles: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    result = runner.invoke(cli, ["export"])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in lines(result.stdout)]
    assert [a["text"] for a in exported] == [ARTICLES[name] for name in sorted(ARTICLES)]
    assert [[q["text"] for q in a["quotes"]] for a in exported] == [
        ["“We will rebuild the bridge,”"],
        ["the plan was “a fair deal for the town” and would pass"],
        ["“The port is ready,”"],
        ["the council would vote on Monday"],
    ]
    assert [[actor["name"] for actor in a["actors"]] for a in exported][2] == [
        "Ella Moss",
        "Harbour Trust",
        "Dover",
    ]
    assert lines(result.stderr)[-1] == "4 articles exported to stdout"


def test_export_since_keeps_articles_ingested_from_that_day(
    runner: CliRunner, db: Engine, four_articles: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(
            text("UPDATE article SET ingested_at = '2026-01-01 09:00:00.000000' WHERE id <= 2")
        )
        connection.execute(text("UPDATE article SET ingested_at = '2026-01-02 00:00:00.000000' WHERE id = 3"))
    result = runner.invoke(cli, ["export", "--since", "2026-01-02", "-"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in lines(result.stdout)] == [3, 4]
    later = runner.invoke(cli, ["export", "--since", "2026-01-02T01:00+01:00", "--quiet"])
    assert [json.loads(line)["id"] for line in lines(later.stdout)] == [3, 4]
    after = runner.invoke(cli, ["export", "--since", "2026-01-02T00:00:01", "--quiet"])
    assert [json.loads(line)["id"] for line in lines(after.stdout)] == [4]


def test_export_since_not_a_date_is_a_usage_error(runner: CliRunner, db: Engine) -> None:
    result = runner.invoke(cli, ["export", "--since", "last week"])
    assert result.exit_code == 2
    assert lines(result.stderr)[-1] == (
        "Error: Invalid value for '--since': 'last week' is not a date (2026-11-25) "
        "or a time (2026-11-25T10:00)"
    )


def test_export_to_file_writes_the_file_and_a_json_summary_on_stderr(
    runner: CliRunner, db: Engine, four_articles: Path, tmp_path: Path
) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    path = tmp_path / "out" / "corpus.jsonl"
    path.parent.mkdir()
    result = runner.invoke(cli, ["export", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(result.stderr) == {"exported": 4, "path": str(path)}
    assert len(path.read_text(encoding="utf-8").splitlines()) == 4
    assert [p.name for p in path.parent.iterdir()] == ["corpus.jsonl"]


# --- stats -------------------------------------------------------------------------------------------


def test_stats_counts_articles_quotes_by_kind_actors_by_type_and_versions(
    runner: CliRunner, db: Engine, four_articles: Path, annotator: Annotator
) -> None:
    assert runner.invoke(cli, ["ingest", str(four_articles)]).exit_code == 0
    with db.begin() as connection:
        connection.execute(text("UPDATE article SET annotator_version = 'quotewire-9+old' WHERE id = 1"))
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "articles: 4\n"
        "quotes: 4\n  direct: 2\n  indirect: 1\n  mixed: 1\n"
        "actors: 7\n  person: 4\n  organization: 1\n  location: 2\n"
        f"annotator versions:\n  {annotator.version}: 3\n  quotewire-9+old: 1\n"
    )
    as_json = runner.invoke(cli, ["stats", "--json"])
    assert json.loads(as_json.stdout) == {
        "articles": 4,
        "quotes": {"direct": 2, "indirect": 1, "mixed": 1},
        "actors": {"person": 4, "organization": 1, "location": 2},
        "annotator_versions": {annotator.version: 3, "quotewire-9+old": 1},
    }


# --- a wrong setting is one line, not a traceback ---------------------------------------------------


def run_quotewire(tmp_path: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QUOTEWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'q.db'}",
        "QUOTEWIRE_NLP_MODEL": MODEL,
        **settings,
    }
    return subprocess.run(
        [sys.executable, "-c", "from app.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=50,
        check=False,
    )


def test_wrong_model_name_is_one_line_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES["bridge.txt"], encoding="utf-8")
    result = run_quotewire(tmp_path, "ingest", "a.txt", QUOTEWIRE_NLP_MODEL="nope")
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_NLP_MODEL=nope: cannot load this spaCy pipeline ([E050] Can't find model 'nope'. "
        "It doesn't seem to be a Python package or a valid path to a data directory.)"
    ]
    assert result.stdout == ""


def test_wrong_model_name_is_the_same_one_line_when_workers_would_annotate(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLES["bridge.txt"] + name, encoding="utf-8")
    arguments = ("ingest", "--batch-size", "1", "--workers", "2", "a.txt", "b.txt")
    result = run_quotewire(tmp_path, *arguments, QUOTEWIRE_NLP_MODEL="nope")
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_NLP_MODEL=nope: cannot load this spaCy pipeline ([E050] Can't find model 'nope'. "
        "It doesn't seem to be a Python package or a valid path to a data directory.)"
    ]


def test_missing_database_driver_is_one_line_on_stderr_without_the_password(tmp_path: Path) -> None:
    """MySQL's driver, which quotewire never installs (psycopg comes with the dev extras)."""
    url = "mysql+pymysql://reader:secret@db.example/news"
    result = run_quotewire(tmp_path, "stats", QUOTEWIRE_DATABASE_URL=url)
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_DATABASE_URL=mysql+pymysql://reader:***@db.example/news: "
        "its database driver is not installed (pymysql)"
    ]


def test_database_url_that_is_not_a_url_is_one_line_on_stderr(tmp_path: Path) -> None:
    result = run_quotewire(tmp_path, "export", QUOTEWIRE_DATABASE_URL="reader:secret")
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_DATABASE_URL is not a database URL (e.g. sqlite:///data/quotewire.db)"
    ]


def test_worker_without_a_redis_url_is_one_line_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUOTEWIRE_REDIS_URL", raising=False)
    result = run_quotewire(tmp_path, "worker", "--burst")
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_REDIS_URL is not set: the worker takes its jobs from that Redis"
    ]


def test_worker_with_unreachable_redis_is_one_line_on_stderr(tmp_path: Path) -> None:
    """Nothing listens on port 1: the connection is refused at once."""
    result = run_quotewire(tmp_path, "worker", "--burst", QUOTEWIRE_REDIS_URL="redis://127.0.0.1:1/0")
    assert result.returncode == 4
    assert result.stderr.splitlines() == [
        "error: QUOTEWIRE_REDIS_URL: cannot reach Redis "
        "(Error 111 connecting to 127.0.0.1:1. Connection refused.)"
    ]
