"""Pure annotation: text in, dataclasses out. No database, no web framework."""

from app.nlp.annotations import (
    Actor,
    Annotation,
    Mention,
    Quote,
    QuoteRule,
    Speaker,
    SpeakerRule,
    TextSpan,
)
from app.nlp.pipeline import ENGINE_VERSION, Annotator

__all__ = [
    "ENGINE_VERSION",
    "Actor",
    "Annotation",
    "Annotator",
    "Mention",
    "Quote",
    "QuoteRule",
    "Speaker",
    "SpeakerRule",
    "TextSpan",
]
