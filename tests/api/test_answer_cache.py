"""Answers kept per corpus revision: served again until a write, never across hosts, never stale."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import Engine, create_engine, event, insert, text
from sqlalchemy.pool import StaticPool

from app import models
from app.api.answer_cache import AnswerCache, SqliteCommits, sqlite_file

BODY = "“The ferry runs again on Monday,” said Mayor Ana Ruiz."


async def stored_article(client: httpx.AsyncClient, body: str = BODY) -> int:
    response = await client.post("/v1/articles", content=body, headers={"Content-Type": "text/plain"})
    assert response.status_code == 201
    article_id: int = response.json()["id"]
    return article_id


def retitle_behind_the_api(engine: Engine, title: str, *, count_the_write: bool) -> None:
    with engine.begin() as connection:
        connection.execute(text("UPDATE article SET title = :title"), {"title": title})
        if count_the_write:
            connection.execute(text("UPDATE corpusrevision SET revision = revision + 1"))


async def title_of(client: httpx.AsyncClient, article_id: int, **headers: str) -> str | None:
    title: str | None = (await client.get(f"/v1/articles/{article_id}", headers=headers)).json()["title"]
    return title


@pytest.mark.anyio
async def test_an_answer_is_served_again_until_the_revision_changes(
    client: httpx.AsyncClient, engine: Engine
) -> None:
    article_id = await stored_article(client)
    assert await title_of(client, article_id) is None
    retitle_behind_the_api(engine, "Changed unseen", count_the_write=False)
    assert await title_of(client, article_id) is None  # the kept answer: the revision did not move
    retitle_behind_the_api(engine, "Changed and counted", count_the_write=True)
    assert await title_of(client, article_id) == "Changed and counted"


@pytest.mark.anyio
async def test_without_the_revision_counter_every_read_is_rendered_afresh(
    client: httpx.AsyncClient, engine: Engine
) -> None:
    """A database whose counter row is gone: no revision tells a kept answer current, so none is kept."""
    article_id = await stored_article(client)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM corpusrevision"))
    first = await client.get(f"/v1/articles/{article_id}")
    assert (first.status_code, first.json()["title"]) == (200, None)
    retitle_behind_the_api(engine, "Changed unseen", count_the_write=False)
    second = await client.get(f"/v1/articles/{article_id}")
    assert (second.status_code, second.json()["title"]) == (200, "Changed unseen")


@pytest.mark.anyio
async def test_a_write_through_the_api_is_seen_by_the_next_read(client: httpx.AsyncClient) -> None:
    article_id = await stored_article(client)
    assert await title_of(client, article_id) is None
    patched = await client.patch(f"/v1/articles/{article_id}", json={"title": "Ferry back"})
    assert patched.status_code == 200
    assert await title_of(client, article_id) == "Ferry back"
    assert (await client.delete(f"/v1/articles/{article_id}")).status_code == 204
    assert (await client.get(f"/v1/articles/{article_id}")).status_code == 404


@pytest.mark.anyio
async def test_answers_are_kept_per_host(client: httpx.AsyncClient) -> None:
    article_id = await stored_article(client)
    path = f"/v1/articles/{article_id}"
    first = (await client.get(path)).json()["html_url"]
    other = (await client.get(path, headers={"Host": "mirror.example"})).json()["html_url"]
    assert (first, other) == (
        f"http://quotewire.test/articles/{article_id}",
        f"http://mirror.example/articles/{article_id}",
    )


@pytest.mark.anyio
async def test_a_kept_answer_still_revalidates_to_304(client: httpx.AsyncClient) -> None:
    article_id = await stored_article(client)
    path = f"/v1/articles/{article_id}/quotes"
    etag = (await client.get(path)).headers["etag"]
    again = await client.get(path, headers={"If-None-Match": etag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)


@pytest.mark.anyio
async def test_a_kept_answer_sent_gzipped_is_then_sent_plain_with_its_own_length(
    client: httpx.AsyncClient,
) -> None:
    article_id = await stored_article(client, "\n\n".join([BODY] * 20))  # over gzip's 1 KB
    path = f"/v1/articles/{article_id}"
    zipped = await client.get(path, headers={"Accept-Encoding": "gzip"})
    plain = await client.get(path, headers={"Accept-Encoding": "identity"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert int(plain.headers["content-length"]) == len(plain.content)
    assert plain.json() == zipped.json()


@pytest.mark.anyio
@pytest.mark.sqlite_only("PRAGMA data_version is SQLite's")
async def test_on_sqlite_a_kept_answer_is_served_without_a_query(client: httpx.AsyncClient) -> None:
    article_id = await stored_article(client)
    path = f"/v1/articles/{article_id}/quotes"
    first = await client.get(path)
    statements: list[str] = []
    app_engine = client._transport.app.state.engine  # type: ignore[attr-defined]
    event.listen(app_engine, "before_cursor_execute", lambda *call: statements.append(call[2]))
    again = await client.get(path)
    assert (again.status_code, again.content, statements) == (200, first.content, [])


def test_sqlite_commits_changes_on_another_connections_commit_only(tmp_path: Path) -> None:
    database = tmp_path / "commits.db"
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("CREATE TABLE note (words TEXT)")
    commits = SqliteCommits(str(database))
    assert [commits.changed(), commits.changed()] == [True, False]  # the first look knows nothing
    writer.execute("SELECT * FROM note").fetchall()
    assert commits.changed() is False
    writer.execute("INSERT INTO note VALUES ('one')")
    assert [commits.changed(), commits.changed()] == [True, False]
    writer.close()


def test_sqlite_commits_say_changed_while_the_file_cannot_be_read(tmp_path: Path) -> None:
    """Cannot tell is not "unchanged": the revision is read instead."""
    database = tmp_path / "garbled.db"
    database.write_bytes(b"not a database file" * 100)
    commits = SqliteCommits(str(database))
    assert [commits.changed(), commits.changed()] == [True, True]


def test_only_a_sqlite_file_is_watched_for_commits(tmp_path: Path) -> None:
    assert sqlite_file(create_engine(f"sqlite:///{tmp_path / 'a.db'}")) == str(tmp_path / "a.db")
    assert sqlite_file(create_engine("sqlite://")) is None
    assert sqlite_file(create_engine("sqlite:///:memory:")) is None
    assert sqlite_file(create_engine("postgresql+psycopg://postgres@127.0.0.1/test")) is None


@pytest.mark.anyio
async def test_a_database_that_is_no_file_is_read_for_its_revision_each_time() -> None:
    """In-memory SQLite (as PostgreSQL) has no file to watch: the key still carries the revision."""
    engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    models.CorpusRevision.__table__.create(engine)  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.execute(insert(models.CorpusRevision).values(id=models.CORPUS_REVISION_ROW, revision=7))
    scope = {
        "app": SimpleNamespace(state=SimpleNamespace(engine=engine)),
        "scheme": "http",
        "path": "/v1/articles",
        "query_string": b"limit=2",
        "headers": [(b"host", b"quotewire.test")],
    }
    cache = AnswerCache()
    assert await cache.key(scope) == (7, "http", "quotewire.test", "/v1/articles", b"limit=2")
    with engine.begin() as connection:
        connection.execute(text("UPDATE corpusrevision SET revision = 8"))
    assert (await cache.key(scope) or (None,))[0] == 8
