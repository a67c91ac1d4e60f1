"""Lexical gender evidence for speaker resolution: titles, role nouns, pronouns, first names.

The article's own words (a title, a gendered role noun, a pronoun linked to the person) are the
strongest evidence; a first name looked up in Faker's per-locale name lists is the fallback.
UNKNOWN is compatible with both genders, so missing or ambiguous evidence never blocks a link.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum

from app.nlp.gender_lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    LATIN_FOLD,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
)

# Faker (MIT) ships one person provider per locale, several with male and female first-name lists.
FAKER_PERSON_PACKAGE = "faker.providers.person"
# Looked-up words kept per process: an article asks about the same capitalised words again and again.
NAME_CACHE_SIZE = 16384
# A name that at least this share of the locales listing it give the other gender is ambiguous
# (Jean is male in French, female in English); below it the minority is noise or a rare use.
AMBIGUOUS_MINORITY_SHARE = 0.125
# What a first name is cut at: "Jean-Pierre" and "Mary Ann" are looked up as "Jean" and "Mary".
_NAME_BREAK = re.compile(r"[-\s]")
# A folded key in plain Latin letters; names in other scripts never match a Latin-script article.
_LATIN_KEY = re.compile(r"[a-z']+")


class Gender(StrEnum):
    """Grammatical gender of a person as far as the text or the name tells."""

    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


def compatible(a: Gender, b: Gender) -> bool:
    """Whether two pieces of evidence may describe the same person (UNKNOWN fits either)."""
    return a == b or Gender.UNKNOWN in (a, b)


def _fold(text: str) -> str:
    """Lower-case without accents, so "Joaquín", "JOAQUIN" and "joaquin" meet."""
    decomposed = unicodedata.normalize("NFKD", text.strip().translate(LATIN_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _by_gender(male: Iterable[str], female: Iterable[str]) -> dict[str, Gender]:
    """One lookup table from a pair of word lists."""
    return {**dict.fromkeys(male, Gender.MALE), **dict.fromkeys(female, Gender.FEMALE)}


_TITLES = _by_gender(MALE_TITLES, FEMALE_TITLES)
_NOUNS = _by_gender(MALE_NOUNS, FEMALE_NOUNS)
_PRONOUNS = _by_gender(MALE_PRONOUNS, FEMALE_PRONOUNS)


def title_gender(word: str) -> Gender:
    """Gender of a title before a name ("Mrs.", "SIR", "Señora"), else UNKNOWN."""
    return _TITLES.get(_fold(word).rstrip("."), Gender.UNKNOWN)


def noun_gender(lemma: str) -> Gender:
    """Gender of a role or kin noun lemma ("spokeswoman", "widower"), else UNKNOWN."""
    return _NOUNS.get(_fold(lemma), Gender.UNKNOWN)


def pronoun_gender(word: str) -> Gender:
    """Gender of a third-person personal pronoun ("He", "herself"), else UNKNOWN."""
    return _PRONOUNS.get(_fold(word), Gender.UNKNOWN)


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def first_name_gender(name: str) -> Gender:
    """Gender the name lists give a first name ("José" MALE, "Jordan" UNKNOWN), else UNKNOWN."""
    return _first_name_table().get(_name_key(name), Gender.UNKNOWN)


def _name_key(name: str) -> str:
    """The folded first part of a first name: "Jean-Pierre" -> "jean"."""
    return _fold(_NAME_BREAK.split(name.strip(), maxsplit=1)[0])


def _latin_keys(names: Iterable[str]) -> set[str]:
    """Distinct Latin-script keys of one list, so a locale votes once per name."""
    return {key for key in map(_name_key, names) if _LATIN_KEY.fullmatch(key)}


def _locale_name_lists() -> Iterator[tuple[Iterable[str], Iterable[str]]]:
    """Male and female first-name lists of each Faker locale that defines both itself.

    Only the provider modules are imported (not a Faker generator); lists a locale inherits are
    skipped so that no locale votes twice.
    """
    person = importlib.import_module(FAKER_PERSON_PACKAGE)
    for module in pkgutil.iter_modules(person.__path__):
        provider = vars(importlib.import_module(f"{FAKER_PERSON_PACKAGE}.{module.name}").Provider)
        male, female = provider.get("first_names_male"), provider.get("first_names_female")
        if male is not None and female is not None:
            yield male, female


@functools.lru_cache(maxsize=NAME_CACHE_SIZE)
def is_first_name(word: str) -> bool:
    """Whether any locale lists this as a first name, whatever its gender ("Jordan", "Siobhán")."""
    male_votes, female_votes = _first_name_votes()
    key = _name_key(word)
    return key in male_votes or key in female_votes


@functools.cache
def _first_name_votes() -> tuple[Counter[str], Counter[str]]:
    """How many locales list each name key as male, and as female; counted once, on first use."""
    male_votes: Counter[str] = Counter()
    female_votes: Counter[str] = Counter()
    for male, female in _locale_name_lists():
        male_votes.update(_latin_keys(male))
        female_votes.update(_latin_keys(female))
    return male_votes, female_votes


@functools.cache
def _first_name_table() -> Mapping[str, Gender]:
    """Name key -> gender, for the names the locales agree on; built once, on first use."""
    male_votes, female_votes = _first_name_votes()
    table: dict[str, Gender] = {}
    for key in male_votes.keys() | female_votes.keys():
        male_count, female_count = male_votes[key], female_votes[key]
        if min(male_count, female_count) < AMBIGUOUS_MINORITY_SHARE * (male_count + female_count):
            table[key] = Gender.MALE if male_count > female_count else Gender.FEMALE
    return table
