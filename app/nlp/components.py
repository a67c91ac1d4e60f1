"""The annotation layers as spaCy pipeline components, so that `nlp.pipe` annotates in batches.

After the model's own components, in order: `quotewire_actors` (doc._.actors), `quotewire_quotes`
(doc._.quotes), `quotewire_speakers` (the speaker sieve links each quote's source to an actor, then
continued quotations join their quote and resolved speakers become mentions) and
`quotewire_salience`. `doc._.annotation` hands the result over as one `Annotation`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from app.nlp.actors import find_actors
from app.nlp.annotations import Actor, Annotation, Mention, MentionForm, Quote
from app.nlp.cues import PRONOUNS as PERSONAL_PRONOUNS
from app.nlp.cues import RELATIVE_PRONOUNS
from app.nlp.doc_text import text_of
from app.nlp.quote_rules.assembly import join_continuations
from app.nlp.quotes import find_quotes
from app.nlp.salience import score_salience
from app.nlp.speaker_sieve import resolve_speakers

# Speaker words recorded as pronoun mentions: "she", and "who" of "critics who say".
PRONOUNS = PERSONAL_PRONOUNS | RELATIVE_PRONOUNS

# The components in the order they run; each reads what the ones before it wrote.
ANNOTATION_COMPONENTS = ("quotewire_actors", "quotewire_quotes", "quotewire_speakers", "quotewire_salience")

DocComponent = Callable[[Doc], Doc]


def _annotation_of(doc: Doc) -> Annotation:
    return Annotation(actors=doc._.actors, quotes=doc._.quotes)


for _name in ("actors", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("annotation"):
    Doc.set_extension("annotation", getter=_annotation_of)


def annotate_actors(doc: Doc) -> Doc:
    doc._.actors = find_actors(doc)
    return doc


def annotate_quotes(doc: Doc) -> Doc:
    doc._.quotes = find_quotes(doc)
    return doc


def annotate_speakers(doc: Doc) -> Doc:
    """Resolve every quote's speaker; a continued quotation then becomes a span of its quote."""
    actors: list[Actor] = doc._.actors
    quotes: list[Quote] = doc._.quotes
    resolve_speakers(doc, actors, quotes)
    doc._.quotes = join_continuations(text_of(doc), quotes)
    add_speaker_mentions(doc._.annotation)
    return doc


def annotate_salience(doc: Doc) -> Doc:
    score_salience(doc._.annotation, len(text_of(doc)))
    return doc


@Language.factory("quotewire_actors")
def make_actors(nlp: Language, name: str) -> DocComponent:
    return annotate_actors


@Language.factory("quotewire_quotes")
def make_quotes(nlp: Language, name: str) -> DocComponent:
    return annotate_quotes


@Language.factory("quotewire_speakers")
def make_speakers(nlp: Language, name: str) -> DocComponent:
    return annotate_speakers


@Language.factory("quotewire_salience")
def make_salience(nlp: Language, name: str) -> DocComponent:
    return annotate_salience


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
