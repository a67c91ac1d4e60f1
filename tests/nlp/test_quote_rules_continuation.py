"""Rule 7, continuation: a cue-less paragraph of pure quotation continues the previous quote."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.continuation import continuation
from tests.nlp.quote_views import DraftView, QuoteView, draft_view, quote_views

Annotate = Callable[[str], Annotation]


def test_a_quotation_paragraph_is_a_continuation_draft(nlp: Language) -> None:
    ctx = QuoteContext(nlp("The council met.\n\n“We will vote on the budget next week.”"))
    assert draft_view(ctx, continuation(ctx, ctx.group(0))) == DraftView(
        ("“We will vote on the budget next week.”",), QuoteRule.CONTINUATION, None, None
    )


def test_a_short_or_embedded_quotation_is_not(nlp: Language) -> None:
    short = QuoteContext(nlp("The council met.\n\n“Next week.”"))
    embedded = QuoteContext(nlp("The council met and said “we will vote next week” to nobody."))
    assert continuation(short, short.group(0)) is None
    assert continuation(embedded, embedded.group(0)) is None


def test_a_continuation_after_an_indirect_quote_gets_its_speaker(annotate: Annotate) -> None:
    text = "Treasurer Lou Brandt said the budget was ready.\n\n“Every school gets a new roof this year.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("the budget was ready",),
            "indirect",
            QuoteRule.REPORTING_FRAME,
            "said",
            "Treasurer Lou Brandt",
            "Lou Brandt",
        ),
        QuoteView(
            ("“Every school gets a new roof this year.”",),
            "direct",
            QuoteRule.CONTINUATION,
            None,
            "Treasurer Lou Brandt",
            "Lou Brandt",
        ),
    ]


def test_a_continuation_two_paragraphs_after_its_speaker_is_dropped(annotate: Annotate) -> None:
    text = (
        "Treasurer Lou Brandt said the budget was ready.\n\n"
        "The vote is on Monday.\n\n"
        "“Every school gets a new roof this year.”"
    )
    assert [v.rule for v in quote_views(text, annotate(text))] == [QuoteRule.REPORTING_FRAME]


def test_a_continuation_without_a_speaker_close_by_is_dropped(annotate: Annotate) -> None:
    text = "The council met.\n\n“Every school gets a new roof this year.”"
    assert quote_views(text, annotate(text)) == []


def test_a_one_word_reply_in_a_run_of_dialogue_is_a_quote(annotate: Annotate) -> None:
    text = "Nora Quill looked at Edwin Marsh.\n\n“Will you come with me?” she asked him.\n\n“No.”"
    quotes = annotate(text).quotes
    assert [(text[q.start : q.end], q.rule) for q in quotes] == [
        ("“Will you come with me?”", QuoteRule.CUE_AFTER),
        ("“No.”", QuoteRule.CONTINUATION),
    ]
