"""Quote engine behaviour on short hand-written sentences and on the seed article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.nlp.annotations import Annotation, Quote

Annotate = Callable[[str], Annotation]
SEED = Path(__file__).resolve().parents[2] / "seeds" / "reuters-russia-venezuela.txt"


def texts(text: str, annotation: Annotation) -> list[str]:
    return [text[q.start : q.end] for q in annotation.quotes]


def only(annotation: Annotation) -> Quote:
    assert len(annotation.quotes) == 1, annotation.quotes
    return annotation.quotes[0]


def speaker_name(text: str, annotation: Annotation, quote: Quote) -> str | None:
    """The resolved actor's name, or None when the speaker did not resolve."""
    assert quote.speaker is not None
    if quote.speaker.actor is None:
        return None
    return annotation.actors[quote.speaker.actor].name


def test_direct_quote_with_trailing_cue(annotate: Annotate) -> None:
    text = "“We will rebuild the bridge by spring,” Mayor Anna Berg said on Monday."
    quote = only(annotate(text))
    assert quote.kind == "direct"
    assert text[quote.start : quote.end] == "“We will rebuild the bridge by spring,”"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker is not None and quote.speaker.text == "Mayor Anna Berg"


def test_direct_quote_with_leading_cue_and_colon(annotate: Annotate) -> None:
    text = "Anna Berg said: “The bridge will reopen in April.”"
    quote = only(annotate(text))
    assert quote.kind == "direct"
    assert text[quote.start : quote.end] == "“The bridge will reopen in April.”"
    assert quote.speaker is not None and "Berg" in quote.speaker.text


def test_interrupted_quote_is_one_quote_with_two_spans(annotate: Annotate) -> None:
    text = "“The budget is balanced,” Peter Olsen said. “Nobody expected that.”"
    quote = only(annotate(text))
    assert [text[s:e] for s, e in quote.spans] == ["“The budget is balanced,”", "“Nobody expected that.”"]
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "Peter Olsen"


def test_interrupted_quote_with_comma_after_cue(annotate: Annotate) -> None:
    text = "“The budget is balanced,” said Peter Olsen, “and nobody expected that.”"
    quote = only(annotate(text))
    assert len(quote.spans) == 2
    assert quote.speaker is not None and "Olsen" in quote.speaker.text


def test_indirect_quote_with_that_clause(annotate: Annotate) -> None:
    text = "Peter Olsen said that the budget would be balanced next year."
    quote = only(annotate(text))
    assert quote.kind == "indirect"
    assert text[quote.start : quote.end] == "that the budget would be balanced next year"
    assert quote.speaker is not None and quote.speaker.text == "Peter Olsen"


def test_indirect_quote_with_trailing_cue_excludes_cue_and_source(annotate: Annotate) -> None:
    text = "The budget will be balanced next year, Peter Olsen said."
    quote = only(annotate(text))
    assert text[quote.start : quote.end] == "The budget will be balanced next year"
    assert quote.cue is not None and quote.cue.text == "said"


def test_according_to_is_a_cue(annotate: Annotate) -> None:
    text = "The factory will close in May, according to the workers' union."
    quote = only(annotate(text))
    assert quote.kind == "indirect"
    assert "factory will close in May" in text[quote.start : quote.end]
    assert quote.speaker is not None and "union" in quote.speaker.text


def test_mixed_quote_covers_reported_clause(annotate: Annotate) -> None:
    text = "Peter Olsen said the city would “not give up” on the project."
    quote = only(annotate(text))
    assert quote.kind == "mixed"
    assert text[quote.start : quote.end] == "the city would “not give up” on the project"


def test_described_as_is_a_cue(annotate: Annotate) -> None:
    text = "Peter Olsen described the plan as a waste of money."
    quote = only(annotate(text))
    assert "a waste of money" in text[quote.start : quote.end]


def test_multi_paragraph_quote_is_one_quote(annotate: Annotate) -> None:
    text = (
        "Peter Olsen spoke to reporters.\n\n“We have done our part. The rest is up to them.\n\n"
        "“We will not wait forever,” he said."
    )
    annotation = annotate(text)
    quote = only(annotation)
    assert len(quote.spans) == 2
    assert "We have done our part" in text[quote.start : quote.end]
    assert quote.speaker is not None and quote.speaker.text == "he"


def test_quotation_paragraph_continues_previous_speaker(annotate: Annotate) -> None:
    text = "“Prices are too high,” Peter Olsen said.\n\n“We will lower them before winter.”"
    quote = only(annotate(text))
    assert [text[s:e] for s, e in quote.spans] == [
        "“Prices are too high,”",
        "“We will lower them before winter.”",
    ]
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "Peter Olsen"


