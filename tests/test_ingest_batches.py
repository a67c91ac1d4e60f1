"""Batch ingest: one transaction per batch with a one-by-one fallback, worker processes that store
what one process stores, and a killed run that leaves whole batches and resumes without duplicates.
Real SQLite files, the real model, the command run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from app import models
from app.batch_ingest import annotate_batch, batched
from app.db import make_engine
from app.ingest import AnnotatedArticle, parse_plain_text, read_file, store_batch
from app.nlp import Annotator
from tests.conftest import MODEL

# Short texts of our own: each has one quote with a named speaker.
SHORT_TEXTS = [
    "“We will rebuild the bridge,” Anna Berg said.",
    "The mayor of Leeds, Tom Hart, said the council would vote on Monday.",
    "Ruth Olsen said the plan was “a fair deal for the town” and would pass.",
    "The Harbour Trust met in Dover on Friday.\n\n“The port is ready,” said Ella Moss, its head.",
    "“The school stays open,” Mark Lund told parents.",
]
QUOTE_ROWS = """
SELECT a.text, q.start, q."end", q.kind, q.rule, q.speaker_text, s.name
FROM quote q JOIN article a ON a.id = q.article_id LEFT JOIN actor s ON s.id = q.speaker_actor_id
ORDER BY a.id, q.start
"""


def quotewire(*args: str) -> list[str]:
    return [sys.executable, "-c", "from app.cli import main; main()", *args]


def environment(database: Path) -> dict[str, str]:
    return {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}", "QUOTEWIRE_NLP_MODEL": MODEL}


def run(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        quotewire(*args),
        capture_output=True,
        text=True,
        env=environment(database),
        timeout=300,
        check=False,
    )


def rows(database: Path, query: str) -> list[tuple[object, ...]]:
    engine = make_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


def articles_stored(database: Path) -> int:
    """0 until the run has migrated the database and committed its first batch."""
    if not database.exists() or not rows(database, "SELECT 1 FROM sqlite_master WHERE name = 'article'"):
        return 0
    return int(rows(database, "SELECT count(*) FROM article")[0][0])  # type: ignore[call-overload]


@pytest.fixture
def short_texts(tmp_path: Path) -> Path:
    folder = tmp_path / "short"
    folder.mkdir()
    for number, body in enumerate(SHORT_TEXTS):
        (folder / f"{number}.txt").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.timeout(600)  # subprocesses loading the model on a shared machine
def test_no_worker_one_and_two_workers_store_the_same_quotes(tmp_path: Path, short_texts: Path) -> None:
    here, one, two = tmp_path / "here.db", tmp_path / "one.db", tmp_path / "two.db"
    assert run(here, "ingest", "--batch-size", "2", "--workers", "0", str(short_texts)).returncode == 0
    assert run(one, "ingest", "--batch-size", "2", str(short_texts)).returncode == 0
    result = run(two, "ingest", "--batch-size", "2", "--workers", "2", str(short_texts))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "5 ingested, 0 already stored, 0 failed, from 5 files\n"
    stored = rows(here, QUOTE_ROWS)
    assert [(row[5], row[6]) for row in stored] == [
        ("Anna Berg", "Anna Berg"),
        ("The mayor of Leeds", "Tom Hart"),
        ("Ruth Olsen", "Ruth Olsen"),
        ("Ella Moss", "Ella Moss"),
        ("Mark Lund", "Mark Lund"),
    ]
    assert rows(one, QUOTE_ROWS) == stored
    assert rows(two, QUOTE_ROWS) == stored


@pytest.mark.timeout(600)  # subprocesses loading the model on a shared machine
def test_a_killed_run_leaves_whole_batches_and_a_rerun_stores_the_rest_once(tmp_path: Path) -> None:
    database, batch = tmp_path / "q.db", 3
    lines = [{"text": f"“Bridge {n} will open in May,” Anna Berg said."} for n in range(40)]
    source = tmp_path / "bridges.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    process = subprocess.Popen(
        quotewire("ingest", "--quiet", "--batch-size", str(batch), str(source)),
        env=environment(database),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if articles_stored(database) > 0:
                break
            time.sleep(0.05)
    finally:
        process.kill()
        process.wait(timeout=30)
    stored = rows(database, "SELECT count(*) FROM article")[0][0]
    assert 0 < stored < len(lines)
    assert stored % batch == 0  # no half-stored batch
    # Every stored article is whole: its paragraph and its quote.
    assert rows(database, "SELECT count(*) FROM paragraph")[0][0] == stored
    assert rows(database, "SELECT count(*) FROM quote")[0][0] == stored

    result = run(database, "ingest", "--batch-size", str(batch), str(source))
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout == f"{len(lines) - stored} ingested, {stored} already stored, 0 failed, from 1 files\n"
    )
    assert rows(database, "SELECT count(*), count(DISTINCT content_hash) FROM article") == [(40, 40)]
    assert rows(database, "SELECT count(*) FROM quote")[0][0] == 40


def annotated(annotator: Annotator, *bodies: str) -> list[AnnotatedArticle]:
    return annotate_batch(annotator, [parse_plain_text(body) for body in bodies])


def refuse_mentions_of(engine: Engine, name: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                f"CREATE TRIGGER refuse AFTER INSERT ON mention WHEN NEW.text = '{name}' "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )


@pytest.mark.sqlite_only("refuses rows with a SQLite trigger and reads the SQLite file")
def test_store_batch_is_one_transaction_all_or_nothing(engine: Engine, annotator: Annotator) -> None:
    refuse_mentions_of(engine, "Dover")
    batch = annotated(annotator, SHORT_TEXTS[0], SHORT_TEXTS[3], SHORT_TEXTS[4])
    with Session(engine) as session, pytest.raises(Exception, match="refused"):
        store_batch(session, batch, annotator.version)
    assert rows(Path(engine.url.database or ""), "SELECT count(*) FROM article") == [(0,)]


@pytest.mark.sqlite_only("reads the SQLite file")
def test_store_batch_stores_a_body_repeated_in_the_batch_once(engine: Engine, annotator: Annotator) -> None:
    batch = annotated(annotator, SHORT_TEXTS[0], SHORT_TEXTS[1], SHORT_TEXTS[0])
    with Session(engine) as session:
        assert store_batch(session, batch, annotator.version) == [True, True, False]
        assert store_batch(session, batch[:1], annotator.version) == [False]
    assert rows(Path(engine.url.database or ""), "SELECT count(*) FROM article") == [(2,)]


def test_store_batch_counts_an_actor_named_across_the_batch(engine: Engine, annotator: Annotator) -> None:
    bodies = [SHORT_TEXTS[0], "Anna Berg, the mayor, said the bridge was safe."]
    batch = annotate_batch(annotator, [parse_plain_text(body) for body in bodies])
    with Session(engine) as session:
        store_batch(session, batch, annotator.version)
        actor = session.exec(select(models.Actor).where(models.Actor.name == "Anna Berg")).one()
    assert (actor.article_count, actor.quote_count, actor.aliases, actor.roles) == (2, 2, [], ["the mayor"])


@pytest.mark.timeout(600)  # subprocesses loading the model on a shared machine
def test_a_batch_the_database_refuses_is_stored_one_by_one_losing_only_that_article(
    tmp_path: Path, short_texts: Path
) -> None:
    database = tmp_path / "q.db"
    assert run(database, "migrate").returncode == 0
    engine = make_engine(f"sqlite:///{database}")
    refuse_mentions_of(engine, "Dover")
    engine.dispose()
    result = run(database, "ingest", "--keep-going", "--batch-size", "5", str(short_texts))
    assert result.returncode == 3
    assert result.stdout == "4 ingested, 0 already stored, 1 failed, from 5 files\n"
    assert result.stderr.splitlines()[-1].startswith(
        f"error: {short_texts / '3.txt'}: cannot annotate or store it"
    )
    assert [row[0] for row in rows(database, "SELECT speaker_text FROM quote ORDER BY id")] == [
        "Anna Berg",
        "The mayor of Leeds",
        "Ruth Olsen",
        "Mark Lund",
    ]


def test_batch_annotation_matches_one_article_at_a_time(annotator: Annotator) -> None:
    batch = annotated(annotator, *SHORT_TEXTS)
    assert [item.annotation for item in batch] == [annotator.annotate(body) for body in SHORT_TEXTS]
    assert [item.error for item in batch] == [None] * len(SHORT_TEXTS)


def test_batched_draws_lists_of_the_size_lazily() -> None:
    drawn: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(5):
            drawn.append(number)
            yield number

    batches = batched(numbers(), 2)
    assert next(batches) == [0, 1]
    assert drawn == [0, 1]
    assert list(batches) == [[2, 3], [4]]


def test_jsonl_line_that_is_not_utf8_is_an_error_of_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "First body."}\n{"text": "Caf\xe9"}\n{"text": "Third body."}\n')
    items = list(read_file(path))
    assert [item.where for item in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert str(items[1].article) == "not UTF-8 text (byte 13)"
