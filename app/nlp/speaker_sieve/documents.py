"""Document pass: a letter, report or statement speaks for whoever it belongs to."""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.annotations import SpeakerRule
from app.nlp.cues import DOCUMENT_NOUNS, ORG_NOUNS
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.phrases import named_organization
from app.nlp.speaker_sieve.profiles import fold
from app.nlp.speaker_sieve.pronouns import pronoun_antecedent

# Prepositions that name a document's author: "a report by X", "a letter from X".
AUTHOR_PREPOSITIONS = frozenset({"by", "from"})


def document_owner(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "The union's letter says", "a report by X found", "her letter said": the document's owner."""
    head = slot.head
    if head is None or slot.cueless or fold(head.lemma_) not in DOCUMENT_NOUNS:
        return None
    for owner in _owners(head):
        actor = _owner_actor(ctx, discourse, owner, slot.position)
        if actor is not None:
            return Resolution(SpeakerRule.DOCUMENT_OWNER, actor)
    return None


def _owners(head: Token) -> list[Token]:
    owners = [c for c in head.lefts if c.dep_ == "poss"]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in AUTHOR_PREPOSITIONS:
            owners += [c for c in prep.children if c.dep_ == "pobj"]
    return owners


def _owner_actor(ctx: SieveContext, discourse: Discourse, owner: Token, position: int) -> int | None:
    if owner.pos_ == "PRON":
        return pronoun_antecedent(ctx, discourse, owner)
    actor = ctx.token_actor(owner, discourse)
    if actor is None and fold(owner.lemma_) in ORG_NOUNS:
        actor = named_organization(ctx, owner, position)
    return actor
