"""Lexical gender evidence: titles, role nouns, pronouns and Faker's first-name lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.nlp.gender import (
    Gender,
    compatible,
    first_name_gender,
    is_first_name,
    noun_gender,
    pronoun_gender,
    title_gender,
)
from app.nlp.gender_lexicon import (
    FEMALE_NOUNS,
    FEMALE_PRONOUNS,
    FEMALE_TITLES,
    MALE_NOUNS,
    MALE_PRONOUNS,
    MALE_TITLES,
)

MALE, FEMALE, UNKNOWN = Gender.MALE, Gender.FEMALE, Gender.UNKNOWN


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (MALE, MALE, True),
        (FEMALE, FEMALE, True),
        (MALE, FEMALE, False),
        (FEMALE, MALE, False),
        (UNKNOWN, MALE, True),
        (FEMALE, UNKNOWN, True),
        (UNKNOWN, UNKNOWN, True),
    ],
)
def test_unknown_is_compatible_with_both_genders(a: Gender, b: Gender, expected: bool) -> None:
    assert compatible(a, b) is expected


def test_gender_values_are_plain_words() -> None:
    assert [g.value for g in Gender] == ["male", "female", "unknown"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Mr", MALE),
        ("Mr.", MALE),
        ("MR.", MALE),
        ("Sir", MALE),
        ("Lord", MALE),
        ("King", MALE),
        ("Prince", MALE),
        ("Father", MALE),
        ("Brother", MALE),
        ("Mrs", FEMALE),
        ("mrs.", FEMALE),
        ("Ms.", FEMALE),
        ("Miss", FEMALE),
        ("Dame", FEMALE),
        ("Lady", FEMALE),
        ("Queen", FEMALE),
        ("Princess", FEMALE),
        ("Sister", FEMALE),
        ("Señora", FEMALE),
        ("Mx.", UNKNOWN),
        ("Dr.", UNKNOWN),
        ("President", UNKNOWN),
        ("", UNKNOWN),
    ],
)
def test_title_gender(word: str, expected: Gender) -> None:
    assert title_gender(word) is expected


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("spokesman", MALE),
        ("chairman", MALE),
        ("businessman", MALE),
        ("husband", MALE),
        ("widower", MALE),
        ("son", MALE),
        ("grandfather", MALE),
        ("man", MALE),
        ("spokeswoman", FEMALE),
        ("Chairwoman", FEMALE),
        ("congresswoman", FEMALE),
        ("councilwoman", FEMALE),
        ("wife", FEMALE),
        ("widow", FEMALE),
        ("daughter", FEMALE),
        ("actress", FEMALE),
        ("waitress", FEMALE),
        ("grandmother", FEMALE),
        ("fiancée", FEMALE),
        ("spokesperson", UNKNOWN),
        ("chair", UNKNOWN),
        ("actor", UNKNOWN),
        ("minister", UNKNOWN),
    ],
)
def test_noun_gender(lemma: str, expected: Gender) -> None:
    assert noun_gender(lemma) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("he", MALE),
        ("Him", MALE),
        ("his", MALE),
        ("HIMSELF", MALE),
        ("She", FEMALE),
        ("her", FEMALE),
        ("hers", FEMALE),
        ("herself", FEMALE),
        ("they", UNKNOWN),
        ("it", UNKNOWN),
        ("I", UNKNOWN),
        ("the", UNKNOWN),
    ],
)
def test_pronoun_gender(word: str, expected: Gender) -> None:
    assert pronoun_gender(word) is expected


@pytest.mark.parametrize(
    ("male", "female"),
    [(MALE_TITLES, FEMALE_TITLES), (MALE_NOUNS, FEMALE_NOUNS), (MALE_PRONOUNS, FEMALE_PRONOUNS)],
)
def test_no_word_is_listed_for_both_genders(male: frozenset[str], female: frozenset[str]) -> None:
    assert male & female == set()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Margaret", FEMALE),
        ("Robert", MALE),
        ("José", MALE),
        ("Jose", MALE),
        ("Joaquín", MALE),
        ("tomas", MALE),
        ("GIOVANNI", MALE),
        ("Francesca", FEMALE),
        ("Søren", MALE),
        ("Soren", MALE),
        ("Łukasz", MALE),
        ("Ingrid", FEMALE),
        ("Mary-Beth", FEMALE),
        ("Paul-Henri", MALE),
        ("Jordan", UNKNOWN),
        ("Alex", UNKNOWN),
        ("Jean", UNKNOWN),
        ("Kim", UNKNOWN),
        ("Zxqv", UNKNOWN),
        ("", UNKNOWN),
    ],
)
def test_first_name_gender(name: str, expected: Gender) -> None:
    assert first_name_gender(name) is expected


def test_first_names_in_other_scripts_are_not_looked_up() -> None:
    assert first_name_gender("Иван") is UNKNOWN


@pytest.mark.parametrize(
    ("words", "lookup", "expected"),
    [
        (MALE_TITLES, title_gender, MALE),
        (FEMALE_TITLES, title_gender, FEMALE),
        (MALE_NOUNS, noun_gender, MALE),
        (FEMALE_NOUNS, noun_gender, FEMALE),
        (MALE_PRONOUNS, pronoun_gender, MALE),
        (FEMALE_PRONOUNS, pronoun_gender, FEMALE),
    ],
)
def test_every_listed_word_is_found_as_written(
    words: frozenset[str], lookup: Callable[[str], Gender], expected: Gender
) -> None:
    assert {word: lookup(word) for word in words} == dict.fromkeys(words, expected)


@pytest.mark.parametrize(("word", "expected"), [("Aoibheann", True), ("Jordan", True), ("Kettle", False)])
def test_is_first_name_knows_names_of_either_or_both_genders(word: str, expected: bool) -> None:
    assert is_first_name(word) is expected
