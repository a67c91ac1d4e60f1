"""Description passes: unnamed sources, roles, organisation nouns and descriptions in focus.

"A spokeswoman for the hospital" stays anonymous but affiliated; "the minister" is the person this
article called minister; "police" the police force it named; "the 47-year-old" whoever it is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.annotations import SpeakerRule
from app.nlp.countries import country_by_demonym
from app.nlp.cues import (
    ANONYMOUS_HEADS,
    COMPANY_NOUNS,
    DOCUMENT_NOUNS,
    INDEFINITE,
    ORG_NOUNS,
    PERSON_NOUN_SUFFIXES,
    PERSON_NOUNS,
    SPOKESPERSON_NOUNS,
)
from app.nlp.gender import Gender, compatible, noun_gender
from app.nlp.speaker_sieve.context import Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.focus import in_focus, previous_subject
from app.nlp.speaker_sieve.phrases import (
    affiliation,
    determiners,
    is_bare_plural,
    is_definite,
    named_organization,
    organization_named_by,
)
from app.nlp.speaker_sieve.profiles import ActorProfile, age_of, fold
from app.nlp.speaker_sieve.pronouns import pronoun_antecedent

_NOUN_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MODIFIER_DEPS = frozenset({"compound", "amod"})
# A description no earlier mention fits may name someone in this many following paragraphs.
CATAPHORA_PARAGRAPHS = 1


def anonymous_source(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "a senior official", "two people familiar with", "a spokeswoman for X": unnamed on purpose,
    kept anonymous with the organisation they speak for."""
    head = slot.head
    if head is None or slot.cueless or head.pos_ != "NOUN":
        return None
    lemma = fold(head.lemma_)
    indefinite = bool(determiners(head) & INDEFINITE) or is_bare_plural(head)
    if lemma in SPOKESPERSON_NOUNS and not any(lemma in p.role_words for p in ctx.profiles):
        # a spokesman the article named ("X, the ministry's spokesman,") is a person: see `role`
        rule = SpeakerRule.SPOKESPERSON
    elif indefinite and (lemma in ANONYMOUS_HEADS or _names_a_person(lemma)) and lemma not in ORG_NOUNS:
        rule = SpeakerRule.ANONYMOUS
    elif lemma in ANONYMOUS_HEADS and is_definite(head):
        return _earlier_unnamed(discourse, lemma)
    else:
        return None
    return Resolution(rule, anonymous=True, affiliation=affiliation(ctx, discourse, head))


def _possessor(ctx: SieveContext, discourse: Discourse, head: Token) -> int | None:
    """The actor a possessive before the head stands for ("her" in "her mother", "Ann's" in
    "Ann's lawyer"), if any."""
    owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if owner.pos_ == "PRON":
        return pronoun_antecedent(ctx, discourse, owner)
    return ctx.token_actor(owner, discourse)


def _names_a_person(lemma: str) -> bool:
    """ "the collector", "the biologist", "the mayor": a noun for a person, by lexicon or by an
    agent suffix."""
    return lemma in PERSON_NOUNS or lemma.endswith(PERSON_NOUN_SUFFIXES)


def _earlier_unnamed(discourse: Discourse, lemma: str) -> Resolution | None:
    """ "the official" after "a senior official said": the same unnamed source again."""
    for earlier_slot, earlier in reversed(discourse.turns):
        head = earlier_slot.head
        if earlier.anonymous and head is not None and fold(head.lemma_) == lemma:
            return Resolution(SpeakerRule.ANONYMOUS, anonymous=True, affiliation=earlier.affiliation)
    return None