def test_quotation_paragraph_after_unrelated_paragraph_is_dropped(annotate: Annotate) -> None:
    text = "“Prices are too high,” Peter Olsen said.\n\nThe market opened late.\n\n“We will lower them soon.”"
    annotation = annotate(text)
    assert texts(text, annotation) == ["“Prices are too high,”"]


def test_scare_quotes_and_titles_are_not_quotes(annotate: Annotate) -> None:
    text = "The so-called “experts” watched the film “Jaws” at the festival."
    assert annotate(text).quotes == []


def test_quote_marks_inside_a_quote_do_not_start_another(annotate: Annotate) -> None:
    text = "“They called it \u2018a disaster,\u2019 and they were right,” Peter Olsen said."
    quote = only(annotate(text))
    assert quote.kind == "direct"


def test_straight_and_single_quote_marks(annotate: Annotate) -> None:
    text = "'We are ready for the vote,' Peter Olsen said. \"So are we,\" Maria Lund replied."
    annotation = annotate(text)
    assert len(annotation.quotes) == 2
    assert [q.speaker.text if q.speaker else None for q in annotation.quotes] == ["Peter Olsen", "Maria Lund"]


def test_speaker_excludes_apposition(annotate: Annotate) -> None:
    text = "Peter Olsen, the city's finance director, said the budget was balanced."
    quote = only(annotate(text))
    assert quote.speaker is not None and quote.speaker.text == "Peter Olsen"


def test_pronoun_speaker_resolves_to_earlier_person(annotate: Annotate) -> None:
    text = "Peter Olsen presented the budget on Monday.\n\n“It is balanced,” he said."
    annotation = annotate(text)
    quote = only(annotation)
    assert quote.speaker is not None and quote.speaker.text == "he"
    assert speaker_name(text, annotation, quote) is not None
    assert "Olsen" in str(speaker_name(text, annotation, quote))


def test_unnamed_source_is_anonymous_with_affiliation(annotate: Annotate) -> None:
    text = "France sent two ships to the region. A French official said the ships would stay for a month."
    annotation = annotate(text)
    quote = only(annotation)
    assert quote.speaker is not None
    assert quote.speaker.anonymous and quote.speaker.actor is None
    assert "official" in quote.speaker.text


def test_plural_sources_are_anonymous(annotate: Annotate) -> None:
    text = "Sources familiar with the talks said a deal was close."
    quote = only(annotate(text))
    assert quote.speaker is not None and quote.speaker.anonymous
    assert quote.speaker.text.startswith("Sources")


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "“", "He said “ and then ” nothing “", "said said said"])
def test_odd_input_never_raises(annotate: Annotate, text: str) -> None:
    annotation = annotate(text)
    for quote in annotation.quotes:
        assert 0 <= quote.start < quote.end <= len(text)


def test_unbalanced_mark_does_not_hide_other_quotes(annotate: Annotate) -> None:
    text = "A stray “ mark opens here.\n\n“The plan works,” Peter Olsen said."
    assert texts(text, annotate(text)) == ["“The plan works,”"]


def test_quotes_are_sorted_and_spans_inside_extent(annotate: Annotate) -> None:
    text = SEED.read_text(encoding="utf-8")
    quotes = annotate(text).quotes
    assert quotes == sorted(quotes, key=lambda q: q.start)
    for q in quotes:
        assert q.start == q.spans[0][0] and q.end == q.spans[-1][1]


@pytest.mark.parametrize(
    ("contains", "speaker_words"),
    [
        ("cybersecurity personnel", {"official"}),
        ("reckless escalation", {"washington", "united states", "u.s."}),
        ("Russian specialists", {"ministry"}),
        ("The military ranks are seeing", {"bolton"}),
        ("We reiterate our condemnation", {"group"}),
    ],
)
def test_seed_article_quotes_and_speakers(annotate: Annotate, contains: str, speaker_words: set[str]) -> None:
    text = SEED.read_text(encoding="utf-8")
    annotation = annotate(text)
    hits = [q for q in annotation.quotes if contains in text[q.start : q.end]]
    assert hits, contains
    names = set()
    for q in hits:
        if q.speaker is not None:
            names.add(q.speaker.text.lower())
            if q.speaker.actor is not None:
                names.add(annotation.actors[q.speaker.actor].name.lower())
    assert any(word in name for name in names for word in speaker_words), names


def test_quotations_with_their_own_cues_stay_two_quotes(annotate: Annotate) -> None:
    text = "“We are ready,” Mayor Ana Ruiz said. But she added, “The rain may delay us.”"
    quotes = annotate(text).quotes
    assert [text[q.start : q.end] for q in quotes] == ["“We are ready,”", "“The rain may delay us.”"]


def test_quoted_label_before_a_noun_is_not_a_quotation(annotate: Annotate) -> None:
    text = "Inmates were moved to a “supermax” prison, a prison official said."
    quotes = annotate(text).quotes
    assert [q.kind for q in quotes] == ["indirect"]


