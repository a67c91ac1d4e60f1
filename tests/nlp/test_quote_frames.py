"""Reporting frames: which verbs with which complements report words, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.nlp.annotations import Annotation

Annotate = Callable[[str], Annotation]


def quotes(text: str, annotation: Annotation) -> list[tuple[str, str]]:
    """(quoted text, kind) of every quote, in text order."""
    return [(text[q.start : q.end], q.kind) for q in annotation.quotes]


def test_asking_not_to_be_named_is_no_report(annotate: Annotate) -> None:
    text = "A nurse at the clinic, who asked not to be named, said the ward was full."
    assert quotes(text, annotate(text)) == [("the ward was full", "indirect")]


def test_asking_someone_to_act_is_a_report(annotate: Annotate) -> None:
    text = "Berg asked the council to delay the vote."
    assert quotes(text, annotate(text)) == [("the council to delay the vote", "indirect")]


def test_opening_participle_is_the_writers_scene_setting(annotate: Annotate) -> None:
    text = "Asked about the budget, Hansen said: “Later.”"
    assert quotes(text, annotate(text)) == [("“Later.”", "direct")]


def test_cue_set_off_by_commas_reports_both_sides(annotate: Annotate) -> None:
    text = "The new bridge, Hansen said, would cost far too much."
    annotation = annotate(text)
    assert len(annotation.quotes) == 1
    quote = annotation.quotes[0]
    assert [text[s:e] for s, e in quote.spans] == ["The new bridge", "would cost far too much"]
    assert quote.kind == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        "Regulars call it “the Boathouse”, though no boat has ever been kept there.",
        "Some drivers have taken to calling it the “bridge tax”.",
        "The fight, which the promoters have billed as “Storm on the Shore”, sold out in an hour.",
        "The champion will win a trophy that the league calls its “Silver Crown”.",
        "The firm has spent heavily on what it calls “wellness” drinks since 2021.",
    ],
)
def test_a_quoted_name_given_to_a_thing_is_no_quote(annotate: Annotate, text: str) -> None:
    assert quotes(text, annotate(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Olsen called the plan “a disaster for the valley”.", "the plan “a disaster for the valley”"),
        ("The mayor called the delay “unacceptable”.", "the delay “unacceptable”"),
        ("Within minutes, he called Berg “Lord Pothole” twice.", "Berg “Lord Pothole”"),
    ],
)
def test_a_quoted_characterisation_is_a_mixed_quote(annotate: Annotate, text: str, expected: str) -> None:
    assert quotes(text, annotate(text)) == [(expected, "mixed")]


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lund, who runs the bakery, rejected the council's numbers.",
        "The tenants' group, which speaks for 400 families, welcomed the ruling.",
    ],
)
def test_a_plain_thing_rejected_or_welcomed_is_no_report(annotate: Annotate, text: str) -> None:
    assert quotes(text, annotate(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council rejected claims that the bridge was unsafe.", "claims that the bridge was unsafe"),
        ("Berg rejected the idea that the port should close.", "the idea that the port should close"),
        ("The union welcomed the ruling, saying it protected workers.", "it protected workers"),
    ],
)
def test_words_rejected_or_welcomed_are_reported(annotate: Annotate, text: str, expected: str) -> None:
    assert quotes(text, annotate(text)) == [(expected, "indirect")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor announced that the library would close in May.",
            ("that the library would close in May", "indirect"),
        ),
        ("Berg added that the price would rise.", ("that the price would rise", "indirect")),
        ("“We will not sell,” he added.", ("“We will not sell,”", "direct")),
    ],
)
def test_reports_with_announce_and_add_stay(annotate: Annotate, text: str, expected: tuple[str, str]) -> None:
    assert quotes(text, annotate(text)) == [expected]


def test_rejecting_an_account_of_events_is_no_report(annotate: Annotate) -> None:
    text = "The ministry rejected that account on Tuesday."
    assert quotes(text, annotate(text)) == []
