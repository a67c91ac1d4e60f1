"""Rule 8, speaking clause: a long quotation inside a clause whose subject can speak.

"The mayor promised “a library in every district”" has no cue verb, but the writer's sentence
gives the quotation to its subject. The weakest evidence, so it runs last.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from app.nlp.annotations import QuoteRule
from app.nlp.quote_context import SPEECH_MIN_WORDS, QuoteContext
from app.nlp.quote_marks import Segment
from app.nlp.quote_rules.draft import Draft, quotation_draft
from app.nlp.quote_rules.syntax import can_speak, governing_clauses

COPULAS = frozenset({"be"})


def speaking_clause(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """The quotation, given to the subject of the nearest clause of the writer's around it."""
    first, last = ctx.segments[group[0]], ctx.segments[group[-1]]
    if len(ctx.text[first.start + 1 : last.end - 1].split()) < SPEECH_MIN_WORDS:
        return None
    subject = _sentence_subject(ctx, first)
    if subject is None:
        return None
    return quotation_draft(ctx, group, QuoteRule.SPEAKING_CLAUSE, None, subject)


def _sentence_subject(ctx: QuoteContext, seg: Segment) -> Token | None:
    """The speaking subject of the writer's sentence around a quotation, if it has one."""
    doc = ctx.doc
    first_word = doc[min(len(doc) - 1, ctx.token_at(seg.start) + 1)]
    for verb, subject in governing_clauses(ctx, first_word):  # the nearest clause of the writer's
        if verb.lemma_.lower() in COPULAS:
            return None  # "the motto was “...”": a clause that names words, not one that says them
        return subject if ctx.segment_at(subject.idx) is None and can_speak(subject) else None
    return None
