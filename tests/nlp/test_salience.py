"""Behaviour of salience scoring: frequency, position and quotes each raise an actor's score."""

from __future__ import annotations

from app.nlp.annotations import Actor, Annotation, Mention, Quote, Speaker
from app.nlp.salience import score_salience


def actor(name: str, *starts: int, form: str = "name") -> Actor:
    return Actor(name, "person", [Mention(s, s + 3, "abc", form) for s in starts])  # type: ignore[arg-type]


def test_scores_stay_between_zero_and_one() -> None:
    annotation = Annotation([actor("A", 0, 10, 20, 30), actor("B", 90)])
    score_salience(annotation, 100)
    assert all(0.0 <= a.salience <= 1.0 for a in annotation.actors)


def test_more_mentions_mean_more_salience() -> None:
    annotation = Annotation([actor("A", 50, 60, 70), actor("B", 50)])
    score_salience(annotation, 100)
    assert annotation.actors[0].salience > annotation.actors[1].salience


def test_earlier_first_mention_means_more_salience() -> None:
    annotation = Annotation([actor("A", 5), actor("B", 95)])
    score_salience(annotation, 100)
    assert annotation.actors[0].salience > annotation.actors[1].salience


def test_speaking_a_quote_raises_salience() -> None:
    annotation = Annotation([actor("A", 40), actor("B", 40)])
    annotation.quotes = [Quote(60, 80, [(60, 80)], "direct", speaker=Speaker(40, 43, "abc", actor=1))]
    score_salience(annotation, 100)
    assert annotation.actors[1].salience > annotation.actors[0].salience


def test_demonym_mentions_weigh_less_than_names() -> None:
    annotation = Annotation([actor("A", 40, 50, form="demonym"), actor("B", 40, 50)])
    score_salience(annotation, 100)
    assert annotation.actors[1].salience > annotation.actors[0].salience


def test_empty_text_and_no_actors_do_not_fail() -> None:
    empty = Annotation()
    score_salience(empty, 0)
    lone = Annotation([actor("A", 0)])
    score_salience(lone, 0)
    assert 0.0 <= lone.actors[0].salience <= 1.0
