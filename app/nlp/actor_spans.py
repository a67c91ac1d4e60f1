"""Candidate actor mentions: NER entities and gazetteer hits, with their boundaries cleaned.

Why: raw entity spans carry noise that is not part of any name ("• Reuters", "the Lima Group",
"Velmor 's", "Tarn County 212-6", "Velmor at Ostby Park"); every later step (merging, voting,
scoring) assumes a mention is exactly the proper name, so cleaning happens first, per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from app.nlp.countries import country_by_demonym, country_by_name
from app.nlp.dateline import find_dateline
from app.nlp.gazetteer import ORG_SUFFIXES, PERSON_TITLES, PLATFORMS, REGION_QUALIFIERS

# NER labels that can be an actor (NORP only as a demonym of a country).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})

# Lower-case words allowed inside a proper name ("Bank of England", "Trinidad and Tobago").
NAME_PARTICLES = frozenset(
    {
        "of",
        "and",
        "&",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "les",
        "van",
        "von",
        "y",
        "el",
        "al",
        "bin",
        "ibn",
        "ben",
        "for",
        "on",
        "upon",
        "am",
        "an",
        "zu",
        "st.",
        "'s",
        "the",
    }
)
LEADING_DROP = frozenset({"the", "a", "an", "ex", "former", "then"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_NUMERIC = re.compile(r"^[\d.,:/+\-\u2013()]+$|\d")


@dataclass(slots=True)
class Candidate:
    """One cleaned mention before merging: token range, surface text and the evidence about it."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    label: str  # NER label, or "GAZ" for a gazetteer-only hit
    headline: bool = False  # inside an all-caps line, where casing carries no signal
    country: str | None = None  # ISO code when the text names a country or is its demonym/capital
    form: str = "name"
    title: str | None = None  # a pre-name title chain ("U.S. Secretary of State")
    dateline: bool = False  # the place of the story's dateline: where it was filed, never an agent
    votes: dict[str, float] = field(default_factory=dict)


def _is_numeric(token: Token) -> bool:
    return token.like_num or bool(_NUMERIC.search(token.text))


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _edge_junk(token: Token) -> bool:
    """True for tokens that never start or end a name: punctuation, bullets, numbers, possessives."""
    text = token.text
    return (
        not _has_letters(text)
        or _is_numeric(token)
        or text in POSSESSIVE
        or token.is_space
        or token.lower_ in LEADING_DROP
    )


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles/bullets and trailing possessives, numbers and punctuation."""
    while start < end and (_edge_junk(doc[start]) or doc[start].lower_ in LEADING_DROP):
        start += 1
    while end > start and _edge_junk(doc[end - 1]):
        end -= 1
    return start, end


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks and at lower-case words that cannot sit inside a name."""
    pieces: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end):
        token = doc[i]
        breaks = "\n" in token.text or "\n" in token.whitespace_ or token.is_space
        inner = (token.text[:1].islower() and token.lower_ not in NAME_PARTICLES) or token.text in {
            ",",
            ";",
            ":",
            "(",
            ")",
            "|",
            "/",
            "\u2022",
        }
        if inner and _line_is_caps(doc, i):
            inner = False
        if inner or token.is_space:
            pieces.append((begin, i))
            begin = i + 1
        elif breaks:
            pieces.append((begin, i + 1))
            begin = i + 1
    pieces.append((begin, end))
    return [p for p in (_trim(doc, s, e) for s, e in pieces) if p[0] < p[1]]


def _line_is_caps(doc: Doc, i: int) -> bool:
    """True when the token sits in a line written in capitals (a headline)."""
    return _caps_lines(doc)[i]


def _caps_lines(doc: Doc) -> list[bool]:
    cached = doc.user_data.get("_qw_caps")
    if cached is not None and len(cached) == len(doc):
        return cached
    flags = [False] * len(doc)
    line: list[int] = []

    def close() -> None:
        letters = "".join(ch for j in line for ch in doc[j].text if ch.isalpha())
        if len(letters) >= 4 and letters.isupper():
            for j in line:
                flags[j] = True

    for token in doc:
        if token.is_space or "\n" in token.text:
            close()
            line = []
            continue
        line.append(token.i)
        if "\n" in token.whitespace_:
            close()
            line = []
    close()
    doc.user_data["_qw_caps"] = flags
    return flags


def _valid(doc: Doc, start: int, end: int) -> bool:
    text = doc[start:end].text
    return _has_letters(text) and any(ch.isupper() for ch in text) and len(text.strip()) > 1