def test_quoted_words_before_a_time_word_keep_the_quote_mixed(annotate: Annotate) -> None:
    text = "She said the deal was “dead on arrival” today."
    assert [q.kind for q in annotate(text).quotes] == ["mixed"]


def test_portrayed_as_with_quoted_fragment_is_a_mixed_quote(annotate: Annotate) -> None:
    text = "Senator Maria Lopez portrayed the plan as “a gift to polluters” in her speech."
    quote = only(annotate(text))
    assert quote.kind == "mixed"
    assert "“a gift to polluters”" in text[quote.start : quote.end]
    assert quote.speaker is not None and "Lopez" in quote.speaker.text


def test_clause_ending_in_colon_introduces_the_quotation(annotate: Annotate) -> None:
    text = "Then Governor Tom Reyes turned to the crowd: “We are not going anywhere. This is our town.”"
    quote = only(annotate(text))
    assert text[quote.start : quote.end] == "“We are not going anywhere. This is our town.”"
    assert quote.speaker is not None and "Reyes" in quote.speaker.text


def test_non_speaker_before_a_colon_does_not_speak(annotate: Annotate) -> None:
    text = "By noon the weather had turned: “Closed until further notice, by order of the owner.”"
    assert all(q.speaker is None or "weather" not in q.speaker.text for q in annotate(text).quotes)


def test_chanted_is_a_cue_next_to_a_quotation(annotate: Annotate) -> None:
    text = "Outside the hall, hundreds of protesters chanted “No more cuts!” for an hour."
    quote = only(annotate(text))
    assert "“No more cuts!”" in text[quote.start : quote.end]
    assert quote.speaker is not None and "protesters" in quote.speaker.text


def test_as_someone_put_it_attributes_the_quotation(annotate: Annotate) -> None:
    text = "As one veteran aide put it, “Nobody in this building reads the memos anymore.”"
    quote = only(annotate(text))
    assert text[quote.start : quote.end] == "“Nobody in this building reads the memos anymore.”"
    assert quote.speaker is not None and "aide" in quote.speaker.text


def test_accused_of_keeps_the_object_and_the_charge(annotate: Annotate) -> None:
    text = "Senator Ann Cole accused the mayor of using “a shell game” to hide the deficit."
    quote = only(annotate(text))
    assert text[quote.start : quote.end] == "the mayor of using “a shell game” to hide the deficit"
    assert quote.kind == "mixed"


def test_called_for_leaves_the_preposition_with_the_cue(annotate: Annotate) -> None:
    text = "Senator Ann Cole called for “a full audit of the city's books” on Tuesday."
    quote = only(annotate(text))
    assert text[quote.start : quote.end].startswith("“a full audit")


def test_quotation_inside_narrative_does_not_continue_the_previous_speaker(annotate: Annotate) -> None:
    text = (
        "“We will keep every job in this town,” Governor Ann Lee said.\n\n"
        "Her old mentor had a motto, and it was “Never promise what you cannot deliver.”"
    )
    motto = [q for q in annotate(text).quotes if "Never promise" in text[q.start : q.end]]
    assert all(q.speaker is None or "Lee" not in q.speaker.text for q in motto)


def test_quotation_in_a_sentence_without_a_speaker_is_not_a_quote(annotate: Annotate) -> None:
    text = "The weather turned into “a storm like nobody had ever seen” by noon."
    assert annotate(text).quotes == []


def test_scene_setting_after_the_cue_is_not_quoted(annotate: Annotate) -> None:
    text = (
        "“Her work will live on,” Ortega said, as a few young nurses worked inside the clinic. "
        "“Her example will live on here.”"
    )
    quote = only(annotate(text))
    assert [text[s:e] for s, e in quote.spans] == [
        "“Her work will live on,”",
        "“Her example will live on here.”",
    ]


def test_quotation_ending_a_sentence_does_not_take_the_next_sentences_cue(annotate: Annotate) -> None:
    text = (
        '"We are farmers," Lena Ortiz said. "We are not smugglers." Tomas Ruiz said: "We want a fair price."'
    )
    quotes = annotate(text).quotes
    first = next(q for q in quotes if text[q.start : q.end].startswith('"We are farmers'))
    assert [text[s:e] for s, e in first.spans] == ['"We are farmers,"', '"We are not smugglers."']
    assert first.speaker is not None and "Ortiz" in first.speaker.text


def test_cue_after_a_long_subject_with_apposition(annotate: Annotate) -> None:
    text = (
        "“Not before spring, and not at this price,” Harold P. Nguyen Jr., "
        "the head of the State Transit Authority, said at a briefing."
    )
    quote = only(annotate(text))
    assert quote.speaker is not None and "Nguyen" in quote.speaker.text


