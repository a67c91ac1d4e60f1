"""Corpus counts read from a real, migrated SQLite file."""

from __future__ import annotations

from sqlmodel import Session

from app import ingest
from app.nlp import Annotator
from app.stats import CorpusStats, corpus_stats


def test_empty_corpus_lists_every_kind_and_type_with_zero(session: Session) -> None:
    assert corpus_stats(session) == CorpusStats(
        articles=0,
        quotes={"direct": 0, "indirect": 0, "mixed": 0},
        actors={"person": 0, "organization": 0, "location": 0},
        annotator_versions={},
    )


def test_an_actor_in_two_articles_counts_once(session: Session, annotator: Annotator) -> None:
    for body in ("Anna Berg opened the library on Monday.", "“It is open,” Anna Berg said."):
        ingest.ingest(session, annotator, ingest.parse_plain_text(body))
    assert corpus_stats(session) == CorpusStats(
        articles=2,
        quotes={"direct": 1, "indirect": 0, "mixed": 0},
        actors={"person": 1, "organization": 0, "location": 0},
        annotator_versions={annotator.version: 2},
    )
