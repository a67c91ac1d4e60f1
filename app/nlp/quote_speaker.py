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
from app.nlp.quote_context import CLAUSE_POS
from app.nlp.quote_rules.syntax import NAME_PART_DEPS

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb with a tense heads a clause, never a name
PHRASE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
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
    lo, hi = _without_clauses(head, lo, hi)
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    while hi - 1 > head.i and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _without_clauses(head: Token, lo: int, hi: int) -> tuple[int, int]:
    """A speaker phrase holds no verb with a tense and no quotation mark: a misparse that hangs a
    clause on the head ("the Badger spotted Tom" read as one noun phrase, "one of two people who
    saw it") is cut back to the words next to the head."""
    doc = head.doc
    for i in range(head.i - 1, lo - 1, -1):
        if _tensed_verb(doc[i]) or (doc[i].is_quote and doc[i].dep_ != "case"):
            lo = i + 1  # "the Badger spotted Tom", "“...,” host Tom Lee": the head's words start after
            break
    for i in range(head.i + 1, hi):
        if _tensed_verb(doc[i]) or doc[i].dep_ in PHRASE_CLAUSE_DEPS:
            hi = max(head.i + 1, doc[i].left_edge.i)
            break
    return lo, hi


def _tensed_verb(token: Token) -> bool:
    """A verb with a tense heads a clause; as a name part ("Will Doyle") it is a word of the name."""
    return token.pos_ in CLAUSE_POS and token.tag_ in FINITE_TAGS and token.dep_ not in NAME_PART_DEPS


def speaker_phrase(head: Token) -> Speaker:
    """The speaker words around `head`, not yet linked to any actor (the speaker sieve does that)."""
    lo, hi = phrase_tokens(head)
    words = head.doc[lo:hi]  # Doc.text rebuilds the whole text: read the span's own
    return Speaker(words.start_char, words.end_char, words.text)
