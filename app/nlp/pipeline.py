"""The annotator: one spaCy parse, then the actor and quote layers over it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import cast

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from app.nlp.actors import find_actors
from app.nlp.annotations import Annotation, Mention, MentionForm
from app.nlp.cues import PRONOUNS as PERSONAL_PRONOUNS
from app.nlp.cues import RELATIVE_PRONOUNS
from app.nlp.doc_text import text_of
from app.nlp.quote_marks import paragraphs
from app.nlp.quote_rules.assembly import join_continuations
from app.nlp.quotes import find_quotes
from app.nlp.salience import score_salience
from app.nlp.speaker_sieve import resolve_speakers
from app.nlp.tokenizer_guard import guard_tokenizer

# Bump whenever a rule change can alter the output: stored articles then report an old version
# and `quotewire reannotate` brings them up to date.
ENGINE_VERSION = "11"

# Speaker words recorded as pronoun mentions: "she", and "who" of "critics who say".
PRONOUNS = PERSONAL_PRONOUNS | RELATIVE_PRONOUNS


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


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name, once per process."""
    nlp = spacy.load(name)
    guard_tokenizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    return nlp


class Annotator:
    """Turns article text into actors and quotes; holds the loaded spaCy model."""

    def __init__(self, model_name: str) -> None:
        self.nlp = load_model(model_name)
        meta = self.nlp.meta
        self.version = f"quotewire-{ENGINE_VERSION}+{meta['lang']}_{meta['name']}-{meta['version']}"

    def annotate(self, text: str) -> Annotation:
        return annotate_doc(self.nlp(text))

    def annotate_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Annotation]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield annotate_doc(doc)


def annotate_doc(doc: Doc) -> Annotation:
    actors = find_actors(doc)
    text = text_of(doc)
    quotes = find_quotes(doc)
    resolve_speakers(doc, actors, quotes)
    annotation = Annotation(actors=actors, quotes=join_continuations(text, quotes))
    add_speaker_mentions(annotation)
    score_salience(annotation, len(text))
    return annotation


def add_speaker_mentions(annotation: Annotation) -> None:
    """Record resolved pronoun and nominal speakers ("he", "the group") as mentions of their actor."""
    for quote in annotation.quotes:
        speaker = quote.speaker
        if speaker is None or speaker.actor is None:
            continue
        actor = annotation.actors[speaker.actor]
        if any(m.start < speaker.end and speaker.start < m.end for m in actor.mentions):
            continue
        form: MentionForm = "pronoun" if speaker.text.lower() in PRONOUNS else "description"
        actor.mentions.append(Mention(speaker.start, speaker.end, speaker.text, form))
        actor.mentions.sort(key=lambda m: m.start)
