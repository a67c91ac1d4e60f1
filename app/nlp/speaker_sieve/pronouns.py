"""Pronoun passes: "who" to its antecedent, "he"/"she" to the person in focus of that gender,
"they"/"we"/"it" to the organisation in focus."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from app.nlp.annotations import SpeakerRule
from app.nlp.cues import (
    GROUP_PRONOUNS,
    NARRATOR_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPLY_VERBS,
    THING_PRONOUNS,
)
from app.nlp.gender import compatible, pronoun_gender
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.focus import Accept, in_focus, previous_subject_token
from app.nlp.speaker_sieve.phrases import PLURAL_TAGS

_ADDRESSEE_DEPS = frozenset({"dobj", "dative"})
_ADDRESSEE_PREPOSITIONS = frozenset({"to"})

Resolver = Callable[[SieveContext, Discourse, Slot], Resolution | None]
Antecedent = Callable[[SieveContext, Discourse, Token], int | None]


def relative_pronoun(resolve_antecedent: Resolver) -> Resolver:
    """ "critics who say ...": "who" speaks for its antecedent, resolved by the passes before."""

    def relative_pronoun(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
        head = slot.head
        if head is None or slot.cueless or head.lower_ not in RELATIVE_PRONOUNS:
            return None
        clause = head.head
        if clause.dep_ != "relcl" or clause.head.i == head.i:
            return None
        antecedent = clause.head
        found = resolve_antecedent(
            ctx, discourse, Slot(slot.index, slot.quote, ctx.doc[antecedent.i : antecedent.i + 1], antecedent)
        )
        if found is None:
            return None
        return Resolution(SpeakerRule.RELATIVE_PRONOUN, found.actor, found.anonymous, found.affiliation)

    return relative_pronoun


def person_pronoun(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "she said": the person in focus whose gender fits, never the one she is talking to, and
    never the one she answers ("“I cannot sleep,” said Anna. “Nor can I,” she replied.")."""
    head = slot.head
    if head is None or slot.cueless:
        return None
    accept = _person_accept(ctx, discourse, head)
    if accept is None:
        return None
    answered = _answered(ctx, discourse, slot)
    actor = in_focus(
        ctx,
        discourse,
        head,
        lambda a: accept(a) and a != answered,
        lambda t: _person_accept(ctx, discourse, t),
    )
    return Resolution(SpeakerRule.PRONOUN, actor) if actor is not None else None


def _answered(ctx: SieveContext, discourse: Discourse, slot: Slot) -> int | None:
    """The speaker of the quote just before, when this one's cue is a reply ("replied", "answered")."""
    cue = slot.quote.cue
    if cue is None or not discourse.turns:
        return None
    verb = ctx.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if verb is None or verb.root.lemma_.lower() not in REPLY_VERBS:
        return None
    previous_slot, previous = discourse.turns[-1]
    if ctx.paragraph_index(slot.quote.start) - ctx.paragraph_index(previous_slot.quote.start) > 1:
        return None
    return previous.actor


def group_pronoun(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "they said in a statement", "it said": the organisation in focus (a country for "it"); but
    "they" after a sentence about a group ("Shopkeepers said ...") is that group: the organisation
    its words name ("Volunteers from the X Association") or else an unnamed, anonymous group."""
    head = slot.head
    if head is not None and not slot.cueless and _subject_form(head) in GROUP_PRONOUNS:
        group = _plural_subject_before(ctx, discourse, head)
        if group is not None:
            return group
    return _by_antecedent(ctx, discourse, slot, SpeakerRule.GROUP_PRONOUN, _group_antecedent)


def _plural_subject_before(ctx: SieveContext, discourse: Discourse, pronoun: Token) -> Resolution | None:
    subject = previous_subject_token(ctx, pronoun)
    if subject is None or subject.tag_ not in PLURAL_TAGS or subject.pos_ != "NOUN":
        return None
    if ctx.token_actor(subject, discourse) is not None:
        return None  # a named group: the organisation passes know it
    for token in subject.subtree:  # "Members of X", "Volunteers from X", "pilots, who belong to X,"
        owner = ctx.token_actor(token, discourse)
        if owner is not None and ctx.profiles[owner].type == "organization":
            return Resolution(SpeakerRule.GROUP_PRONOUN, owner)
    return Resolution(SpeakerRule.GROUP_PRONOUN, anonymous=True)


def _by_antecedent(
    ctx: SieveContext, discourse: Discourse, slot: Slot, rule: SpeakerRule, antecedent: Antecedent
) -> Resolution | None:
    head = slot.head
    if head is None or slot.cueless:
        return None
    actor = antecedent(ctx, discourse, head)
    return Resolution(rule, actor) if actor is not None else None


def pronoun_antecedent(ctx: SieveContext, discourse: Discourse, pronoun: Token) -> int | None:
    """The actor a pronoun or possessive ("she", "her", "its") stands for, as the passes would read it."""
    person = _person_antecedent(ctx, discourse, pronoun)
    return person if person is not None else _group_antecedent(ctx, discourse, pronoun)


def _subject_form(pronoun: Token) -> str:
    return POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)


def _person_antecedent(ctx: SieveContext, discourse: Discourse, pronoun: Token) -> int | None:
    accept = _person_accept(ctx, discourse, pronoun)
    if accept is None:
        return None
    return in_focus(ctx, discourse, pronoun, accept, lambda t: _person_accept(ctx, discourse, t))


def _person_accept(ctx: SieveContext, discourse: Discourse, pronoun: Token) -> Accept | None:
    form = _subject_form(pronoun)
    if form not in PERSON_PRONOUNS or form in NARRATOR_PRONOUNS:
        return None  # "“Yes,” I said": the narrator, whom no mention names
    gender = pronoun_gender(_subject_form(pronoun))
    addressees = {
        actor
        for token in addressed(pronoun.head)
        if not ctx.in_quote(token.idx)
        for actor in [ctx.token_actor(token, discourse)]
        if actor is not None
    }

    def accept(actor: int) -> bool:
        profile = ctx.profiles[actor]
        return profile.type == "person" and compatible(gender, profile.gender) and actor not in addressees

    return accept


def _group_antecedent(ctx: SieveContext, discourse: Discourse, pronoun: Token) -> int | None:
    form = _subject_form(pronoun)
    if form not in GROUP_PRONOUNS | THING_PRONOUNS:
        return None
    countries_too = form in THING_PRONOUNS

    def accept(actor: int) -> bool:
        profile = ctx.profiles[actor]
        return profile.type == "organization" or (countries_too and bool(ctx.actors[actor].country_code))

    return in_focus(ctx, discourse, pronoun, accept)


def addressed(verb: Token) -> list[Token]:
    """Who a cue is spoken to: "told Smith", "said to Smith", "asked him"."""
    found = [c for c in verb.children if c.dep_ in _ADDRESSEE_DEPS]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _ADDRESSEE_PREPOSITIONS:
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found
