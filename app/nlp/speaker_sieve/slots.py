"""Reading a quote's speaker phrase: which words name the source, and which token heads them."""

from __future__ import annotations

from spacy.tokens import Span

from app.nlp.annotations import Quote
from app.nlp.speaker_sieve.context import SieveContext, Slot

# Noun phrases in these roles are objects in the writer's clause, never its speaking subject.
_OBJECT_DEPS = frozenset({"pobj", "dobj", "dative"})


def make_slot(ctx: SieveContext, index: int, quote: Quote, start: int, end: int) -> Slot:
    """The speaker phrase and its head. A dateline never speaks: a phrase that runs out of it is
    cut at its end, and one inside it gives way to the subject-like noun phrase nearest before the
    cue. A possessor ("Norway's" in "Norway's fisheries minister, X, said") names whose speaker it
    is, not the speaker: the head moves to the possessed noun."""
    doc = ctx.doc
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if phrase is not None and ctx.dateline is not None and ctx.in_dateline(phrase.start_char):
        phrase = _outside_dateline(ctx, phrase, ctx.dateline[1], quote)
    if phrase is None or not len(phrase):
        return Slot(index, quote, None, None)
    head = phrase.root
    if head.dep_ == "poss" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        phrase = doc[min(head.left_edge.i, phrase.start) : max(head.i + 1, phrase.end)]
    return Slot(index, quote, phrase, head)


def _outside_dateline(ctx: SieveContext, phrase: Span, dateline_end: int, quote: Quote) -> Span | None:
    if phrase.end_char > dateline_end:
        rest = ctx.doc.char_span(dateline_end, phrase.end_char, alignment_mode="contract")
        if rest is not None:
            words = [t for t in rest if not t.is_punct and not t.is_space]
            if words:
                return ctx.doc[words[0].i : words[-1].i + 1]
    if quote.cue is None:
        return None
    chunks = [
        chunk
        for chunk in ctx.doc.noun_chunks
        if dateline_end <= chunk.start_char
        and chunk.end_char <= quote.cue.start
        and not ctx.in_quote(chunk.start_char)
        and chunk.root.dep_ not in _OBJECT_DEPS
    ]
    return chunks[-1] if chunks else None