def test_went_on_is_a_cue(annotate: Annotate) -> None:
    text = "“We should reopen the depot by next week,” the mayor went on."
    quote = only(annotate(text))
    assert quote.speaker is not None and quote.speaker.text.endswith("mayor")


def test_posted_next_to_a_quotation_is_a_cue(annotate: Annotate) -> None:
    text = "“Shame on you, Mr. Mayor!” Carla Mendes posted on Tuesday."
    quote = only(annotate(text))
    assert quote.speaker is not None and "Mendes" in quote.speaker.text


def test_quotation_after_a_second_cue_is_a_second_quote(annotate: Annotate) -> None:
    text = (
        '"We have opened all those files," Paul Mann said, '
        'adding of his partner, "She knows the whole story."'
    )
    quotes = annotate(text).quotes
    assert [[text[s:e] for s, e in q.spans] for q in quotes] == [
        ['"We have opened all those files,"'],
        ['"She knows the whole story."'],
    ]


def test_colon_clause_speaker_is_found_above_a_nested_clause(annotate: Annotate) -> None:
    text = (
        "Mayor Jane Holt later apologized for what had gone wrong: "
        '"Yes, I should have warned the families sooner."'
    )
    quote = only(annotate(text))
    assert quote.speaker is not None and "Holt" in quote.speaker.text


def test_a_letter_before_a_colon_is_the_source(annotate: Annotate) -> None:
    text = "The union's letter makes a blunt case: “Nobody in this plant has had a raise in six years.”"
    quote = only(annotate(text))
    assert quote.speaker is not None and "letter" in quote.speaker.text


def test_speech_without_a_cue_is_attributed_to_the_speaking_subject(annotate: Annotate) -> None:
    text = "Mayor Ann Price keeps talking about the “quiet strength of every small town” at her rallies."
    quote = only(annotate(text))
    assert "“quiet strength of every small town”" in text[quote.start : quote.end]
    assert quote.speaker is not None and "Price" in quote.speaker.text


def test_speaker_is_never_a_word_inside_the_quotation(annotate: Annotate) -> None:
    text = '"My mistake, I\'m sorry," Vance said after a heated exchange.'
    quote = only(annotate(text))
    assert quote.speaker is not None and quote.speaker.text == "Vance"


def test_name_between_the_quotation_and_its_cue_is_the_speaker(annotate: Annotate) -> None:
    text = (
        "“Yes, I back him,” Dale Whitford IV, founder of the Harbor Policy Institute, "
        "tells Coastal Radio in an exclusive interview."
    )
    quote = only(annotate(text))
    assert quote.speaker is not None and "Whitford" in quote.speaker.text


def test_a_date_after_the_cue_is_not_the_speaker(annotate: Annotate) -> None:
    text = "“Not them, but we can’t argue with it!” Rita Gomez, the head of the group, tweeted on Friday."
    quote = only(annotate(text))
    assert quote.speaker is None or quote.speaker.text != "Friday"


def test_name_before_an_appositive_is_the_speaker_of_a_subjectless_cue(annotate: Annotate) -> None:
    text = (
        "In a video call with reporters on Dec. 9, Col. Mark T. Olsen, a navy spokesman in Manila, "
        'said, "Frankly, every convoy is at risk. We plan for that."'
    )
    quote = only(annotate(text))
    assert quote.speaker is not None and "Olsen" in quote.speaker.text


def test_cue_set_off_by_commas_reports_both_sides(annotate: Annotate) -> None:
    text = (
        "Mayor Tim Ross spoke at the plant. In the smaller villages, he said, "
        '"nobody can tell how many shops will close" this year.'
    )
    quote = only(annotate(text))
    assert [text[s:e] for s, e in quote.spans] == [
        "In the smaller villages",
        '"nobody can tell how many shops will close" this year',
    ]
    assert quote.speaker is not None and quote.speaker.text == "he"


def test_a_chant_with_exclamations_is_not_a_title(annotate: Annotate) -> None:
    text = "As the bus pulled in, the fans chanted “Go Blue! Go Blue!” for several minutes."
    quote = only(annotate(text))
    assert "“Go Blue! Go Blue!”" in text[quote.start : quote.end]
    assert quote.speaker is not None and "fans" in quote.speaker.text


def test_relative_pronoun_speaker_resolves_to_its_antecedent(annotate: Annotate) -> None:
    text = "The plan won praise from Senator Ann Cole, who said the new law would save lives."
    annotation = annotate(text)
    quote = only(annotation)
    assert text[quote.start : quote.end] == "the new law would save lives"
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert speaker_name(text, annotation, quote) == "Ann Cole"


def test_critics_who_say_is_an_indirect_quote(annotate: Annotate) -> None:
    text = "The vote cheered critics who say the new tax is a burden on farmers."
    quote = only(annotate(text))
    assert text[quote.start : quote.end] == "the new tax is a burden on farmers"
