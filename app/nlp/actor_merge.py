"""Grouping of candidate mentions into actors, and the type vote over each group.

Why: one entity is written many ways in one article ("President Nicolas Maduro", "Maduro",
"Maduro's"; "U.N." and "United Nations"), and the NER label of any single mention is unreliable
(the small model tags "Maduro" as an organisation four times out of six). Grouping first and
voting over all mentions gives one actor with one type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.nlp.actor_spans import Candidate, fold_accents
from app.nlp.gazetteer import ORG_PREFIXES, ORG_SUFFIXES
from app.nlp.gender import Gender, compatible, first_name_gender, title_gender

_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,5}$")
_STOP_INITIAL = frozenset({"of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in"})
# Separates a text key from the gender of the title it was written with ("weston|female").
_GENDER_MARK = "|"
# A short form's own type evidence counts half once it joins a person; joining adds a person vote.
SHORT_FORM_WEIGHT = 0.5
SHORT_FORM_PERSON_VOTE = 0.5


@dataclass(slots=True)
class Group:
    """Candidates believed to name one entity; `key` is the normalised text or a country code."""

    key: str
    members: list[Candidate] = field(default_factory=list)
    country: str | None = None

    @property
    def first(self) -> int:
        return min(c.start_char for c in self.members)

    def votes(self) -> dict[str, float]:
        total: dict[str, float] = {}
        for member in self.members:
            for kind, weight in member.votes.items():
                total[kind] = total.get(kind, 0.0) + weight
        return total

    def leaning(self) -> str | None:
        votes = self.votes()
        return max(votes, key=lambda k: votes[k]) if votes else None


def text_key(text: str) -> str:
    """Normalised text for exact-form grouping: case, accents, dots, curly quotes and spacing ignored."""
    text = fold_accents(text).replace("\u2019", "'").replace(".", " ").replace("-", " ")
    return " ".join(text.casefold().split())


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def initials(text: str) -> str:
    """Upper-case initials of a multi-word name, skipping particles ("United Nations" -> "UN")."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.casefold() not in _STOP_INITIAL]
    return "".join(w[0] for w in words if w[0].isalpha()).upper() if len(words) >= 2 else ""


def _name_tokens(key: str) -> list[str]:
    return key.split()


def _person_match(short: list[str], long: list[str]) -> bool:
    """Short form of a person name: the surname with its particles or hyphenated parts ("Maduro",
    "de la Vega", "Haddad-Morrow"), or initials + surname ("K. Morrow")."""
    if not short or len(short) >= len(long):
        return False
    if long[-len(short) :] == short:
        return True
    if len(short) == 1 or short[-1] != long[-1]:
        return False
    # Earlier tokens must be the same words or their initials, in order.
    for s, full in zip(short[:-1], long[: len(short) - 1], strict=False):
        if s != full and not (len(s) == 1 and full.startswith(s)):
            return False
    return True


def group_candidates(candidates: Iterable[Candidate]) -> list[Group]:
    """Group candidates by country code or normalised text, then fold short forms into full names."""
    groups: dict[str, Group] = {}
    for candidate in candidates:
        key = f"country:{candidate.country}" if candidate.country else _person_key(candidate)
        group = groups.setdefault(key, Group(key, country=candidate.country))
        group.members.append(candidate)
    ordered = sorted(groups.values(), key=lambda g: g.first)
    _fold_person_short_forms(ordered)
    _fold_organisation_short_forms(ordered)
    _fold_acronyms(ordered)
    return [g for g in ordered if g.members]


def title_gender_of(candidate: Candidate) -> Gender:
    """The gender a courtesy title before the mention gives ("Mrs. Weston"), else UNKNOWN."""
    genders = {title_gender(word) for word in (candidate.title or "").split()} - {Gender.UNKNOWN}
    return genders.pop() if len(genders) == 1 else Gender.UNKNOWN


def _person_key(candidate: Candidate) -> str:
    """Text key, kept apart by a gendered title: "Mr. Weston" and "Mrs. Weston" are two people."""
    key = text_key(candidate.text)
    gender = title_gender_of(candidate)
    return key if gender == Gender.UNKNOWN else f"{key}{_GENDER_MARK}{gender}"


def _base_key(group: Group) -> str:
    return group.key.split(_GENDER_MARK)[0]


