"""Drafts: what a rule proposes before assembly, an immutable value handed from pass to pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from app.nlp.annotations import QuoteRule
from app.nlp.quote_context import QuoteContext, Span


@dataclass(frozen=True, slots=True)
class Draft:
    """A quote as a rule found it: character spans, cue span, source token, quoted segments."""

    rule: QuoteRule
    spans: tuple[Span, ...]
    cue: Span | None
    source: Token | None
    segments: tuple[int, ...] = ()  # indices of the quoted segments in the content
    lead_in: bool = False  # cue after the quotation: the sentence's words before it belong to it

    @property
    def continues(self) -> bool:
        """No cue of its own: the quote continues the previous quote's speaker."""
        return self.rule is QuoteRule.CONTINUATION


def quotation_draft(
    ctx: QuoteContext, group: Sequence[int], rule: QuoteRule, cue: Token | None, source: Token | None
) -> Draft:
    """A draft holding exactly one quotation (a segment and the paragraphs it runs on into)."""
    spans = tuple((ctx.segments[g].start, ctx.segments[g].end) for g in group)
    if cue is None:
        return Draft(rule, spans, None, source, tuple(group))
    lead_in = cue.idx >= ctx.segments[group[-1]].end
    return Draft(rule, spans, (cue.idx, cue.idx + len(cue)), source, tuple(group), lead_in)
