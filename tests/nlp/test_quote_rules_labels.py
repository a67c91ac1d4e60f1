"""Rule 2, speaker labels: "Name: words" paragraphs."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.labels import speaker_labels
from tests.nlp.quote_views import DraftView, QuoteView, draft_view, quote_views

Annotate = Callable[[str], Annotation]
LABEL = QuoteRule.SPEAKER_LABEL


def test_transcript_paragraphs_are_quotes_of_their_labels(annotate: Annotate) -> None:
    text = "From the hearing.\n\nOwen Petrie: The mine is safe.\n\nSenator Jill Rao: Then why did it flood?"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("The mine is safe.",), "indirect", LABEL, ":", "Owen Petrie", "Owen Petrie"),
        QuoteView(("Then why did it flood?",), "indirect", LABEL, ":", "Senator Jill Rao", "Jill Rao"),
    ]


def test_a_section_label_is_not_a_source(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Correction: The mine reopened on Monday, not Sunday."))
    assert speaker_labels(ctx, ()) == []


def test_a_label_with_a_verb_is_a_sentence(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Owen Petrie Wrote: The mine is safe."))
    assert speaker_labels(ctx, ()) == []


def test_a_label_quotation_is_widened(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Jill Rao: “The mine must close.”"))
    assert [draft_view(ctx, d) for d in speaker_labels(ctx, ())] == [
        DraftView(("“The mine must close.”",), LABEL, ":", "Rao")
    ]
