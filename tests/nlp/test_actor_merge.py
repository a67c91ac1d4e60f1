"""Merging the mentions of one person: short forms, particles, hyphens, titles, relatives."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from app.nlp.actors import find_actors
from app.nlp.annotations import Actor


@pytest.fixture(scope="module")
def actors_of(nlp: Language) -> Callable[[str], list[Actor]]:
    return lambda text: find_actors(nlp(text))


def people(actors: list[Actor]) -> dict[str, list[str]]:
    """Each person's name and the texts of its mentions."""
    return {a.name: [m.text for m in a.mentions] for a in actors if a.type == "person"}


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Robert Tasker chaired the meeting on Monday. Tasker said the budget was tight.",
            "Robert Tasker",
            ["Robert Tasker", "Tasker"],
        ),
        (
            "Leila Haddad-Morrow leads the alliance. Haddad-Morrow told reporters she would stay.",
            "Leila Haddad-Morrow",
            ["Leila Haddad-Morrow", "Haddad-Morrow"],
        ),
        (
            # the model types the bare hyphenated surname as an organisation
            "Omar El-Sayed chairs the board. El-Sayed said profits rose.",
            "Omar El-Sayed",
            ["Omar El-Sayed", "El-Sayed"],
        ),
        (
            "Marco de la Vega won the vote. De la Vega thanked his supporters.",
            "Marco de la Vega",
            ["Marco de la Vega", "De la Vega"],
        ),
        (
            "Pieter van der Molen runs the port. Van der Molen said exports rose.",
            "Pieter van der Molen",
            ["Pieter van der Molen", "Van der Molen"],
        ),
        (
            "Sigrún Ólafsdóttir opened the factory. Ólafsdóttir said it would hire 200 people.",
            "Sigrún Ólafsdóttir",
            ["Sigrún Ólafsdóttir", "Ólafsdóttir"],
        ),
    ],
)
def test_surname_alone_is_a_mention_of_the_full_name(
    actors_of: Callable[[str], list[Actor]], text: str, name: str, mentions: list[str]
) -> None:
    found = people(actors_of(text))
    assert found.get(name) == mentions, found
    assert len(found) == 1, found