def role(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "the mayor", "the senator", "the 58-year-old coach", "the Argentine", "the regulator": the
    person (or organisation) this article gave that role, age or nationality (introduced before, or
    just after in a lead)."""
    head = slot.head
    if head is None or slot.cueless or slot.phrase is None or head.pos_ not in _NOUN_POS:
        return None
    if not (is_definite(head) or age_of(slot.phrase.text)):
        return None
    lemma = fold(head.lemma_)
    modifiers = {fold(c.text) for c in head.lefts if c.dep_ in _MODIFIER_DEPS}
    modifiers |= {  # "the senator from Ostby"
        fold(obj.text)
        for prep in head.rights
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
    }
    age = age_of(slot.phrase.text)
    country = country_by_demonym(head.text)
    scored: list[tuple[int, int]] = []
    for index, profile in enumerate(ctx.profiles):
        if profile.type == "location":
            continue
        score = _role_score(profile, lemma, modifiers, age, country.code if country else None)
        if score:
            scored.append((score, index))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    fitting = {i for score, i in scored if score == best}
    actor = in_focus(ctx, discourse, head, fitting.__contains__)
    if actor is None:  # named only later, as in a lead ("..., its chief medical officer said.")
        actor = min(fitting, key=ctx.first_mention)
    return Resolution(SpeakerRule.ROLE, actor)


def _role_score(
    profile: ActorProfile, lemma: str, modifiers: set[str], age: str | None, country: str | None
) -> int:
    """How well a person fits a description: its head noun (or age, or nationality) must fit;
    each matching modifier ("finance" minister) counts once more."""
    roles = profile.role_words
    fits = (
        lemma in roles
        or (age is not None and age in profile.ages)
        or (country is not None and country in profile.countries)
    )
    if not fits:
        return 0
    nationalities = {c.code for m in modifiers if (c := country_by_demonym(m)) is not None}
    if nationalities and not nationalities & profile.countries and profile.countries:
        return 0  # "the Swedish minister" is not the one the article tied to Norway
    return 1 + len(modifiers & roles) + len(nationalities & profile.countries)


def organization_nominal(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "police said", "the ministry said", "the company said": the organisation the article named
    with that noun; a business noun with no such name goes to the business in focus."""
    head = slot.head
    if head is None or slot.cueless or head.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = fold(head.lemma_)
    if lemma not in ORG_NOUNS and lemma not in COMPANY_NOUNS:
        return None
    if not (is_definite(head) or is_bare_plural(head) or not determiners(head)):
        return None
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None and named_organization(ctx, head, slot.position) is None:
        # "Russia's foreign ministry": an unnamed body of the owner, affiliated with it.
        return Resolution(SpeakerRule.ORGANIZATION_NOMINAL, affiliation=ctx.token_actor(owner, discourse))
    actor = organization_named_by(ctx, discourse, head, slot.position)
    return Resolution(SpeakerRule.ORGANIZATION_NOMINAL, actor) if actor is not None else None


def definite_description(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "the collector", "the 47-year-old", "the Swede" with no role to match: the subject of the
    sentence before if the description fits them, else the nearest person it fits (gender, age,
    country): a description often shifts the focus to someone just mentioned."""
    head = slot.head
    if head is None or slot.cueless or slot.phrase is None or head.pos_ not in _NOUN_POS:
        return None
    lemma = fold(head.lemma_)
    age = age_of(slot.phrase.text)
    if lemma in ORG_NOUNS or lemma in COMPANY_NOUNS or lemma in DOCUMENT_NOUNS:
        return None
    if not (is_definite(head) or age):
        return None
    country = country_by_demonym(head.text)
    if head.text[:1].isupper() and country is None and age is None:
        return None  # "the Rabbit", "the Hatter": a character's name, not a description
    gender = noun_gender(lemma)
    if not (age or country or gender != Gender.UNKNOWN or _names_a_person(lemma)):
        return None  # "the cuts": no person
    owner = _possessor(ctx, discourse, head)  # "her mother" is not the woman "her" means

    def fits(actor: int) -> bool:
        profile = ctx.profiles[actor]
        return (
            profile.type == "person"
            and actor != owner
            and compatible(gender, profile.gender)
            and (age is None or not profile.ages or age in profile.ages)
            and (country is None or not profile.countries or country.code in profile.countries)
        )

    actor = previous_subject(ctx, discourse, head)
    if actor is None or not fits(actor):
        actor = next((ref.actor for ref in ctx.mentions_before(slot.position) if fits(ref.actor)), None)
    if actor is None:  # a lead names the person only after describing them
        actor = next(
            (ref.actor for ref in ctx.mentions_after(slot.position, CATAPHORA_PARAGRAPHS) if fits(ref.actor)),
            None,
        )
    return Resolution(SpeakerRule.DEFINITE_DESCRIPTION, actor) if actor is not None else None
