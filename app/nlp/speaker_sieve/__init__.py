"""Speaker resolution: every quote's speaker phrase linked to the actor it names.

An ordered sieve of small named passes, most precise first (the shape of Stanford's multi-pass
coreference sieve and of CoreNLP's quote attribution). The first pass that decides wins, records
its name as the speaker's `rule`, and no later pass can override it. Quotes are resolved in text
order, so a pronoun can lean on the speakers resolved before it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from app.nlp.annotations import Actor, Quote, SpeakerRule
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.dialogue import continuation, turn_taking
from app.nlp.speaker_sieve.documents import document_owner
from app.nlp.speaker_sieve.names import descriptor_name, exact_name, name_variant
from app.nlp.speaker_sieve.nominals import (
    anonymous_source,
    definite_description,
    organization_nominal,
    role,
)
from app.nlp.speaker_sieve.pronouns import group_pronoun, person_pronoun, relative_pronoun
from app.nlp.speaker_sieve.slots import make_slot

Pass = Callable[[SieveContext, Discourse, Slot], Resolution | None]


def _first(passes: tuple[Pass, ...]) -> Pass:
    def first(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
        for sieve_pass in passes:
            found = sieve_pass(ctx, discourse, slot)
            if found is not None:
                return found
        return None

    return first


# Passes that read the phrase itself: a name, a description beside a name, a document, a role.
PHRASE_PASSES: tuple[Pass, ...] = (
    exact_name,
    name_variant,
    descriptor_name,
    document_owner,
    anonymous_source,
    role,
)
# Passes that read a noun phrase as a reference to someone the story names.
NOMINAL_PASSES: tuple[Pass, ...] = (organization_nominal, definite_description)
# The sieve, most precise first. A relative pronoun's antecedent ("critics" in "critics who say")
# is resolved by the phrase and nominal passes.
PASSES: tuple[Pass, ...] = (
    *PHRASE_PASSES,
    relative_pronoun(_first(PHRASE_PASSES + NOMINAL_PASSES)),
    person_pronoun,
    group_pronoun,
    *NOMINAL_PASSES,
    turn_taking,
    continuation,
)
resolve_one = _first(PASSES)


def resolve_speakers(doc: Doc, actors: list[Actor], quotes: list[Quote]) -> None:
    """Link each quote's speaker to an actor (or mark it anonymous), recording the deciding pass."""
    ctx = SieveContext(doc, actors)
    discourse = Discourse()
    for index, quote in enumerate(sorted(quotes, key=lambda q: (q.start, q.end))):
        speaker = quote.speaker
        if speaker is None:
            continue
        slot = make_slot(ctx, index, quote, speaker.start, speaker.end)
        if slot.phrase is not None and not slot.cueless and ctx.in_dateline(speaker.start):
            speaker.start, speaker.end = slot.phrase.start_char, slot.phrase.end_char
            speaker.text = slot.phrase.text  # the dateline named no one: name the words that do
        found = resolve_one(ctx, discourse, slot) or Resolution(SpeakerRule.UNRESOLVED)
        speaker.actor, speaker.anonymous = found.actor, found.anonymous
        speaker.affiliation, speaker.rule = found.affiliation, found.rule
        if found.words is not None:
            speaker.start, speaker.end = found.words
            speaker.text = ctx.text[speaker.start : speaker.end]
        discourse.record(slot, found)
