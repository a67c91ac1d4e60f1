"""Rule 9, action beat: a quotation right after a sentence about a person is that person's."""

from __future__ import annotations

from collections.abc import Callable

from app.nlp.annotations import Annotation, QuoteRule
from tests.nlp.quote_views import QuoteView, quote_views

Annotate = Callable[[str], Annotation]
BEAT = QuoteRule.ACTION_BEAT


def test_a_quotation_after_a_sentence_about_a_person_is_theirs(annotate: Annotate) -> None:
    text = "Nora Quill sat by the stove. Edwin Marsh stood and went to the window. “It is snowing again.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“It is snowing again.”",), "direct", BEAT, None, "Edwin Marsh", "Edwin Marsh")
    ]


def test_a_pronoun_subject_gives_the_quotation_to_the_person_it_means(annotate: Annotate) -> None:
    text = "Edwin Marsh came in.\n\nNora Quill looked up. She closed her book. “You are late.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“You are late.”",), "direct", BEAT, None, "She", "Nora Quill")
    ]


def test_a_quotation_after_a_sentence_about_a_thing_is_given_to_no_one(annotate: Annotate) -> None:
    text = "The storm broke over the harbour at noon. “Nobody could have seen this coming.”"
    assert annotate(text).quotes == []


def test_a_quotation_inside_the_paragraph_before_more_narrative_is_not_a_beat(annotate: Annotate) -> None:
    text = "Edwin Marsh went out. “Storm Hall” was painted over the door of the inn."
    assert annotate(text).quotes == []


def test_a_noun_for_a_person_as_subject_gives_the_quotation_to_that_role(annotate: Annotate) -> None:
    text = "Captain Ivo Brand met the crew.\n\nThe captain laughed at the rain. “We sail at noon anyway!”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“We sail at noon anyway!”",), "direct", BEAT, None, "The captain", "Ivo Brand")
    ]
