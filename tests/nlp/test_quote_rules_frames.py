"""Rule 1, reporting frames: a cue with a parsed source and content."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.frames import reporting_frames
from tests.nlp.quote_views import DraftView, QuoteView, draft_view, quote_views

Annotate = Callable[[str], Annotation]
FRAME = QuoteRule.REPORTING_FRAME


def frame_drafts(nlp: Language, text: str) -> list[DraftView | None]:
    ctx = QuoteContext(nlp(text))
    return [draft_view(ctx, d) for d in reporting_frames(ctx, ())]


def test_indirect_speech_with_that_clause(nlp: Language) -> None:
    text = "Judge Rita Moss said that the trial would resume in June."
    assert frame_drafts(nlp, text) == [
        DraftView(("that the trial would resume in June",), FRAME, "said", "Moss")
    ]


def test_a_quotation_before_its_cue(annotate: Annotate) -> None:
    text = "“The trial will resume in June,” Judge Rita Moss said on Friday."
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“The trial will resume in June,”",), "direct", FRAME, "said", "Judge Rita Moss", "Rita Moss"
        )
    ]


def test_a_cue_set_off_by_commas_reports_both_sides(annotate: Annotate) -> None:
    text = "The roof is leaking, the caretaker said, and the boiler is broken."
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("The roof is leaking", "and the boiler is broken"), "indirect", FRAME, "said", "the caretaker"
        )
    ]


def test_mixed_quote_is_widened_over_its_quotation(annotate: Annotate) -> None:
    text = "Rita Moss said the delay was “regrettable but unavoidable” for the court."
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("the delay was “regrettable but unavoidable” for the court",),
            "mixed",
            FRAME,
            "said",
            "Rita Moss",
            "Rita Moss",
        )
    ]


def test_unquoted_words_after_a_quotation_and_its_cue_are_scene_setting(annotate: Annotate) -> None:
    text = "“We will win this case,” Rita Moss said, as the lawyers left the room."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“We will win this case,”",), "direct", FRAME, "said", "Rita Moss", "Rita Moss")
    ]


def test_a_second_cue_takes_the_quotation_after_it(annotate: Annotate) -> None:
    text = "“The ruling is fair,” Moss said, adding of her critics, “They have not read it.”"
    views = quote_views(text, annotate(text))
    assert [(v.spans, v.rule, v.cue) for v in views] == [
        (("“The ruling is fair,”",), FRAME, "said"),
        (("“They have not read it.”",), QuoteRule.CUE_BEFORE, "adding"),
    ]


def test_a_weak_verb_without_clause_or_quotation_reports_nothing(nlp: Language) -> None:
    assert frame_drafts(nlp, "Rita Moss believes in the jury system.") == []


def test_a_cue_inside_quoted_words_is_not_a_frame(nlp: Language) -> None:
    text = "“They said the court was closed,” Rita Moss recalled."
    assert frame_drafts(nlp, text) == [
        DraftView(("“They said the court was closed,”",), FRAME, "recalled", "Moss")
    ]


def test_an_inverted_source_after_the_verb(annotate: Annotate) -> None:
    text = "“The verdict is wrong,” said the group founded in 2015 by former jurors."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“The verdict is wrong,”",), "direct", FRAME, "said", "the group")
    ]


def test_a_cue_noun_held_by_its_owner(annotate: Annotate) -> None:
    text = "The court's finding that the law is void surprised the city."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("that the law is void",), "indirect", FRAME, "finding", "The court")
    ]


def test_an_inverted_subject_between_two_quotations_is_not_reported(annotate: Annotate) -> None:
    text = "Mrs. Penrose came in.\n\n“My dear Mr. Penrose,” said she, “the Aldens have taken the house.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“My dear Mr. Penrose,”", "“the Aldens have taken the house.”"),
            "direct",
            QuoteRule.CUE_AFTER,
            "said",
            "she",
            "Mrs. Penrose",
        )
    ]
