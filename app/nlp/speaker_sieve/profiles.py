"""What the article says about each actor that a speaker phrase can point at: the forms of its
name, its gender, its roles, age and country.

Why: "Hale", "Mrs. Hale", "the mayor", "the 58-year-old", "the Argentine" and "she" all name a
person only through what the article said about them earlier (or, for a lead, just after).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from app.nlp.annotations import Actor, ActorType
from app.nlp.countries import country_by_demonym, country_by_name
from app.nlp.cues import NAME_PARTICLES, TITLE_ROLES
from app.nlp.gazetteer import PERSON_TITLES
from app.nlp.gender import Gender, first_name_gender, noun_gender, pronoun_gender, title_gender

_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "đ": "d", "ł": "l", "ß": "ss"})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_AGE = re.compile(r"^(\d{1,3})-year-old$")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LINKED_PRONOUN_DEPS = frozenset({"ccomp", "conj", "advcl"})  # "X said she ...", "X won and she ..."
_OBJECT_DEPS = frozenset({"dobj", "pobj", "attr"})
_AGE_CLOSERS = frozenset({",", ")", ".", "said", "told"})
# Weights of gender evidence (see `_gender`).
TITLE_WEIGHT = 4
NOUN_WEIGHT = 3
FIRST_NAME_WEIGHT = 2
LINKED_PRONOUN_WEIGHT = 1
# Words of a comma-delimited description next to a name ("X, a shipping heir from Y,").
DESCRIPTION_MAX_TOKENS = 10
_DESCRIPTION_POS = frozenset({"NOUN", "ADJ", "PROPN"})
_DESCRIPTION_STOPS = frozenset({",", ".", ";", ":", "(", ")", "\u201c", '"', "who", "which", "said"})


def fold(text: str) -> str:
    """A name as compared: casefolded, accents and possessive off, letters like ø spelled out."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_LETTERS)
    return " ".join(_POSSESSIVE.sub("", word).strip(".,") for word in text.replace("\u2019", "'").split())


def name_words(name: str) -> list[str]:
    """Folded words of a name without leading titles ("Sen. Ivo Lund" -> ["ivo", "lund"])."""
    words = fold(name).split()
    while len(words) > 1 and (words[0] in PERSON_TITLES or f"{words[0]}." in PERSON_TITLES):
        words = words[1:]
    return words


def surname_forms(words: list[str]) -> set[str]:
    """Short forms of a full name that still name the person: the surname with its particles
    ("de la cruz", "van der berg", "ni bhriain") and the bare last word."""
    if len(words) < 2:
        return set()
    first_particle = len(words) - 1
    while first_particle > 1 and words[first_particle - 1] in NAME_PARTICLES:
        first_particle -= 1
    forms = {" ".join(words[first_particle:]), words[-1]}
    if words[-1] in NAME_PARTICLES:
        forms.discard(words[-1])
    return forms


@dataclass(frozen=True, slots=True)
class ActorProfile:
    type: ActorType
    gender: Gender
    full: str  # folded full name
    short_forms: frozenset[str]  # surname forms (people) or leading words (organisations)
    first_name: str | None
    words: frozenset[str]  # folded words of the name and aliases
    role_words: frozenset[str]  # folded words of roles and descriptions ("fisheries", "minister")
    ages: frozenset[str]
    countries: frozenset[str]  # ISO codes of countries the article ties the actor to


def build_profiles(doc: Doc, actors: list[Actor]) -> list[ActorProfile]:
    return [_profile(actor, _describe_actor(doc, actor)) for actor in actors]


@dataclass(slots=True)
class _Description:
    """What the words around an actor's mentions say of it."""

    words: set[str] = field(default_factory=set)
    ages: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    pronouns: Counter[Gender] = field(default_factory=Counter)


def _profile(actor: Actor, description: _Description) -> ActorProfile:
    words = name_words(actor.name)
    role_words = {w for role in actor.roles for w in fold(role).split()} | description.words
    role_words |= {TITLE_ROLES[w] for w in role_words if w in TITLE_ROLES}
    if actor.type == "person":
        short = surname_forms(words)
        first = words[0] if len(words) >= 2 else None
    else:
        short = {words[0]} if len(words) >= 2 and words[0] not in NAME_PARTICLES else set()
        first = None
    every = set(words)
    for alias in actor.aliases:
        every.update(fold(alias).split())
    gender = (
        _gender(actor, role_words, description.pronouns, first) if actor.type == "person" else Gender.UNKNOWN
    )
    return ActorProfile(
        type=actor.type,
        gender=gender,
        full=" ".join(words),
        short_forms=frozenset(short),
        first_name=first,
        words=frozenset(every),
        role_words=frozenset(role_words),
        ages=frozenset(description.ages),
        countries=frozenset(description.countries | ({actor.country_code} if actor.country_code else set())),
    )