def test_title_before_an_untagged_given_name_stays_out_of_the_name(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Mayor Åsa Bergvall opened the bridge. Bergvall said it cost too much.")
    person = next(a for a in actors if a.type == "person")
    assert person.name == "Åsa Bergvall"
    assert [m.text for m in person.mentions] == ["Åsa Bergvall", "Bergvall"]
    assert person.roles == ["Mayor"]


def test_surname_inside_another_name_is_not_the_person(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "Robert Tasker spoke on Monday. Traffic on Tasker Street was stopped for an hour."
    found = people(actors_of(text))
    assert found.get("Robert Tasker") == ["Robert Tasker"], found


def test_surname_without_its_accents_is_the_accented_person(actors_of: Callable[[str], list[Actor]]) -> None:
    found = people(actors_of("Inés Ibáñez opened the clinic in May. Ibanez said it was full every day."))
    assert found == {"Inés Ibáñez": ["Inés Ibáñez", "Ibanez"]}


def test_titles_of_different_gender_keep_two_people_apart(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Mr. Pembury sat down by the fire. Mrs. Pembury poured the tea.")
    pembury = sorted((a.roles, [m.text for m in a.mentions]) for a in actors if a.type == "person")
    assert pembury == [(["Mr."], ["Pembury"]), (["Mrs."], ["Pembury"])]


def test_mr_after_the_full_name_merges_but_mrs_does_not(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "John Pembury arrived at noon. Mr. Pembury sat down. Mrs. Pembury poured the tea."
    persons = [a for a in actors_of(text) if a.type == "person"]
    assert [(a.name, [m.start for m in a.mentions]) for a in persons] == [
        ("John Pembury", [text.index("John Pembury"), text.index("Pembury sat")]),
        ("Mrs. Pembury", [text.index("Pembury poured")]),
    ]


def test_titled_surname_before_a_full_name_of_the_other_gender_is_someone_else(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    found = people(actors_of("Mr. Pembury came in from the garden. Minnie Pembury said hello to him."))
    assert found == {"Mr. Pembury": ["Pembury"], "Minnie Pembury": ["Minnie Pembury"]}


def test_bare_surname_goes_to_the_person_introduced_last(actors_of: Callable[[str], list[Actor]]) -> None:
    text = (
        "Dan Pellerin founded the firm in 1990. Greta Pellerin joined in 2010. "
        "Pellerin said sales doubled last year."
    )
    found = people(actors_of(text))
    assert found == {"Dan Pellerin": ["Dan Pellerin"], "Greta Pellerin": ["Greta Pellerin", "Pellerin"]}


def test_each_bare_surname_goes_to_the_person_introduced_before_it(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    text = (
        "Dan Pellerin founded the firm in 1990. Pellerin said it was hard. "
        "Greta Pellerin joined in 2010. Pellerin said sales doubled."
    )
    found = {a.name: [m.start for m in a.mentions] for a in actors_of(text) if a.type == "person"}
    assert found == {
        "Dan Pellerin": [text.index("Dan"), text.index("Pellerin said it")],
        "Greta Pellerin": [text.index("Greta"), text.index("Pellerin said sales")],
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Marcus Washington arrived in Paris on Monday. Washington said the film was finished.",
            "Marcus Washington",
        ),
        ("Grace Washington runs the clinic. Washington said the ward would reopen.", "Grace Washington"),
    ],
)
def test_person_surnamed_like_a_capital_is_not_the_country(
    actors_of: Callable[[str], list[Actor]], text: str, name: str
) -> None:
    actors = actors_of(text)
    assert people(actors) == {name: [name, "Washington"]}
    assert not [a for a in actors if a.country_code == "US"]


def test_person_surnamed_like_a_town_keeps_the_town_apart(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "Marcus Lincoln lives in Lincoln. Lincoln said he liked the city."
    actors = actors_of(text)
    assert people(actors) == {"Marcus Lincoln": ["Marcus Lincoln", "Lincoln"]}
    person = next(a for a in actors if a.type == "person")
    assert person.mentions[1].start == text.index("Lincoln said")
    town = [(a.type, [m.start for m in a.mentions]) for a in actors if a.type != "person"]
    assert town == [("location", [text.index("Lincoln. ")])]


def test_surname_that_is_a_country_stays_the_person(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Ramón Jordan spoke at the rally. Jordan said the vote was rigged.")
    assert people(actors) == {"Ramón Jordan": ["Ramón Jordan", "Jordan"]}
    assert not [a for a in actors if a.country_code == "JO"]


def test_country_name_without_such_a_person_stays_the_country(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Jordan and Egypt signed a trade deal. Jordan said the deal would help exporters.")
    jordan = [a for a in actors if a.name == "Jordan"]
    assert [(a.type, a.country_code, len(a.mentions)) for a in jordan] == [("location", "JO", 2)]
    assert people(actors) == {}


def test_quoted_nickname_inside_a_name_is_one_person(actors_of: Callable[[str], list[Actor]]) -> None:
    text = (
        "The publican, Nora \u201cBig Nell\u201d Kenwright, took over in 1990. Kenwright said trade was slow."
    )
    assert people(actors_of(text)) == {"Nora Kenwright": ["Nora \u201cBig Nell\u201d Kenwright", "Kenwright"]}


def test_dateline_town_stays_a_place_beside_a_person_of_that_name(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    text = "LINCOLN, May 2 \u2014 Marcus Lincoln opened a bakery on Monday. Lincoln said bread was cheap."
    actors = actors_of(text)
    assert [(a.name, a.type, [m.start for m in a.mentions]) for a in actors] == [
        ("Lincoln", "location", [0]),
        ("Marcus Lincoln", "person", [text.index("Marcus"), text.index("Lincoln said")]),
    ]


def test_organisation_short_form_merges_with_its_full_name(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "Quorvan Holdings said profits rose in May. Shares fell 3 percent after Quorvan cut its forecast."
    firms = {a.name: [m.start for m in a.mentions] for a in actors_of(text) if a.type == "organization"}
    assert firms == {"Quorvan Holdings": [0, text.index("Quorvan cut")]}
