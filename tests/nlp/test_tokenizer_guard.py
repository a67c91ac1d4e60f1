"""The tokenizer guard: long chunks cut into fixed-size tokens, every offset still exact."""

from __future__ import annotations

from collections.abc import Callable

import spacy

from app.nlp import Annotation, Annotator
from app.nlp.tokenizer_guard import LONG_CHUNK_CHARS, PIECE_CHARS, GuardedTokenizer
from tests.conftest import MODEL


def _guarded() -> GuardedTokenizer:
    tokenizer = Annotator(MODEL).nlp.tokenizer
    assert isinstance(tokenizer, GuardedTokenizer)
    return tokenizer


def test_text_without_long_chunks_is_tokenized_as_the_model_does() -> None:
    text = "“We won't stop,” said Ana Ruiz (the mayor) on Tuesday. It cost $40m—or more."
    plain = spacy.load(MODEL).tokenizer(text)
    assert [(t.text, t.whitespace_) for t in _guarded()(text)] == [(t.text, t.whitespace_) for t in plain]


def test_long_run_of_marks_becomes_tokens_of_piece_size() -> None:
    run = "(" * (LONG_CHUNK_CHARS + 50)
    doc = _guarded()(run)
    sizes = [len(token) for token in doc]
    assert sizes == [PIECE_CHARS] * (len(run) // PIECE_CHARS) + [len(run) % PIECE_CHARS]


def test_text_around_a_long_chunk_keeps_exact_offsets() -> None:
    text = "Ana Ruiz said no.  " + "$" * 300 + " Then  she left.\n\nThe end"
    doc = _guarded()(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    words = [t.text for t in doc if not t.text.startswith("$")]
    expected = "Ana|Ruiz|said|no|.| |Then| |she|left|.|\n\n|The|end"
    assert words == expected.split("|")


def test_chunk_just_below_the_limit_is_left_to_the_model() -> None:
    chunk = "-" * (LONG_CHUNK_CHARS - 1)
    plain = spacy.load(MODEL).tokenizer(chunk)
    assert [t.text for t in _guarded()(chunk)] == [t.text for t in plain]


def test_quote_after_a_long_symbol_run_keeps_its_span_and_speaker(
    annotate: Callable[[str], Annotation],
) -> None:
    text = "$" * 5000 + "\n\n“The bridge opens in May,” Mayor Ana Ruiz said."
    annotation = annotate(text)
    assert [(text[q.start : q.end], q.kind) for q in annotation.quotes] == [
        ("“The bridge opens in May,”", "direct")
    ]
    speaker = annotation.quotes[0].speaker
    assert speaker is not None and speaker.actor is not None
    assert annotation.actors[speaker.actor].name == "Ana Ruiz"
