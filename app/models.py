"""Database tables. Change them only together with a reviewed Alembic migration."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

# Stable constraint names, so that migrations can refer to (and SQLite batch mode can rebuild) them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def _fk(target: str, *, ondelete: str, nullable: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    ingested_at: datetime = Field(default_factory=utcnow, index=True)
    text: str
    content_hash: str = Field(unique=True, max_length=64)
    annotator_version: str


class Paragraph(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("article_id", "index"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    index: int
    start: int
    end: int
    text: str


class Actor(SQLModel, table=True):
    """One real-world entity, shared by every article that mentions it."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True, description="type + normalised name (or country code): the merge key")
    name: str = Field(index=True)
    type: str = Field(index=True)
    country_code: str | None = None


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
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", ondelete="CASCADE"))
    paragraph: int
    start: int
    end: int
    spans: list[list[int]] = Field(default_factory=list, sa_type=JSON)
    text: str
    kind: str
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_anonymous: bool = False
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
