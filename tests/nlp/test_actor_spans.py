"""Candidate spans: titles, untagged names and their boundaries."""

from __future__ import annotations

import pytest

from app.nlp.actor_spans import is_title


@pytest.mark.parametrize(("word", "expected"), [("Sen.", True), ("Sen", True), ("Gov", True), ("Senate", False)])
def test_abbreviated_title_is_a_title_with_or_without_its_dot(word: str, expected: bool) -> None:
    assert is_title(word) is expected
