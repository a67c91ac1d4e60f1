"""Schema migration and engine settings, against real SQLite files and PostgreSQL databases."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlmodel import Session, SQLModel, col, select

from app import ingest, models
from app.db import alembic_config, make_engine, upgrade_to_head
from app.models import in_schema_of
from app.nlp import Annotator

TABLES = {"article", "paragraph", "actor", "articleactor", "mention", "quote"}


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """Migrations start from nothing here."""
    return empty_database_url


@pytest.fixture
def raw_engine(database_url: str) -> Iterator[Engine]:
    """An engine on the (not yet migrated) database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def head_revision(database_url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_empty_database_has_no_revision(database_url: str, raw_engine: Engine) -> None:
    assert current_revision(raw_engine) is None
    assert not TABLES & table_names(raw_engine)


def test_upgrade_to_head_reaches_alembic_head(database_url: str, raw_engine: Engine) -> None:
    upgrade_to_head(database_url)
    head = head_revision(database_url)
    assert head is not None
    assert current_revision(raw_engine) == head


def test_upgrade_to_head_creates_all_tables(database_url: str, raw_engine: Engine) -> None:
    upgrade_to_head(database_url)
    assert TABLES | {"alembic_version"} <= table_names(raw_engine)


def test_upgrade_to_head_twice_is_harmless(database_url: str, raw_engine: Engine) -> None:
    upgrade_to_head(database_url)
    with Session(raw_engine) as session:
        session.add(models.Actor(key="person:ada lovelace", name="Ada Lovelace", type="person"))
        session.commit()
    upgrade_to_head(database_url)
    assert current_revision(raw_engine) == head_revision(database_url)
    with raw_engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM actor")).scalars().all() == ["Ada Lovelace"]


def test_processes_migrating_a_new_database_at_once_all_succeed(
    database_url: str, raw_engine: Engine
) -> None:
    """Every API worker migrates at startup: without the lock (a file lock on SQLite, an advisory lock
    on PostgreSQL), all but one die on "table exists"."""
    migrate = f"from app.db import upgrade_to_head; upgrade_to_head({database_url!r})"
    workers = [
        subprocess.Popen([sys.executable, "-c", migrate], stderr=subprocess.PIPE, text=True) for _ in range(4)
    ]
    errors = [worker.communicate(timeout=50)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0, 0, 0], errors
    assert current_revision(raw_engine) == head_revision(database_url)


def test_make_engine_creates_missing_sqlite_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("db") / "nested" / "deeper"
    url = f"sqlite:///{folder / 'quotewire.db'}"
    upgrade_to_head(url)
    assert (folder / "quotewire.db").is_file()


@pytest.mark.sqlite_only("a connection pragma")
def test_sqlite_connection_enforces_foreign_keys(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.sqlite_only("a connection pragma")
def test_sqlite_connection_uses_wal_journal(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_foreign_key_violation_is_rejected(session: Session) -> None:
    session.add(models.Paragraph(article_id=999, index=0, start=0, end=1, text="x"))
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        session.commit()


def test_deleting_article_cascades_to_paragraphs(engine: Engine) -> None:
    with Session(engine) as session:
        article = models.Article(text="Body.", content_hash="h" * 64, annotator_version="v")
        session.add(article)
        session.flush()
        assert article.id is not None
        session.add(models.Paragraph(article_id=article.id, index=0, start=0, end=5, text="Body."))
        session.commit()
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM article"))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM paragraph")).scalar() == 0


def schema_differences(engine: Engine) -> list[Any]:
    """What Alembic autogenerate would change, each backend's full-text objects compared on it only."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": in_schema_of(connection.dialect.name)}
        )
        return list(compare_metadata(context, SQLModel.metadata))


def test_migrated_schema_matches_sqlmodel_metadata(engine: Engine) -> None:
    assert schema_differences(engine) == []


def test_downgrade_to_base_then_upgrade_restores_schema(database_url: str, raw_engine: Engine) -> None:
    upgrade_to_head(database_url)
    command.downgrade(alembic_config(database_url), "base")
    assert current_revision(raw_engine) is None
    assert not TABLES & table_names(raw_engine)
    upgrade_to_head(database_url)
    assert current_revision(raw_engine) == head_revision(database_url)
    assert schema_differences(raw_engine) == []


def quote_columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("quote")}


def test_0002_adds_nullable_rule_columns_to_a_0001_database_with_rows_and_downgrades(
    database_url: str, raw_engine: Engine
) -> None:
    config = alembic_config(database_url)
    command.upgrade(config, "0001")
    with raw_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, text, content_hash, annotator_version, ingested_at) "
                "VALUES (1, '“Rain,” Ada said.', :hash, 'old', '2026-11-01 00:00:00')"
            ),
            {"hash": "a" * 64},
        )
        connection.execute(
            text(
                'INSERT INTO quote (id, article_id, paragraph, start, "end", spans, text, kind, '
                "speaker_text, speaker_start, speaker_end, speaker_anonymous) "
                "VALUES (1, 1, 0, 0, 7, '[[0, 7]]', '“Rain,”', 'direct', 'Ada', 8, 11, FALSE)"
            )
        )
    command.upgrade(config, "0002")
    assert {"rule", "speaker_rule"} <= quote_columns(raw_engine)
    with raw_engine.connect() as connection:
        row = connection.execute(text("SELECT text, speaker_text, rule, speaker_rule FROM quote")).one()
    assert tuple(row) == ("“Rain,”", "Ada", None, None)
    with raw_engine.begin() as connection:
        connection.execute(text("UPDATE quote SET rule = 'cue_after', speaker_rule = 'exact_name'"))
    command.downgrade(config, "0001")
    assert current_revision(raw_engine) == "0001"
    assert not {"rule", "speaker_rule"} & quote_columns(raw_engine)
    schema = inspect(raw_engine)
    assert {index["name"] for index in schema.get_indexes("quote")} == {
        "ix_quote_article_id",
        "ix_quote_speaker_actor_id",
        "ix_quote_speaker_affiliation_id",
    }
    assert {key["name"] for key in schema.get_foreign_keys("quote")} == {
        "fk_quote_article_id_article",
        "fk_quote_speaker_actor_id_actor",
        "fk_quote_speaker_affiliation_id_actor",
    }
    with raw_engine.connect() as connection:
        assert connection.execute(text("SELECT id, text, speaker_text FROM quote")).one() == (
            1,
            "“Rain,”",
            "Ada",
        )


STORED_TABLES = ("article", "paragraph", "actor", "articleactor", "mention", "quote", "actorword")


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in STORED_TABLES}


@pytest.mark.sqlite_only("AUTOINCREMENT: PostgreSQL's sequences never hand out an id twice, 0004 skips it")
def test_0004_rebuilds_tables_both_ways_keeping_every_row_and_search(
    database_url: str, raw_engine: Engine, annotator: Annotator
) -> None:
    """The rebuild drops and recreates `article`: no cascade may empty the tables that reference it."""
    upgrade_to_head(database_url)
    with Session(raw_engine) as session:
        for body in ("“The dam holds,” said Mayor Ana Ruiz.", "“Rain is coming,” Governor Tom Berg said."):
            ingest.ingest(session, annotator, ingest.parse_plain_text(body))
        session.commit()
    before = row_counts(raw_engine)
    command.downgrade(alembic_config(database_url), "0003")
    assert row_counts(raw_engine) == before
    upgrade_to_head(database_url)
    assert row_counts(raw_engine) == before
    assert before["quote"] == 2 and before["paragraph"] == 2
    with raw_engine.connect() as connection:
        found = connection.execute(text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'rain'")).all()
        table_sql = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'article'")).scalar()
    assert found == [(2,)]
    assert "AUTOINCREMENT" in table_sql


def test_deleted_newest_article_id_is_not_given_to_the_next_one(engine: Engine, annotator: Annotator) -> None:
    ids = []
    with Session(engine) as session:
        for body in ("“Rain,” said Mayor Ana Ruiz.", "“Sun,” said Mayor Tom Berg."):
            article, _ = ingest.ingest(session, annotator, ingest.parse_plain_text(body))
            ids.append(article.id)
        session.delete(article)
        session.commit()
        article, _ = ingest.ingest(
            session, annotator, ingest.parse_plain_text("“Snow,” said Mayor Eva Lind.")
        )
        ids.append(article.id)
        session.commit()
    assert ids == [1, 2, 3]


def actor_columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("actor")}


def actor_indexes(engine: Engine) -> set[str]:
    return {str(index["name"]) for index in inspect(engine).get_indexes("actor")}


def test_0007_fills_actor_summaries_of_rows_stored_before_it_and_downgrades(
    database_url: str, raw_engine: Engine
) -> None:
    config = alembic_config(database_url)
    command.upgrade(config, "0006")
    with raw_engine.begin() as connection:
        for article_id in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO article (id, text, content_hash, annotator_version, ingested_at, dated_at) "
                    "VALUES (:id, 'Ada Lovelace and Ben Ross met.', :hash, 'old', :moment, :moment)"
                ),
                {"id": article_id, "hash": str(article_id) * 64, "moment": "2026-11-01 00:00:00"},
            )
        for actor_id, name in ((1, "Ada Lovelace"), (2, "Ben Ross")):
            connection.execute(
                text("INSERT INTO actor (id, key, name, type) VALUES (:id, :key, :name, 'person')"),
                {"id": actor_id, "key": f"person:{name.lower()}", "name": name},
            )
        links = [
            (1, 1, 1, '["Ada L.", "Ada Lovelace"]', '["the author"]'),
            (2, 2, 1, '["Lovelace", "Ada L."]', '["the countess", "the author"]'),
            (3, 2, 2, "[]", "[]"),
        ]
        for link_id, article_id, actor_id, aliases, roles in links:
            connection.execute(
                text(
                    "INSERT INTO articleactor (id, article_id, actor_id, aliases, roles, salience) "
                    "VALUES (:id, :article, :actor, :aliases, :roles, 0.5)"
                ),
                {"id": link_id, "article": article_id, "actor": actor_id, "aliases": aliases, "roles": roles},
            )
        connection.execute(
            text(
                'INSERT INTO quote (id, article_id, paragraph, start, "end", spans, text, kind, '
                "speaker_anonymous, speaker_actor_id) VALUES (1, 1, 0, 0, 3, '[[0, 3]]', 'Ada', 'direct', "
                "FALSE, 1)"
            )
        )
    command.upgrade(config, "0007")
    with Session(raw_engine) as session:
        actors = session.exec(select(models.Actor).order_by(col(models.Actor.id))).all()
        filled = [(a.name, a.article_count, a.quote_count, a.aliases, a.roles) for a in actors]
    assert filled == [
        ("Ada Lovelace", 2, 1, ["Ada L.", "Lovelace"], ["the author", "the countess"]),
        ("Ben Ross", 1, 0, [], []),
    ]
    assert {models.ACTOR_RANKING_INDEX, models.TYPED_ACTOR_RANKING_INDEX} <= actor_indexes(raw_engine)
    command.downgrade(config, "0006")
    assert not {"article_count", "quote_count", "aliases", "roles"} & actor_columns(raw_engine)
    assert not {models.ACTOR_RANKING_INDEX, models.TYPED_ACTOR_RANKING_INDEX} & actor_indexes(raw_engine)


def test_0008_gives_quotes_stored_before_it_their_articles_time_and_downgrades(
    database_url: str, raw_engine: Engine
) -> None:
    config = alembic_config(database_url)
    command.upgrade(config, "0007")
    with raw_engine.begin() as connection:
        for article_id, moment in ((1, "2026-03-01 08:00:00"), (2, "2026-04-01 08:00:00")):
            connection.execute(
                text(
                    "INSERT INTO article (id, text, content_hash, annotator_version, ingested_at, dated_at) "
                    "VALUES (:id, '“Rain,” Ada said.', :hash, 'old', :moment, :moment)"
                ),
                {"id": article_id, "hash": str(article_id) * 64, "moment": moment},
            )
            connection.execute(
                text(
                    'INSERT INTO quote (id, article_id, paragraph, start, "end", spans, text, kind, '
                    "speaker_anonymous) VALUES (:id, :id, 0, 0, 7, '[[0, 7]]', '“Rain,”', 'direct', FALSE)"
                ),
                {"id": article_id},
            )
    command.upgrade(config, "0008")
    same_time = (
        "SELECT q.id FROM quote q JOIN article a ON a.id = q.article_id "
        "WHERE q.dated_at = a.dated_at ORDER BY q.id"
    )
    with raw_engine.connect() as connection:
        assert connection.execute(text(same_time)).scalars().all() == [1, 2]
    command.downgrade(config, "0007")
    assert "dated_at" not in quote_columns(raw_engine)
