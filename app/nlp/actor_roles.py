"""Roles of people: the title chain before a name and the apposition after it.

Why: "U.S. Secretary of State Mike Pompeo" and "John Bolton, ... national security adviser," say
what an actor is; the same title chain is also the strongest person cue for the type vote and
tells which entity fragments ("State" in "Secretary of State") are part of a title, not actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.nlp.countries import country_by_demonym, country_by_name
from app.nlp.gazetteer import OFFICE_WORDS, ORG_NOUNS, PERSON_TITLES, ROLE_HEADS, TITLE_JOINERS, words

_TITLE_MODIFIERS = words(
    """prime vice deputy acting former foreign defence defense interior finance chief senior junior assistant
    associate general attorney secretary state first supreme grand national security opposition party army
    police team club ranking top executive managing economy trade health labour labor justice home union world
    olympic u.s. u.n. eu nato white house minority majority senate parliamentary presidential elect field
    - of"""
)
_STOP_TAGS = frozenset({"VBD", "VBZ", "VBP", "VB", "MD", "WP", "WDT", "WRB", "PRP", "CC", "IN"})
_APPOSITION_OK_IN = frozenset({"of", "on", "at", "for", "in", "to", "with"})
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
# Words after "X, a" in which the apposition's head noun is looked for ("a small Glasgow band").
_APPOSITION_HEAD_WINDOW = 4
# Words that open the body a title belongs to ("director of the", "minister for").
_OFFICE_OPENERS = frozenset({"of", "for", "the", "de"})


def _is_title_word(token: Token) -> bool:
    word = token.text.casefold().rstrip(".")
    return token.text.casefold() in PERSON_TITLES or word in PERSON_TITLES or word in ROLE_HEADS


def _chain_word(token: Token) -> bool:
    low = token.text.casefold()
    return (
        _is_title_word(token)
        or low in TITLE_JOINERS
        or low in _TITLE_MODIFIERS
        or token.text in OFFICE_WORDS
        or low in OFFICE_WORDS
        or country_by_name(token.text) is not None
        or country_by_demonym(token.text) is not None
    )


def title_before(doc: Doc, start: int) -> tuple[int, str] | None:
    """The title chain ending right before token `start` ("U.S. Sen."), as (first token, text)."""
    i = start - 1
    first = start
    has_title = False
    while i >= 0 and start - i <= 8:
        token = doc[i]
        if "\n" in token.whitespace_ or token.is_space or (token.is_punct and token.text not in {"-", "."}):
            break
        if not _chain_word(token):
            break
        has_title = has_title or _is_title_word(token)
        first = i
        i -= 1
    while first < start and doc[first].lower_ in TITLE_JOINERS | {"-", "of"}:
        first += 1
    if not has_title or first >= start or doc[start - 1].lower_ in _OFFICE_OPENERS:
        return None  # "the director of the Quillon Museum": the name is the office's body, not its holder
    if not any(_is_title_word(doc[j]) for j in range(first, start)):
        return None
    return first, doc[first:start].text


def apposition_after(doc: Doc, end: int) -> str | None:
    """A comma-delimited role phrase right after a name ("John Bolton, X's national security adviser,")."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    i = end + 1
    words: list[Token] = []
    while i < len(doc) and len(words) <= 14:
        token = doc[i]
        if token.text in {",", ".", ";", ":", "(", ")", "\u201c", '"'} or "\n" in token.text:
            break
        if token.tag_ in _STOP_TAGS and token.lower_ not in _APPOSITION_OK_IN:
            return None
        words.append(token)
        i += 1
    if not words or i >= len(doc) or doc[i].text not in {",", ".", ";"}:
        return None
    if not any(_is_title_word(t) for t in words):
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    return text if len(words) >= 1 else None


def apposition_before(doc: Doc, start: int) -> str | None:
    """The role phrase a name stands in apposition to ("his Russian counterpart, Sergey Lavrov")."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    head = doc[start - 2]
    if not _is_title_word(head) or not head.text[:1].islower():
        return None
    first = head.i
    while first - 1 >= 0 and doc[first - 1].dep_ in {"amod", "compound"} and doc[first - 1].head.i >= first:
        first -= 1
    return doc[first : head.i + 1].text


def organisation_apposition(doc: Doc, start: int, end: int) -> bool:
    """Whether the name stands in apposition to a noun for a body ("the builder, Brenner Kvist,",
    "Fennick, a small brewery"): such a name is an organisation, whatever its words look like."""
    if start >= 2 and doc[start - 1].text == ",":
        head = doc[start - 2]
        if head.lower_ in ORG_NOUNS and head.tag_ in _COMMON_NOUN_TAGS:
            return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].tag_ == "DT":
        for token in doc[end + 2 : end + 2 + _APPOSITION_HEAD_WINDOW]:
            if token.tag_ in _COMMON_NOUN_TAGS:
                return token.lower_ in ORG_NOUNS
    return False
