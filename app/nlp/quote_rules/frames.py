"""Rule 1, reporting frames: a cue verb or noun the parse gives a source and a content clause.

The most precise evidence, so it runs first: the parse says who the source is and which words
are reported. Quotation marks only widen the content so a quotation is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from app.nlp.annotations import QuoteRule
from app.nlp.cues import WEAK_VERBS
from app.nlp.quote_context import CLAUSE_POS, QuoteContext, Span
from app.nlp.quote_frames import Frame, find_frames
from app.nlp.quote_rules.draft import Draft
from app.nlp.quote_rules.syntax import NAME_POS, can_speak, inverted_subject, is_cue_verb, subject_between
from app.nlp.quote_speaker import phrase_tokens

APPOSITIVE_TOKENS = 12  # "Col. Mark Olsen, a navy spokesman in Manila, said": longest appositive
APPOSITIVE_MARK = ","


def reporting_frames(ctx: QuoteContext, found: Sequence[Draft]) -> list[Draft]:
    """One draft per reporting frame outside quotation marks with a source or a quotation."""
    drafts: list[Draft] = []
    seen: set[tuple[Span, ...]] = set()
    for frame in _merge_noun_frames(find_frames(ctx.doc)):
        if ctx.segment_at(frame.cue_start) is not None:
            continue  # a cue inside quoted words is part of someone's quote, not a new one
        draft = _frame_draft(ctx, frame)
        if draft is None or draft.spans in seen:
            continue
        seen.add(draft.spans)
        drafts.append(draft)
    return drafts


def _merge_noun_frames(frames: list[Frame]) -> list[Frame]:
    """ "The U.S. assessment that A suggests B": one stance, held by the assessment's owner."""
    by_noun = {f.cue_token.i: f for f in frames if f.cue_token.pos_ == "NOUN"}
    merged_nouns: set[int] = set()
    out: list[Frame] = []
    for frame in frames:
        if frame.source is not None and frame.source.i in by_noun and frame.cue_token.pos_ == "VERB":
            noun = by_noun[frame.source.i]
            frame = replace(frame, content=sorted(set(frame.content) | set(noun.content)), source=noun.source)
            merged_nouns.add(noun.cue_token.i)
        out.append(frame)
    return [f for f in out if f.cue_token.i not in merged_nouns]


def _frame_draft(ctx: QuoteContext, frame: Frame) -> Draft | None:
    """The frame's content in the cue's paragraph, widened over quotations; None when too weak."""
    para = ctx.para_of(frame.cue_start)
    cue = frame.cue_token
    content, source = frame.content, frame.source
    if source is None and cue.pos_ == "VERB":
        content, source = _invert_source(ctx, frame, para)
    if source is None and cue.pos_ == "VERB":
        source = _subject_before(ctx, cue)
    content = _without_inverted_subject(ctx, content, cue, para)
    spans = [sp for sp in ctx.token_spans(content) if ctx.para_of(sp[0]) == para]
    spans = _drop_unquoted_tail(ctx, spans, frame.cue_start)
    spans = _before_next_cue(ctx, spans, cue)
    spans, segs = ctx.widen(spans)
    if not spans or (source is None and not segs):
        return None
    if (
        cue.lemma_.lower() in WEAK_VERBS
        and not segs
        and not any(ctx.doc[i].pos_ in CLAUSE_POS for i in content)
    ):
        return None  # "X believes in Y": a weak verb reports only a clause or a quotation
    lead_in = bool(segs) and frame.cue_start >= spans[-1][1] and ctx.kind(spans, segs) == "direct"
    return Draft(
        QuoteRule.REPORTING_FRAME,
        tuple(spans),
        (frame.cue_start, frame.cue_end),
        source,
        tuple(segs),
        lead_in,
    )


def _without_inverted_subject(ctx: QuoteContext, content: list[int], cue: Token, para: int) -> list[int]:
    """ "“A,” said she, “B.”": between two quotations, the words right after the cue name the
    speaker; however the parse hung them, they are not what was said."""
    doc = ctx.doc
    subject = inverted_subject(ctx, cue, ctx.paragraphs[para][1])
    if subject is None or ctx.segment_before(cue.idx) is None:
        return content
    lo, hi = phrase_tokens(subject)
    interrupted = (
        lo == cue.i + 1
        and hi + 1 < len(doc)
        and doc[hi].text == APPOSITIVE_MARK
        and ctx.segment_at(doc[hi + 1].idx) is not None
    )
    return [i for i in content if not lo <= i <= hi] if interrupted else content


def _drop_unquoted_tail(ctx: QuoteContext, spans: list[Span], cue: int) -> list[Span]:
    """ "“A,” Smith said, as the crowd left": after a quotation and its cue, unquoted words are
    the writer's scene-setting, not more of what was said."""
    if not any(e <= cue and ctx.quoted(s, e) for s, e in spans):
        return spans
    return [(s, e) for s, e in spans if e <= cue or ctx.quoted(s, e)]


def _before_next_cue(ctx: QuoteContext, spans: list[Span], cue: Token) -> list[Span]:
    """ "“A,” X said, adding of Y, “B.”": B belongs to "adding", a second attribution."""
    kept: list[Span] = []
    for start, end in spans:
        if start > cue.idx and any(is_cue_verb(t) for t in ctx.doc[cue.i + 1 : ctx.token_at(start)]):
            break
        kept.append((start, end))
    return kept


def _invert_source(ctx: QuoteContext, frame: Frame, para: int) -> tuple[list[int], Token | None]:
    """ ""...," said the group formed in 2017: the source follows the verb (and may be misparsed).
    Returns the content without the source's words, and the source (None when not found)."""
    verb, content = frame.cue_token, frame.content
    if not content or content[0] > verb.i:
        return content, None
    k = ctx.segment_before(verb.idx)
    quoted = k is not None and any(ctx.segment_at(ctx.doc[i].idx) == k for i in content)
    if k is not None and quoted and ctx.segments[k].end <= verb.idx:
        after_quote = ctx.token_at(ctx.segments[k].end - 1) + 1
        named = subject_between(ctx, after_quote, verb)
        if named is not None:  # '"...," Dale Whitford, founder of X, tells Y'
            return [i for i in content if i < after_quote], named
    source = inverted_subject(ctx, verb, ctx.paragraphs[para][1])
    if source is None:
        return content, None
    top = source
    while top.head.i != verb.i and top.head.i != top.i:
        top = top.head
    if top.head.i != verb.i:
        return content, None
    own = set(range(top.left_edge.i, top.right_edge.i + 1))
    return [i for i in content if i not in own], source


def _subject_before(ctx: QuoteContext, verb: Token) -> Token | None:
    """ "Col. Mark Olsen, a navy spokesman in Manila, said": the name before the cue,
    past any appositive between commas, when the parse gave the cue no subject."""
    doc, j = ctx.doc, verb.i - 1
    sent_start = verb.sent.start
    while j > sent_start and doc[j].text == APPOSITIVE_MARK:
        k = next(
            (
                k
                for k in range(j - 1, max(sent_start, j - APPOSITIVE_TOKENS) - 1, -1)
                if doc[k].text == APPOSITIVE_MARK
            ),
            None,
        )
        if k is None:
            break
        j = k - 1
    if j < sent_start or ctx.segment_at(doc[j].idx) is not None:
        return None
    tok = doc[j]
    if not (tok.pos_ in NAME_POS or (tok.pos_ == "NOUN" and can_speak(tok))):
        return None
    return tok