def _group_gender(group: Group) -> Gender:
    """What the group's titles and its first given name say of the person's gender."""
    evidence = {title_gender_of(m) for m in group.members}
    tokens = _name_tokens(_base_key(group))
    if len(tokens) >= 2:
        evidence |= {first_name_gender(m.text.split()[0]) for m in group.members if len(m.text.split()) >= 2}
    evidence -= {Gender.UNKNOWN}
    return evidence.pop() if len(evidence) == 1 else Gender.UNKNOWN


def _short_form_targets(group: Group, people: list[Group], groups: list[Group]) -> list[Group]:
    """Groups a short form may belong to: people whose full name ends with it, and the same
    surname under a gendered title ("Weston" -> "Mr. Weston")."""
    tokens = _name_tokens(_base_key(group))
    matches = [
        p
        for p in people
        if p is not group and p.members and _person_match(tokens, _name_tokens(_base_key(p)))
    ]
    if not matches and len(tokens) == 1:
        # Family name first ("Chen" for "Chen Li-wei"), tried only when no surname matches.
        matches = [
            p for p in people if p is not group and p.members and _name_tokens(_base_key(p))[0] == tokens[0]
        ]
    same = [
        g
        for g in groups
        if g is not group and g.members and g.key != _base_key(g) and _base_key(g) == _base_key(group)
    ]
    return matches + same


def _fold_person_short_forms(groups: list[Group]) -> None:
    """Move each short form ("Maduro", "K. Morrow", "Mr. Weston") to the person it names.

    Sieve order per mention: only people of a compatible gender; among them the one introduced
    last before the mention; a mention before any full name goes to the first one introduced
    after it, unless a gendered title introduces it as someone of its own ("Mr. Pembury" before
    "Minnie Pembury").
    """
    people = [
        g
        for g in groups
        if not g.country and len(_name_tokens(_base_key(g))) >= 2 and g.leaning() == "person"
    ]
    members = sorted(
        ((m, g) for g in groups if not g.country for m in g.members), key=lambda pair: pair[0].start_char
    )
    for member, group in members:
        if member.dateline or (member.locative and len(_name_tokens(_base_key(group))) == 1):
            continue  # "LINCOLN, May 2 —", "lives in Lincoln": a place, not the surname of "Marcus Lincoln"
        gender = title_gender_of(member)
        targets = [
            t for t in _short_form_targets(group, people, groups) if compatible(gender, _group_gender(t))
        ]
        before = [t for t in targets if t.first <= member.start_char]
        if before:
            target = max(before, key=lambda t: t.first)
        elif targets and gender == Gender.UNKNOWN:
            target = min(targets, key=lambda t: t.first)
        else:
            continue
        member.votes = {k: v * SHORT_FORM_WEIGHT for k, v in member.votes.items()}
        member.votes["person"] = member.votes.get("person", 0.0) + SHORT_FORM_PERSON_VOTE
        group.members.remove(member)
        target.members.append(member)


def _fold_organisation_short_forms(groups: list[Group]) -> None:
    """Merge an organisation's leading words ("Harrow", "Harrow Lane") into its full name
    ("Harrow Lane Markets"): firms are shortened from the front, people from the back."""
    firms = [
        g for g in groups if not g.country and len(_name_tokens(g.key)) >= 2 and g.leaning() == "organization"
    ]
    for group in groups:
        tokens = _name_tokens(group.key)
        if group.country or not group.members or group.leaning() not in {"organization", None}:
            continue
        if tokens[-1] in ORG_SUFFIXES or tokens[0] in ORG_PREFIXES:
            continue  # "Bank", "Council of": a generic word, not a short name
        matches = [
            f
            for f in firms
            if f is not group
            and f.members
            and len(tokens) < len(_name_tokens(f.key))
            and _name_tokens(f.key)[: len(tokens)] == tokens
        ]
        if len(matches) != 1:
            continue  # none, or two firms share the opening word: leave it alone
        matches[0].members.extend(group.members)
        group.members = []


def _fold_acronyms(groups: list[Group]) -> None:
    """Merge "U.N." / "UN" into the group whose name has those initials ("United Nations")."""
    by_initials: dict[str, Group] = {}
    for group in groups:
        if group.members and not group.country:
            for member in group.members:
                letters = initials(member.text)
                if len(letters) >= 2:
                    by_initials.setdefault(letters, group)
    for group in groups:
        if not group.members or group.country:
            continue
        texts = [m.text for m in group.members if is_acronym(m.text) and not m.headline]
        if not texts:
            continue
        target = by_initials.get(texts[0].replace(".", "").replace("&", ""))
        if target is None or target is group:
            continue
        target.members.extend(group.members)
        group.members = []
