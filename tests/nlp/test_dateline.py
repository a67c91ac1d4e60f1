"""Datelines: found exactly, and never mistaken for a headline or an ordinary sentence."""

from __future__ import annotations

import pytest

from app.nlp.dateline import dateline_span, find_dateline


@pytest.mark.parametrize(
    ("text", "dateline", "place"),
    [
        ("TROMSVIK, May 2 \u2014 The council voted on Tuesday.", "TROMSVIK, May 2 \u2014", "TROMSVIK"),
        ("VELMORA (Reuters) - The central bank raised rates.", "VELMORA (Reuters) -", "VELMORA"),
        (
            "NEW HARWICK, Ohio, Sept. 9 \u2014 Voters went to the polls.",
            "NEW HARWICK, Ohio, Sept. 9 \u2014",
            "NEW HARWICK",
        ),
        (
            "Mill closes\nDUNMARA, Ireland (AP) \u2014 The mill shut.",
            "DUNMARA, Ireland (AP) \u2014",
            "DUNMARA",
        ),
        ("RUGBY - LATE TRY WINS IT .\nKESTON 2001-04-07\nKeston won 21-20 .", "KESTON 2001-04-07", "KESTON"),
    ],
)
def test_dateline_and_its_place_are_found(text: str, dateline: str, place: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found.start : found.end] == dateline
    assert text[found.place[0] : found.place[1]] == place
    assert dateline_span(text) == (found.start, found.end)


@pytest.mark.parametrize(
    "text",
    [
        "The council voted on Tuesday, officials said.",
        "RUGBY - LATE TRY WINS IT FOR KESTON .",
        "BREAKING : MARKETS RALLY AS RATES HOLD",
        "NATO said on Monday it would send more ships.",
        "",
    ],
)
def test_text_without_a_dateline_has_none(text: str) -> None:
    assert dateline_span(text) is None


def test_a_dateline_deep_in_the_story_is_not_one() -> None:
    text = "Headline\nByline\nFirst paragraph.\nTROMSVIK, May 2 \u2014 Not a dateline this far down."
    assert dateline_span(text) is None
