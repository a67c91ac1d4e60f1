"""Rule 9, action beat: "Edmund shrugged. “Perhaps not.”" gives the quotation to the person the
sentence before it is about, as dialogue in narrative is written. Weaker than any cue or clause,
so it runs last, and only when the quotation closes the paragraph the writer's sentence opens.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from app.nlp.annotations import QuoteRule
from app.nlp.cues import PERSON_NOUNS, PERSON_PRONOUNS
from app.nlp.gazetteer import PERSON_TITLES
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.draft import Draft, quotation_draft

SENTENCE_END_MARKS = ".!?"
TRAILING_STRIP = " .,"  # what may follow the closing mark in the paragraph
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_ENTITY = "PERSON"
NAME_POS = "PROPN"
NOUN_POS = "NOUN"


def action_beat(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """The quotation, given to the person who is the subject of the sentence right before it."""
    first, last = ctx.segments[group[0]], ctx.segments[group[-1]]
    para_start, para_end = ctx.paragraph(first.start)
    before = ctx.text[para_start : first.start].rstrip()
    if not before or before[-1] not in SENTENCE_END_MARKS or ctx.segment_at(len(before) - 1 + para_start):
        return None  # the quotation must follow a finished sentence of the writer's
    if ctx.text[last.end : para_end].strip(TRAILING_STRIP):
        return None  # and close the paragraph
    subject = _person_subject(ctx, ctx.doc[ctx.token_at(para_start + len(before) - 1)])
    return quotation_draft(ctx, group, QuoteRule.ACTION_BEAT, None, subject) if subject else None


def _person_subject(ctx: QuoteContext, last: Token) -> Token | None:
    """The subject of the sentence ending at `last` when it names a person: a name, a personal
    pronoun, or a noun for a person ("the captain")."""
    root = last.sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or ctx.segment_at(subject.idx) is not None:
        return None
    if subject.ent_type_ == PERSON_ENTITY or subject.pos_ == NAME_POS or subject.lower_ in PERSON_PRONOUNS:
        return subject
    lemma = subject.lemma_.lower()
    if subject.pos_ == NOUN_POS and (lemma in PERSON_NOUNS or lemma in PERSON_TITLES):
        return subject  # "The captain laughed. “...”"
    return None
