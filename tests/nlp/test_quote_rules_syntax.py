"""Parse questions shared by the quote rules."""

from __future__ import annotations

from spacy.language import Language

from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.syntax import can_speak, inverted_subject, is_cue_verb, subject_between


def test_who_can_speak(nlp: Language) -> None:
    doc = nlp("You and the ministry told him the bridge was unsafe.")
    assert [t.text for t in doc if can_speak(t)] == ["You", "ministry"]


def test_cue_verbs_include_phrasal_cues_only_with_their_particle(nlp: Language) -> None:
    doc = nlp("As she put it, he went on and she put the cup down and said nothing.")
    assert [t.text for t in doc if is_cue_verb(t)] == ["put", "went", "said"]


def test_inverted_subject_after_the_verb(nlp: Language) -> None:
    ctx = QuoteContext(nlp("“No,” said the harbour master."))
    said = next(t for t in ctx.doc if t.text == "said")
    subject = inverted_subject(ctx, said, len(ctx.text))
    assert subject is not None and subject.text == "master"


def test_no_inverted_subject_past_a_preposition(nlp: Language) -> None:
    ctx = QuoteContext(nlp("“No,” he said on Friday."))
    said = next(t for t in ctx.doc if t.text == "said")
    assert inverted_subject(ctx, said, len(ctx.text)) is None


def test_subject_between_a_quotation_and_its_cue(nlp: Language) -> None:
    ctx = QuoteContext(nlp("“We grow,” Dana Kell, owner of a farm shop, tells visitors."))
    tells = next(t for t in ctx.doc if t.text == "tells")
    after_quote = ctx.token_at(ctx.segments[0].end - 1) + 1
    subject = subject_between(ctx, after_quote, tells)
    assert subject is not None and subject.text == "Kell"


def test_inverted_subject_with_a_possessive_is_the_possessed_noun(nlp: Language) -> None:
    ctx = QuoteContext(nlp("“Do you not wish to know?” cried his wife."))
    cried = next(t for t in ctx.doc if t.text == "cried")
    subject = inverted_subject(ctx, cried, len(ctx.text))
    assert subject is not None and subject.text == "wife"


def test_a_participle_describing_a_thing_is_no_cue(nlp: Language) -> None:
    doc = nlp("The fee is paid through a “tourist charge” added to hotel bills since May.")
    added = next(t for t in doc if t.text == "added")
    assert is_cue_verb(added) is False


def test_a_participle_after_a_person_is_still_a_cue(nlp: Language) -> None:
    doc = nlp("“We lost, but we played well!” Rita Gomez, the captain of the team, tweeted on Friday.")
    tweeted = next(t for t in doc if t.text == "tweeted")
    assert (tweeted.dep_, is_cue_verb(tweeted)) == ("acl", True)
