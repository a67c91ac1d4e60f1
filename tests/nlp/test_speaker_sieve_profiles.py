"""Actor profiles (`app.nlp.speaker_sieve.profiles`): the name forms, gender, roles, ages and
countries an article gives each actor, which the passes match speaker phrases against."""

from __future__ import annotations

from spacy.language import Language

from app.nlp.actors import find_actors
from app.nlp.gender import Gender
from app.nlp.speaker_sieve.context import SieveContext
from app.nlp.speaker_sieve.profiles import ActorProfile, age_of, fold, name_words, surname_forms


def profile_of(nlp: Language, text: str, name: str) -> ActorProfile:
    """The profile the sieve builds for the actor called `name` in `text`."""
    doc = nlp(text)
    actors = find_actors(doc)
    names = [actor.name for actor in actors]
    assert name in names, names
    return SieveContext(doc, actors).profiles[names.index(name)]


# --- name forms ----------------------------------------------------------------------------------


def test_fold_drops_case_accents_and_possessive() -> None:
    assert fold("Núñez's") == "nunez"


def test_fold_spells_out_letters_without_a_decomposition() -> None:
    assert fold("Støre") == "store"


def test_name_words_drop_a_leading_title() -> None:
    assert name_words("Mayor Anna Berg") == ["anna", "berg"]


def test_name_words_drop_an_abbreviated_title() -> None:
    assert name_words("Sen. Ivo Lund") == ["ivo", "lund"]


def test_surname_forms_keep_the_particles() -> None:
    assert surname_forms(["luis", "de", "la", "cruz"]) == {"de la cruz", "cruz"}


def test_a_single_name_has_no_surname_forms() -> None:
    assert surname_forms(["anna"]) == set()


def test_age_of_reads_the_age_of_a_description() -> None:
    assert age_of("the 58-year-old coach") == "58"


def test_age_of_a_description_without_an_age_is_none() -> None:
    assert age_of("the veteran coach") is None


# --- what the article says about a person --------------------------------------------------------


def test_apposition_after_the_name_gives_its_role(nlp: Language) -> None:
    profile = profile_of(nlp, "Karin Holt, the city's mayor, opened the new library on Monday.", "Karin Holt")
    assert "mayor" in profile.role_words


def test_description_before_the_name_gives_its_role(nlp: Language) -> None:
    text = "The union's president, Ivo Lund, said the strike would go on."
    assert "president" in profile_of(nlp, text, "Ivo Lund").role_words


def test_abbreviated_title_gives_the_role_it_stands_for(nlp: Language) -> None:
    assert "senator" in profile_of(nlp, "Sen. Ivo Lund voted against the bill.", "Ivo Lund").role_words


def test_number_after_the_name_between_commas_is_its_age(nlp: Language) -> None:
    text = "Oskar Brenner, 58, has coached the team for a decade."
    assert profile_of(nlp, text, "Oskar Brenner").ages == frozenset({"58"})


def test_of_a_country_after_the_name_ties_the_person_to_it(nlp: Language) -> None:
    text = "Martín Acosta of Argentina won the race on Sunday."
    assert profile_of(nlp, text, "Martín Acosta").countries == frozenset({"AR"})


def test_first_name_gives_the_gender(nlp: Language) -> None:
    text = "Lena Vogt met Erik Dahl at the port."
    assert (profile_of(nlp, text, "Lena Vogt").gender, profile_of(nlp, text, "Erik Dahl").gender) == (
        Gender.FEMALE,
        Gender.MALE,
    )


def test_kin_noun_gives_the_gender(nlp: Language) -> None:
    text = "His wife, Robin Ellis, said the noise was unbearable."
    assert profile_of(nlp, text, "Robin Ellis").gender == Gender.FEMALE


def test_title_outweighs_the_first_name(nlp: Language) -> None:
    assert profile_of(nlp, "Mrs. Erik Dahl won the case.", "Erik Dahl").gender == Gender.FEMALE


def test_pronoun_the_person_governs_gives_the_gender(nlp: Language) -> None:
    text = "Robin Ellis said she would sue the city."
    assert profile_of(nlp, text, "Robin Ellis").gender == Gender.FEMALE


def test_organisation_short_form_is_its_leading_word(nlp: Language) -> None:
    text = "Larkspur Foods closed its plant on Friday."
    profile = profile_of(nlp, text, "Larkspur Foods")
    assert (profile.type, profile.short_forms, profile.gender) == (
        "organization",
        frozenset({"larkspur"}),
        Gender.UNKNOWN,
    )


def test_kin_noun_outweighs_the_first_name(nlp: Language) -> None:
    text = "Her husband, Andrea Rossi, said the noise was unbearable."
    assert profile_of(nlp, text, "Andrea Rossi").gender == Gender.MALE
