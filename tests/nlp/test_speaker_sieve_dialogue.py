"""Dialogue passes (`app.nlp.speaker_sieve.dialogue`): a cue-less quotation paragraph continues the
last speaker, or, in a question-and-answer exchange, goes back to the one who asked."""

from __future__ import annotations

from app.nlp.annotations import SpeakerRule
from tests.nlp.test_speaker_sieve_pipeline import Annotate, Source, quote_at, source_of, speaker_of

EXCHANGE = (
    "Judge Ada Moss questioned Tom Berg for an hour on Tuesday.\n\n"
    "“Where were you on the night of the fire?” Moss asked.\n\n"
    "Berg replied that he had been at home with his children.\n\n"
    "“Can anyone confirm that for the court?”"
)


def test_quotation_paragraph_after_a_quote_continues_its_speaker(annotate: Annotate) -> None:
    text = (
        "Erik Dahl runs the harbour. Dahl said on Monday that the cranes were broken.\n\n"
        "“Nobody has fixed them since the storm in March.”"
    )
    assert speaker_of(text, annotate(text), "“Nobody has fixed them since the storm in March.”") == (
        "Erik Dahl",
        SpeakerRule.CONTINUATION,
    )


def test_continuation_of_an_anonymous_source_stays_anonymous(annotate: Annotate) -> None:
    text = (
        "A senior official said on Monday that the talks had failed.\n\n"
        "“Nobody wants to give an inch on the border question.”"
    )
    assert source_of(
        text, annotate(text), "“Nobody wants to give an inch on the border question.”"
    ) == Source("A senior official", None, True, None, SpeakerRule.CONTINUATION)


def test_untagged_line_after_a_question_and_its_answer_is_the_askers(annotate: Annotate) -> None:
    assert speaker_of(EXCHANGE, annotate(EXCHANGE), "“Can anyone confirm that for the court?”") == (
        "Ada Moss",
        SpeakerRule.TURN_TAKING,
    )


def test_untagged_line_after_a_statement_and_a_reply_continues_the_replier(annotate: Annotate) -> None:
    text = (
        "Judge Ada Moss questioned Tom Berg for an hour on Tuesday.\n\n"
        "“You were at the warehouse that night,” Moss said.\n\n"
        "Berg replied that he had been at home with his children.\n\n"
        "“The court has heard other witnesses today.”"
    )
    assert speaker_of(text, annotate(text), "“The court has heard other witnesses today.”") == (
        "Tom Berg",
        SpeakerRule.CONTINUATION,
    )


def test_untagged_line_after_a_quoted_question_and_quoted_answer_is_the_askers(annotate: Annotate) -> None:
    text = (
        "Judge Ada Moss questioned Tom Berg for an hour on Tuesday.\n\n"
        "“Where were you on the night of the fire?” Moss asked.\n\n"
        "“I was at home with my children,” Berg said.\n\n"
        "“Can anyone confirm that for the court?”"
    )
    assert speaker_of(text, annotate(text), "“Can anyone confirm that for the court?”") == (
        "Ada Moss",
        SpeakerRule.TURN_TAKING,
    )


def test_untagged_answer_to_an_untagged_question_is_the_other_partys(annotate: Annotate) -> None:
    text = EXCHANGE + "\n\n“My wife was there the whole night.”"
    assert speaker_of(text, annotate(text), "“My wife was there the whole night.”") == (
        "Tom Berg",
        SpeakerRule.TURN_TAKING,
    )


def test_turn_taking_adds_no_mention_of_the_other_partys_name(annotate: Annotate) -> None:
    annotation = annotate(EXCHANGE)
    moss = next(actor for actor in annotation.actors if actor.name == "Ada Moss")
    assert [mention.text for mention in moss.mentions] == ["Ada Moss", "Moss"]


def test_turn_taking_speaker_words_are_the_askers_own(annotate: Annotate) -> None:
    assert source_of(EXCHANGE, annotate(EXCHANGE), "“Can anyone confirm that for the court?”") == Source(
        "Moss", "Ada Moss", False, None, SpeakerRule.TURN_TAKING
    )


def test_untagged_answer_to_a_question_addressed_by_name_is_the_named_persons(annotate: Annotate) -> None:
    text = (
        "Ada Moss sat by the window while Tom Berg read.\n\n"
        "“Tom, will you walk with me to the harbour?” she asked.\n\n"
        "“Not today, I have letters to write.”"
    )
    assert speaker_of(text, annotate(text), "“Not today, I have letters to write.”") == (
        "Tom Berg",
        SpeakerRule.TURN_TAKING,
    )


def test_untagged_answer_to_a_question_asked_of_someone_is_that_persons(annotate: Annotate) -> None:
    text = (
        "Ada Moss met Tom Berg at the gate.\n\n"
        "“Is the ferry late again?” Moss asked Berg.\n\n"
        "“By an hour, as always.”"
    )
    assert speaker_of(text, annotate(text), "“By an hour, as always.”") == (
        "Tom Berg",
        SpeakerRule.TURN_TAKING,
    )


def test_untagged_line_after_a_question_asked_of_no_one_continues_the_asker(annotate: Annotate) -> None:
    text = (
        "Karen Holt runs the bakery on Dock Street, next to Mayor Ivo Stern's office.\n\n"
        "“What are we supposed to do now?” Holt asked.\n\n"
        "“We have no money left for repairs.”"
    )
    annotation = annotate(text)
    quote = quote_at(text, annotation, text[text.index("“What") :])
    assert [text[s:e] for s, e in quote.spans] == [
        "“What are we supposed to do now?”",
        "“We have no money left for repairs.”",
    ]
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert annotation.actors[quote.speaker.actor].name == "Karen Holt"
