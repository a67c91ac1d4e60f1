"""Pronoun passes (`app.nlp.speaker_sieve.pronouns`, with `focus`): "who" to its antecedent,
"he"/"she" to the person in focus of that gender, "they"/"it" to the organisation in focus."""

from __future__ import annotations

from app.nlp.annotations import SpeakerRule
from tests.nlp.test_speaker_sieve_pipeline import Annotate, Source, source_of, speaker_of

# --- relative_pronoun ----------------------------------------------------------------------------


def test_who_after_unnamed_critics_is_anonymous(annotate: Annotate) -> None:
    text = (
        "The council approved the new stadium on Tuesday. "
        "Critics of the plan, who say it is too costly, vowed to fight on."
    )
    assert source_of(text, annotate(text), "it is too costly") == Source(
        "who", None, True, None, SpeakerRule.RELATIVE_PRONOUN
    )


def test_who_after_a_name_is_that_person(annotate: Annotate) -> None:
    text = (
        "The council approved the new stadium on Tuesday. "
        "Karin Holt, who says the stadium is too costly, voted against it."
    )
    assert speaker_of(text, annotate(text), "the stadium is too costly") == (
        "Karin Holt",
        SpeakerRule.RELATIVE_PRONOUN,
    )


def test_which_after_a_company_is_that_company(annotate: Annotate) -> None:
    text = "Larkspur Foods, which says the plant is too old, will close it in March."
    assert speaker_of(text, annotate(text), "the plant is too old") == (
        "Larkspur Foods",
        SpeakerRule.RELATIVE_PRONOUN,
    )


# --- person_pronoun ------------------------------------------------------------------------------


def test_she_skips_a_nearer_man(annotate: Annotate) -> None:
    text = (
        "Lena Vogt met Erik Dahl at the port on Monday. Dahl showed her the damaged cranes. "
        "“We need help quickly,” she said."
    )
    assert speaker_of(text, annotate(text), "“We need help quickly,”") == ("Lena Vogt", SpeakerRule.PRONOUN)


def test_subject_of_the_previous_sentence_beats_a_nearer_object(annotate: Annotate) -> None:
    text = (
        "Lena Vogt thanked Greta Lind for the report on Monday. "
        "“The numbers are worse than we feared,” she said."
    )
    assert speaker_of(text, annotate(text), "“The numbers are worse than we feared,”") == (
        "Lena Vogt",
        SpeakerRule.PRONOUN,
    )


def test_she_after_a_new_subject_is_the_new_subject_not_the_last_speaker(annotate: Annotate) -> None:
    text = (
        "“The budget is fine,” Lena Vogt said. Greta Lind disagreed. “The numbers do not add up,” she said."
    )
    assert speaker_of(text, annotate(text), "“The numbers do not add up,”") == (
        "Greta Lind",
        SpeakerRule.PRONOUN,
    )


def test_she_is_never_an_organisation_in_subject_position(annotate: Annotate) -> None:
    text = (
        "Marit Eide has led the charity since 2019. The Oslo City Council cut its grant on Monday. "
        "“We will survive,” she said."
    )
    assert speaker_of(text, annotate(text), "“We will survive,”") == ("Marit Eide", SpeakerRule.PRONOUN)


def test_he_is_never_a_place_in_subject_position(annotate: Annotate) -> None:
    text = (
        "Erik Dahl moved to Oslo in 2010. Oslo has grown fast since then. "
        "“The city is too crowded now,” he said."
    )
    assert speaker_of(text, annotate(text), "“The city is too crowded now,”") == (
        "Erik Dahl",
        SpeakerRule.PRONOUN,
    )


def test_she_after_two_named_speakers_is_the_woman_who_spoke(annotate: Annotate) -> None:
    text = (
        "“We lost everything,” Lena Vogt said. “The insurers will not pay,” Erik Dahl said. "
        "“We will rebuild anyway,” she said."
    )
    assert speaker_of(text, annotate(text), "“We will rebuild anyway,”") == ("Lena Vogt", SpeakerRule.PRONOUN)


