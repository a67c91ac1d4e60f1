"""Passes for quotations with no cue of their own: the talk goes on, or it changes hands.

A cue-less quotation paragraph after a quote continues its speaker, as news writes it; inside a
two-person exchange the next untagged line is the other party's turn, as dialogue in narrative
writes it. An exchange is evident when the turns already alternate (A, then B answering A's
question), or when the last speaker asked a question of someone the text names: the person
addressed ("she asked Tom", "“Tom, will you come?”").
"""

from __future__ import annotations

import re

from app.nlp.annotations import SpeakerRule
from app.nlp.cues import VOCATIVE_OPENER_WORDS
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.pronouns import addressed, pronoun_antecedent

QUESTION_END = re.compile(r"\?[\u201d\u2019\"']*\s*$")
# A name is spoken to when it opens the quotation (after at most these words) or follows a comma,
# and a comma, question or exclamation mark closes it: "“My dear Tom, ...", "“..., Tom?”".
VOCATIVE_OPENERS = re.compile(
    rf"^[\s\u201c\u2018\"']*(?:(?:{'|'.join(sorted(VOCATIVE_OPENER_WORDS))})\.?[\s,]+)*$", re.IGNORECASE
)
VOCATIVE_CLOSERS = (",", "?", "!")
PRONOUN_POS = "PRON"
# How many earlier turns of an exchange may name the person spoken to.
EXCHANGE_LOOKBACK_TURNS = 3


def turn_taking(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """An untagged line in a two-person exchange: the other party's turn."""
    if not slot.cueless or not discourse.turns:
        return None
    return _alternation(ctx, discourse, slot) or _answer(ctx, discourse, slot)


def continuation(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """A cue-less quotation paragraph right after a quote: the same speaker goes on."""
    if not slot.cueless or not discourse.turns:
        return None
    _, last = discourse.turns[-1]
    return Resolution(SpeakerRule.CONTINUATION, last.actor, last.anonymous, last.affiliation)


def _alternation(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """A, then B in the next paragraph, one of them asking (or B's line itself a turn), then this
    untagged line: A's turn again."""
    if len(discourse.turns) < 2:
        return None
    (slot_a, turn_a), (slot_b, turn_b) = discourse.turns[-2], discourse.turns[-1]
    if turn_a.actor is None or turn_b.actor is None or turn_a.actor == turn_b.actor:
        return None
    para_a, para_b = ctx.paragraph_index(slot_a.quote.start), ctx.paragraph_index(slot_b.quote.start)
    if not para_a + 1 == para_b == ctx.paragraph_index(slot.quote.start) - 1:
        return None
    if not (_is_question(ctx, slot_a) or _is_question(ctx, slot_b) or turn_b.rule == SpeakerRule.TURN_TAKING):
        return None
    speaker = slot_a.quote.speaker
    words = (speaker.start, speaker.end) if speaker is not None else None
    return Resolution(SpeakerRule.TURN_TAKING, turn_a.actor, turn_a.anonymous, turn_a.affiliation, words)


def _answer(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """B asked a question of someone the text names, in the paragraph before: this untagged line
    is that person's answer."""
    slot_b, turn_b = discourse.turns[-1]
    asker = turn_b.actor
    if asker is None or not _is_question(ctx, slot_b):
        return None
    if ctx.paragraph_index(slot_b.quote.start) != ctx.paragraph_index(slot.quote.start) - 1:
        return None
    partner = _spoken_to(ctx, discourse, asker)
    if partner is None:
        return None
    named = next((r for r in ctx.mentions_before(slot.position) if r.actor == partner), None)
    return Resolution(SpeakerRule.TURN_TAKING, partner, words=(named.start, named.end) if named else None)


def _spoken_to(ctx: SieveContext, discourse: Discourse, asker: int) -> int | None:
    """The person the asker addressed in the last turns of the exchange, by cue or by name."""
    for earlier_slot, earlier in reversed(discourse.turns[-EXCHANGE_LOOKBACK_TURNS:]):
        if earlier.actor != asker:
            return None  # someone else spoke in between: the exchange started after that
        head = earlier_slot.head
        cue_verb = head.head if head is not None else None
        for token in addressed(cue_verb) if cue_verb is not None else []:
            actor = ctx.actor_at(token.idx, token.idx + len(token))
            if actor is None and token.pos_ == PRONOUN_POS:  # "she asked him"
                actor = pronoun_antecedent(ctx, discourse, token)
            if actor is not None and actor != asker and ctx.profiles[actor].type == "person":
                return actor
        for start, end in earlier_slot.quote.spans:
            actor = _vocative(ctx, start, end, asker)
            if actor is not None:
                return actor
    return None


def _vocative(ctx: SieveContext, start: int, end: int, asker: int) -> int | None:
    """A person named as the one spoken to inside the quoted words [start, end)."""
    for ref in ctx.mentions:
        if not start <= ref.start < end or ref.actor == asker or ctx.profiles[ref.actor].type != "person":
            continue
        before = ctx.text[start : ref.start]
        opens = bool(VOCATIVE_OPENERS.match(before)) or before.rstrip().endswith(",")
        if opens and ctx.text[ref.end : ref.end + 1] in VOCATIVE_CLOSERS:
            return ref.actor
    return None


def _is_question(ctx: SieveContext, slot: Slot) -> bool:
    return bool(QUESTION_END.search(ctx.text[slot.quote.start : slot.quote.end]))
