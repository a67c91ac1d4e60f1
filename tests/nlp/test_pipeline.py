"""The annotator as a whole: versioning and what it adds across the layers."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp import ENGINE_VERSION, Annotation, Annotator
from app.nlp.annotations import SpeakerRule
from app.nlp.pipeline import engine_version, model_meta
from tests.conftest import MODEL


def test_annotator_version_names_engine_and_model_versions() -> None:
    annotator = Annotator(MODEL)
    assert annotator.version.startswith(f"quotewire-{ENGINE_VERSION}+")
    assert annotator.nlp.meta["version"] in annotator.version


def test_the_version_read_from_the_models_meta_alone_is_the_loaded_annotators() -> None:
    assert engine_version(model_meta(MODEL)) == Annotator(MODEL).version


def test_pronoun_speaker_becomes_a_pronoun_mention_of_its_actor(
    annotate: Callable[[str], Annotation],
) -> None:
    text = "Governor Helen Park visited the port.\n\n“The harbour will reopen soon,” she said."
    annotation = annotate(text)
    assert len(annotation.quotes) == 1
    quote = annotation.quotes[0]
    assert text[quote.start : quote.end] == "“The harbour will reopen soon,”"
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert (quote.speaker.text, quote.speaker.rule) == ("she", SpeakerRule.PRONOUN)
    actor = annotation.actors[quote.speaker.actor]
    assert actor.name == "Helen Park"
    assert any(m.form == "pronoun" and m.text == "she" for m in actor.mentions)


def test_annotate_many_matches_annotate_one_by_one(annotate: Callable[[str], Annotation]) -> None:
    texts = ["Mayor Tom Berg said the bridge was safe.", "“No,” Ana Ruiz said."]
    batched = list(Annotator(MODEL).annotate_many(texts))
    assert batched == [annotate(t) for t in texts]


def test_empty_text_gives_an_empty_annotation(annotate: Callable[[str], Annotation]) -> None:
    assert annotate("") == Annotation()


def test_every_paragraph_starts_a_sentence(nlp: Language) -> None:
    text = 'Ms. Dale called her rival an "Uncle Sam."\n\nThe rival became a quiet voice in the 1980s.'
    doc = nlp(text)
    second = text.index("The rival")
    assert any(sent.start_char == second for sent in doc.sents)