def _make(doc: Doc, start: int, end: int, label: str) -> Candidate:
    span: Span = doc[start:end]
    return Candidate(start, end, span.start_char, span.end_char, span.text, label, _caps_lines(doc)[start])


def after_region_word(doc: Doc, i: int) -> bool:
    """Whether token i follows a word such as "Latin" that makes its demonym a region's."""
    before = doc[i - 2] if i > 1 and doc[i - 1].text == "-" else doc[i - 1] if i > 0 else None
    return before is not None and before.text[:1].isupper() and before.text.casefold() in REGION_QUALIFIERS


def _country_window(doc: Doc, full_text: str, i: int, taken: list[bool]) -> tuple[int, str, str] | None:
    """Longest country name or demonym (up to 4 tokens) starting at token i, outside entities."""
    first = doc[i]
    if not first.text[:1].isupper():
        return None
    qualified = after_region_word(doc, i)
    for n in (4, 3, 2, 1):
        end = i + n
        if end > len(doc) or any(taken[i:end]):
            continue
        last = doc[end - 1]
        text = full_text[first.idx : last.idx + len(last.text)]
        if "\n" in text or (n == 1 and len(text) <= 2):
            continue
        country = country_by_name(text)
        if country is not None:
            return end, country.code, "name"
        country = None if qualified else country_by_demonym(text)
        if country is not None:
            return end, country.code, "demonym"
    return None


def _pattern_window(doc: Doc, i: int, taken: list[bool]) -> tuple[int, str] | None:
    """Names the model skipped but whose shape is telling: "K. Morrow" (a person), "Facebook"."""
    token = doc[i]
    if token.text.casefold() in PLATFORMS and token.text[:1].isupper():
        return i + 1, "ORG"
    if (
        len(token.text) == 2
        and token.text[0].isupper()
        and token.text[1] == "."
        and i + 1 < len(doc)
        and not taken[i + 1]
        and doc[i + 1].is_alpha
        and doc[i + 1].text[:1].isupper()
        and not doc[i + 1].is_upper
        and doc[i + 1].text.casefold() not in PERSON_TITLES
        and (i == 0 or not (len(doc[i - 1].text) == 2 and doc[i - 1].text.endswith(".")))
    ):
        return i + 2, "PERSON"
    # A run of capitalised proper nouns ending in an organisation word ("Brisk Quarry Holdings Inc").
    end = i
    while end < len(doc) and not taken[end] and doc[end].tag_ in {"NNP", "NNPS"}:
        if not doc[end].text[:1].isupper():
            break
        end += 1
    if end - i >= 2 and doc[end - 1].text.casefold() in ORG_SUFFIXES and not _caps_lines(doc)[i]:
        return end, "ORG"
    return None


def _dateline_place(doc: Doc, taken: list[bool]) -> Candidate | None:
    """The dateline's place as one location candidate, whatever the model made of its words."""
    dateline = find_dateline(doc.text)
    span = None if dateline is None else doc.char_span(*dateline.place, alignment_mode="expand")
    if span is None:
        return None
    for i in range(span.start, span.end):
        taken[i] = True
    candidate = _make(doc, span.start, span.end, "GPE")
    candidate.dateline = True
    return candidate


def find_candidates(doc: Doc) -> list[Candidate]:
    """All cleaned candidate mentions of a parsed document, in text order."""
    candidates: list[Candidate] = []
    full_text = doc.text
    taken = [False] * len(doc)
    place = _dateline_place(doc, taken)
    if place is not None:
        candidates.append(place)
    in_place = taken.copy()
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        if ent.label_ != "NORP" or country_by_demonym(ent.text) is not None:
            for i in range(ent.start, ent.end):
                taken[i] = True
        for start, end in _pieces(doc, ent.start, ent.end):
            if _valid(doc, start, end) and not any(in_place[start:end]):
                candidates.append(_make(doc, start, end, ent.label_))
    i = 0
    while i < len(doc):
        if taken[i]:
            i += 1
            continue
        pattern = _pattern_window(doc, i, taken)
        if pattern is not None:
            candidates.append(_make(doc, i, pattern[0], pattern[1]))
            i = pattern[0]
            continue
        hit = _country_window(doc, full_text, i, taken)
        if hit is None:
            i += 1
            continue
        end, code, form = hit
        candidate = _make(doc, i, end, "GAZ")
        candidate.country, candidate.form = code, form
        candidates.append(candidate)
        i = end
    candidates.sort(key=lambda c: c.start)
    return candidates
