"""Output: speakers of drafts, resolved to actors."""

from __future__ import annotations

from collections.abc import Callable

from app.nlp.annotations import Annotation, QuoteRule
from tests.nlp.quote_views import QuoteView, quote_views

Annotate = Callable[[str], Annotation]
FRAME = QuoteRule.REPORTING_FRAME


def test_a_relative_clause_cue_names_its_source_by_the_relative_pronoun(annotate: Annotate) -> None:
    text = "Nurses who say the ward is understaffed marched on Tuesday."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("the ward is understaffed",), "indirect", FRAME, "say", "who")
    ]


def test_a_pronoun_speaker_resolves_to_the_person_before_it(annotate: Annotate) -> None:
    text = "Dr. Lea Hart toured the ward. “We need ten more nurses,” she said."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“We need ten more nurses,”",), "direct", FRAME, "said", "she", "Lea Hart")
    ]


def test_quotes_are_sorted_by_start_and_carry_their_rule(annotate: Annotate) -> None:
    text = "“The ward is full,” a nurse said.\n\nHospital chief Max Ruud: “We are hiring.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“The ward is full,”",), "direct", FRAME, "said", "a nurse"),
        QuoteView(
            ("“We are hiring.”",),
            "direct",
            QuoteRule.NAME_COLON,
            ":",
            "Hospital chief Max Ruud",
            "Max Ruud",
        ),
    ]
