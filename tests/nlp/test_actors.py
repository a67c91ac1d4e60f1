"""Behaviour of the actor engine: one test per merge, typing and cleaning rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from app.nlp.actors import find_actors
from app.nlp.annotations import Actor, Annotation

SEED = Path(__file__).resolve().parents[2] / "seeds" / "reuters-russia-venezuela.txt"


@pytest.fixture(scope="module")
def actors_of(nlp: Language) -> Callable[[str], list[Actor]]:
    return lambda text: find_actors(nlp(text))


def by_name(actors: list[Actor], name: str) -> Actor:
    hits = [a for a in actors if a.name == name]
    assert len(hits) == 1, [a.name for a in actors]
    return hits[0]


def test_titled_full_name_and_surname_merge_into_one_person(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "Prime Minister Angela Brandt arrived in Oslo on Monday. Brandt said the talks went well."
    actors = actors_of(text)
    brandt = by_name(actors, "Angela Brandt")
    assert brandt.type == "person"
    assert [m.text for m in brandt.mentions] == ["Angela Brandt", "Brandt"]
    assert not [a for a in actors if a.name == "Brandt"]


def test_pre_name_title_becomes_a_role(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("French Foreign Minister Paul Girard met reporters in Paris on Friday.")
    assert any("Foreign Minister" in role for role in by_name(actors, "Paul Girard").roles)


def test_apposition_after_name_becomes_a_role(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Maria Lopez, the company's chief financial officer, resigned on Tuesday.")
    assert "the company's chief financial officer" in by_name(actors, "Maria Lopez").roles


def test_acronym_and_long_form_of_a_country_merge(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The United States imposed new tariffs. U.S. officials said more could follow.")
    us = by_name(actors, "United States")
    assert us.country_code == "US"
    assert {m.form for m in us.mentions} >= {"name", "acronym"}


def test_organisation_acronym_merges_with_its_full_name(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "The World Health Organization issued a warning. The WHO said cases were rising."
    actors = actors_of(text)
    who = by_name(actors, "World Health Organization")
    assert who.type == "organization"
    assert "WHO" in [m.text for m in who.mentions]


def test_demonym_is_a_mention_of_its_country(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("German troops crossed the border while Germany denied any plan to invade.")
    germany = by_name(actors, "Germany")
    assert [m.form for m in germany.mentions] == ["demonym", "name"]
    assert not [a for a in actors if a.name == "German"]


def test_demonym_alone_still_creates_the_country(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Japanese exporters welcomed the weaker currency.")
    japan = by_name(actors, "Japan")
    assert japan.type == "location" and japan.country_code == "JP"


def test_capital_as_agent_is_a_metonym_of_its_country(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Russia moved more troops. Moscow said the drills were routine.")
    russia = by_name(actors, "Russia")
    assert [m.form for m in russia.mentions] == ["name", "metonym"]


def test_capital_as_plain_place_stays_a_city(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The delegation flew to Moscow on Sunday.")
    moscow = by_name(actors, "Moscow")
    assert moscow.type == "location" and moscow.country_code is None


def test_country_name_uses_common_short_form(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The Russian Federation rejected the proposal.")
    assert by_name(actors, "Russia").country_code == "RU"


def test_office_word_inside_a_title_is_not_an_actor(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Secretary of State Laura Finch flew to Cairo.")
    assert "State" not in [a.name for a in actors]
    assert by_name(actors, "Laura Finch").type == "person"


def test_party_and_group_adjectives_are_never_actors(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Western diplomats and a Democrat senator criticised Latin American leaders.")
    names = {a.name for a in actors}
    assert not names & {"Western", "Democrat", "Latin American"}


def test_leading_the_and_trailing_possessive_are_cleaned(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The Lima Group's statement was short. The Lima Group meets again in May.")
    group = by_name(actors, "Lima Group")
    assert group.type == "organization"
    assert {m.text for m in group.mentions} == {"Lima Group"}


def test_bullet_before_a_byline_is_cleaned(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("\u2022 Reuters\n\nOfficials met in Geneva on Monday.")
    assert "Reuters" in [a.name for a in actors]
    assert not [a for a in actors if "\u2022" in a.name]


def test_trailing_score_number_is_cut_from_a_name(actors_of: Callable[[str], list[Actor]]) -> None:
    text = "Results on Saturday :\nArsenal 2 Chelsea 1\nJohn Terry scored for Chelsea ."
    for actor in actors_of(text):
        for mention in actor.mentions:
            assert not any(ch.isdigit() for ch in mention.text), mention.text


def test_type_vote_uses_all_mentions_of_a_person(actors_of: Callable[[str], list[Actor]]) -> None:
    text = (
        "President Elena Varga addressed parliament. Varga's plan was rejected. "
        "Critics said Varga had ignored them, and Varga promised changes."
    )
    varga = by_name(actors_of(text), "Elena Varga")
    assert varga.type == "person"
    assert len(varga.mentions) == 4


def test_organisation_suffix_types_an_organisation(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Shares of Northwind Holdings fell after Northwind Holdings cut its forecast.")
    assert by_name(actors, "Northwind Holdings").type == "organization"


def test_mentions_are_exact_offsets_into_the_text(actors_of: Callable[[str], list[Actor]]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for actor in actors_of(text):
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_actors_are_ordered_by_first_mention(actors_of: Callable[[str], list[Actor]]) -> None:
    firsts = [a.mentions[0].start for a in actors_of(SEED.read_text(encoding="utf-8"))]
    assert firsts == sorted(firsts)


def test_seed_article_merges_the_main_actors(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of(SEED.read_text(encoding="utf-8"))
    maduro = by_name(actors, "Nicolas Maduro")
    assert maduro.type == "person" and len(maduro.mentions) >= 6
    us = by_name(actors, "United States")
    assert {"U.S.", "Washington"} <= set(us.aliases)
    assert "U.S. Secretary of State" in by_name(actors, "Mike Pompeo").roles
    names = {a.name for a in actors}
    assert not names & {"State", "Western", "Democrat", "Russian", "Cuban", "Latin American", "Maduro"}


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\n", "BREAKING : MARKETS RALLY AS FED HOLDS RATES", "1996-08-30 4-38 108-3", "\u2022 ,"],
)
def test_odd_input_never_raises(actors_of: Callable[[str], list[Actor]], text: str) -> None:
    for actor in actors_of(text):
        assert actor.mentions and actor.type in {"person", "organization", "location"}


def test_platform_named_as_a_channel_is_not_an_actor(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The minister Carla Ruiz wrote on Facebook that she would resign.")
    assert "Facebook" not in [a.name for a in actors]


def test_platform_acting_is_an_organisation(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Facebook removed thousands of fake accounts on Monday.")
    assert by_name(actors, "Facebook").type == "organization"


def test_initial_and_surname_is_a_person(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Home side 210 all out ( K. Morrow 54 , J. Ellery 41 ) .")
    typed = {a.name: a.type for a in actors}
    assert typed.get("K. Morrow") == "person" and typed.get("J. Ellery") == "person"


def test_compass_region_is_not_an_organisation(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Settlers moved into the West Bank last year, officials in the West Bank said.")
    assert by_name(actors, "West Bank").type == "location"


def test_proper_noun_run_with_organisation_word_is_an_organisation(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Quentor Brisk Holdings said on Friday it had hired new auditors.")
    org = [a for a in actors if a.name.endswith("Holdings")]
    assert org and org[0].type == "organization"


def test_demonym_after_a_region_word_is_not_the_country(annotate: Callable[[str], Annotation]) -> None:
    text = "Latin American leaders met in Lima. American diplomats watched."
    us = next(a for a in annotate(text).actors if a.country_code == "US")
    assert [m.start for m in us.mentions] == [text.rindex("American")]


def test_dateline_capital_is_the_city_not_its_country(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("LISBON, May 2 \u2014 The airline said on Tuesday it would cut 40 routes.")
    lisbon = by_name(actors, "Lisbon")
    assert lisbon.type == "location" and lisbon.country_code is None
    assert [m.text for m in lisbon.mentions] == ["LISBON"]
    assert not [a for a in actors if a.country_code == "PT"]


def test_dateline_place_is_a_location_whatever_the_model_says(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("VELMORA (Reuters) - The central bank raised rates on Monday, officials said.")
    assert by_name(actors, "Velmora").type == "location"
    assert by_name(actors, "Reuters").type == "organization"


def test_a_name_opening_with_a_known_first_name_is_a_person_even_when_ner_says_org(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    # The small model labels this name ORG; the first name outvotes it.
    actors = actors_of("Siobhán Kettleworth signed for the club on Friday.")
    assert [(a.name, a.type) for a in actors] == [("Siobhán Kettleworth", "person")]


def test_name_after_a_title_and_of_is_the_body_not_a_person(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Greta Sandvik, the director of the Quillon Glass Museum, said the thieves were fast.")
    museum = by_name(actors, "Quillon Glass Museum")
    assert museum.type == "organization" and museum.roles == []


def test_organisation_named_by_a_list_of_portfolios_stays_whole(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("She said the Department of Health, Housing and Sport would pay for the scheme.")
    assert [(a.name, a.type) for a in actors] == [("Department of Health, Housing and Sport", "organization")]


def test_commas_between_separate_names_still_split_them(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("The Ministry of Defence, Britain and France said on Monday they would act.")
    assert [a.name for a in actors] == ["Ministry of Defence", "Britain", "France"]


def test_field_is_a_title_only_before_marshal(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of(
        "Field Marshal Bernard Oakes inspected the troops. Ada Quillfeather, standing in a field, waved."
    )
    assert by_name(actors, "Bernard Oakes").roles == ["Field Marshal"]
    assert by_name(actors, "Ada Quillfeather").roles == []


def test_a_person_known_by_title_and_surname_keeps_the_title_in_the_name(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Mrs. Harlow waved from the porch. Mr. Harlow did not look up.")
    assert [(a.name, a.type) for a in actors] == [("Mrs. Harlow", "person"), ("Mr. Harlow", "person")]


def test_place_word_at_the_end_makes_a_place_even_after_a_first_name(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Police closed Grace Hollow Road on Sunday after the crash.")
    assert by_name(actors, "Grace Hollow Road").type == "location"


def test_ampersand_name_is_a_firm_not_a_person(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of("Shares of Martin & Quell rose after Martin & Quell raised its forecast.")
    assert by_name(actors, "Martin & Quell").type == "organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The builder, Brenner Kvist, said the bridge would open in June.", "Brenner Kvist"),
        ("Fennick, a small brewery near Lowmoor, said sales were up.", "Fennick"),
    ],
)
def test_name_beside_a_noun_for_a_body_is_an_organisation(
    actors_of: Callable[[str], list[Actor]], text: str, name: str
) -> None:
    assert by_name(actors_of(text), name).type == "organization"


def test_capital_the_model_calls_a_person_is_a_city(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of('She smiled: "First a holiday, then Vilnius."')
    city = by_name(actors, "Vilnius")
    assert city.type == "location" and city.country_code is None


def test_place_name_keeps_its_opening_word_and_stays_a_place(actors_of: Callable[[str], list[Actor]]) -> None:
    actors = actors_of(
        "Canon Ada Brook, whose parish in Little Marsby lost its bells, thanked the firefighters."
    )
    village = by_name(actors, "Little Marsby")
    assert village.type == "location" and [m.text for m in village.mentions] == ["Little Marsby"]


def test_names_in_one_list_are_of_one_kind(actors_of: Callable[[str], list[Actor]]) -> None:
    # The model calls the middle name a person; its two neighbours in the list are places.
    actors = actors_of("Dancers travelled from Andalusia, Carinthia and the Shetland Islands for the gala.")
    assert [(a.name, a.type) for a in actors] == [
        ("Andalusia", "location"),
        ("Carinthia", "location"),
        ("Shetland Islands", "location"),
    ]


def test_a_kin_word_before_a_first_name_is_no_title_in_the_name(
    actors_of: Callable[[str], list[Actor]],
) -> None:
    actors = actors_of("Clara Vance and her brother Edmund walked down to the river after supper.")
    assert [(a.name, a.type) for a in actors] == [("Clara Vance", "person"), ("Edmund", "person")]
