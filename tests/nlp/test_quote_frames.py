"""Reporting frames: which verbs with which complements report words, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

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
