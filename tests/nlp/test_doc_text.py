"""The document text read once per parse."""

from __future__ import annotations

from spacy.language import Language

from app.nlp.doc_text import text_of


def test_text_of_is_the_docs_text_and_is_kept_after_the_first_read(nlp: Language) -> None:
    doc = nlp("Anna Berg said the bridge would reopen.\n\nIt did.")
    first = text_of(doc)
    assert first == doc.text and text_of(doc) is first
