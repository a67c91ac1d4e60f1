"""Salience: placeholder until the actor engine lands."""

from __future__ import annotations

from app.nlp.annotations import Annotation


def score_salience(annotation: Annotation, text_length: int) -> None:
    return None
