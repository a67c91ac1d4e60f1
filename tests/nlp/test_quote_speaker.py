"""Speaker phrases: the words that name a source, without the clauses a parse hangs on them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from app.nlp.quote_speaker import speaker_phrase


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("“Hurry up,” one of two porters who saw it said.", "one", "one of two porters"),
        ("“Hurry up,” said the Badger who had spotted Tom by the gate.", "Badger", "the Badger"),
        ("“We will appeal,” said Mayor Anna Berg of Northvale.", "Berg", "Mayor Anna Berg of Northvale"),
        ("“We will appeal,” she said.", "she", "she"),
    ],
)
def test_speaker_phrase_keeps_the_name_and_drops_clauses(
    nlp: Language, text: str, head: str, expected: str
) -> None:
    doc = nlp(text)
    speaker = speaker_phrase(next(t for t in doc if t.text == head))
    assert (speaker.text, text[speaker.start : speaker.end]) == (expected, expected)
