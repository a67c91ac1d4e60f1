"""Quote engine behaviour on short hand-written sentences and on the seed article.

Every test states the whole answer for each quote it expects: the quoted words (and every piece
of an interrupted quote), the kind, the cue, the speaker's words, the entity the speaker resolves
to and the sieve pass that decided it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.nlp.annotations import Annotation, Quote, QuoteKind, SpeakerRule

Annotate = Callable[[str], Annotation]
SEED = Path(__file__).resolve().parents[2] / "seeds" / "reuters-russia-venezuela.txt"


@dataclass(frozen=True, slots=True)
class Heard:
    """Everything a test pins about one quote, in words, so a failure shows the whole answer."""

    extent: str  # text[quote.start : quote.end]
    spans: tuple[str, ...]  # the words of every span, in order
    kind: QuoteKind
    cue: str | None
    speaker: str | None  # the speaker's words as written
    entity: str | None  # the name of the actor the speaker resolves to
    rule: SpeakerRule | None
    anonymous: bool = False
    affiliation: str | None = None  # the name of the actor an unnamed source speaks for


def said(
    extent: str,
    *,
    kind: QuoteKind,
    cue: str | None,
    speaker: str,
    entity: str | None,
    rule: SpeakerRule,
    spans: tuple[str, ...] | None = None,
    anonymous: bool = False,
    affiliation: str | None = None,
) -> Heard:
    """The expected quote; `spans` only for an interrupted quote (else its one span is the extent)."""
    return Heard(
        extent=extent,
        spans=(extent,) if spans is None else spans,
        kind=kind,
        cue=cue,
        speaker=speaker,
        entity=entity,
        rule=rule,
        anonymous=anonymous,
        affiliation=affiliation,
    )


def actor_name(annotation: Annotation, index: int | None) -> str | None:
    return None if index is None else annotation.actors[index].name


def heard(text: str, annotation: Annotation) -> list[Heard]:
    """Every quote the annotator found, in its order, as the words a test can compare exactly."""
    found = []
    for quote in annotation.quotes:
        speaker = quote.speaker
        found.append(
            Heard(
                extent=text[quote.start : quote.end],
                spans=tuple(text[start:end] for start, end in quote.spans),
                kind=quote.kind,
                cue=None if quote.cue is None else quote.cue.text,
                speaker=None if speaker is None else speaker.text,
                entity=None if speaker is None else actor_name(annotation, speaker.actor),
                rule=None if speaker is None else speaker.rule,
                anonymous=speaker is not None and speaker.anonymous,
                affiliation=None if speaker is None else actor_name(annotation, speaker.affiliation),
            )
        )
    return found


def offsets(text: str, words: str) -> tuple[int, int]:
    """Where `words` (which must occur in `text`) start and end."""
    start = text.index(words)
    return start, start + len(words)


def only(annotation: Annotation) -> Quote:
    assert len(annotation.quotes) == 1, annotation.quotes
    return annotation.quotes[0]


# --- direct quotations -------------------------------------------------------------------------


def test_direct_quote_with_trailing_cue(annotate: Annotate) -> None:
    text = "“We will rebuild the bridge by spring,” Mayor Anna Berg said on Monday."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“We will rebuild the bridge by spring,”",
            kind="direct",
            cue="said",
            speaker="Mayor Anna Berg",
            entity="Anna Berg",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“We will rebuild the bridge by spring,”") == (0, 39)
    assert quote.speaker is not None
    assert (quote.speaker.start, quote.speaker.end) == offsets(text, "Mayor Anna Berg")


def test_direct_quote_with_leading_cue_and_colon(annotate: Annotate) -> None:
    text = "Anna Berg said: “The bridge will reopen in April.”"
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“The bridge will reopen in April.”",
            kind="direct",
            cue="said",
            speaker="Anna Berg",
            entity="Anna Berg",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“The bridge will reopen in April.”") == (16, 50)


def test_interrupted_quote_is_one_quote_with_two_spans(annotate: Annotate) -> None:
    text = "“The budget is balanced,” Peter Olsen said. “Nobody expected that.”"
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            text,
            spans=("“The budget is balanced,”", "“Nobody expected that.”"),
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert quote.spans == [
        offsets(text, "“The budget is balanced,”"),
        offsets(text, "“Nobody expected that.”"),
    ]
    assert (quote.start, quote.end) == (0, len(text))


def test_interrupted_quote_with_comma_after_cue(annotate: Annotate) -> None:
    text = "“The budget is balanced,” said Peter Olsen, “and nobody expected that.”"
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            text,
            spans=("“The budget is balanced,”", "“and nobody expected that.”"),
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    assert only(annotation).spans == [
        offsets(text, "“The budget is balanced,”"),
        offsets(text, "“and nobody expected that.”"),
    ]


def test_multi_paragraph_quote_is_one_quote(annotate: Annotate) -> None:
    text = (
        "Peter Olsen spoke to reporters.\n\n“We have done our part. The rest is up to them.\n\n"
        "“We will not wait forever,” he said."
    )
    annotation = annotate(text)
    first = "“We have done our part. The rest is up to them."
    second = "“We will not wait forever,”"
    assert heard(text, annotation) == [
        said(
            f"{first}\n\n{second}",
            spans=(first, second),
            kind="direct",
            cue="said",
            speaker="he",
            entity="Peter Olsen",
            rule=SpeakerRule.PRONOUN,
        )
    ]
    assert only(annotation).spans == [offsets(text, first), offsets(text, second)]


def test_quotation_paragraph_continues_previous_speaker(annotate: Annotate) -> None:
    text = "“Prices are too high,” Peter Olsen said.\n\n“We will lower them before winter.”"
    assert heard(text, annotate(text)) == [
        said(
            text,
            spans=("“Prices are too high,”", "“We will lower them before winter.”"),
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_quotation_paragraph_after_unrelated_paragraph_is_dropped(annotate: Annotate) -> None:
    text = "“Prices are too high,” Peter Olsen said.\n\nThe market opened late.\n\n“We will lower them soon.”"
    assert heard(text, annotate(text)) == [
        said(
            "“Prices are too high,”",
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_quote_marks_inside_a_quote_do_not_start_another(annotate: Annotate) -> None:
    text = "“They called it \u2018a disaster,\u2019 and they were right,” Peter Olsen said."
    assert heard(text, annotate(text)) == [
        said(
            "“They called it \u2018a disaster,\u2019 and they were right,”",
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_straight_and_single_quote_marks(annotate: Annotate) -> None:
    text = "'We are ready for the vote,' Peter Olsen said. \"So are we,\" Maria Lund replied."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "'We are ready for the vote,'",
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        ),
        said(
            '"So are we,"',
            kind="direct",
            cue="replied",
            speaker="Maria Lund",
            entity="Maria Lund",
            rule=SpeakerRule.EXACT_NAME,
        ),
    ]
    assert [(q.start, q.end) for q in annotation.quotes] == [
        offsets(text, "'We are ready for the vote,'"),
        offsets(text, '"So are we,"'),
    ]


def test_unbalanced_mark_does_not_hide_other_quotes(annotate: Annotate) -> None:
    text = "A stray “ mark opens here.\n\n“The plan works,” Peter Olsen said."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“The plan works,”",
            kind="direct",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“The plan works,”")


def test_quotations_with_their_own_cues_stay_two_quotes(annotate: Annotate) -> None:
    text = "“We are ready,” Mayor Ana Ruiz said. But she added, “The rain may delay us.”"
    assert heard(text, annotate(text)) == [
        said(
            "“We are ready,”",
            kind="direct",
            cue="said",
            speaker="Mayor Ana Ruiz",
            entity="Ana Ruiz",
            rule=SpeakerRule.EXACT_NAME,
        ),
        said(
            "“The rain may delay us.”",
            kind="direct",
            cue="added",
            speaker="she",
            entity="Ana Ruiz",
            rule=SpeakerRule.PRONOUN,
        ),
    ]


def test_quotation_ending_a_sentence_does_not_take_the_next_sentences_cue(annotate: Annotate) -> None:
    text = (
        '"We are farmers," Lena Ortiz said. "We are not smugglers." Tomas Ruiz said: "We want a fair price."'
    )
    assert heard(text, annotate(text)) == [
        said(
            '"We are farmers," Lena Ortiz said. "We are not smugglers."',
            spans=('"We are farmers,"', '"We are not smugglers."'),
            kind="direct",
            cue="said",
            speaker="Lena Ortiz",
            entity="Lena Ortiz",
            rule=SpeakerRule.EXACT_NAME,
        ),
        said(
            '"We want a fair price."',
            kind="direct",
            cue="said",
            speaker="Tomas Ruiz",
            entity="Tomas Ruiz",
            rule=SpeakerRule.EXACT_NAME,
        ),
    ]


def test_scene_setting_after_the_cue_is_not_quoted(annotate: Annotate) -> None:
    text = (
        "“The school stays open,” Ortega said, while two boys kicked a ball against the wall. "
        "“It belongs to them.”"
    )
    assert heard(text, annotate(text)) == [
        said(
            text,
            spans=("“The school stays open,”", "“It belongs to them.”"),
            kind="direct",
            cue="said",
            speaker="Ortega",
            entity="Ortega",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_quotation_after_a_second_cue_is_a_second_quote(annotate: Annotate) -> None:
    text = "“The roof is fixed,” Nora Dahl said, adding of the builder, “He did fine work.”"
    assert heard(text, annotate(text)) == [
        said(
            "“The roof is fixed,”",
            kind="direct",
            cue="said",
            speaker="Nora Dahl",
            entity="Nora Dahl",
            rule=SpeakerRule.EXACT_NAME,
        ),
        said(
            "“He did fine work.”",
            kind="direct",
            cue="adding",
            speaker="Nora Dahl",
            entity="Nora Dahl",
            rule=SpeakerRule.EXACT_NAME,
        ),
    ]


# --- indirect and mixed quotes ------------------------------------------------------------------


def test_indirect_quote_with_that_clause(annotate: Annotate) -> None:
    text = "Peter Olsen said that the budget would be balanced next year."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "that the budget would be balanced next year",
            kind="indirect",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (
        (quote.start, quote.end) == offsets(text, "that the budget would be balanced next year") == (17, 60)
    )


def test_indirect_quote_with_trailing_cue_excludes_cue_and_source(annotate: Annotate) -> None:
    text = "The budget will be balanced next year, Peter Olsen said."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "The budget will be balanced next year",
            kind="indirect",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "The budget will be balanced next year") == (0, 37)


def test_according_to_a_named_organisation_is_a_cue(annotate: Annotate) -> None:
    text = "The factory will close in May, according to the Metal Workers Union."
    assert heard(text, annotate(text)) == [
        said(
            "The factory will close in May",
            kind="indirect",
            cue="according to",
            speaker="the Metal Workers Union",
            entity="Metal Workers Union",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_mixed_quote_covers_reported_clause(annotate: Annotate) -> None:
    text = "Peter Olsen said the city would “never walk away” from the project."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "the city would “never walk away” from the project",
            kind="mixed",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "the city would “never walk away” from the project")


def test_described_as_is_a_cue(annotate: Annotate) -> None:
    text = "Peter Olsen described the plan as a waste of money."
    assert heard(text, annotate(text)) == [
        said(
            "the plan as a waste of money",
            kind="indirect",
            cue="described",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_quoted_label_before_a_noun_leaves_the_quote_indirect(annotate: Annotate) -> None:
    text = "The patients were sent to a “model” ward, a hospital official said."
    assert heard(text, annotate(text)) == [
        said(
            "The patients were sent to a “model” ward",
            kind="indirect",
            cue="said",
            speaker="a hospital official",
            entity=None,
            rule=SpeakerRule.ANONYMOUS,
            anonymous=True,
        )
    ]


def test_quoted_words_before_a_time_word_keep_the_quote_mixed(annotate: Annotate) -> None:
    text = "Mayor Lina Holm met the builders. She said the contract was “a bad joke” today."
    assert heard(text, annotate(text)) == [
        said(
            "the contract was “a bad joke” today",
            kind="mixed",
            cue="said",
            speaker="She",
            entity="Lina Holm",
            rule=SpeakerRule.PRONOUN,
        )
    ]


def test_portrayed_as_with_quoted_fragment_is_a_mixed_quote(annotate: Annotate) -> None:
    text = "Senator Maria Lopez portrayed the plan as “a gift to polluters” in her speech."
    assert heard(text, annotate(text)) == [
        said(
            "the plan as “a gift to polluters” in her speech",
            kind="mixed",
            cue="portrayed",
            speaker="Senator Maria Lopez",
            entity="Maria Lopez",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_accused_of_keeps_the_object_and_the_charge(annotate: Annotate) -> None:
    text = "Senator Ann Cole accused the mayor of using “a shell game” to hide the deficit."
    assert heard(text, annotate(text)) == [
        said(
            "the mayor of using “a shell game” to hide the deficit",
            kind="mixed",
            cue="accused",
            speaker="Senator Ann Cole",
            entity="Ann Cole",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_called_for_leaves_the_preposition_with_the_cue(annotate: Annotate) -> None:
    text = "Senator Ann Cole called for “a full audit of the city's books” on Tuesday."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“a full audit of the city's books”",
            kind="direct",
            cue="called",
            speaker="Senator Ann Cole",
            entity="Ann Cole",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“a full audit of the city's books”")


def test_cue_set_off_by_commas_reports_both_sides(annotate: Annotate) -> None:
    text = (
        "Mayor Tim Ross visited the mill. In the hill towns, he said, "
        '"nobody knows how many farms will close" this winter.'
    )
    annotation = annotate(text)
    before = "In the hill towns"
    after = '"nobody knows how many farms will close" this winter'
    assert heard(text, annotation) == [
        said(
            f"{before}, he said, {after}",
            spans=(before, after),
            kind="mixed",
            cue="said",
            speaker="he",
            entity="Tim Ross",
            rule=SpeakerRule.PRONOUN,
        )
    ]
    assert only(annotation).spans == [offsets(text, before), offsets(text, after)]


def test_critics_who_say_is_an_indirect_quote_from_unnamed_sources(annotate: Annotate) -> None:
    text = "The ruling pleased teachers who say the new rules are unfair to pupils."
    assert heard(text, annotate(text)) == [
        said(
            "the new rules are unfair to pupils",
            kind="indirect",
            cue="say",
            speaker="who",
            entity=None,
            rule=SpeakerRule.RELATIVE_PRONOUN,
            anonymous=True,
        )
    ]


# --- who speaks ---------------------------------------------------------------------------------


def test_speaker_excludes_apposition(annotate: Annotate) -> None:
    text = "Peter Olsen, the city's finance director, said the budget was balanced."
    assert heard(text, annotate(text)) == [
        said(
            "the budget was balanced",
            kind="indirect",
            cue="said",
            speaker="Peter Olsen",
            entity="Peter Olsen",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_pronoun_speaker_resolves_to_earlier_person(annotate: Annotate) -> None:
    text = "Peter Olsen presented the budget on Monday.\n\n“It is balanced,” he said."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“It is balanced,”",
            kind="direct",
            cue="said",
            speaker="he",
            entity="Peter Olsen",
            rule=SpeakerRule.PRONOUN,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“It is balanced,”") == (45, 62)


def test_relative_pronoun_speaker_resolves_to_its_antecedent(annotate: Annotate) -> None:
    text = "The plan won praise from Senator Ann Cole, who said the new law would cut hospital queues."
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "the new law would cut hospital queues",
            kind="indirect",
            cue="said",
            speaker="who",
            entity="Ann Cole",
            rule=SpeakerRule.RELATIVE_PRONOUN,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "the new law would cut hospital queues")


def test_unnamed_source_is_anonymous_with_the_country_of_its_demonym(annotate: Annotate) -> None:
    text = "France sent two ships to the region. A French official said the ships would stay for a month."
    assert heard(text, annotate(text)) == [
        said(
            "the ships would stay for a month",
            kind="indirect",
            cue="said",
            speaker="A French official",
            entity=None,
            rule=SpeakerRule.ANONYMOUS,
            anonymous=True,
            affiliation="France",
        )
    ]


def test_plural_sources_are_anonymous(annotate: Annotate) -> None:
    text = "Sources close to the negotiators said a deal was near."
    assert heard(text, annotate(text)) == [
        said(
            "a deal was near",
            kind="indirect",
            cue="said",
            speaker="Sources close to the negotiators",
            entity=None,
            rule=SpeakerRule.ANONYMOUS,
            anonymous=True,
        )
    ]


def test_as_someone_put_it_attributes_the_quotation(annotate: Annotate) -> None:
    text = "As one longtime staffer put it, “Nobody on this floor reads the reports.”"
    assert heard(text, annotate(text)) == [
        said(
            "“Nobody on this floor reads the reports.”",
            kind="direct",
            cue="put",
            speaker="one longtime staffer",
            entity=None,
            rule=SpeakerRule.ANONYMOUS,
            anonymous=True,
        )
    ]


def test_clause_ending_in_colon_introduces_the_quotation(annotate: Annotate) -> None:
    text = "Then Governor Tom Reyes turned to the crowd: “We are not going anywhere. This is our town.”"
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            "“We are not going anywhere. This is our town.”",
            kind="direct",
            cue="turned",
            speaker="Governor Tom Reyes",
            entity="Tom Reyes",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, "“We are not going anywhere. This is our town.”")


def test_colon_clause_speaker_is_found_above_a_nested_clause(annotate: Annotate) -> None:
    text = (
        "Coach Ivan Petrov later apologized for what his players had done: "
        "“We were rude, and I take the blame.”"
    )
    assert heard(text, annotate(text)) == [
        said(
            "“We were rude, and I take the blame.”",
            kind="direct",
            cue="apologized",
            speaker="Coach Ivan Petrov",
            entity="Ivan Petrov",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_a_letter_before_a_colon_speaks_for_its_named_owner(annotate: Annotate) -> None:
    text = (
        "The Harbor Workers Union's letter makes a plain demand: "
        "“Every worker here deserves a raise this year.”"
    )
    assert heard(text, annotate(text)) == [
        said(
            "“Every worker here deserves a raise this year.”",
            kind="direct",
            cue="makes",
            speaker="The Harbor Workers Union's letter",
            entity="Harbor Workers Union",
            rule=SpeakerRule.DOCUMENT_OWNER,
        )
    ]


def test_chanted_is_a_cue_next_to_a_quotation(annotate: Annotate) -> None:
    text = "Outside the hall, Rosa Vidal chanted “Fair pay now!” for an hour."
    assert heard(text, annotate(text)) == [
        said(
            "“Fair pay now!”",
            kind="direct",
            cue="chanted",
            speaker="Rosa Vidal",
            entity="Rosa Vidal",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_a_chant_with_exclamations_is_not_a_title(annotate: Annotate) -> None:
    text = "As the bus pulled in, Tom Aldo chanted “Go Blue! Go Blue!” from the stands."
    assert heard(text, annotate(text)) == [
        said(
            "“Go Blue! Go Blue!”",
            kind="direct",
            cue="chanted",
            speaker="Tom Aldo",
            entity="Tom Aldo",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_cue_after_a_long_subject_with_apposition(annotate: Annotate) -> None:
    text = (
        "“Not before spring, and not at this price,” Harold P. Nguyen Jr., "
        "the head of the State Transit Authority, said at a briefing."
    )
    assert heard(text, annotate(text)) == [
        said(
            "“Not before spring, and not at this price,”",
            kind="direct",
            cue="said",
            speaker="Harold P. Nguyen Jr.",
            entity="Harold P. Nguyen Jr.",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_went_on_is_a_cue(annotate: Annotate) -> None:
    text = (
        "Mayor Lina Holm toured the depot on Friday. “We should reopen it by next week,” the mayor went on."
    )
    assert heard(text, annotate(text)) == [
        said(
            "“We should reopen it by next week,”",
            kind="direct",
            cue="went",
            speaker="the mayor",
            entity="Lina Holm",
            rule=SpeakerRule.ROLE,
        )
    ]


def test_posted_next_to_a_quotation_is_a_cue(annotate: Annotate) -> None:
    text = "“Shame on you, Mr. Mayor!” Carla Mendes posted on Tuesday."
    assert heard(text, annotate(text)) == [
        said(
            "“Shame on you, Mr. Mayor!”",
            kind="direct",
            cue="posted",
            speaker="Carla Mendes",
            entity="Carla Mendes",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_speech_without_a_cue_is_attributed_to_the_speaking_subject(annotate: Annotate) -> None:
    text = "Mayor Ann Price keeps talking about the “quiet strength of every small town” at her rallies."
    assert heard(text, annotate(text)) == [
        said(
            "“quiet strength of every small town”",
            kind="direct",
            cue=None,
            speaker="Mayor Ann Price",
            entity="Ann Price",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_speaker_is_never_a_word_inside_the_quotation(annotate: Annotate) -> None:
    text = '"I was wrong, I apologise," Vance said after the vote.'
    assert heard(text, annotate(text)) == [
        said(
            '"I was wrong, I apologise,"',
            kind="direct",
            cue="said",
            speaker="Vance",
            entity="Vance",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_name_between_the_quotation_and_its_cue_is_the_speaker(annotate: Annotate) -> None:
    text = (
        "“Of course I support her,” Miriam Stone, head of the Lakeside Arts Fund, tells River FM on Sunday."
    )
    assert heard(text, annotate(text)) == [
        said(
            "“Of course I support her,”",
            kind="direct",
            cue="tells",
            speaker="Miriam Stone",
            entity="Miriam Stone",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_a_date_after_the_cue_is_not_the_speaker(annotate: Annotate) -> None:
    text = "“We lost, but we played well!” Rita Gomez, the captain of the team, tweeted on Friday."
    assert heard(text, annotate(text)) == [
        said(
            "“We lost, but we played well!”",
            kind="direct",
            cue="tweeted",
            speaker="Rita Gomez",
            entity="Rita Gomez",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


def test_name_before_an_appositive_is_the_speaker_of_a_subjectless_cue(annotate: Annotate) -> None:
    text = (
        "At a press briefing on March 3, Maj. Lena K. Brandt, an army spokeswoman in Vilnius, "
        'said, "Every bridge is watched. We are ready."'
    )
    annotation = annotate(text)
    assert heard(text, annotation) == [
        said(
            '"Every bridge is watched. We are ready."',
            kind="direct",
            cue="said",
            speaker="Lena K. Brandt",
            entity="Lena K. Brandt",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]
    quote = only(annotation)
    assert (quote.start, quote.end) == offsets(text, '"Every bridge is watched. We are ready."')


# --- no quote where a naive finder would see one ------------------------------------------------


def test_scare_quotes_and_titles_after_a_sentence_with_a_cue_are_not_quotes(annotate: Annotate) -> None:
    text = "The panel said little. The so-called “experts” then watched the film “Jaws” at the festival."
    assert annotate(text).quotes == []


def test_scare_quoted_subject_of_said_is_not_a_quotation(annotate: Annotate) -> None:
    text = "The film “Jaws” was shown at the festival, where the so-called “experts” said little."
    assert annotate(text).quotes == []


def test_non_speaker_before_a_colon_does_not_speak(annotate: Annotate) -> None:
    # The frame of test_clause_ending_in_colon_introduces_the_quotation, with weather as subject.
    text = "By noon the weather had turned: “Closed until further notice, by order of the owner.”"
    assert annotate(text).quotes == []


def test_quotation_in_a_sentence_without_a_speaker_is_not_a_quote(annotate: Annotate) -> None:
    text = "Peter Olsen said nothing. The weather turned into “a storm like nobody had ever seen” by noon."
    assert annotate(text).quotes == []


def test_quotation_inside_narrative_does_not_continue_the_previous_speaker(annotate: Annotate) -> None:
    text = (
        "“We will keep every job in this town,” Governor Ann Lee said.\n\n"
        "Her old mentor had a motto, and it was “Never promise what you cannot deliver.”"
    )
    assert heard(text, annotate(text)) == [
        said(
            "“We will keep every job in this town,”",
            kind="direct",
            cue="said",
            speaker="Governor Ann Lee",
            entity="Ann Lee",
            rule=SpeakerRule.EXACT_NAME,
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“",
        "“ ”",
        "“\n\n”",
        "He said “",
        "said said said",
        pytest.param(
            "He said “ and then ” nothing “",
            marks=pytest.mark.xfail(
                strict=True, reason="an indirect quote 'then ” nothing “' made of stray marks, speaker 'He'"
            ),
        ),
    ],
)
def test_odd_input_gives_no_quote(annotate: Annotate, text: str) -> None:
    assert annotate(text).quotes == []


# --- the seed article ---------------------------------------------------------------------------


def test_seed_quotes_are_sorted_by_start(annotate: Annotate) -> None:
    quotes = annotate(SEED.read_text(encoding="utf-8")).quotes
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_seed_quote_extents_run_from_the_first_span_to_the_last(annotate: Annotate) -> None:
    quotes = annotate(SEED.read_text(encoding="utf-8")).quotes
    assert [(q.start, q.end) for q in quotes] == [(q.spans[0][0], q.spans[-1][1]) for q in quotes]


SEED_QUOTES = [
    said(
        "The Russian military contingent that arrived in Venezuela over the weekend, drawing U.S. "
        "condemnation, is believed to be made up of special forces, including “cybersecurity personnel,”",
        kind="mixed",
        cue="told",
        speaker="a U.S. official",
        entity=None,
        rule=SpeakerRule.ANONYMOUS,
        anonymous=True,
        affiliation="United States",
    ),
    said(
        "the United States was still assessing the Russian deployment, which Washington has called a "
        "“reckless escalation” of the situation in Venezuela",
        kind="mixed",
        cue="said",
        speaker="The official",
        entity=None,
        rule=SpeakerRule.ANONYMOUS,
        anonymous=True,
        affiliation="United States",
    ),
    said(
        "a “reckless escalation” of the situation in Venezuela",
        kind="mixed",
        cue="called",
        speaker="Washington",
        entity="United States",
        rule=SpeakerRule.EXACT_NAME,
    ),
    said(
        "that the presence of “Russian specialists” in Venezuela is governed by a military-technical "
        "cooperation agreement between the two countries",
        kind="mixed",
        cue="said",
        speaker="Russia’s foreign ministry",
        entity=None,  # an unnamed body of Russia: affiliated with its owner
        rule=SpeakerRule.ORGANIZATION_NOMINAL,
        affiliation="Russia",
    ),
    said(
        "that while Guaido asks for humanitarian aid to help his people, Maduro asks for Cuban and "
        "Russian goons to suppress the people of Venezuela",
        kind="indirect",
        cue="said",
        speaker="John Bolton",
        entity="John Bolton",
        rule=SpeakerRule.EXACT_NAME,
    ),
    said(
        "“The military ranks are seeing Maduro’s corruption, violence, and lack of support within "
        "Venezuela,”",
        kind="direct",
        cue="said",
        speaker="Bolton",
        entity="John Bolton",
        rule=SpeakerRule.EXACT_NAME,
    ),
    said(
        "it was concerned about the arrival of military airplanes in Venezuela",
        kind="indirect",
        cue="said",
        speaker="the Lima Group of Latin American countries",
        entity="Lima Group",
        rule=SpeakerRule.EXACT_NAME,
    ),
    said(
        "“We reiterate our condemnation of any military provocation or deployment that threatens "
        "peace and security in the region,”",
        kind="direct",
        cue="said",
        speaker="the group",
        entity="Lima Group",
        rule=SpeakerRule.ORGANIZATION_NOMINAL,
    ),
]


def test_seed_article_quotes_and_speakers(annotate: Annotate) -> None:
    text = SEED.read_text(encoding="utf-8")
    wanted = {expected.extent for expected in SEED_QUOTES}
    assert [found for found in heard(text, annotate(text)) if found.extent in wanted] == SEED_QUOTES
