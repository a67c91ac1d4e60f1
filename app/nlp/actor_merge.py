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

from app.nlp.actor_spans import Candidate

_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,5}$")
_STOP_INITIAL = frozenset({"of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in"})


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
    """Normalised text for exact-form grouping: case, dots, curly quotes and spacing ignored."""
    text = text.replace("\u2019", "'").replace(".", " ").replace("-", " ")
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
    "de la Cruz", "Al-Khatib"), or initials + surname ("K. Morrow")."""
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
        key = f"country:{candidate.country}" if candidate.country else text_key(candidate.text)
        group = groups.setdefault(key, Group(key, country=candidate.country))
        group.members.append(candidate)
    ordered = sorted(groups.values(), key=lambda g: g.first)
    _fold_person_short_forms(ordered)
    _fold_acronyms(ordered)
    return [g for g in ordered if g.members]


def _fold_person_short_forms(groups: list[Group]) -> None:
    """Merge "Maduro" / "K. Morrow" into the person group whose full name ends the same way."""
    people = [
        g for g in groups if not g.country and len(_name_tokens(g.key)) >= 2 and g.leaning() == "person"
    ]
    for group in groups:
        if group.country or not group.members:
            continue
        tokens = _name_tokens(group.key)
        matches = [
            p for p in people if p is not group and p.members and _person_match(tokens, _name_tokens(p.key))
        ]
        if not matches and len(tokens) == 1:
            # Family name first ("Chen" for "Chen Li-wei"), tried only when no surname matches.
            matches = [
                p for p in people if p is not group and p.members and _name_tokens(p.key)[0] == tokens[0]
            ]
        if not matches:
            continue
        # Several people share the surname: prefer the one introduced last before this form.
        before = [p for p in matches if p.first <= group.first]
        target = max(before, key=lambda p: p.first) if before else min(matches, key=lambda p: p.first)
        for member in group.members:
            member.votes = {k: v * 0.5 for k, v in member.votes.items()}
            member.votes["person"] = member.votes.get("person", 0.0) + 0.5
        target.members.extend(group.members)
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
