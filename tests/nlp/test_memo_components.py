"""The memoized attribute ruler and lemmatizer give the model's own components' output, token by
token, on sentences that exercise one-token rules, rules spanning tokens, and repeated words."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from app.nlp.memo_components import MemoAttributeRuler, MemoLemmatizer, use_memo_components
from tests.conftest import MODEL

TEXTS = [
    "“We will rebuild the bridge,” Anna Berg said, and she said it twice.",
    "There is a plan, and there were two before it; y'all knew that.",
    "I'm gonna say it: let's wait. They gotta go, c'mon.",
    "He ain't leaving, but the ministers' meetings were cancelled.\n\n  Mrs. Hale   said nothing.",
    "The runners ran; the better runner had run faster than the best.",
]
COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(MODEL)


@pytest.fixture(scope="module")
def memo() -> Language:
    nlp = spacy.load(MODEL)
    use_memo_components(nlp)
    return nlp


def test_the_memo_components_take_the_stock_ones_places_and_names(memo: Language) -> None:
    assert memo.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert isinstance(memo.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(memo.get_pipe("lemmatizer"), MemoLemmatizer)


def test_every_token_gets_the_stock_tag_pos_morph_and_lemma(stock: Language, memo: Language) -> None:
    # Twice through the memo: the second pass is answered from it.
    for _ in range(2):
        for expected, got in zip(stock.pipe(TEXTS), memo.pipe(TEXTS), strict=True):
            assert got.to_array(COMPARED).tolist() == expected.to_array(COMPARED).tolist(), got.text


def test_a_rule_spanning_tokens_sets_the_token_it_names(memo: Language) -> None:
    doc = memo("I'm gonna say it, let's go.")
    assert [(t.text, t.lemma_) for t in doc[2:4]] == [("gon", "go"), ("na", "to")]
    assert [(t.text, t.lemma_) for t in doc[7:9]] == [("let", "let"), ("'s", "us")]


def test_an_existential_verb_is_a_verb_by_the_rule_after_there(memo: Language) -> None:
    doc = memo("There is a plan.")
    assert (doc[1].dep_, doc[1].pos_) == ("ROOT", "VERB")
    assert memo("This is a plan.")[1].pos_ == "AUX"


def test_the_lemmatizer_memo_holds_one_entry_per_text_pos_and_morphology(memo: Language) -> None:
    lemmatizer = memo.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, MemoLemmatizer)
    lemmatizer.memo.clear()
    doc = memo("She said no. She said yes.")
    said = (doc[1].orth, doc[1].pos, doc[1].morph.key)
    assert lemmatizer.memo[said] == memo.vocab.strings["say"]
    assert doc[1].lemma_ == doc[5].lemma_ == "say"


def test_a_full_memo_starts_again_and_the_output_stays_the_stock_one(
    stock: Language, memo: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.nlp.memo_components.MEMO_LIMIT", 8)  # fewer than one sentence's words
    for expected, got in zip(stock.pipe(TEXTS), memo.pipe(TEXTS), strict=True):
        assert got.to_array(COMPARED).tolist() == expected.to_array(COMPARED).tolist(), got.text
    ruler = memo.get_pipe("attribute_ruler")
    assert isinstance(ruler, MemoAttributeRuler)
    assert len(ruler.memo) <= len(memo(TEXTS[-1]))  # emptied, then refilled by the last doc alone
