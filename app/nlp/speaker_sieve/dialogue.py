"""Passes for quotations with no cue of their own: the talk goes on, or it changes hands.

A cue-less quotation paragraph after a quote continues its speaker, as news writes it; inside a
two-person exchange (a question and its answer in adjacent paragraphs) the next untagged line is
the other party's turn, as dialogue in narrative writes it.
"""

from __future__ import annotations

from app.nlp.annotations import SpeakerRule
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot

QUESTION_END = ("?", "?\u201d", "?\u2019", '?"', "?'")


def turn_taking(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """A, then B in the next paragraph answering A's question (or itself a turn), then this
    untagged line: A's turn again."""
    if not slot.cueless or len(discourse.turns) < 2:
        return None
    (slot_a, turn_a), (slot_b, turn_b) = discourse.turns[-2], discourse.turns[-1]
    if turn_a.actor is None or turn_b.actor is None or turn_a.actor == turn_b.actor:
        return None
    para_a, para_b, para_here = (
        ctx.paragraph_index(slot_a.quote.start),
        ctx.paragraph_index(slot_b.quote.start),
        ctx.paragraph_index(slot.quote.start),
    )
    if not para_a + 1 == para_b == para_here - 1:
        return None
    asked = ctx.text[slot_a.quote.start : slot_a.quote.end].rstrip().endswith(QUESTION_END)
    if not (asked or turn_b.rule == SpeakerRule.TURN_TAKING):
        return None
    speaker = slot_a.quote.speaker
    words = (speaker.start, speaker.end) if speaker is not None else None
    return Resolution(SpeakerRule.TURN_TAKING, turn_a.actor, turn_a.anonymous, turn_a.affiliation, words)


def continuation(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """A cue-less quotation paragraph right after a quote: the same speaker goes on."""
    if not slot.cueless or not discourse.turns:
        return None
    _, last = discourse.turns[-1]
    return Resolution(SpeakerRule.CONTINUATION, last.actor, last.anonymous, last.affiliation)
