"""Name passes (`app.nlp.speaker_sieve.names`): exact name, name variant, descriptor + name, and
a document's owner ("the union's letter").

The actor engine already merges most short forms ("Halvorsen", "de la Cruz") into the full name's
actor, so through the whole pipeline they are exact names; `name_variant` is also tested on its own,
with actors mentioned only by their full names, so its matching is checked whatever the engine merges.
"""

from __future__ import annotations

from spacy.language import Language

from app.nlp.annotations import Actor, Mention, Quote, Speaker, SpeakerRule, TextSpan
from app.nlp.speaker_sieve import make_slot
from app.nlp.speaker_sieve.context import Discourse, SieveContext
from app.nlp.speaker_sieve.names import name_variant
from tests.nlp.test_speaker_sieve_pipeline import Annotate, speaker_of

CUE = "said"


def variant(nlp: Language, text: str, people: list[str], speaker: str) -> str | None:
    """What `name_variant` makes of the last `speaker` (followed by "said") in `text` when the
    article's people are `people`, each mentioned once by its full name; None if it declines."""
    doc = nlp(text)
    actors = [
        Actor(name, "person", [Mention(text.index(name), text.index(name) + len(name), name)])
        for name in people
    ]
    start = text.rindex(speaker)
    end = start + len(speaker)
    cue = text.index(CUE, end)
    opening, closing = text.rindex("“", 0, start), text.rindex("”", 0, start) + 1
    quote = Quote(
        opening,
        closing,
        [(opening, closing)],
        "direct",
        TextSpan(cue, cue + len(CUE), CUE),
        Speaker(start, end, speaker),
    )
    ctx = SieveContext(doc, actors)
    found = name_variant(ctx, Discourse(), make_slot(ctx, 0, quote, start, end))
    if found is None:
        return None
    assert found.rule == SpeakerRule.NAME_VARIANT and found.actor is not None
    return actors[found.actor].name


# --- exact_name ---------------------------------------------------------------------------------


def test_title_and_full_name_is_an_exact_name(annotate: Annotate) -> None:
    text = "“We will rebuild the bridge by spring,” Mayor Anna Berg said on Monday."
    assert speaker_of(text, annotate(text), "“We will rebuild the bridge by spring,”") == (
        "Anna Berg",
        SpeakerRule.EXACT_NAME,
    )


def test_surname_after_full_name_resolves_to_the_full_name(annotate: Annotate) -> None:
    text = (
        "Tomas Halvorsen, a dairy farmer, lost half his herd in the flood. "
        "“The water came in the night,” Halvorsen said."
    )
    assert speaker_of(text, annotate(text), "“The water came in the night,”") == (
        "Tomas Halvorsen",
        SpeakerRule.EXACT_NAME,
    )


def test_particle_surname_resolves_to_the_full_name(annotate: Annotate) -> None:
    text = (
        "Carlos de la Cruz runs the only bakery in town. He opened it in 1998. "
        "“Bread is still cheap here,” de la Cruz said."
    )
    assert speaker_of(text, annotate(text), "“Bread is still cheap here,”") == (
        "Carlos de la Cruz",
        SpeakerRule.EXACT_NAME,
    )


def test_hyphenated_surname_resolves_to_the_full_name(annotate: Annotate) -> None:
    text = (
        "Greta Kowalski-Brandt chairs the school board. "
        "“The roof must be fixed first,” Kowalski-Brandt said on Tuesday."
    )
    assert speaker_of(text, annotate(text), "“The roof must be fixed first,”") == (
        "Greta Kowalski-Brandt",
        SpeakerRule.EXACT_NAME,
    )


def test_surname_with_diacritics_resolves_to_the_full_name(annotate: Annotate) -> None:
    text = (
        "José Núñez runs a fishing cooperative on the coast. “The catch is smaller every year,” Núñez said."
    )
    assert speaker_of(text, annotate(text), "“The catch is smaller every year,”") == (
        "José Núñez",
        SpeakerRule.EXACT_NAME,
    )


def test_surname_written_without_its_accents_resolves_to_the_accented_name(annotate: Annotate) -> None:
    text = (
        "José Núñez runs a fishing cooperative on the coast. “The catch is smaller every year,” Nunez said."
    )
    assert speaker_of(text, annotate(text), "“The catch is smaller every year,”") == (
        "José Núñez",
        SpeakerRule.EXACT_NAME,
    )


def test_mrs_surname_does_not_resolve_to_a_man_with_that_surname(annotate: Annotate) -> None:
    text = (
        "John Weston owns the hardware store on Main Street. His wife runs the café next door. "
        "“Business is slow this winter,” Mrs. Weston said."
    )
    assert speaker_of(text, annotate(text), "“Business is slow this winter,”") == (
        "Mrs. Weston",
        SpeakerRule.EXACT_NAME,
    )


def test_name_right_after_a_dateline_is_an_exact_name(annotate: Annotate) -> None:
    text = "OSLO, March 3 (Reuters) - Kari Nordvik said on Monday that cod quotas would be cut."
    assert speaker_of(text, annotate(text), "that cod quotas would be cut") == (
        "Kari Nordvik",
        SpeakerRule.EXACT_NAME,
    )


# --- name_variant on its own ---------------------------------------------------------------------


def test_name_variant_matches_a_surname_to_the_full_name(nlp: Language) -> None:
    text = "Tomas Halvorsen lost half his herd. “The water came at night,” Halvorsen said."
    assert variant(nlp, text, ["Tomas Halvorsen"], "Halvorsen") == "Tomas Halvorsen"


