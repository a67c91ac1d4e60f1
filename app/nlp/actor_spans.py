"""Candidate actor mentions: NER entities and gazetteer hits, with their boundaries cleaned.

Why: raw entity spans carry noise that is not part of any name ("• Reuters", "the Lima Group",
"Velmor 's", "Tarn County 212-6", "Velmor at Ostby Park"); every later step (merging, voting,
scoring) assumes a mention is exactly the proper name, so cleaning happens first, per token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc, Span, Token

from app.nlp.countries import country_by_demonym, country_by_name
from app.nlp.dateline import find_dateline
from app.nlp.doc_text import text_of
from app.nlp.gazetteer import (
    ACADEMIC_TITLES,
    LOCATIVE_PREPOSITIONS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PERSON_TITLES,
    PLACE_PREFIXES,
    PLATFORMS,
    REGION_QUALIFIERS,
    SURNAME_PARTICLES,
)
from app.nlp.gender import Gender, is_first_name, title_gender

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
# Given names a title may stand before when the model tagged only the surname ("Mayor Lena Berg").
MAX_GIVEN_NAMES = 2
# Words of a personal name found by its shape ("Lena van Berg"); a full name has a given name too.
MAX_NAME_WORDS = 3
MIN_FULL_NAME_WORDS = 2
# Tags of a determiner-like word that makes the name after it a thing ("the Grace Harbour Regatta").
_THING_DETERMINER_TAGS = frozenset({"DT", "CD", "PRP$", "POS"})
# Quotation marks around a nickname inside a name ('Nora “Big Nell” Keating').
OPENING_QUOTES = frozenset({"\u201c", '"', "\u2018", "'"})
CLOSING_QUOTES = frozenset({"\u201d", '"', "\u2019", "'"})
MAX_NICKNAME_WORDS = 3
# Labels whose entity may be a person's surname left without its given name.
_NAME_LABELS = frozenset({"PERSON", "ORG"})
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
    locative: bool = False  # right after a preposition of place ("in Lincoln")
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


def _office_list(doc: Doc, ent: Span) -> bool:
    """An organisation named by its portfolios ("Ministry of Culture, Heritage and Tourism"): its
    commas list the portfolios and do not separate names."""
    start, end = _trim(doc, ent.start, ent.end)
    tokens = list(doc[start:end])
    commas = [t.i for t in tokens if t.text == ","]
    if ent.label_ != "ORG" or not tokens or not commas or tokens[0].lower_ not in ORG_PREFIXES:
        return False
    head = [t.lower_ for t in doc[start : commas[0]]]
    tail = [t.lower_ for t in doc[commas[-1] + 1 : end]]
    listed = all(
        (t.text[:1].isupper() and country_by_name(t.text) is None) or t.text in {",", "and", "&"}
        for t in doc[commas[0] : end]
    )
    return "of" in head and "and" in tail and listed


def _line_is_caps(doc: Doc, i: int) -> bool:
    """True when the token sits in a line written in capitals (a headline)."""
    return _caps_lines(doc)[i]


def _caps_lines(doc: Doc) -> list[bool]:
    cached = doc.user_data.get("_qw_caps")
    if cached is not None and len(cached) == len(doc):
        return cached
    text = text_of(doc)
    # Each token's text, and the whitespace after it, cut from the doc's text by offset: read this
    # way, a long article costs no Token object per word.
    rows = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    ends = [start for start, _, _ in rows[1:]] + [len(text)]
    flags = [False] * len(doc)
    line: list[int] = []
    letters: list[str] = []

    def close() -> None:
        caps = "".join(letters)
        if len(caps) >= 4 and caps.isupper():
            for j in line:
                flags[j] = True
        line.clear()
        letters.clear()

    for i, ((start, length, is_space), end) in enumerate(zip(rows, ends, strict=True)):
        word = text[start : start + length]
        if is_space or "\n" in word:
            close()
            continue
        line.append(i)
        letters.extend(ch for ch in word if ch.isalpha())
        if "\n" in text[start + length : end]:
            close()
    close()
    doc.user_data["_qw_caps"] = flags
    return flags


def is_title(text: str) -> bool:
    """A courtesy title or office word that stands before a person's name ("Mr.", "Mayor")."""
    low = text.casefold()
    return low in PERSON_TITLES or low.rstrip(".") in PERSON_TITLES


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of a personal name ("Lena", "Ólafsdóttir")."""
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper and not is_title(token.text)


def _given_names_start(doc: Doc, start: int, taken: list[bool]) -> int:
    """Where a name really starts when the model left out the given names between a title and
    the surname it tagged ("Mayor [Lena] Berg")."""
    first = start
    while (
        start - first < MAX_GIVEN_NAMES and first > 0 and not taken[first - 1] and _name_word(doc[first - 1])
    ):
        first -= 1
    return first if first < start and first > 0 and is_title(doc[first - 1].text) else start


def _place_prefix_start(doc: Doc, start: int, taken: list[bool]) -> int:
    """Where a place name really starts when the model left out its opening word ("[Little]
    Marsby"), which is then part of the name."""
    before = doc[start - 1] if start > 0 else None
    if before is None or taken[before.i] or not before.text[:1].isupper():
        return start
    return before.i if before.text.casefold() in PLACE_PREFIXES else start


def _valid(doc: Doc, start: int, end: int) -> bool:
    text = doc[start:end].text
    return _has_letters(text) and any(ch.isupper() for ch in text) and len(text.strip()) > 1


def _make(doc: Doc, start: int, end: int, label: str) -> Candidate:
    span: Span = doc[start:end]
    locative = start > 0 and doc[start - 1].lower_ in LOCATIVE_PREPOSITIONS
    return Candidate(
        start,
        end,
        span.start_char,
        span.end_char,
        span.text,
        label,
        _caps_lines(doc)[start],
        locative=locative,
    )


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


def _titled_name_end(doc: Doc, i: int, taken: list[bool]) -> int | None:
    """End of a name the model skipped after a capitalised title ("Mayor Lena Berg", "Mrs. Berg");
    the name starts right after the title, which the actor layer reads as a role."""
    title = doc[i]
    if not (title.text[:1].isupper() and is_title(title.text)) or _caps_lines(doc)[i]:
        return None
    end = i + 1
    while end < len(doc) and end - i <= MAX_NAME_WORDS and not taken[end] and _name_word(doc[end]):
        end += 1
    count = end - i - 1
    courtesy = title_gender(title.text) != Gender.UNKNOWN or title.text.casefold() in ACADEMIC_TITLES
    if count == 0 or (count < MIN_FULL_NAME_WORDS and not courtesy):
        return None
    if doc[end - 1].text.casefold() in ORG_SUFFIXES:
        return None
    return end


def after_determiner(doc: Doc, i: int) -> bool:
    """Whether token i follows a determiner, number or possessive: "the Grace Harbour Regatta"
    names a thing even when it opens with a first name."""
    return i > 0 and doc[i - 1].tag_ in _THING_DETERMINER_TAGS


def _particle_before_name(doc: Doc, i: int) -> bool:
    """A lower-case surname particle followed, possibly through more particles, by a name word."""
    j = i
    while j < len(doc) and doc[j].text.casefold() in SURNAME_PARTICLES and doc[j].text[:1].islower():
        j += 1
    return j > i and j < len(doc) and _name_word(doc[j])


def _first_name_run_end(doc: Doc, i: int, taken: list[bool]) -> int | None:
    """End of an untagged name of two or three words opening with a known first name, where a
    person acts or stands in apposition ("Kari Nordvik said", ", Ana Ruiz,"); a longer capitalised
    run, a country or an organisation word is not one."""
    if not _name_word(doc[i]) or _caps_lines(doc)[i] or not is_first_name(doc[i].text):
        return None
    if i > 0 and not doc[i].is_sent_start and _name_word(doc[i - 1]):
        return None
    end, name_words = i + 1, 1
    while end < len(doc) and not taken[end]:
        if _name_word(doc[end]):
            name_words += 1
        elif not _particle_before_name(doc, end):  # "Diego de la Cruz": particles belong to the name
            break
        end += 1
    if not MIN_FULL_NAME_WORDS <= name_words <= MAX_NAME_WORDS:
        return None
    after = doc[end] if end < len(doc) else None
    if after is None or not (after.text == "," or after.tag_.startswith("VB") or after.tag_ == "MD"):
        return None  # only where a person acts or is set off by commas ("Kari Nordvik said")
    if after_determiner(doc, i) or (i > 0 and doc[i - 1].tag_ == "IN"):
        return None  # "the Harbour Regatta", "at Harbour Park": events, teams and places
    words = [t.text for t in doc[i:end]]
    if words[-1].casefold() in ORG_SUFFIXES or any(
        country_by_name(w) or country_by_demonym(w) for w in words
    ):
        return None
    return end


def _pattern_window(doc: Doc, i: int, taken: list[bool]) -> tuple[int, int, str] | None:
    """Names the model skipped but whose shape is telling: "K. Morrow" (a person), "Facebook"."""
    token = doc[i]
    if token.text.casefold() in PLATFORMS and token.text[:1].isupper():
        return i, i + 1, "ORG"
    titled = _titled_name_end(doc, i, taken)
    if titled is not None:
        return i + 1, titled, "PERSON"
    named = _first_name_run_end(doc, i, taken)
    if named is not None:
        return i, named, "PERSON"
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
        return i, i + 2, "PERSON"
    # A run of capitalised proper nouns ending in an organisation word ("Brisk Quarry Holdings Inc").
    end = i
    while end < len(doc) and not taken[end] and doc[end].tag_ in {"NNP", "NNPS"}:
        if not doc[end].text[:1].isupper():
            break
        end += 1
    if end - i >= 2 and doc[end - 1].text.casefold() in ORG_SUFFIXES and not _caps_lines(doc)[i]:
        return i, end, "ORG"
    return None


def _dateline_place(doc: Doc, taken: list[bool]) -> Candidate | None:
    """The dateline's place as one location candidate, whatever the model made of its words."""
    dateline = find_dateline(text_of(doc))
    span = None if dateline is None else doc.char_span(*dateline.place, alignment_mode="expand")
    if span is None:
        return None
    for i in range(span.start, span.end):
        taken[i] = True
    candidate = _make(doc, span.start, span.end, "GPE")
    candidate.dateline = True
    return candidate


def _nicknamed_names(doc: Doc, taken: list[bool]) -> list[Candidate]:
    """People written with a quoted nickname inside the name ('Eamon “Red” Gallacher'), which the model
    splits into pieces: each is one person candidate, nickname included."""
    found: list[Candidate] = []
    for token in doc:
        i = token.i
        if not (_name_word(token) and i + 2 < len(doc) and doc[i + 1].text in OPENING_QUOTES):
            continue
        close = next(
            (
                j
                for j in range(i + 2, min(i + 2 + MAX_NICKNAME_WORDS + 1, len(doc)))
                if doc[j].text in CLOSING_QUOTES
            ),
            None,
        )
        if close is None or close == i + 2 or not all(_name_word(t) for t in doc[i + 2 : close]):
            continue
        end = close + 1
        while end < len(doc) and end - close <= MAX_GIVEN_NAMES and _name_word(doc[end]):
            end += 1
        if end > close + 1 and is_first_name(token.text) and not any(taken[i:end]):
            for j in range(i, end):
                taken[j] = True
            found.append(_make(doc, i, end, "PERSON"))
    return found


def find_candidates(doc: Doc) -> list[Candidate]:
    """All cleaned candidate mentions of a parsed document, in text order."""
    candidates: list[Candidate] = []
    full_text = text_of(doc)
    taken = [False] * len(doc)
    place = _dateline_place(doc, taken)
    if place is not None:
        candidates.append(place)
    candidates.extend(_nicknamed_names(doc, taken))
    reserved = taken.copy()  # spans read before the model's entities, which may not cut into them
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        if ent.label_ != "NORP" or country_by_demonym(ent.text) is not None:
            for i in range(ent.start, ent.end):
                taken[i] = True
        pieces = (
            [_trim(doc, ent.start, ent.end)] if _office_list(doc, ent) else _pieces(doc, ent.start, ent.end)
        )
        for start, end in pieces:
            if start == ent.start and ent.label_ in _NAME_LABELS and not _caps_lines(doc)[start]:
                start = _given_names_start(doc, start, taken)
            if start == ent.start and not _caps_lines(doc)[start]:
                start = _place_prefix_start(doc, start, taken)
            if _valid(doc, start, end) and not any(reserved[start:end]):
                candidates.append(_make(doc, start, end, ent.label_))
    # Every name shape below opens with a capitalised word: other tokens are skipped unread.
    capitalised = [token.text[:1].isupper() for token in doc]
    i = 0
    while i < len(doc):
        if taken[i] or not capitalised[i]:
            i += 1
            continue
        pattern = _pattern_window(doc, i, taken)
        if pattern is not None:
            start, end, label = pattern
            candidates.append(_make(doc, start, end, label))
            i = end
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


# Letters with a stroke that Unicode does not decompose, folded like accented ones.
_STROKED = str.maketrans("ØøŁłĐđ", "OoLlDd")


# A character that folding may change: ASCII is its own base letter.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _base_letter(ch: str) -> str:
    return unicodedata.normalize("NFKD", ch.translate(_STROKED))[0]


def fold_accents(text: str) -> str:
    """The text with each accented letter as its base letter ("Núñez" -> "Nunez"), same length,
    so a name written without its accents still meets the accented one."""
    return _NOT_ASCII.sub(lambda match: _base_letter(match.group()), text)


def _surname_forms(name: str) -> list[str]:
    """How a story refers back to a person named in full: the surname with its particles
    ("de la Vega"), then its last word ("Vega"); hyphenated surnames stay whole ("Haddad-Morrow")."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = [
        " ".join(words[i:]) for i in range(1, len(words) - 1) if words[i].casefold() in SURNAME_PARTICLES
    ][:1]
    last = words[-1]
    if len(last) > 1 and last[:1].isupper() and last not in forms:
        forms.append(last)
    return forms


def _surname_pattern(form: str) -> re.Pattern[str]:
    """The form as a whole word; a leading particle may be capitalised at a sentence start."""
    head = form[0]
    first = f"[{re.escape(head.upper())}{re.escape(head.lower())}]" if form[0].islower() else re.escape(head)
    return re.compile(rf"(?<![\w\-'\u2019]){first}{re.escape(form[1:])}(?![\w\-])")


def _part_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word right before (not a title, not a sentence start) or after: "Anna Hale",
    "Hale Street" are other names that happen to contain the surname."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    joined_before = (
        before is not None
        and not doc[start].is_sent_start
        and before.is_alpha
        and before.text[:1].isupper()
        and not is_title(before.text)
    )
    joined_after = (
        after is not None and after.is_alpha and after.text[:1].isupper() and not after.is_sent_start
    )
    return joined_before or joined_after


def surname_mentions(
    doc: Doc, people: Sequence[Candidate], candidates: Sequence[Candidate]
) -> list[Candidate]:
    """Later mentions of a named person by surname alone that the model did not tag ("Hale said").

    A found surname replaces any candidate lying inside it ("Berg" of "Van der Berg") and is
    skipped where a longer candidate already covers it.
    """
    owner: dict[int, Candidate] = {}
    for cand in candidates:
        for i in range(cand.start, cand.end):
            owner[i] = cand
    found: list[Candidate] = []
    folded = fold_accents(text_of(doc))
    for person in sorted(people, key=lambda c: c.start):
        for form in _surname_forms(fold_accents(person.text)):
            for match in _surname_pattern(form).finditer(folded, person.end_char):
                span = doc.char_span(match.start(), match.end())
                if span is None or _part_of_longer_name(doc, span.start, span.end):
                    continue
                inside = [owner[i] for i in range(span.start, span.end) if i in owner]
                # Only a shorter candidate strictly inside may give way ("Berg" of "Van der Berg").
                covered = any((c.start, c.end) == (span.start, span.end) for c in inside)
                overlapping = any(c.start < span.start or c.end > span.end for c in inside)
                if covered or overlapping or any(c is f for c in inside for f in found):
                    continue
                mention = _make(doc, span.start, span.end, "PERSON")
                found.append(mention)
                for i in range(span.start, span.end):
                    owner[i] = mention
    return found
