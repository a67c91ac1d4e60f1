"""Keeps tokenization linear in the text's length, whatever the text.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-delimited chunk one at a time, copying
and hashing the rest of the chunk each time: a chunk of n punctuation marks ("((((…", "$$$$…", "““““…")
costs O(n²), 8,000 "$" about ten seconds. No word of prose is that long, so a chunk longer than
`LONG_CHUNK_CHARS` becomes tokens of `PIECE_CHARS` characters each, without the affix rules (which
would also make a token of every mark and slow every later component); every other character goes
through the model's own tokenizer unchanged. The parts are joined with `Doc.from_docs`, so the doc's
text, and every offset into it, is exactly the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Longer than any word, number or ordinary URL in news prose; shorter than a chunk that takes
# the tokenizer noticeable time.
LONG_CHUNK_CHARS = 200
# A token of a long chunk: as long as a long word, so that the chunk costs later components
# about what prose of its length costs.
PIECE_CHARS = 16

# A long chunk keeps the single space after it, so that its last token holds the space as whitespace,
# as the model's tokenizer would give it.
_LONG_CHUNK = re.compile(rf"(\S{{{LONG_CHUNK_CHARS},}})( ?)")

Tokenizer = Callable[[str], Doc]


class GuardedTokenizer:
    """The model's tokenizer, with over-long chunks cut into fixed-size tokens first."""

    def __init__(self, tokenizer: Tokenizer, vocab: Vocab) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        if _LONG_CHUNK.search(text) is None:
            return self.tokenizer(text)
        docs = list(self._parts(text))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _parts(self, text: str) -> Iterator[Doc]:
        """The text, in order: ordinary stretches through the model's tokenizer, long chunks cut."""
        position = 0
        for chunk in _LONG_CHUNK.finditer(text):
            if chunk.start() > position:
                yield self.tokenizer(text[position : chunk.start()])
            word, space = chunk.groups()
            pieces = [word[start : start + PIECE_CHARS] for start in range(0, len(word), PIECE_CHARS)]
            spaces = [False] * (len(pieces) - 1) + [bool(space)]
            yield Doc(self.vocab, words=pieces, spaces=spaces)
            position = chunk.end()
        if position < len(text):
            yield self.tokenizer(text[position:])


def guard_tokenizer(nlp: Language) -> None:
    """Install the guard on a loaded pipeline (once)."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer, nlp.vocab)