def test_name_variant_keeps_the_particles_of_a_surname(nlp: Language) -> None:
    text = "Carlos de la Cruz runs the bakery. “Bread is still cheap,” de la Cruz said."
    assert variant(nlp, text, ["Carlos de la Cruz"], "de la Cruz") == "Carlos de la Cruz"


def test_name_variant_matches_a_hyphenated_surname(nlp: Language) -> None:
    text = "Greta Kowalski-Brandt chairs the board. “The roof comes first,” Kowalski-Brandt said."
    assert variant(nlp, text, ["Greta Kowalski-Brandt"], "Kowalski-Brandt") == "Greta Kowalski-Brandt"


def test_name_variant_matches_a_surname_written_without_its_accents(nlp: Language) -> None:
    text = "José Núñez runs a fishing cooperative. “The catch is smaller,” Nunez said."
    assert variant(nlp, text, ["José Núñez"], "Nunez") == "José Núñez"


def test_name_variant_matches_a_first_name_used_alone(nlp: Language) -> None:
    text = "Robert Hale has farmed the land for forty years. “The soil is tired,” Robert said."
    assert variant(nlp, text, ["Robert Hale"], "Robert") == "Robert Hale"


def test_name_variant_refuses_a_first_name_two_people_share(nlp: Language) -> None:
    text = "Robert Hale and Robert Lund own the mill together. “The river is too low,” Robert said."
    assert variant(nlp, text, ["Robert Hale", "Robert Lund"], "Robert") is None


def test_name_variant_refuses_mrs_for_a_man_with_that_surname(nlp: Language) -> None:
    text = "John Weston owns the hardware store. “Business is slow,” Mrs. Weston said."
    assert variant(nlp, text, ["John Weston"], "Mrs. Weston") is None


def test_name_variant_gives_mrs_surname_to_the_woman_of_that_surname(nlp: Language) -> None:
    text = "John Weston and Clara Weston own the store. “Business is slow,” Mrs. Weston said."
    assert variant(nlp, text, ["John Weston", "Clara Weston"], "Mrs. Weston") == "Clara Weston"


# --- descriptor_name -----------------------------------------------------------------------------


def test_descriptor_then_name_in_apposition_resolves_to_the_name(annotate: Annotate) -> None:
    text = "The hospital's chief nurse, Ana Ruiz, said on Friday that the ward would reopen next week."
    assert speaker_of(text, annotate(text), "that the ward would reopen next week") == (
        "Ana Ruiz",
        SpeakerRule.DESCRIPTOR_NAME,
    )


def test_descriptor_after_the_quote_resolves_to_the_name_beside_it(annotate: Annotate) -> None:
    text = "“The ward will reopen next week,” the hospital's chief nurse, Sofia Marquez, said on Friday."
    assert speaker_of(text, annotate(text), "“The ward will reopen next week,”") == (
        "Sofia Marquez",
        SpeakerRule.DESCRIPTOR_NAME,
    )


def test_kin_descriptor_resolves_to_the_name_not_the_relative(annotate: Annotate) -> None:
    text = (
        "Peter Ellis, a retired engineer, has lived on the street for forty years. "
        "His wife, Mary Ellis, said the noise had become unbearable."
    )
    assert speaker_of(text, annotate(text), "the noise had become unbearable") == (
        "Mary Ellis",
        SpeakerRule.DESCRIPTOR_NAME,
    )


def test_she_after_a_kin_descriptor_with_name_is_that_name(annotate: Annotate) -> None:
    text = (
        "Peter Ellis, a retired engineer, has lived on the street for forty years. "
        "His wife, Mary Ellis, said the noise had become unbearable. “We cannot sleep,” she said."
    )
    assert speaker_of(text, annotate(text), "“We cannot sleep,”") == ("Mary Ellis", SpeakerRule.PRONOUN)


# --- document_owner ------------------------------------------------------------------------------


def test_the_unions_letter_speaks_for_the_named_union(annotate: Annotate) -> None:
    text = (
        "The Coastal Workers Union wrote to the ministry on Monday. "
        "The union's letter said the cuts were illegal."
    )
    assert speaker_of(text, annotate(text), "the cuts were illegal") == (
        "Coastal Workers Union",
        SpeakerRule.DOCUMENT_OWNER,
    )


def test_a_named_organisations_letter_speaks_for_it(annotate: Annotate) -> None:
    text = "“The cuts are illegal,” the Coastal Workers Union's letter said."
    assert speaker_of(text, annotate(text), "“The cuts are illegal,”") == (
        "Coastal Workers Union",
        SpeakerRule.DOCUMENT_OWNER,
    )


def test_a_report_by_a_company_speaks_for_the_company(annotate: Annotate) -> None:
    text = "A report by Larkspur Foods said demand fell sharply."
    assert speaker_of(text, annotate(text), "demand fell sharply") == (
        "Larkspur Foods",
        SpeakerRule.DOCUMENT_OWNER,
    )


def test_her_letter_speaks_for_the_woman_in_focus(annotate: Annotate) -> None:
    text = "Lena Vogt sent a letter to the council. Her letter said the shelter would close."
    assert speaker_of(text, annotate(text), "the shelter would close") == (
        "Lena Vogt",
        SpeakerRule.DOCUMENT_OWNER,
    )


def test_descriptor_then_an_organisation_name_resolves_to_the_organisation(annotate: Annotate) -> None:
    text = "The builder, Kestrel Works, said the dam would be finished in May."
    assert speaker_of(text, annotate(text), "the dam would be finished in May") == (
        "Kestrel Works",
        SpeakerRule.DESCRIPTOR_NAME,
    )
