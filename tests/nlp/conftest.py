"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from app.nlp.annotations import Annotation
from app.nlp.pipeline import Annotator, load_model
from tests.conftest import MODEL


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(MODEL)


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Annotation]:
    return Annotator(MODEL).annotate
