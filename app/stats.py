"""What the corpus holds, in counts: the answer of `quotewire stats`."""

from __future__ import annotations

from typing import Any, get_args

from pydantic import BaseModel, Field
from sqlmodel import Session, col, func, select

from app import models
from app.nlp.annotations import ActorType, QuoteKind


class CorpusStats(BaseModel):
    """Every kind and type is listed, with 0 when the corpus has none, so scripts can rely on the keys."""

    articles: int = Field(description="Stored articles.")
    quotes: dict[str, int] = Field(description="Quotes by kind: direct, indirect, mixed.")
    actors: dict[str, int] = Field(description="Actors (across articles) by type.")
    annotator_versions: dict[str, int] = Field(
        description="Articles by the engine that annotated them, most articles first."
    )


def corpus_stats(session: Session) -> CorpusStats:
    versions = _grouped(session, models.Article.annotator_version)
    return CorpusStats(
        articles=session.exec(select(func.count()).select_from(models.Article)).one(),
        quotes=_every(get_args(QuoteKind), _grouped(session, models.Quote.kind)),
        actors=_every(get_args(ActorType), _grouped(session, models.Actor.type)),
        annotator_versions=dict(sorted(versions.items(), key=lambda item: (-item[1], item[0]))),
    )


def _grouped(session: Session, column: Any) -> dict[str, int]:
    return dict(session.exec(select(col(column), func.count()).group_by(col(column))).all())


def _every(names: tuple[str, ...], counts: dict[str, int]) -> dict[str, int]:
    return {name: counts.get(name, 0) for name in names}
