"""Description passes (`app.nlp.speaker_sieve.nominals`): anonymous sources and spokespeople, roles,
organisation nouns and definite descriptions."""

from __future__ import annotations

from app.nlp.annotations import SpeakerRule
from tests.nlp.test_speaker_sieve_pipeline import Annotate, Source, quote_at, source_of, speaker_of

# --- anonymous_source ----------------------------------------------------------------------------


def test_senior_official_is_anonymous_with_no_actor(annotate: Annotate) -> None:
    text = "“The cuts will hurt patients,” a senior official said."
    assert source_of(text, annotate(text), "“The cuts will hurt patients,”") == Source(
        "a senior official", None, True, None, SpeakerRule.ANONYMOUS
    )


def test_spokeswoman_for_a_named_company_is_anonymous_and_affiliated_with_it(annotate: Annotate) -> None:
    text = "“The plant will close in March,” a spokeswoman for Larkspur Foods said."
    assert source_of(text, annotate(text), "“The plant will close in March,”") == Source(
        "a spokeswoman", None, True, "Larkspur Foods", SpeakerRule.SPOKESPERSON
    )


def test_the_official_after_a_senior_official_stays_the_same_anonymous_source(annotate: Annotate) -> None:
    text = (
        "“The cuts will hurt patients,” a senior official said on Monday. "
        "“We have no other option,” the official said."
    )
    assert source_of(text, annotate(text), "“We have no other option,”") == Source(
        "the official", None, True, None, SpeakerRule.ANONYMOUS
    )


def test_company_spokeswoman_in_compound_is_affiliated_with_the_company(annotate: Annotate) -> None:
    text = "“The plant will close in March,” a Larkspur Foods spokeswoman said."
    assert source_of(text, annotate(text), "“The plant will close in March,”") == Source(
        "a Larkspur Foods spokeswoman", None, True, "Larkspur Foods", SpeakerRule.SPOKESPERSON
    )


def test_spokesman_for_the_ministry_is_affiliated_with_the_named_ministry(annotate: Annotate) -> None:
    text = (
        "The Ministry of Fisheries announced new quotas on Monday. "
        "“The stocks must recover,” a spokesman for the ministry said."
    )
    assert source_of(text, annotate(text), "“The stocks must recover,”") == Source(
        "a spokesman", None, True, "Ministry of Fisheries", SpeakerRule.SPOKESPERSON
    )


def test_the_ministrys_spokesman_is_anonymous_and_affiliated_with_the_ministry(annotate: Annotate) -> None:
    text = (
        "The Ministry of Fisheries announced new quotas on Monday. "
        "“The stocks must recover,” the ministry's spokesman said."
    )
    assert source_of(text, annotate(text), "“The stocks must recover,”") == Source(
        "the ministry's spokesman", None, True, "Ministry of Fisheries", SpeakerRule.SPOKESPERSON
    )


def test_people_familiar_with_the_talks_are_anonymous(annotate: Annotate) -> None:
    text = "“The merger is off,” two people familiar with the talks said."
    assert source_of(text, annotate(text), "“The merger is off,”") == Source(
        "two people familiar with the talks", None, True, None, SpeakerRule.ANONYMOUS
    )


def test_the_official_after_a_minister_spoke_is_still_the_unnamed_official(annotate: Annotate) -> None:
    text = (
        "“The talks have failed,” a senior official said. Kari Nordvik, the trade minister, disagreed. "
        "“We are still talking,” the minister said. “Nothing is agreed,” the official said."
    )
    annotation = annotate(text)
    assert speaker_of(text, annotation, "“We are still talking,”") == ("Kari Nordvik", SpeakerRule.ROLE)
    assert speaker_of(text, annotation, "“Nothing is agreed,”") == (None, SpeakerRule.ANONYMOUS)


# --- role ----------------------------------------------------------------------------------------


def test_the_mayor_is_the_person_introduced_as_the_mayor(annotate: Annotate) -> None:
    text = (
        "Karin Holt, the city's mayor, opened the new library on Monday. "
        "“Every child deserves a library,” the mayor said."
    )
    assert speaker_of(text, annotate(text), "“Every child deserves a library,”") == (
        "Karin Holt",
        SpeakerRule.ROLE,
    )


def test_two_roles_in_one_article_go_to_their_own_people(annotate: Annotate) -> None:
    text = (
        "Anna Holm, the town's mayor, met Lars Fenn, the school's headmaster, on Friday. "
        "“The school will stay open,” the headmaster said. “We found the money,” the mayor said."
    )
    annotation = annotate(text)
    assert speaker_of(text, annotation, "“The school will stay open,”") == ("Lars Fenn", SpeakerRule.ROLE)
    assert speaker_of(text, annotation, "“We found the money,”") == ("Anna Holm", SpeakerRule.ROLE)


