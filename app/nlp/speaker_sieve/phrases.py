"""Small readings of a speaker phrase shared by several passes: its determiners, whether it is
definite, plural, and the organisation it is affiliated with."""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.countries import country_by_demonym
from app.nlp.cues import COMPANY_NOUNS, DEFINITE_DETERMINERS, GENERIC_ORG_NOUNS, INSTITUTION_WORDS
from app.nlp.speaker_sieve.context import Discourse, SieveContext
from app.nlp.speaker_sieve.focus import in_focus
from app.nlp.speaker_sieve.profiles import ActorProfile, fold

_DETERMINER_DEPS = frozenset({"det", "nummod", "amod", "predet", "poss"})
_AFFILIATION_PREPS = frozenset({"for", "of", "at", "from", "with"})
# Words before a head that can name who it belongs to: "the ministry's", "a Kestrel", "a French".
_OWNER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def determiners(head: Token) -> set[str]:
    return {c.lower_ for c in head.lefts if c.dep_ in _DETERMINER_DEPS}


def is_definite(head: Token) -> bool:
    """ "the mayor", "its founder", "the union's president": a description of someone known."""
    return any((c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" for c in head.lefts)


def is_bare_plural(head: Token) -> bool:
    return head.tag_ in PLURAL_TAGS and not any(c.dep_ in ("det", "poss") for c in head.lefts)


def named_organization(ctx: SieveContext, noun: Token, before: int) -> int | None:
    """The organisation a common noun ("the ministry", "police") names in this article: one whose
    name contains the noun, the latest mentioned before `before` (or the first after)."""
    lemma = fold(noun.lemma_)
    word = fold(noun.text)
    matches = [
        i
        for i, p in enumerate(ctx.profiles)
        if p.type == "organization" and (lemma in p.words or word in p.words)
    ]
    return latest_before(ctx, matches, before)


def latest_before(ctx: SieveContext, actors: list[int], before: int) -> int | None:
    """Of `actors`, the one mentioned last before `before`; failing that, the first mentioned."""
    if not actors:
        return None
    wanted = set(actors)
    for ref in ctx.mentions_before(before):
        if ref.actor in wanted:
            return ref.actor
    return min(actors, key=ctx.first_mention)


def affiliation(ctx: SieveContext, discourse: Discourse, head: Token) -> int | None:
    """The organisation an unnamed source speaks for: "a spokeswoman for X", "the ministry's
    spokesman", "a Kestrel manager"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = _organization_of(ctx, discourse, obj)
                    if found is not None:
                        return found
    for child in head.lefts:
        if child.dep_ in _OWNER_DEPS:
            found = _organization_of(ctx, discourse, child)
            if found is not None:
                return found
    return None


def _organization_of(ctx: SieveContext, discourse: Discourse, token: Token) -> int | None:
    actor = ctx.token_actor(token, discourse)
    if actor is not None:
        return actor
    country = country_by_demonym(token.text)
    if country is not None:  # "a French official": France, when the article has it as an actor
        return next((i for i, a in enumerate(ctx.actors) if a.country_code == country.code), None)
    if token.text[:1].isupper():  # "a Kestrel manager": the first word of "Kestrel Airways"
        key = fold(token.text)
        short = [i for i, p in enumerate(ctx.profiles) if p.type == "organization" and key in p.short_forms]
        return latest_before(ctx, short, token.idx)
    if token.pos_ == "NOUN":  # "a spokeswoman for the hospital"
        return organization_named_by(ctx, discourse, token, token.idx)
    return None


def organization_named_by(ctx: SieveContext, discourse: Discourse, noun: Token, before: int) -> int | None:
    """The organisation a common noun refers to: one named with that word ("the ministry",
    "police"); else, for a business noun, the business in focus ("the company"), and for a
    generic one ("the club"), the organisation in focus. "The union" must be named so."""
    actor = named_organization(ctx, noun, before)
    if actor is not None:
        return actor
    lemma = fold(noun.lemma_)
    if lemma in COMPANY_NOUNS:
        return in_focus(ctx, discourse, noun, lambda a: _is_business(ctx.profiles[a]))
    if lemma in GENERIC_ORG_NOUNS and is_definite(noun):
        return in_focus(ctx, discourse, noun, lambda a: ctx.profiles[a].type == "organization")
    return None


def _is_business(profile: ActorProfile) -> bool:
    return profile.type == "organization" and not profile.words & INSTITUTION_WORDS
