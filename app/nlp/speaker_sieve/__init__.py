"""Speaker resolution: every quote's speaker phrase linked to the actor it names.

An ordered sieve of small named passes, most precise first (the shape of Stanford's multi-pass
coreference sieve and of CoreNLP's quote attribution). The first pass that decides wins, records
its name as the speaker's `rule`, and no later pass can override it. Quotes are resolved in text
order, so a pronoun can lean on the speakers resolved before it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from app.nlp.annotations import Actor, Quote, SpeakerRule
from app.nlp.dateline import dateline_span
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.dialogue import continuation, turn_taking
from app.nlp.speaker_sieve.names import descriptor_name, exact_name, name_variant
from app.nlp.speaker_sieve.nominals import (
    anonymous_source,
    definite_description,
    organization_nominal,
    role,
)
from app.nlp.speaker_sieve.pronouns import group_pronoun, person_pronoun, relative_pronoun

Pass = Callable[[SieveContext, Discourse, Slot], Resolution | None]

# What a relative pronoun's antecedent ("critics" in "critics who say") is resolved with.
ANTECEDENT_PASSES: tuple[Pass, ...] = (
    exact_name,
    name_variant,
    descriptor_name,
    anonymous_source,
    role,
    organization_nominal,
    definite_description,
)


def _first(passes: tuple[Pass, ...]) -> Pass:
    def first(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
        for sieve_pass in passes:
            found = sieve_pass(ctx, discourse, slot)
            if found is not None:
                return found
        return None

    return first


PASSES: tuple[Pass, ...] = (
    exact_name,
    name_variant,
    descriptor_name,
    anonymous_source,
    role,
    relative_pronoun(_first(ANTECEDENT_PASSES)),
    person_pronoun,
    group_pronoun,
    organization_nominal,
    definite_description,
    turn_taking,
    continuation,
)
resolve_one = _first(PASSES)


def make_slot(ctx: SieveContext, index: int, quote: Quote, start: int, end: int) -> Slot:
    """The speaker phrase and its head. A dateline never speaks: its phrase gives way to the noun
    phrase nearest before the cue. A possessor ("Norway's" in "Norway's fisheries minister, X,
    said") names whose speaker it is, not the speaker: the head moves to the possessed noun."""
    doc = ctx.doc
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if phrase is not None and ctx.in_dateline(phrase.start_char) and quote.cue is not None:
        phrase = _phrase_before_cue(ctx, quote.cue.start)
    if phrase is None or not len(phrase):
        return Slot(index, quote, None, None)
    head = phrase.root
    if head.dep_ == "poss" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        phrase = doc[min(head.left_edge.i, phrase.start) : max(head.i + 1, phrase.end)]
    return Slot(index, quote, phrase, head)


def _phrase_before_cue(ctx: SieveContext, cue: int) -> Span | None:
    """The last noun phrase of the writer's words between the dateline and the cue."""
    assert ctx.dateline is not None
    chunks = [
        chunk
        for chunk in ctx.doc.noun_chunks
        if ctx.dateline[1] <= chunk.start_char
        and chunk.end_char <= cue
        and not ctx.in_quote(chunk.start_char)
    ]
    return chunks[-1] if chunks else None


def resolve_speakers(doc: Doc, actors: list[Actor], quotes: list[Quote]) -> None:
    """Link each quote's speaker to an actor (or mark it anonymous), recording the deciding pass."""
    ctx = SieveContext(doc, actors, dateline_span(doc.text))
    discourse = Discourse()
    for index, quote in enumerate(sorted(quotes, key=lambda q: (q.start, q.end))):
        speaker = quote.speaker
        if speaker is None:
            continue
        slot = make_slot(ctx, index, quote, speaker.start, speaker.end)
        found = resolve_one(ctx, discourse, slot) or Resolution(SpeakerRule.UNRESOLVED)
        speaker.actor, speaker.anonymous = found.actor, found.anonymous
        speaker.affiliation, speaker.rule = found.affiliation, found.rule
        discourse.record(slot, found)