def test_she_reaches_back_past_sentences_about_things(annotate: Annotate) -> None:
    text = (
        "Lena Vogt founded the shelter in 2015. The town gave it a building. Volunteers painted the walls. "
        "Dogs arrived within a week. Donations poured in. “We never expected this,” she said."
    )
    assert speaker_of(text, annotate(text), "“We never expected this,”") == ("Lena Vogt", SpeakerRule.PRONOUN)


def test_he_after_a_possessive_subject_is_the_possessor(annotate: Annotate) -> None:
    text = "Erik Dahl's boat sank in the storm on Sunday. Nobody was hurt. “I was lucky,” he said."
    assert speaker_of(text, annotate(text), "“I was lucky,”") == ("Erik Dahl", SpeakerRule.PRONOUN)


def test_he_told_someone_is_not_the_one_told(annotate: Annotate) -> None:
    text = "Tom Berg met Erik Dahl at the harbour on Monday. “The cranes are broken,” he told Berg."
    assert speaker_of(text, annotate(text), "“The cranes are broken,”") == (
        "Erik Dahl",
        SpeakerRule.PRONOUN,
    )


def test_he_said_to_someone_is_not_the_one_spoken_to(annotate: Annotate) -> None:
    text = "Tom Berg met Erik Dahl at the harbour on Monday. “The cranes are broken,” he said to Berg."
    assert speaker_of(text, annotate(text), "“The cranes are broken,”") == (
        "Erik Dahl",
        SpeakerRule.PRONOUN,
    )


# --- group_pronoun -------------------------------------------------------------------------------


def test_they_said_in_a_statement_is_the_organisation(annotate: Annotate) -> None:
    text = (
        "The Coastal Workers Union called a strike on Friday. "
        "“Our members have waited long enough,” they said in a statement."
    )
    assert speaker_of(text, annotate(text), "“Our members have waited long enough,”") == (
        "Coastal Workers Union",
        SpeakerRule.GROUP_PRONOUN,
    )


def test_it_said_is_the_company_not_the_town(annotate: Annotate) -> None:
    text = (
        "Larkspur Foods closed its plant in Fernhill on Friday. "
        "“The decision was not taken lightly,” it said in a statement."
    )
    assert speaker_of(text, annotate(text), "“The decision was not taken lightly,”") == (
        "Larkspur Foods",
        SpeakerRule.GROUP_PRONOUN,
    )


def test_it_said_can_be_a_country(annotate: Annotate) -> None:
    text = "Norway rejected the proposal on Monday. “The quotas are fair,” it said in a statement."
    assert speaker_of(text, annotate(text), "“The quotas are fair,”") == ("Norway", SpeakerRule.GROUP_PRONOUN)


def test_they_after_an_unnamed_group_is_that_group_anonymous(annotate: Annotate) -> None:
    text = (
        "Kestrel Bay Police closed the road. Shopkeepers on Mill Street said they had asked for brighter "
        "lamps for years. “We told them again and again,” they said in a joint letter."
    )
    assert source_of(text, annotate(text), "“We told them again and again,”") == Source(
        "they", None, True, None, SpeakerRule.GROUP_PRONOUN
    )


def test_they_after_a_group_from_a_named_organisation_is_that_organisation(annotate: Annotate) -> None:
    text = (
        "Kestrel Bay Police closed the road on Friday. Volunteers from the Ostby Rowing Club have cleared "
        "the beach since Sunday. “We will keep going,” they said."
    )
    assert speaker_of(text, annotate(text), "“We will keep going,”") == (
        "Ostby Rowing Club",
        SpeakerRule.GROUP_PRONOUN,
    )


def test_a_pronoun_that_replies_is_not_the_person_it_answers(annotate: Annotate) -> None:
    text = (
        "Anna Reyes and her sister Kate sat by the fire.\n\n"
        "“I cannot sleep,” said Anna.\n\n"
        "“Nor can I,” she replied."
    )
    assert speaker_of(text, annotate(text), "“Nor can I,”") == ("Kate", SpeakerRule.PRONOUN)


def test_a_first_person_cue_outside_quotes_is_the_unnamed_narrator(annotate: Annotate) -> None:
    text = "Tom Berg opened the gate for me.\n\n“Where have you been all winter?” I asked him."
    assert speaker_of(text, annotate(text), "“Where have you been all winter?”") == (
        None,
        SpeakerRule.UNRESOLVED,
    )
