"""Rule 7, continuation: a paragraph of pure quotation with no cue continues the previous quote.

Weaker than any cue, so it runs after the adjacent cues. The draft carries no source: assembly
joins it to the quote of the paragraph before, or output gives it that quote's speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.nlp.annotations import QuoteRule
from app.nlp.quote_context import SPEECH_MIN_WORDS, QuoteContext
from app.nlp.quote_rules.draft import Draft, quotation_draft

INNER_STRIP = " \"'\u201c\u201d\u2018\u2019`"  # nested marks around the quoted words
TRAILING_STRIP = " .,"  # what may follow the closing mark in the paragraph


def _after_a_quotation_paragraph(ctx: QuoteContext, start: int) -> bool:
    """In a run of dialogue (a quotation in the paragraph before), even a one-word reply is speech."""
    para = ctx.para_of(start)
    return para > 0 and any(ctx.para_of(seg.start) == para - 1 for seg in ctx.segments)


def continuation(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """A quotation of four words or more that is a paragraph of its own (any length right after a
    paragraph with a quotation): speech, not a scare quote. (One inside a paragraph of narrative is
    the writer's, unless a cue claims it.)"""
    first, last = ctx.segments[group[0]], ctx.segments[group[-1]]
    inner = ctx.text[first.start + 1 : last.end - 1].strip(INNER_STRIP)
    min_words = 1 if _after_a_quotation_paragraph(ctx, first.start) else SPEECH_MIN_WORDS
    if len(inner.split()) < min_words or (not inner[:1].isupper() and not inner[:1].isdigit()):
        return None
    para_start, para_end = ctx.paragraph(first.start)
    if ctx.text[para_start : first.start].strip() or ctx.text[last.end : para_end].strip(TRAILING_STRIP):
        return None
    return quotation_draft(ctx, group, QuoteRule.CONTINUATION, None, None)
