"""Assembly passes: interrupted quotations, lead-in words, continuation paragraphs."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule, SpeakerRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.assembly import extend_lead_ins, join_interrupted
from app.nlp.quote_rules.frames import reporting_frames
from tests.nlp.quote_views import DraftView, QuoteView, draft_view, quote_views

Annotate = Callable[[str], Annotation]
FRAME = QuoteRule.REPORTING_FRAME


def test_a_quotation_after_the_cue_joins_the_quote_before_it(nlp: Language) -> None:
    ctx = QuoteContext(nlp("“The pool is closed,” Ivo Stern said. “It needs a new roof.”"))
    drafts = reporting_frames(ctx, ())
    assert [draft_view(ctx, d) for d in join_interrupted(ctx, drafts)] == [
        DraftView(("“The pool is closed,”", "“It needs a new roof.”"), FRAME, "said", "Stern")
    ]


def test_quotations_with_their_own_cues_stay_apart(annotate: Annotate) -> None:
    text = "“We tried,” Maria Stern said. But she added, “We will try again in spring.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“We tried,”",), "direct", FRAME, "said", "Maria Stern", "Maria Stern"),
        QuoteView(("“We will try again in spring.”",), "direct", FRAME, "added", "she", "Maria Stern"),
    ]


def test_a_lead_in_takes_the_sentence_words_before_the_quotation(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Since May the pool “has lost swimmers every week,” Ivo Stern said."))
    drafts = extend_lead_ins(ctx, reporting_frames(ctx, ()))
    assert [draft_view(ctx, d) for d in drafts] == [
        DraftView(("Since May the pool “has lost swimmers every week,”",), FRAME, "said", "Stern")
    ]


def test_a_continuation_paragraph_joins_the_quote_it_continues_as_one_more_span(annotate: Annotate) -> None:
    # Joined only once the speaker sieve has found the same speaker going on (not an answer).
    text = "“The pool is closed,” Ivo Stern said.\n\n“It needs a new roof before the summer.”"
    annotation = annotate(text)
    assert quote_views(text, annotation) == [
        QuoteView(
            ("“The pool is closed,”", "“It needs a new roof before the summer.”"),
            "direct",
            FRAME,
            "said",
            "Ivo Stern",
            "Ivo Stern",
        )
    ]
    assert [q.speaker.rule for q in annotation.quotes if q.speaker] == [SpeakerRule.EXACT_NAME]


def test_an_answer_in_an_exchange_stays_a_quote_of_its_own(annotate: Annotate) -> None:
    text = "Ada Moss met Tom Berg.\n\n“Is the ferry late?” Moss asked Berg.\n\n“By an hour, as always.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(("“Is the ferry late?”",), "direct", QuoteRule.CUE_AFTER, "asked", "Moss", "Ada Moss"),
        QuoteView(
            ("“By an hour, as always.”",), "direct", QuoteRule.CONTINUATION, None, "Tom Berg", "Tom Berg"
        ),
    ]


def test_an_action_beat_after_the_speakers_own_quote_joins_it(annotate: Annotate) -> None:
    text = "Nora Quill sat down. “I am tired,” said Nora Quill. She closed her eyes. “Wake me at noon.”"
    (quote,) = annotate(text).quotes
    assert ([text[s:e] for s, e in quote.spans], quote.rule) == (
        ["“I am tired,”", "“Wake me at noon.”"],
        QuoteRule.REPORTING_FRAME,
    )
