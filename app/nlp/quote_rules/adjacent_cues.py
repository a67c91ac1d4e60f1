"""Rules 3-6, adjacent cues: a quotation no frame reports, with its cue right next to it.

In order of precision: a cue verb after the closing mark ("“...,” he said"), a cue verb before
the opening mark ("He added, “...”"), a bare name and a colon ("- Mark Smith: “...”"), and a
clause whose subject can speak ending in a colon ("She turned to the crowd: “...”").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from app.nlp.annotations import QuoteRule
from app.nlp.cues import LABEL_BOUNDARIES, NOT_SOURCES
from app.nlp.quote_context import CLAUSE_POS, QuoteContext
from app.nlp.quote_frames import subject_of
from app.nlp.quote_marks import Segment
from app.nlp.quote_rules.draft import Draft, quotation_draft
from app.nlp.quote_rules.syntax import (
    can_speak,
    governing_clauses,
    inverted_subject,
    is_cue_verb,
    subject_between,
)

NEAR_TOKENS = 8  # a cue at most this many tokens before an opening mark introduces it
SUBJECT_SLACK_TOKENS = 4  # room for a subject between the quotation and a cue ('," Ms. Ann Lee said')
FAR_SOURCE_TOKENS = 20  # a later cue still counts when its subject starts right after the quotation
NAME_LABEL_TOKENS = 6  # longest bare name before a colon ("- Mark Smith:")
CLOSING_MARKS = "\"'\u201d\u2019\u00bb "
SENTENCE_ENDS = frozenset({".", "?", "!"})
COLON = ":"


NOUN_MODIFIER_DEPS = frozenset({"det", "amod", "poss", "compound", "nummod"})


def cue_after(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """ "...," he said / said Bolton: a cue right after the closing mark, in the same sentence."""
    doc, seg = ctx.doc, ctx.segments[group[-1]]
    if _opens_inside_a_noun_phrase(ctx, ctx.segments[group[0]]):
        return None  # 'the so-called “experts” said': the quoted word is the subject, not speech
    if ctx.text[seg.start : seg.end].rstrip(CLOSING_MARKS).endswith("."):
        return None  # a closed sentence: what follows starts a new one ('"A." Smith said: "B."')
    para_end = ctx.paragraph(seg.start)[1]
    i = ctx.token_at(seg.end)
    if i < len(doc) and doc[i].idx < seg.end:
        i += 1
    near = i + NEAR_TOKENS + SUBJECT_SLACK_TOKENS
    for j in range(i, min(len(doc), near + FAR_SOURCE_TOKENS)):
        tok = doc[j]
        if tok.idx >= para_end or ctx.segment_at(tok.idx) is not None:
            return None
        if tok.text in SENTENCE_ENDS and j > i:
            return None
        if not is_cue_verb(tok):
            continue
        source = subject_of(tok)
        if j < near:
            source = source or subject_between(ctx, i, tok) or inverted_subject(ctx, tok, para_end)
            return quotation_draft(ctx, group, QuoteRule.CUE_AFTER, tok, source)
        if source is not None and source.left_edge.i <= i + 1:
            # '"...," X, the director of Y at Z, said': one long subject
            return quotation_draft(ctx, group, QuoteRule.CUE_AFTER, tok, source)
        return None
    return None


def _opens_inside_a_noun_phrase(ctx: QuoteContext, seg: Segment) -> bool:
    """The word before the opening mark modifies a word inside the quotation ("the so-called
    “experts”"): the quotation is part of the writer's noun phrase."""
    mark = ctx.token_at(seg.start)
    if mark == 0:
        return False
    before = ctx.doc[mark - 1]
    return before.dep_ in NOUN_MODIFIER_DEPS and ctx.segment_at(before.head.idx) is not None


@dataclass(frozen=True, slots=True)
class _Intro:
    """Where the words introducing a quotation end: before token `end`, not before `para_start`."""

    end: int
    para_start: int
    reach: int  # a cue verb may start this many tokens before `end`


def _intro(ctx: QuoteContext, seg: Segment) -> _Intro | None:
    """The quotation's own paragraph, or the previous one when the quotation opens a paragraph
    and the previous one ends in a colon; None when a paragraph-opening quotation has neither."""
    p = ctx.para_of(seg.start)
    para_start = ctx.paragraphs[p][0]
    if ctx.text[para_start : seg.start].strip() or p == 0:
        return _Intro(ctx.token_at(seg.start), para_start, NEAR_TOKENS)
    prev_start, prev_end = ctx.paragraphs[p - 1]
    if not ctx.text[prev_start:prev_end].rstrip().endswith(COLON):
        return None
    return _Intro(ctx.token_at(prev_end - 1), prev_start, NEAR_TOKENS + SUBJECT_SLACK_TOKENS)


def cue_before(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """He said: "..." / X added, "...": a cue verb with a subject just before the opening mark."""
    intro = _intro(ctx, ctx.segments[group[0]])
    if intro is None:
        return None
    doc = ctx.doc
    for j in range(intro.end - 1, max(0, intro.end - intro.reach) - 1, -1):
        tok = doc[j]
        if tok.idx < intro.para_start or ctx.segment_at(tok.idx) is not None or tok.text in SENTENCE_ENDS:
            return None
        if is_cue_verb(tok):
            source = subject_of(tok)
            if source is None or _names_its_object(ctx, tok, ctx.segments[group[0]]):
                return None
            return quotation_draft(ctx, group, QuoteRule.CUE_BEFORE, tok, source)
    return None


def _names_its_object(ctx: QuoteContext, verb: Token, seg: Segment) -> bool:
    """ "They have added a “kids corner”": a quotation inside the verb's object, after the
    writer's own determiner, names a thing the verb acts on; it is not what the subject said."""
    mark = ctx.token_at(seg.start)
    if mark == 0 or mark + 1 >= len(ctx.doc) or ctx.doc[mark - 1].dep_ != "det":
        return False
    word = ctx.doc[mark + 1]
    return any(a.dep_ == "dobj" and a.head.i == verb.i for a in (word, *word.ancestors))


def name_colon(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """ "... - Mark Smith: “...”": a bare name and a colon introduce the quotation."""
    intro = _intro(ctx, ctx.segments[group[0]])
    doc = ctx.doc
    if intro is None or intro.end == 0 or doc[intro.end - 1].text != COLON:
        return None
    i, para_start = intro.end, intro.para_start
    j = i - 2
    while j >= 0 and i - 2 - j < NAME_LABEL_TOKENS and doc[j].idx >= para_start and not doc[j].is_punct:
        if doc[j].pos_ in CLAUSE_POS:
            return None
        j -= 1
    label = doc[j + 1 : i - 1]
    if not len(label) or label.root.pos_ != "PROPN" or label.text.lower() in NOT_SOURCES:
        return None
    if j >= 0 and doc[j].idx >= para_start and doc[j].text not in LABEL_BOUNDARIES:
        return None
    return quotation_draft(ctx, group, QuoteRule.NAME_COLON, doc[i - 1], label.root)


def colon_intro(ctx: QuoteContext, group: Sequence[int]) -> Draft | None:
    """ "She then turned to the crowd: “...”": a clause whose subject can speak, then a colon."""
    intro = _intro(ctx, ctx.segments[group[0]])
    doc = ctx.doc
    if intro is None:
        return None
    i, para_start = intro.end, intro.para_start
    if i < 2 or doc[i - 1].text != COLON or doc[i - 2].idx < para_start:
        return None
    # Up the clause before the colon: "X apologized for what happened:" -> X.
    for verb, source in governing_clauses(ctx, doc[i - 2], limit=i - 1):
        if verb.idx >= para_start and can_speak(source):
            return quotation_draft(ctx, group, QuoteRule.COLON_INTRO, verb, source)
    return None
