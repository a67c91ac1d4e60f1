"""The annotation layers as spaCy components: registered in order, writing Doc extensions, and giving
through `nlp.pipe` exactly what annotating one text at a time gives."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp import Annotation, Annotator
from app.nlp.components import ANNOTATION_COMPONENTS
from tests.conftest import MODEL

# Short texts of our own, each with quotes, speakers of several kinds and actors across paragraphs.
TEXTS = [
    "“We will rebuild the bridge,” Anna Berg said.",
    "The mayor of Leeds, Tom Hart, said the council would vote on Monday.\n\n“It is time,” he added.",
    "Ruth Olsen said the plan was “a fair deal for the town” and would pass.",
    "The Harbour Trust met in Dover on Friday.\n\n“The port is ready,” said Ella Moss, its head.",
    "A spokeswoman for the ministry said talks would resume. Police declined to comment.",
    "",
    "Governor Helen Park visited the port.\n\n“The harbour will reopen soon,” she said.",
]


def test_annotation_components_run_last_in_order(nlp: Language) -> None:
    assert tuple(nlp.pipe_names[-len(ANNOTATION_COMPONENTS) :]) == ANNOTATION_COMPONENTS
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("quotewire_actors")


def test_doc_extensions_hold_the_actors_and_the_quotes(nlp: Language) -> None:
    text = "“We will rebuild the bridge,” Anna Berg said."
    doc = nlp(text)
    assert [actor.name for actor in doc._.actors] == ["Anna Berg"]
    assert [(q.start, q.end) for q in doc._.quotes] == [(0, 29)]
    speaker = doc._.quotes[0].speaker
    assert speaker is not None and (speaker.text, speaker.actor) == ("Anna Berg", 0)
    # Salience was scored: all of the mention and quote shares, a quarter less its late first mention.
    assert doc._.actors[0].salience == 0.833


def test_pipe_gives_the_same_annotations_as_one_text_at_a_time(
    annotate: Callable[[str], Annotation],
) -> None:
    for batch_size in (1, 3, len(TEXTS)):
        batched = list(Annotator(MODEL).annotate_many(TEXTS, batch_size=batch_size))
        assert batched == [annotate(text) for text in TEXTS]