def test_modifier_tells_two_ministers_apart(annotate: Annotate) -> None:
    text = (
        "Kari Nordvik, the finance minister, and Ola Brandvik, the health minister, met on Monday. "
        "“The budget is tight,” the finance minister said. “Hospitals need more,” the health minister said."
    )
    annotation = annotate(text)
    assert speaker_of(text, annotation, "“The budget is tight,”") == ("Kari Nordvik", SpeakerRule.ROLE)
    assert speaker_of(text, annotation, "“Hospitals need more,”") == ("Ola Brandvik", SpeakerRule.ROLE)


def test_demonym_modifier_tells_two_ministers_of_different_countries_apart(annotate: Annotate) -> None:
    text = (
        "Kari Nordvik, the Norwegian trade minister, met Lars Berg, the Swedish trade minister, on Monday. "
        "“We did not agree on timber,” the Swedish minister said."
    )
    assert speaker_of(text, annotate(text), "“We did not agree on timber,”") == (
        "Lars Berg",
        SpeakerRule.ROLE,
    )


def test_demonym_modifier_matches_a_country_given_by_a_possessive(annotate: Annotate) -> None:
    text = (
        "Kari Nordvik, Norway's trade minister, met Lars Berg, Sweden's trade minister, on Monday. "
        "“We did not agree on timber,” the Swedish minister said."
    )
    assert speaker_of(text, annotate(text), "“We did not agree on timber,”") == (
        "Lars Berg",
        SpeakerRule.ROLE,
    )


def test_the_spokesman_introduced_by_name_is_that_person_not_anonymous(annotate: Annotate) -> None:
    text = (
        "Ivar Moen, the ministry's spokesman, spoke to reporters on Monday. "
        "“The stocks must recover,” the spokesman said."
    )
    assert speaker_of(text, annotate(text), "“The stocks must recover,”") == ("Ivar Moen", SpeakerRule.ROLE)


def test_the_official_introduced_by_name_is_that_person(annotate: Annotate) -> None:
    text = "Kari Nordvik, a ministry official, spoke on Monday. “The stocks must recover,” the official said."
    assert speaker_of(text, annotate(text), "“The stocks must recover,”") == (
        "Kari Nordvik",
        SpeakerRule.ROLE,
    )


def test_role_named_only_after_the_quote_goes_to_that_person(annotate: Annotate) -> None:
    text = (
        "“Sales will fall this year,” the company's chief executive said on Monday. "
        "Ivar Moen, the chief executive, took over in May."
    )
    assert speaker_of(text, annotate(text), "“Sales will fall this year,”") == ("Ivar Moen", SpeakerRule.ROLE)


def test_the_58_year_old_is_the_person_given_that_age(annotate: Annotate) -> None:
    text = (
        "Oskar Brenner, 58, has coached the team for a decade. "
        "“This is my last season,” the 58-year-old said."
    )
    assert speaker_of(text, annotate(text), "“This is my last season,”") == (
        "Oskar Brenner",
        SpeakerRule.ROLE,
    )


def test_age_picks_the_person_of_that_age_over_the_subject(annotate: Annotate) -> None:
    text = (
        "Martín Acosta, 31, finished ahead of Pierre Lagarde, 27, on Sunday. "
        "“The wind was brutal,” the 27-year-old said."
    )
    assert speaker_of(text, annotate(text), "“The wind was brutal,”") == ("Pierre Lagarde", SpeakerRule.ROLE)


def test_age_at_the_end_of_a_sentence_still_identifies_the_person(annotate: Annotate) -> None:
    text = (
        "Martín Acosta won the race, ahead of Pierre Lagarde, 27. Team manager Henri Blanc was delighted. "
        "“The wind was brutal,” the 27-year-old said."
    )
    assert speaker_of(text, annotate(text), "“The wind was brutal,”") == ("Pierre Lagarde", SpeakerRule.ROLE)


def test_the_argentine_is_the_person_from_argentina_not_the_country(annotate: Annotate) -> None:
    text = "Martín Acosta of Argentina won the race on Sunday. “The wind was brutal,” the Argentine said."
    assert speaker_of(text, annotate(text), "“The wind was brutal,”") == ("Martín Acosta", SpeakerRule.ROLE)


def test_demonym_picks_the_person_of_that_country_over_the_subject(annotate: Annotate) -> None:
    text = (
        "Martín Acosta of Argentina finished ahead of Pierre Lagarde of France on Sunday. "
        "“The wind was brutal,” the Frenchman said."
    )
    assert speaker_of(text, annotate(text), "“The wind was brutal,”") == ("Pierre Lagarde", SpeakerRule.ROLE)


# --- organization_nominal ------------------------------------------------------------------------


def test_police_is_the_named_town_police(annotate: Annotate) -> None:
    text = (
        "A fire destroyed a warehouse in Fernhill overnight, the Fernhill Police said. "
        "“The cause is not yet known,” police said."
    )
    assert speaker_of(text, annotate(text), "“The cause is not yet known,”") == (
        "Fernhill Police",
        SpeakerRule.ORGANIZATION_NOMINAL,
    )


def test_the_ministry_is_the_named_ministry(annotate: Annotate) -> None:
    text = (
        "The Ministry of Fisheries announced new quotas on Monday. "
        "“The stocks must recover,” the ministry said."
    )
    assert speaker_of(text, annotate(text), "“The stocks must recover,”") == (
        "Ministry of Fisheries",
        SpeakerRule.ORGANIZATION_NOMINAL,
    )


