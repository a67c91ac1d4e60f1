"""Who the story is about at a point in the text: the antecedent a pronoun or a bare description
most likely means.

Order of preference, as in salience-based resolvers (Lappin & Leass; CoreNLP's pronoun sieve):
the subject of a recent sentence, then the last speaker, then the nearest mention. A candidate
must pass `accept` (type, gender, not the addressee), so "she" skips a man however close he is.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from app.nlp.speaker_sieve.context import Discourse, SieveContext

# How many sentences back a subject still holds the focus, and how many quotes back a speaker.
SUBJECT_LOOKBACK_SENTENCES = 3
SPEAKER_LOOKBACK_TURNS = 3
# A pronoun subject met while looking back is itself resolved, this many levels deep at most.
MAX_PRONOUN_DEPTH = 2

Accept = Callable[[int], bool]
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def sentence_subject(sentence: Span) -> Token | None:
    """The subject of the sentence's main clause (the clause outside any quotation)."""
    root = sentence.root
    return next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)


def subject_actor(ctx: SieveContext, discourse: Discourse, subject: Token) -> int | None:
    """The actor a subject names, directly or through the name in apposition to it."""
    actor = ctx.token_actor(subject, discourse)
    if actor is not None:
        return actor
    for child in subject.children:
        if child.dep_ == "appos":
            actor = ctx.token_actor(child, discourse)
            if actor is not None:
                return actor
    return None


def in_focus(
    ctx: SieveContext,
    discourse: Discourse,
    token: Token,
    accept: Accept,
    pronoun_accept: Callable[[Token], Accept | None] | None = None,
    depth: int = 0,
) -> int | None:
    """The most salient acceptable actor before `token`."""
    here = ctx.sentence_index(token)
    for k in range(here - 1, max(-1, here - 1 - SUBJECT_LOOKBACK_SENTENCES), -1):
        sentence = ctx.sentences[k]
        speaker = _speaker_named_in(discourse, sentence)
        if speaker is not None:  # '“...?” asked Ann': the one who spoke is what the sentence is about
            if accept(speaker):
                return speaker
            continue
        if ctx.in_quote(sentence.root.idx):
            continue  # a sentence of quoted words: its "I" or "we" is the quoted speaker's
        subject = sentence_subject(sentence)
        if subject is None:
            continue
        actor = subject_actor(ctx, discourse, subject)
        if actor is None and pronoun_accept is not None and depth < MAX_PRONOUN_DEPTH:
            inner = pronoun_accept(subject)
            if inner is not None:
                actor = in_focus(ctx, discourse, subject, inner, pronoun_accept, depth + 1)
        if actor is not None and accept(actor):
            return actor
    for _, earlier in reversed(discourse.turns[-SPEAKER_LOOKBACK_TURNS:]):
        if earlier.actor is not None and accept(earlier.actor):
            return earlier.actor
    for ref in ctx.mentions_before(token.idx):
        if accept(ref.actor):
            return ref.actor
    return None


def _speaker_named_in(discourse: Discourse, sentence: Span) -> int | None:
    """The actor of a quote's speaker whose words lie in `sentence`, if one was resolved."""
    for slot, resolution in reversed(discourse.turns):
        head = slot.head
        if head is not None and sentence.start <= head.i < sentence.end and not slot.cueless:
            return resolution.actor
    return None


def previous_subject(ctx: SieveContext, discourse: Discourse, token: Token) -> int | None:
    """The actor the subject of the sentence before `token` names (quoted sentences skipped)."""
    subject = previous_subject_token(ctx, token)
    return subject_actor(ctx, discourse, subject) if subject is not None else None


def previous_subject_token(ctx: SieveContext, token: Token) -> Token | None:
    """The subject of the nearest sentence of the writer's before `token`, if it has one."""
    for k in range(ctx.sentence_index(token) - 1, -1, -1):
        sentence = ctx.sentences[k]
        if not ctx.in_quote(sentence.root.idx):
            return sentence_subject(sentence)
    return None
