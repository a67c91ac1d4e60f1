"""The cue lexicon's sets must fit together, or a check that reads them never fires."""

from __future__ import annotations

from app.nlp.cues import NAMING_VERBS, OBJECT_VERBS, REPORTING_VERBS, THING_OBJECT_VERBS, WEAK_VERBS


def test_every_naming_verb_is_a_reporting_verb() -> None:
    """The naming check runs on reporting frames only: a naming verb outside them is dead data."""
    assert NAMING_VERBS <= REPORTING_VERBS


def test_thing_object_verbs_are_strong_object_verbs() -> None:
    """Only a strong object verb reports a plain object, so only there can the check drop one."""
    assert THING_OBJECT_VERBS <= OBJECT_VERBS - WEAK_VERBS
