"""The benchmarks' corpus loader: its copies read as ingested articles do, their stored actor
summaries and full text included."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from app import ingest, models
from app.nlp import Annotator
from app.search import full_text
from benchmarks.corpus_loader import load

SEEDS = [
    "“We will rebuild the bridge,” Anna Berg said.\n\nThe Harbour Trust met in Dover on Friday.",
    "Ruth Olsen said the plan was “a fair deal for the town” and would pass.",
    "Mayor Tom Hart of Leeds said the council would vote on Monday.",
]
ARTICLES = 40


def actor_rows(session: Session) -> list[tuple[Any, ...]]:
    actor = models.Actor
    rows = session.exec(select(actor).order_by(col(actor.id))).all()
    return [(a.id, a.key, a.article_count, a.quote_count, a.aliases, a.roles) for a in rows]


def actor_words(session: Session) -> list[tuple[int, str]]:
    word = models.ActorWord
    return sorted(session.exec(select(word.actor_id, word.word)).all())


def test_loaded_copies_keep_counts_words_and_full_text_as_ingest_would(
    engine: Engine, annotator: Annotator
) -> None:
    load(engine, annotator, ARTICLES, SEEDS)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(models.Article)).one() == ARTICLES
        loaded, words = actor_rows(session), actor_words(session)
        # The app's own recount, from links and quotes, finds what the loader wrote.
        ingest.refresh_actors(session, {row[0] for row in loaded})
        session.commit()
        assert (actor_rows(session), actor_words(session)) == (loaded, words)
        assert len(loaded) > len(SEEDS) * 2  # new actors named in copies, beside the shared ones
        matches = full_text(session).articles("rebuild")
        found = session.exec(select(func.count()).select_from(matches)).one()
    assert found == len(range(0, ARTICLES, len(SEEDS)))  # the first seed and each copy of it
