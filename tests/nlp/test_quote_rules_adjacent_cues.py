"""Rules 3-6, adjacent cues: cue after, cue before, name colon, colon intro."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.adjacent_cues import colon_intro, cue_after, cue_before, name_colon
from tests.nlp.quote_views import DraftView, QuoteView, draft_view, quote_views

Annotate = Callable[[str], Annotation]


def first_quotation(nlp: Language, text: str) -> tuple[QuoteContext, list[int]]:
    ctx = QuoteContext(nlp(text))
    return ctx, ctx.group(0)


def test_cue_after_the_closing_mark(annotate: Annotate) -> None:
    text = "“Give the farmers more time,” the minister pleaded."
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“Give the farmers more time,”",), "direct", QuoteRule.CUE_AFTER, "pleaded", "the minister"
        )
    ]


def test_cue_after_with_a_phrasal_verb(annotate: Annotate) -> None:
    text = "Coach Eva Lund faced the press.\n\n“We lost our nerve,” she went on."
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“We lost our nerve,”",), "direct", QuoteRule.CUE_AFTER, "went", "she", "Eva Lund")
    ]


def test_no_cue_after_a_closed_sentence(nlp: Language) -> None:
    ctx, group = first_quotation(nlp, "“Not again.” Eva Lund sighed and left.")
    assert cue_after(ctx, group) is None


def test_cue_before_the_opening_mark(nlp: Language) -> None:
    ctx, group = first_quotation(nlp, "The coach was calm. As one player put it, “we just ran out of legs.”")
    assert draft_view(ctx, cue_before(ctx, group)) == DraftView(
        ("“we just ran out of legs.”",), QuoteRule.CUE_BEFORE, "put", "player"
    )


def test_cue_before_from_a_paragraph_ending_in_a_colon(nlp: Language) -> None:
    text = "Eva Lund, the coach, told the players this:\n\n“Nobody leaves this room until we have a plan.”"
    ctx, group = first_quotation(nlp, text)
    assert draft_view(ctx, cue_before(ctx, group)) == DraftView(
        ("“Nobody leaves this room until we have a plan.”",), QuoteRule.CUE_BEFORE, "told", "Lund"
    )


def test_a_paragraph_opening_quotation_without_colon_has_no_cue_before(nlp: Language) -> None:
    ctx, group = first_quotation(nlp, "Eva Lund, the coach, told the players.\n\n“Nobody leaves this room.”")
    assert cue_before(ctx, group) is None
    assert name_colon(ctx, group) is None
    assert colon_intro(ctx, group) is None


def test_name_colon(annotate: Annotate) -> None:
    text = "We asked fans about the final. - Tom Brink: “The referee ruined a great game.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“The referee ruined a great game.”",),
            "direct",
            QuoteRule.NAME_COLON,
            ":",
            "Tom Brink",
            "Tom Brink",
        )
    ]


def test_a_section_name_before_a_colon_is_no_speaker(nlp: Language) -> None:
    ctx, group = first_quotation(
        nlp, "We asked fans about the final. - Video: “The referee ruined a great game.”"
    )
    assert name_colon(ctx, group) is None


def test_colon_intro(annotate: Annotate) -> None:
    text = "Mayor Ada Bloom then turned to the crowd: “We will rebuild every house.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“We will rebuild every house.”",),
            "direct",
            QuoteRule.COLON_INTRO,
            "turned",
            "Mayor Ada Bloom",
            "Ada Bloom",
        )
    ]


def test_colon_intro_needs_a_subject_that_can_speak(nlp: Language) -> None:
    ctx, group = first_quotation(nlp, "The storm then turned to the coast: “a wall of water and wind.”")
    assert colon_intro(ctx, group) is None


def test_a_quotation_in_the_object_of_a_verb_names_a_thing_not_speech(annotate: Annotate) -> None:
    text = "The promoters have added a “fan zone” outside the arena, with food stalls."
    assert annotate(text).quotes == []
