"""Salience: how central each actor is to the article, in [0, 1].

Why: readers and the API want "who is this story about" ranked, not a flat list. Three signals,
each normalised within the article: how often the actor is mentioned (names count more than
pronouns or demonyms), how early it first appears (news puts the main actors in the lead),
and how many quotes it speaks.
"""

from __future__ import annotations

from app.nlp.annotations import Annotation

FORM_WEIGHTS: dict[str, float] = {
    "name": 1.0,
    "acronym": 1.0,
    "metonym": 1.0,
    "pronoun": 0.6,
    "description": 0.6,
    "demonym": 0.4,
}
FREQUENCY_SHARE = 0.5
POSITION_SHARE = 0.25
QUOTE_SHARE = 0.25


def score_salience(annotation: Annotation, text_length: int) -> None:
    """Set `salience` on every actor of the annotation from its mentions, position and quotes."""
    actors = annotation.actors
    if not actors:
        return
    quotes = [0] * len(actors)
    for quote in annotation.quotes:
        speaker = quote.speaker
        if speaker is not None and speaker.actor is not None and 0 <= speaker.actor < len(actors):
            quotes[speaker.actor] += 1
    frequency = [sum(FORM_WEIGHTS.get(m.form, 0.5) for m in actor.mentions) for actor in actors]
    top_frequency = max(frequency) or 1.0
    top_quotes = max(quotes) or 1
    length = max(text_length, 1)
    for actor, weight, spoken in zip(actors, frequency, quotes, strict=True):
        first = min((m.start for m in actor.mentions), default=length)
        position = 1.0 - min(max(first, 0), length) / length
        score = (
            FREQUENCY_SHARE * weight / top_frequency
            + POSITION_SHARE * position
            + QUOTE_SHARE * spoken / top_quotes
        )
        actor.salience = round(min(max(score, 0.0), 1.0), 3)
