"""The sieve driver (`app.nlp.speaker_sieve`): passes in order, a rule on every speaker, possessive
speaker phrases, and the helpers the other speaker-sieve test modules share."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.language import Language

from app.nlp.annotations import Annotation, Quote, SpeakerRule, TextSpan
from app.nlp.speaker_sieve import make_slot
from app.nlp.speaker_sieve.context import SieveContext

Annotate = Callable[[str], Annotation]


def quote_at(text: str, annotation: Annotation, words: str) -> Quote:
    """The one quote whose text is exactly `words`."""
    found = [q for q in annotation.quotes if text[q.start : q.end] == words]
    assert len(found) == 1, [text[q.start : q.end] for q in annotation.quotes]
    return found[0]


def actor_name(annotation: Annotation, index: int | None) -> str | None:
    return None if index is None else annotation.actors[index].name


def speaker_of(text: str, annotation: Annotation, words: str) -> tuple[str | None, SpeakerRule]:
    """The quote `words`: its speaker's resolved actor name (None if unlinked) and the deciding rule."""
    speaker = quote_at(text, annotation, words).speaker
    assert speaker is not None
    return actor_name(annotation, speaker.actor), speaker.rule


class Source(NamedTuple):
    """A quote's source as the API serves it: the speaker's words, its actor's name, whether it is
    unnamed on purpose, the name of the organisation it speaks for, and the deciding rule."""

    words: str
    actor: str | None
    anonymous: bool
    affiliation: str | None
    rule: SpeakerRule


def source_of(text: str, annotation: Annotation, words: str) -> Source:
    speaker = quote_at(text, annotation, words).speaker
    assert speaker is not None
    return Source(
        speaker.text,
        actor_name(annotation, speaker.actor),
        speaker.anonymous,
        actor_name(annotation, speaker.affiliation),
        speaker.rule,
    )


def speakers(text: str, annotation: Annotation) -> list[tuple[str, str | None, SpeakerRule]]:
    """Every quote in text order: its text, its speaker's actor name (None if unlinked), the rule."""
    out = []
    for quote in annotation.quotes:
        assert quote.speaker is not None
        out.append(
            (text[quote.start : quote.end], actor_name(annotation, quote.speaker.actor), quote.speaker.rule)
        )
    return out


def test_every_speaker_gets_the_rule_of_the_pass_that_decided(annotate: Annotate) -> None:
    text = (
        "Anna Holm, the town's mayor, opened the bridge on Friday. “It took six years,” Holm said. "
        "“The river is wide here,” the mayor said. “We are proud of it,” she added."
    )
    annotation = annotate(text)
    assert all(isinstance(q.speaker.rule, SpeakerRule) for q in annotation.quotes if q.speaker is not None)
    assert speakers(text, annotation) == [
        ("“It took six years,”", "Anna Holm", SpeakerRule.EXACT_NAME),
        ("“The river is wide here,”", "Anna Holm", SpeakerRule.ROLE),
        ("“We are proud of it,”", "Anna Holm", SpeakerRule.PRONOUN),
    ]


def test_speaker_no_pass_can_link_is_unresolved(annotate: Annotate) -> None:
    text = "“The vote is postponed,” the committee said on Friday."
    assert source_of(text, annotate(text), "“The vote is postponed,”") == Source(
        "the committee", None, False, None, SpeakerRule.UNRESOLVED
    )


def test_possessive_descriptor_with_name_resolves_to_the_name_not_the_country(annotate: Annotate) -> None:
    text = "“The quotas will be cut,” Norway's fisheries minister, Kari Nordvik, said on Monday."
    annotation = annotate(text)
    assert speaker_of(text, annotation, "“The quotas will be cut,”") == (
        "Kari Nordvik",
        SpeakerRule.DESCRIPTOR_NAME,
    )


def test_possessive_role_resolves_to_the_person_not_the_country(annotate: Annotate) -> None:
    text = (
        "Kari Nordvik, the fisheries minister, visited the port on Monday. "
        "“The quotas will be cut,” Norway's minister said."
    )
    annotation = annotate(text)
    assert speaker_of(text, annotation, "“The quotas will be cut,”") == ("Kari Nordvik", SpeakerRule.ROLE)


def test_make_slot_moves_a_possessor_head_to_the_possessed_noun(nlp: Language) -> None:
    text = "Norway's fisheries minister, Kari Nordvik, said the quotas would be cut."
    doc = nlp(text)
    start = text.index("Norway")
    end = start + len("Norway's")
    cue = text.index("said")
    quote = Quote(cue, len(text), [(cue, len(text))], "indirect", TextSpan(cue, cue + len("said"), "said"))
    slot = make_slot(SieveContext(doc, []), 0, quote, start, end)
    assert slot.head is not None and slot.head.text == "minister"
    assert slot.phrase is not None and slot.phrase.text == "Norway's fisheries minister"