def _gender(actor: Actor, role_words: set[str], linked: Counter[Gender], first: str | None) -> Gender:
    """A weighted vote: a title or a gendered noun is near proof, the first name strong evidence,
    and a pronoun in a clause the person governs ("X said she ...") only a hint (she may be
    someone else). A tie is unknown, which blocks nothing."""
    votes: Counter[Gender] = Counter()
    for gender, count in linked.items():
        votes[gender] += count * LINKED_PRONOUN_WEIGHT
    for alias in actor.aliases:
        votes[title_gender(alias.split()[0])] += TITLE_WEIGHT
    for word in role_words:
        votes[title_gender(word)] += TITLE_WEIGHT
        votes[noun_gender(word)] += NOUN_WEIGHT
    if first:
        votes[first_name_gender(first)] += FIRST_NAME_WEIGHT
    votes.pop(Gender.UNKNOWN, None)
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return Gender.UNKNOWN
    return ranked[0][0]


def _describe_actor(doc: Doc, actor: Actor) -> _Description:
    """Appositions, ages, countries and linked pronouns next to a person's or an organisation's
    mentions ("Ofwat, the regulator,")."""
    description = _Description()
    if actor.type == "location":
        return description
    for mention in actor.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            _describe(doc, span.root, span.start, span.end, description)
            _linked_pronouns(span.root, description)
    return description


def _describe(doc: Doc, root: Token, start: int, end: int, into: _Description) -> None:
    for token in _description_before(doc, start) + _description_after(doc, end):
        if token.pos_ in _DESCRIPTION_POS and token.is_alpha:
            into.words.add(fold(token.lemma_ if token.pos_ == "NOUN" else token.text))
            _add_country(token, into)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].like_num:
        after = doc[end + 2].text if end + 2 < len(doc) else ","
        if after in _AGE_CLOSERS:
            into.ages.add(doc[end + 1].text)
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        _add_country(doc[end + 1], into)
    for child in root.children:
        if child.dep_ == "poss":
            _add_country(child, into)


def _add_country(token: Token, into: _Description) -> None:
    country = country_by_name(token.text) or country_by_demonym(token.text)
    if country is not None:
        into.countries.add(country.code)


def _linked_pronouns(root: Token, into: _Description) -> None:
    """ "Ruiz said she ...", "Ruiz defended her title": a pronoun tied to a named subject in the
    same sentence hints at that person's gender."""
    if root.dep_ not in _SUBJECT_DEPS:
        return
    for child in root.head.children:
        if child.dep_ in _LINKED_PRONOUN_DEPS:
            subject = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None and subject.pos_ == "PRON":
                into.pronouns[pronoun_gender(subject.lower_)] += 1
        if child.dep_ in _OBJECT_DEPS:
            owner = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            if owner is not None:
                into.pronouns[pronoun_gender(owner.lower_)] += 1


def age_of(phrase_text: str) -> str | None:
    """The age in a description like "the 58-year-old coach", if any."""
    for word in phrase_text.split():
        match = _AGE.match(word)
        if match:
            return match.group(1)
    return None


def _description_after(doc: Doc, end: int) -> list[Token]:
    """ "X, the hospital's chief medical officer, said": the words between the commas."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    words: list[Token] = []
    for token in doc[end + 1 : min(len(doc), end + 1 + DESCRIPTION_MAX_TOKENS)]:
        if token.lower_ in _DESCRIPTION_STOPS or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            break
        words.append(token)
    return words


def _description_before(doc: Doc, start: int) -> list[Token]:
    """ "The union's president, Ivo Lund, said": the words from the sentence start to the comma."""
    if start < 2 or doc[start - 1].text != ",":
        return []
    words: list[Token] = []
    sentence_start = doc[start - 1].sent.start
    for token in reversed(doc[max(sentence_start, start - 1 - DESCRIPTION_MAX_TOKENS) : start - 1]):
        if token.lower_ in _DESCRIPTION_STOPS or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            break
        words.append(token)
    return words
