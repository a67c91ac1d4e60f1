"""Quotes: placeholder until the quote engine lands."""

from __future__ import annotations

from spacy.tokens import Doc

from app.nlp.annotations import Actor, Quote


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    return []
