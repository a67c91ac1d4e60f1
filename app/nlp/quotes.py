"""Quotes: who said what, from reporting frames in the parse and quotation marks in the text.

Ordered rules, most precise first (see `app.nlp.quote_rules`), over one read-only context:
document rules read the parse (frames, then "Name: words" labels); each quotation no frame or
label holds then takes the first quotation rule that fits (a cue right after or before it, a name
or clause ending in a colon, a paragraph of its own continuing the previous quote, a clause whose
subject can speak, a sentence about a person right before it). What no rule takes is a scare quote
or a title and is dropped. Assembly passes then join and extend the drafts, and output reads their
speaker phrases (the speaker sieve links those to actors).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from app.nlp.annotations import Quote
from app.nlp.doc_text import text_of
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.action_beat import action_beat
from app.nlp.quote_rules.adjacent_cues import colon_intro, cue_after, cue_before, name_colon
from app.nlp.quote_rules.assembly import extend_lead_ins, join_interrupted
from app.nlp.quote_rules.continuation import continuation
from app.nlp.quote_rules.draft import Draft
from app.nlp.quote_rules.frames import reporting_frames
from app.nlp.quote_rules.labels import speaker_labels
from app.nlp.quote_rules.output import finish
from app.nlp.quote_rules.speaking_clause import speaking_clause

DocumentRule = Callable[[QuoteContext, Sequence[Draft]], list[Draft]]
QuotationRule = Callable[[QuoteContext, Sequence[int]], Draft | None]

# Rules over the whole document, in order; each sees the drafts of the rules before it.
DOCUMENT_RULES: tuple[DocumentRule, ...] = (reporting_frames, speaker_labels)
# Rules over one unclaimed quotation, in order; the first that returns a draft claims it.
QUOTATION_RULES: tuple[QuotationRule, ...] = (
    cue_after,
    cue_before,
    name_colon,
    colon_intro,
    continuation,
    speaking_clause,
    action_beat,
)


def find_quotes(doc: Doc) -> list[Quote]:
    """All quotes of `doc`, sorted by start. A failure is raised, not hidden: the article is then
    stored as failed, with the error, and re-annotated later."""
    if not text_of(doc).strip():
        return []
    return _find(QuoteContext(doc))


def _find(ctx: QuoteContext) -> list[Quote]:
    drafts: list[Draft] = []
    for document_rule in DOCUMENT_RULES:
        drafts += document_rule(ctx, tuple(drafts))
    drafts += _quotation_drafts(ctx, {k for d in drafts for k in d.segments})
    drafts = extend_lead_ins(ctx, join_interrupted(ctx, drafts))
    drafts.sort(key=lambda d: d.spans[0][0])
    return finish(ctx, drafts)


def _quotation_drafts(ctx: QuoteContext, claimed: set[int]) -> list[Draft]:
    """A draft for each quotation (with the paragraphs it runs on into) that no draft holds yet."""
    drafts: list[Draft] = []
    k = 0
    while k < len(ctx.segments):
        group = ctx.group(k)
        k = group[-1] + 1
        if any(g in claimed for g in group):
            continue
        draft = next((d for rule in QUOTATION_RULES if (d := rule(ctx, group)) is not None), None)
        if draft is not None:
            drafts.append(draft)
    return drafts
