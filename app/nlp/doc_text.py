"""The text of a parsed document, read once: spaCy's `Doc.text` rebuilds the whole string from its
tokens on every access, and every layer of the annotator needs it."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "quotewire_text"


def text_of(doc: Doc) -> str:
    """`doc.text`, built on the first call and kept in the doc's user data for the next ones."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_KEY] = doc.text
    return text
