"""Parse questions several quote rules ask: is this a cue verb, who can speak, where is the subject."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from app.nlp.cues import (
    DOCUMENT_NOUNS,
    FRAME_VERBS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PHRASAL_CUES,
    SPEAKING_ENTITY_TYPES,
    SUBJECT_PRONOUNS,
    TIME_ENTITY_TYPES,
)
from app.nlp.quote_context import CLAUSE_POS, QuoteContext
from app.nlp.quote_frames import subject_of

SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
NAME_POS = frozenset({"PROPN", "PRON"})
# Words of a description standing in for a subject ("the 51-year-old", "the tall one"), and its head.
DESCRIPTION_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "ADV"})
DESCRIPTION_HEAD_POS = frozenset({"NOUN", "ADJ"})
PARTICIPLE_DEP = "acl"
PAST_PARTICIPLE_TAG = "VBN"
NAME_PART_DEPS = frozenset({"compound", "flat"})  # "Dale" in "Dale Whitford": climb to the head
INVERTED_SUBJECT_TOKENS = 8  # "..., said the group formed in 2017": the subject starts this close
INVERTED_NAME_REACH = 10  # a name's head lies at most this many tokens after the verb


def _describes_a_thing(token: Token) -> bool:
    """ "a fee added to bills", "a video posted online": a participle describing a noun that cannot
    speak is no cue (while "Rita Gomez, the captain, tweeted" misparsed the same way still is)."""
    return token.dep_ == PARTICIPLE_DEP and token.tag_ == PAST_PARTICIPLE_TAG and not can_speak(token.head)


def can_speak(token: Token) -> bool:
    """A person, a group, an organisation or a text they wrote: something whose words can be quoted."""
    if token.pos_ == "PRON":
        return token.lower_ in SUBJECT_PRONOUNS
    if token.ent_type_ in SPEAKING_ENTITY_TYPES:
        return True
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ORG_NOUNS or lemma in DOCUMENT_NOUNS


def is_cue_verb(token: Token) -> bool:
    """A verb that introduces an adjacent quotation ("he said", "as one adviser put it")."""
    if token.pos_ not in CLAUSE_POS or _describes_a_thing(token):
        return False
    lemma = token.lemma_.lower()
    if lemma in PHRASAL_CUES:
        word, dep = PHRASAL_CUES[lemma]
        return any(c.lower_ == word and c.dep_ == dep for c in token.children)
    return lemma in FRAME_VERBS


def governing_clauses(
    ctx: QuoteContext, token: Token, limit: int | None = None
) -> Iterator[tuple[Token, Token]]:
    """(verb, subject) of each clause outside quotation marks from `token` up its heads, never
    climbing to a head at or past index `limit`."""
    while True:
        if token.pos_ in CLAUSE_POS and ctx.segment_at(token.idx) is None:
            subject = subject_of(token)
            if subject is not None:
                yield token, subject
        if token.head.i == token.i or (limit is not None and token.head.i >= limit):
            return
        token = token.head


def subject_between(ctx: QuoteContext, start: int, verb: Token) -> Token | None:
    """'"...," Dale Whitford, founder of X, tells Y': a name between the quotation (ending before
    token `start`) and a cue the parse left without subject; failing a name, a description that
    fills the gap ('"...," the 51-year-old said')."""
    between = ctx.doc[start : verb.i]
    for tok in between:
        if tok.pos_ in NAME_POS and ctx.segment_at(tok.idx) is None:
            while tok.dep_ in NAME_PART_DEPS and start <= tok.head.i < verb.i:
                tok = tok.head
            return tok
    words = [t for t in between if not t.is_punct]
    if words and all(t.pos_ in DESCRIPTION_POS for t in words) and words[-1].pos_ in DESCRIPTION_HEAD_POS:
        return words[-1]
    return None


POSSESSOR_DEP = "poss"


def inverted_subject(ctx: QuoteContext, verb: Token, para_end: int) -> Token | None:
    """ "..., said the group formed in 2017": the noun phrase right after the verb."""
    doc = ctx.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + INVERTED_SUBJECT_TOKENS)):
        tok = doc[j]
        if tok.idx >= para_end or tok.is_punct or tok.pos_ == "ADP" or tok.ent_type_ in TIME_ENTITY_TYPES:
            return None  # past the subject's place: "said on Friday", "told of their time"
        if tok.pos_ in SPEAKER_POS:
            if tok.dep_ == POSSESSOR_DEP and tok.i < tok.head.i < verb.i + INVERTED_NAME_REACH:
                tok = tok.head  # "cried his wife": the wife speaks, not "his"
            while (
                tok.dep_ in NAME_PART_DEPS
                and tok.head.i > tok.i
                and tok.head.i < verb.i + INVERTED_NAME_REACH
            ):
                tok = tok.head
            return tok
    return None
