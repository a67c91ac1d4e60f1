"""Database tables. Change them only together with a reviewed Alembic migration."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlmodel import Field, SQLModel, col
from sqlmodel.sql.sqltypes import UTCDateTime

# Stable constraint names, so that migrations can refer to (and SQLite batch mode can rebuild) them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class AnnotationStatus(StrEnum):
    """Whether an article's annotation is there: `failed` articles are stored with their text and the
    error, and `quotewire reannotate` tries them again."""

    DONE = "done"
    FAILED = "failed"


def utcnow() -> datetime:
    return datetime.now(UTC)


def _fk(target: str, *, ondelete: str, nullable: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


def _name_list() -> Column[list[str]]:
    return Column(JSON, nullable=False, server_default="[]")


def _publication_or_ingestion(context: DefaultExecutionContext) -> datetime:
    row = context.get_current_parameters()
    moment: datetime = row["published_at"] or row["ingested_at"]
    return moment


class Article(SQLModel, table=True):
    __table_args__ = {"sqlite_autoincrement": True}  # an id freed by DELETE is never reused

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    source: str | None = Field(default=None, index=True)
    url: str | None = None
    published_at: datetime | None = Field(default=None, index=True)
    ingested_at: datetime = Field(default_factory=utcnow, index=True)
    # published_at, or ingested_at for an undated article: the time lists sort by. Filled on insert
    # by the column default; a change of published_at sets it again (ingest.update_metadata).
    dated_at: datetime | None = Field(
        default=None,
        sa_column=Column(UTCDateTime(), nullable=False, index=True, default=_publication_or_ingestion),
    )
    text: str
    content_hash: str = Field(unique=True, max_length=64)
    annotator_version: str
    annotation_status: str = Field(
        default=AnnotationStatus.DONE, index=True, sa_column_kwargs={"server_default": AnnotationStatus.DONE}
    )
    annotation_error: str | None = None


class Paragraph(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("article_id", "index"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    index: int
    start: int
    end: int
    text: str


# The actor list's order, most articles first then by id: these indexes serve it, and its keyset
# pages, over all actors and over those of one type.
ACTOR_RANKING_INDEX = "ix_actor_article_count_desc_id"
TYPED_ACTOR_RANKING_INDEX = "ix_actor_type_article_count_desc_id"


class Actor(SQLModel, table=True):
    """One real-world entity, shared by every article that mentions it.

    What the actor endpoints show of all its articles (article and quote counts, the aliases and
    roles of its links) is stored here, kept in step by every write (`ingest.refresh_actors`), so a
    read costs the same whatever the corpus size.
    """

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, description="type + normalised name (or country code): the merge key")
    name: str = Field(index=True)
    type: str = Field(index=True)
    country_code: str | None = None
    article_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    quote_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # The aliases (other than the name) and roles of its links, each once, in link order.
    aliases: list[str] = Field(default_factory=list, sa_column=_name_list())
    roles: list[str] = Field(default_factory=list, sa_column=_name_list())


_ACTOR_RANKING = (col(Actor.article_count).desc(), col(Actor.id))
Index(ACTOR_RANKING_INDEX, *_ACTOR_RANKING)
Index(TYPED_ACTOR_RANKING_INDEX, col(Actor.type), *_ACTOR_RANKING)


class ActorWord(SQLModel, table=True):
    """One folded word of an actor's name or of any alias, so a name search is an index range."""

    __table_args__ = (UniqueConstraint("word", "actor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(sa_column=_fk("actor.id", ondelete="CASCADE"))
    word: str


class ArticleActor(SQLModel, table=True):
    """What one article says about one actor: its surface names, roles and weight there."""

    __table_args__ = (UniqueConstraint("article_id", "actor_id"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    actor_id: int = Field(sa_column=_fk("actor.id", ondelete="CASCADE"))
    aliases: list[str] = Field(default_factory=list, sa_type=JSON)
    roles: list[str] = Field(default_factory=list, sa_type=JSON)
    salience: float = 0.0


class Mention(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    actor_id: int = Field(sa_column=_fk("actor.id", ondelete="CASCADE"))
    paragraph: int
    start: int
    end: int
    text: str
    form: str = "name"


class Quote(SQLModel, table=True):
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    paragraph: int
    start: int
    end: int
    spans: list[list[int]] = Field(default_factory=list, sa_type=JSON)
    text: str
    kind: str = Field(index=True)
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_anonymous: bool = Field(default=False, index=True)
    speaker_actor_id: int | None = Field(
        default=None, sa_column=_fk("actor.id", ondelete="SET NULL", nullable=True)
    )
    speaker_affiliation_id: int | None = Field(
        default=None, sa_column=_fk("actor.id", ondelete="SET NULL", nullable=True)
    )
    # Why the quote and its speaker were found: values of QuoteRule and SpeakerRule, kept as plain
    # strings so that a new rule needs no migration. Null on rows stored before rules were recorded.
    rule: str | None = None
    speaker_rule: str | None = None
    # Its article's `dated_at`, copied (ingest, PATCH keep it in step): the corpus-wide quote list
    # sorts by it, and an index holding it beside the speaker serves a speaker's newest quotes.
    dated_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=False))


# The quote list's order, newest article first then text order, overall and per speaker.
QUOTE_ORDER_INDEX = "ix_quote_dated_at_desc_article_id_desc_id"
SPEAKER_QUOTE_ORDER_INDEX = "ix_quote_speaker_actor_id_dated_at_desc_article_id_desc_id"
_QUOTE_ORDER = (col(Quote.dated_at).desc(), col(Quote.article_id).desc(), col(Quote.id))
Index(QUOTE_ORDER_INDEX, *_QUOTE_ORDER)
Index(SPEAKER_QUOTE_ORDER_INDEX, col(Quote.speaker_actor_id), *_QUOTE_ORDER)


# The tables of the FTS5 indexes below: SQLite's only.
FTS5_TABLES: set[str] = set()
# PostgreSQL's full-text column on `article` and `quote` (generated, migration 0003) and its GIN index.
PG_SEARCH_VECTOR = "search_vector"


def in_schema_of(dialect: str) -> Callable[..., bool]:
    """Alembic's `include_object` for a database of `dialect`: the metadata declares FTS5's tables,
    which only SQLite has, and not PostgreSQL's tsvector columns and indexes, which only it has; each
    backend's full text is compared on that backend only."""

    def include(obj: Any, name: str | None, type_: str, reflected: bool, _compare_to: Any) -> bool:
        if type_ == "table" and name in FTS5_TABLES:
            return dialect == "sqlite"
        if reflected and type_ in ("column", "index") and name and name.endswith(PG_SEARCH_VECTOR):
            return dialect != "postgresql"
        return True

    return include


def _fts5_index(name: str, *columns: str) -> Table:
    """Declare an FTS5 index and the shadow tables SQLite keeps for it.

    Migration 0003 creates them (CREATE VIRTUAL TABLE, with triggers that keep them in step with
    their content table); they are declared here only so that comparing this metadata with a
    migrated database (Alembic autogenerate) knows them instead of proposing to drop them. Never
    `create_all` them.
    """
    metadata = SQLModel.metadata
    FTS5_TABLES.update(f"{name}{suffix}" for suffix in ("", "_data", "_idx", "_docsize", "_config"))
    # SQLite reports an INTEGER PRIMARY KEY of these tables as nullable: declared so, to compare equal.
    Table(
        f"{name}_data",
        metadata,
        Column("id", Integer, primary_key=True, nullable=True),
        Column("block", LargeBinary),
    )
    Table(
        f"{name}_idx",
        metadata,
        Column("segid", primary_key=True),
        Column("term", primary_key=True),
        Column("pgno"),
    )
    Table(
        f"{name}_docsize",
        metadata,
        Column("id", Integer, primary_key=True, nullable=True),
        Column("sz", LargeBinary),
    )
    Table(f"{name}_config", metadata, Column("k", primary_key=True), Column("v"))
    return Table(name, metadata, *(Column(column, Text) for column in columns))


ARTICLE_FTS = _fts5_index("article_fts", "title", "text")
QUOTE_FTS = _fts5_index("quote_fts", "text")


CORPUS_REVISION_ROW = 1  # the id of the counter's only row


class CorpusRevision(SQLModel, table=True):
    """One row counting writes to the stored articles (ingest, re-annotation, PATCH, DELETE): an API
    answer computed at one count stays right until the next, so it can be served again from memory."""

    id: int = Field(default=CORPUS_REVISION_ROW, primary_key=True)
    revision: int = 0