def test_the_company_is_the_business_not_the_union(annotate: Annotate) -> None:
    text = (
        "Talvik Motors will cut 300 jobs, the United Autoworkers Union said on Monday. "
        "The union called the cuts unfair. “We have no choice,” the company said."
    )
    assert speaker_of(text, annotate(text), "“We have no choice,”") == (
        "Talvik Motors",
        SpeakerRule.ORGANIZATION_NOMINAL,
    )


def test_the_company_is_the_business_in_focus_of_two(annotate: Annotate) -> None:
    text = (
        "Talvik Motors and Larkspur Foods both reported losses on Monday. "
        "Larkspur Foods blamed the weather. “We expect a better spring,” the company said."
    )
    assert speaker_of(text, annotate(text), "“We expect a better spring,”") == (
        "Larkspur Foods",
        SpeakerRule.ORGANIZATION_NOMINAL,
    )


def test_a_countrys_unnamed_ministry_is_affiliated_with_the_country_not_the_dateline(
    annotate: Annotate,
) -> None:
    text = "OSLO (Reuters) - Norway's fisheries ministry said on Monday that cod quotas would be cut."
    assert source_of(text, annotate(text), "that cod quotas would be cut") == Source(
        "Norway's fisheries ministry", None, False, "Norway", SpeakerRule.ORGANIZATION_NOMINAL
    )


def test_the_club_is_the_organisation_in_focus_though_its_name_lacks_the_word(annotate: Annotate) -> None:
    text = "The Fernhill Rovers lost again on Saturday. “We played badly,” the club said."
    assert speaker_of(text, annotate(text), "“We played badly,”") == (
        "Fernhill Rovers",
        SpeakerRule.ORGANIZATION_NOMINAL,
    )


# --- definite_description ------------------------------------------------------------------------


def test_the_collector_is_the_person_the_story_is_about(annotate: Annotate) -> None:
    text = (
        "Rosa Halvorsen bought the painting at an auction in May. She paid more than she had planned. "
        "“I fell in love with it,” the collector said."
    )
    assert speaker_of(text, annotate(text), "“I fell in love with it,”") == (
        "Rosa Halvorsen",
        SpeakerRule.DEFINITE_DESCRIPTION,
    )


def test_the_woman_is_the_woman_in_focus(annotate: Annotate) -> None:
    text = (
        "Rosa Halvorsen bought the painting at an auction in May. “I fell in love with it,” the woman said."
    )
    assert speaker_of(text, annotate(text), "“I fell in love with it,”") == (
        "Rosa Halvorsen",
        SpeakerRule.DEFINITE_DESCRIPTION,
    )


def test_a_spokeswoman_for_the_hospital_is_affiliated_with_the_named_hospital(annotate: Annotate) -> None:
    text = "Ostby General Hospital is full. A spokeswoman for the hospital said visiting hours would be cut."
    assert source_of(text, annotate(text), "visiting hours would be cut") == Source(
        "A spokeswoman", None, True, "Ostby General Hospital", SpeakerRule.SPOKESPERSON
    )


def test_an_organisations_first_word_before_a_role_gives_the_affiliation(annotate: Annotate) -> None:
    text = "Kestrel Airways cut 40 flights on Monday. A Kestrel manager said the crews were exhausted."
    assert source_of(text, annotate(text), "the crews were exhausted") == Source(
        "A Kestrel manager", None, True, "Kestrel Airways", SpeakerRule.ANONYMOUS
    )


def test_an_age_with_no_parsed_subject_is_the_subject_of_the_sentence_before(annotate: Annotate) -> None:
    text = (
        "Priya Shah said she would meet Martin Cole next week. "
        '"I understand his anger," the 51-year-old said. "But the pipes will not fix themselves."'
    )
    annotation = annotate(text)
    quote = quote_at(text, annotation, text[text.index('"I understand') :].rstrip())
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert (annotation.actors[quote.speaker.actor].name, quote.speaker.rule) == (
        "Priya Shah",
        SpeakerRule.DEFINITE_DESCRIPTION,
    )


def test_the_regulator_is_the_organisation_described_as_the_regulator(annotate: Annotate) -> None:
    text = (
        "A spokesman for Ofwat, the regulator, said it would study the plan. "
        "The regulator said the rise was too steep."
    )
    assert speaker_of(text, annotate(text), "the rise was too steep") == ("Ofwat", SpeakerRule.ROLE)


def test_her_mother_is_not_the_woman_her_means(annotate: Annotate) -> None:
    text = (
        "Mrs. Penhale came in with the post.\n\n"
        "“Is he married or single?” asked Harriet Penhale, the second daughter.\n\n"
        "“Single, my dear, to be sure!” cried her mother."
    )
    assert speaker_of(text, annotate(text), "“Single, my dear, to be sure!”") == (
        "Mrs. Penhale",
        SpeakerRule.DEFINITE_DESCRIPTION,
    )
