"""Speaker phrases: the short noun phrase naming a quote's source ("the union's president",
not "the union's president, who took office in May"). Linking it to an actor is the job of the
speaker sieve (`app.nlp.speaker_sieve`), which runs after every quote is found."""

from __future__ import annotations

from spacy.tokens import Token

from app.nlp.annotations import Speaker
from app.nlp.cues import (
    ANONYMOUS_HEADS,
    PRONOUNS,
)

# Children kept in a speaker phrase: what narrows the head, not what describes it at length.
LEFT_KEEP = frozenset(
    {
        "compound",
        "det",
        "amod",
        "poss",
        "nmod",
        "nummod",
        "flat",
        "case",
        "quantmod",
        "predet",
        "npadvmod",
        "advmod",
        "punct",
        "prep",
    }
)


def phrase_tokens(head: Token) -> tuple[int, int]:
    """Token range [i, j) of the speaker phrase around `head`, without appositions or clauses."""
    if head.lower_ in PRONOUNS or head.pos_ == "PRON":
        return head.i, head.i + 1
    lo, hi = head.i, head.i + 1
    for child in head.lefts:
        if child.dep_ in LEFT_KEEP and child.dep_ != "punct":
            lo = min(lo, child.left_edge.i)
    for child in head.rights:
        if (
            (child.dep_ == "prep" and child.lower_ == "of")
            or (child.dep_ == "amod" and head.lemma_.lower() in ANONYMOUS_HEADS)
            or child.dep_ in ("compound", "flat", "nummod")
        ):
            hi = max(hi, child.right_edge.i + 1)
        else:
            break
    doc = head.doc
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi - 1 > head.i and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def speaker_phrase(head: Token) -> Speaker:
    """The speaker words around `head`, not yet linked to any actor (the speaker sieve does that)."""
    lo, hi = phrase_tokens(head)
    words = head.doc[lo:hi]  # Doc.text rebuilds the whole text: read the span's own
    return Speaker(words.start_char, words.end_char, words.text)
