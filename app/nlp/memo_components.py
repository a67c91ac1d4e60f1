"""The model's attribute ruler and lemmatizer, with the same output at a fraction of the cost.

Profiled on news text, the shipped `attribute_ruler` and `lemmatizer` took a fifth of the model's
time, nearly all of it per-token Python: the ruler runs a Matcher of 179 patterns (set predicates
evaluated token by token) and the lemmatizer re-derives the same lemma for every "said". Almost every
pattern of the ruler looks at one token only (its tag, its lower-case form, its dependency label),
and a lemma is a function of the token's text, part of speech and morphology; both are memoized
here on exactly what their result depends on. Patterns that span tokens still run through a Matcher
of their own, and any pattern these classes cannot key exactly is kept in it, so the output is the
stock components' own (tested token by token against them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab
from thinc.types import Ints2d

# Token pattern keys whose value is fixed by a token's text, fine-grained tag and dependency label,
# the key of the ruler's memo.
_KEYED_BY_TEXT_TAG_DEP = frozenset({"ORTH", "TEXT", "LOWER", "TAG", "DEP", "IS_SPACE"})

# The probe match of a token that may start a rule spanning tokens.
_OPENS = "opens"

# Memo entries kept before a memo starts again: distinct (text, tag, dependency) triples or
# (text, part of speech, morphology) keys seen; news vocabulary stays far below it.
MEMO_LIMIT = 500_000

Signature = tuple[int, ...]
Attrs = dict[Any, Any]


def _is_keyed(patterns: list[list[dict[str, Any]]]) -> bool:
    """Whether every pattern matches one token on keys the memo is keyed by."""
    return all(len(pattern) == 1 and set(pattern[0]) <= _KEYED_BY_TEXT_TAG_DEP for pattern in patterns)


class MemoAttributeRuler:
    """The attribute ruler's rules, one-token rules decided once per (text, tag, dependency).

    A rule spanning tokens is tried only where its first token could start it (also memoized), on a
    window as long as the longest such rule.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab: Vocab = ruler.vocab
        self.attrs: list[Attrs] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.keyed = Matcher(self.vocab)
        self.spanning = Matcher(self.vocab)
        openers: list[list[dict[str, Any]]] = []
        self.longest = 0
        for rule, entry in enumerate(ruler.patterns):
            patterns = cast(list[list[dict[str, Any]]], entry["patterns"])
            if _is_keyed(patterns):
                self.keyed.add(str(rule), patterns)
                continue
            self.spanning.add(str(rule), patterns)
            openers += [pattern[:1] for pattern in patterns]
            self.longest = max(self.longest, *(len(pattern) for pattern in patterns))
        # Where a spanning rule's first token is keyed like the rest, its possible starts are memoized;
        # otherwise the spanning rules run over the whole doc.
        self.openers_keyed = _is_keyed(openers)
        if openers and self.openers_keyed:
            self.keyed.add(_OPENS, openers)
        self.memo: dict[Signature, tuple[Attrs, bool]] = {}

    def __call__(self, doc: Doc) -> Doc:
        signatures: list[Signature] = [tuple(row) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        unseen = {s for s in signatures if s not in self.memo}
        if len(self.memo) + len(unseen) > MEMO_LIMIT:
            self.memo.clear()  # start again, with every signature of this doc learnt below
            unseen = set(signatures)
        self._learn(unseen)
        spanning = self._spanning_rules(doc, signatures)
        for i, signature in enumerate(signatures):
            attrs = self.memo[signature][0]
            if i in spanning:
                attrs = self._merged(self._keyed_rules([signature])[0][0] + spanning[i])
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def _learn(self, signatures: set[Signature]) -> None:
        """Decide the one-token rules for new signatures, on a doc of one token per signature."""
        if not signatures:
            return
        ordered = list(signatures)
        for signature, (rules, opens) in zip(ordered, self._keyed_rules(ordered), strict=True):
            self.memo[signature] = (self._merged(rules), opens)

    def _keyed_rules(self, signatures: list[Signature]) -> list[tuple[list[int], bool]]:
        """The one-token rules matching each signature, and whether a spanning rule may start there."""
        strings = self.vocab.strings
        probe = Doc(
            self.vocab,
            words=[strings[orth] for orth, _, _ in signatures],
            spaces=[False] * len(signatures),
            tags=[strings[tag] for _, tag, _ in signatures],
            deps=[strings[dep] for _, _, dep in signatures],
            heads=list(range(len(signatures))),
        )
        rules: list[list[int]] = [[] for _ in signatures]
        opens = [False] * len(signatures)
        for match_id, start, _end in self.keyed(probe, allow_missing=True):
            key = strings[match_id]
            if key == _OPENS:
                opens[start] = True
            else:
                rules[start].append(int(key))
        return [(sorted(found), start) for found, start in zip(rules, opens, strict=True)]

    def _spanning_rules(self, doc: Doc, signatures: list[Signature]) -> dict[int, list[int]]:
        """Rules spanning tokens, by the token each one sets."""
        if not len(self.spanning):
            return {}
        if self.openers_keyed:
            starts = [i for i, signature in enumerate(signatures) if self.memo[signature][1]]
        else:
            starts = [0]
        found: dict[int, list[int]] = {}
        for start in starts:
            end = start + self.longest if self.openers_keyed else len(doc)
            for match_id, first, last in self.spanning(doc[start:end], allow_missing=True):
                if self.openers_keyed and first != 0:
                    continue  # found again from its own start
                rule = int(self.vocab.strings[match_id])
                target = doc[start + first : start + last][self.indices[rule]].i
                found.setdefault(target, []).append(rule)
        return found

    def _merged(self, rules: Iterable[int]) -> Attrs:
        """The attributes the rules set, later rules over earlier ones, as the stock ruler applies them."""
        merged: Attrs = {}
        for rule in sorted(rules):
            merged.update(self.attrs[rule])
        return merged


class MemoLemmatizer:
    """The rule lemmatizer, its lemma decided once per (text, part of speech, morphology).

    Its word index per part of speech is a list (57,000 nouns) that each candidate form is looked up
    in; it becomes a frozenset, which answers `in` alike.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos, words in list(index.items()):
            index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            if key not in self.memo:
                if len(self.memo) >= MEMO_LIMIT:
                    self.memo.clear()
                self.memo[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = self.memo[key]
        doc.from_array([LEMMA], cast(Ints2d, lemmas.reshape(-1, 1)))
        return doc


@Language.factory("memo_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_memo_attribute_ruler(nlp: Language, name: str, source: str) -> MemoAttributeRuler:
    return MemoAttributeRuler(nlp.get_pipe(source))  # type: ignore[arg-type]


@Language.factory("memo_lemmatizer", default_config={"source": "lemmatizer"})
def make_memo_lemmatizer(nlp: Language, name: str, source: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe(source))  # type: ignore[arg-type]


def use_memo_components(nlp: Language) -> None:
    """Put the memoized ruler and lemmatizer in place of the model's own, under the same names."""
    for name, stock_type, factory in (
        ("attribute_ruler", AttributeRuler, "memo_attribute_ruler"),
        ("lemmatizer", Lemmatizer, "memo_lemmatizer"),
    ):
        if name in nlp.pipe_names and isinstance(nlp.get_pipe(name), stock_type):
            nlp.add_pipe(factory, name=factory, after=name, config={"source": name})
            nlp.remove_pipe(name)
            nlp.rename_pipe(factory, name)
