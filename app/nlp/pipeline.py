"""The annotator: one spaCy pipeline, the model's parse then the actor and quote layers as components
(`app.nlp.components`), so that `nlp.pipe` annotates whole batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from app.nlp.annotations import Annotation
from app.nlp.components import ANNOTATION_COMPONENTS
from app.nlp.doc_text import text_of
from app.nlp.memo_components import use_memo_components
from app.nlp.quote_marks import paragraphs
from app.nlp.tokenizer_guard import guard_tokenizer

# Bump whenever a rule change can alter the output: stored articles then report an old version
# and `quotewire reannotate` brings them up to date.
ENGINE_VERSION = "11"


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at every paragraph, so the parser never runs a clause across a break."""
    starts = {start for start, _ in paragraphs(text_of(doc))}
    # Through an array: setting `token.is_sent_start` checks the whole doc each time (quadratic).
    sent_starts = doc.to_array([SENT_START])
    for token in doc[1:]:
        if token.idx in starts:
            sent_starts[token.i] = 1
    doc.from_array([SENT_START], cast(Ints2d, sent_starts.reshape(-1, 1)))
    return doc


def engine_version(meta: dict[str, Any]) -> str:
    """The annotator version stored with each article: these rules, and the model they ran on."""
    return f"quotewire-{ENGINE_VERSION}+{meta['lang']}_{meta['name']}-{meta['version']}"


def model_meta(name: str) -> dict[str, Any]:
    """An installed pipeline's meta.json (a package name or a folder), read without loading the
    pipeline: OSError when there is none."""
    if spacy.util.is_package(name):
        folder = spacy.util.get_package_path(name)
    elif Path(name).is_dir():
        folder = Path(name)
    else:
        raise OSError(Errors.E050.format(name=name))  # as spacy.load says it
    meta: dict[str, Any] = spacy.util.load_meta(folder / "meta.json")
    return meta


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, once per process."""
    nlp = spacy.load(name)
    guard_tokenizer(nlp)
    use_memo_components(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    for component in ANNOTATION_COMPONENTS:
        nlp.add_pipe(component)
    return nlp


class Annotator:
    """Turns article text into actors and quotes; holds the loaded spaCy model."""

    def __init__(self, model_name: str) -> None:
        self.nlp = load_model(model_name)
        self.version = engine_version(self.nlp.meta)

    def annotate(self, text: str) -> Annotation:
        annotation: Annotation = self.nlp(text)._.annotation
        return annotation

    def annotate_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Annotation]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield doc._.annotation
