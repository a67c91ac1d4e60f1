"""Output: drafts become `Quote`s, each source token read as the speaker phrase that names it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from app.nlp.annotations import Quote, Speaker, TextSpan
from app.nlp.cues import RELATIVE_PRONOUNS
from app.nlp.quote_context import QuoteContext, Span
from app.nlp.quote_rules.draft import Draft
from app.nlp.quote_rules.syntax import SPEAKER_POS, inverted_subject
from app.nlp.quote_speaker import speaker_phrase

CONTINUATION_MAX_PARAGRAPHS = 1  # a continuation is at most this many paragraphs after its speaker
RELATIVE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def finish(ctx: QuoteContext, drafts: list[Draft]) -> list[Quote]:
    """Quotes of the drafts (in order, so a continuation meets its speaker first), sorted by start."""
    quotes: list[Quote] = []
    last: tuple[Speaker, int] | None = None  # latest speaker and the paragraph its quote ends in
    for d in drafts:
        spans = ctx.without_dateline(sorted(d.spans))
        if not spans:
            continue
        speaker: Speaker | None = None
        if d.continues:
            if last is None or ctx.para_of(spans[0][0]) - last[1] > CONTINUATION_MAX_PARAGRAPHS:
                continue
            speaker = replace(last[0])
        elif d.source is not None:
            speaker = _speaker(ctx, d, d.source)
        cue = TextSpan(d.cue[0], d.cue[1], ctx.text[d.cue[0] : d.cue[1]]) if d.cue else None
        quotes.append(
            Quote(spans[0][0], spans[-1][1], spans, ctx.kind(spans, d.segments), cue, speaker, d.rule)
        )
        if speaker is not None:
            last = speaker, ctx.para_of(spans[-1][1] - 1)
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes


def _speaker(ctx: QuoteContext, d: Draft, source: Token) -> Speaker | None:
    """The speaker phrase of a draft's source; None when only quoted words could name it."""
    found: Token | None = source
    if ctx.segment_at(source.idx) is not None and d.cue is not None:
        found = _source_outside_quotes(ctx, ctx.doc[ctx.token_at(d.cue[0])])
    if found is None:
        return None
    speaker = speaker_phrase(found)
    relative = _relative_subject(ctx, d.cue, found)
    if relative is not None:
        # "critics who say ...": the words naming the source are "who"; the actor is the critics'
        speaker = replace(speaker, start=relative.idx, end=relative.idx + len(relative), text=relative.text)
    return speaker


def _relative_subject(ctx: QuoteContext, cue: Span | None, source: Token) -> Token | None:
    """The relative pronoun through which a cue in a relative clause reaches its source."""
    if cue is None:
        return None
    verb = ctx.doc[ctx.token_at(cue[0])]
    if verb.dep_ != "relcl" or verb.head.i != source.i:
        return None
    return next(
        (c for c in verb.children if c.dep_ in RELATIVE_SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS),
        None,
    )


def _source_outside_quotes(ctx: QuoteContext, verb: Token) -> Token | None:
    """A speaker the parse found inside the quoted words ("“My mistake,” Vance said") is
    wrong: take the name right before the cue, or the one right after it."""
    before = ctx.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in SPEAKER_POS and ctx.segment_at(before.idx) is None:
        return before
    after = inverted_subject(ctx, verb, ctx.paragraph(verb.idx)[1])
    return after if after is not None and ctx.segment_at(after.idx) is None else None
