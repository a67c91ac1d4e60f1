"""Candidate spans: titles, untagged names and their boundaries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.nlp.actor_spans import find_candidates, is_title
from app.nlp.actors import find_actors


@pytest.mark.parametrize(
    ("word", "expected"), [("Sen.", True), ("Sen", True), ("Gov", True), ("Senate", False)]
)
def test_abbreviated_title_is_a_title_with_or_without_its_dot(word: str, expected: bool) -> None:
    assert is_title(word) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "TROMSVIK, May 2 (Reuters) - Sunniva Hjelmeland said on Monday that quotas would fall.",
            "Sunniva Hjelmeland",
        ),
        ("The clinic's head nurse, Ana Quiroga, said on Friday that the ward would reopen.", "Ana Quiroga"),
    ],
)
def test_untagged_name_opening_with_a_first_name_is_a_person(nlp: Language, text: str, name: str) -> None:
    people = [(c.text, c.label) for c in find_candidates(nlp(text)) if c.label == "PERSON"]
    assert people == [(name, "PERSON")]


def test_name_after_an_article_is_no_person_even_with_a_first_name(nlp: Language) -> None:
    actors = find_actors(nlp("Thousands of fans watched the Grace Harbour Regatta, which ended on Sunday."))
    assert [(a.name, a.type) for a in actors] == [("Grace Harbour Regatta", "organization")]


def test_an_untagged_name_with_surname_particles_is_one_person(nlp: Language) -> None:
    text = "Diego de la Cruz runs the only bakery in town."
    assert [(a.name, a.type) for a in find_actors(nlp(text))] == [("Diego de la Cruz", "person")]
