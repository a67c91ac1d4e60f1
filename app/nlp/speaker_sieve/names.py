"""Name passes, the most precise: the phrase is a name, a short form of one, or a description
with the name beside it ("the union's president, Ivo Lund, said")."""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.annotations import SpeakerRule
from app.nlp.countries import country_by_demonym
from app.nlp.gazetteer import PERSON_TITLES
from app.nlp.gender import Gender, compatible, title_gender
from app.nlp.speaker_sieve.context import NAME_FORMS, Discourse, Resolution, SieveContext, Slot
from app.nlp.speaker_sieve.phrases import is_definite, latest_before
from app.nlp.speaker_sieve.profiles import fold

_NAME_POS = frozenset({"PROPN"})
POSSESSIVE_MARKERS = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Tokens allowed between a description and the name in apposition to it.
APPOSITION_GAP = 2


def exact_name(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """The head of the phrase lies in a mention of an actor."""
    head = slot.head
    if head is None or slot.cueless or head.pos_ == "PRON" or ctx.in_dateline(head.idx):
        return None
    if country_by_demonym(head.text) is not None and is_definite(head):
        return None  # "the Argentine said": a person from there, not the country
    actor = ctx.actor_at(head.idx, head.idx + len(head), NAME_FORMS)
    return Resolution(SpeakerRule.EXACT_NAME, actor) if actor is not None else None


def name_variant(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "Hale", "de la Cruz", "Mrs. Hale", "Robert": a short form of a person's full name. A title's
    gender must fit ("Mrs. Weston" is not "John Weston")."""
    if slot.phrase is None or slot.cueless or slot.head is None or slot.head.pos_ not in _NAME_POS:
        return None
    if ctx.in_dateline(slot.head.idx):
        return None
    tokens = [t for t in slot.phrase if t.lower_ not in POSSESSIVE_MARKERS]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    gender = Gender.UNKNOWN
    while len(tokens) > 1 and (is_title(tokens[0].text) or tokens[0].is_punct):
        gender = title_gender(tokens[0].text) if title_gender(tokens[0].text) != Gender.UNKNOWN else gender
        tokens = tokens[1:]
    key = fold("".join(t.text_with_ws for t in tokens))  # as written: "Kowalski-Brandt" stays one word
    if not key:
        return None
    people = [
        i
        for i, p in enumerate(ctx.profiles)
        if p.type == "person"
        and (key in p.short_forms or key == p.full or key == p.first_name)
        and compatible(gender, p.gender)
    ]
    if key in {p.first_name for p in ctx.profiles if p.first_name} and len(people) > 1:
        people = [i for i in people if ctx.profiles[i].first_name != key]  # first names must be unique
    actor = latest_before(ctx, people, slot.position)
    return Resolution(SpeakerRule.NAME_VARIANT, actor) if actor is not None else None


def descriptor_name(ctx: SieveContext, discourse: Discourse, slot: Slot) -> Resolution | None:
    """ "His wife, Mary Ellis, said": the description is the subject, the name beside it the speaker."""
    head = slot.head
    if head is None or slot.cueless or head.pos_ == "PRON" or slot.phrase is None:
        return None
    for child in head.children:
        if child.dep_ == "appos":
            actor = _named_at(ctx, discourse, child)
            if actor is not None:
                return Resolution(SpeakerRule.DESCRIPTOR_NAME, actor)
    doc = ctx.doc
    after = slot.phrase.end
    if after < len(doc) and doc[after].text == ",":
        for token in doc[after + 1 : min(len(doc), after + 1 + APPOSITION_GAP)]:
            actor = _named_at(ctx, discourse, token)
            if actor is not None:
                return Resolution(SpeakerRule.DESCRIPTOR_NAME, actor)
    return None


def _named_at(ctx: SieveContext, discourse: Discourse, token: Token) -> int | None:
    """A person or organisation named at `token` ("The builder, Kestrel Works, said"); never a place."""
    actor = ctx.token_actor(token, discourse)
    if actor is None or ctx.profiles[actor].type == "location":
        return None
    return actor


def is_title(word: str) -> bool:
    """ "Mr.", "Sen.", "Mayor": a word before a name that is not part of it."""
    low = word.casefold()
    return low in PERSON_TITLES or low.rstrip(".") in PERSON_TITLES or title_gender(word) != Gender.UNKNOWN
