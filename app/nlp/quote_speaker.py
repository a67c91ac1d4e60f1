"""Speakers: the short noun phrase naming a quote's source, and its resolution to an actor.

Names resolve by overlap with actor mentions; pronouns and nominals ("he", "the group") by the
nearest compatible earlier mention or speaker; unnamed sources ("a U.S. official") stay
anonymous but keep the actor they are affiliated with.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.nlp.annotations import Actor, Speaker
from app.nlp.cues import (
    ANONYMOUS_HEADS,
    GROUP_PRONOUNS,
    INDEFINITE,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
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


@dataclass(slots=True)
class _MentionRef:
    start: int
    end: int
    actor: int


class SpeakerResolver:
    """Per-document index of actor mentions and earlier speakers, to resolve speaker phrases."""

    def __init__(self, doc: Doc, actors: list[Actor], quoted: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access: read it once
        self.actors = actors
        refs = [_MentionRef(m.start, m.end, i) for i, a in enumerate(actors) for m in a.mentions]
        refs.sort(key=lambda r: r.start)
        self.mentions = refs
        self.starts = [r.start for r in refs]
        self.quoted = quoted  # sorted (start, end) of quoted segments: mentions there aren't antecedents
        self.history: list[tuple[Speaker, str]] = []  # earlier speakers with their head lemma

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def _overlapping(self, start: int, end: int) -> list[_MentionRef]:
        k = bisect.bisect_left(self.starts, end)
        return [r for r in self.mentions[max(0, k - 40) : k] if r.end > start and r.start < end]

    def _nearest(
        self, before: int, types: tuple[str, ...], sent_start: int | None = None, word: str | None = None
    ) -> int | None:
        """Actor of the nearest mention ending before `before` with a fitting type (or name word)."""
        k = bisect.bisect_left(self.starts, before)
        for r in reversed(self.mentions[:k]):
            if sent_start is not None and r.start < sent_start:
                return None
            if r.end > before or self._in_quote(r.start):
                continue
            actor = self.actors[r.actor]
            if word is not None:
                if word in actor.name.lower().split() or any(
                    word in a.lower().split() for a in actor.aliases
                ):
                    return r.actor
                continue
            if actor.type in types:
                return r.actor
        return None

    def resolve(self, head: Token) -> Speaker:
        """Speaker for the phrase headed by `head`, resolved as far as the evidence allows."""
        lo, hi = phrase_tokens(head)
        doc = self.doc
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        speaker = Speaker(start, end, self.text[start:end])
        lower = head.lower_
        lemma = head.lemma_.lower()
        head_hits = [r for r in self._overlapping(head.idx, head.idx + len(head))]
        if head_hits and lower not in PRONOUNS:
            speaker.actor = head_hits[0].actor
        elif lower in PRONOUNS:
            speaker.actor = self._pronoun(head)
        else:
            others = self._overlapping(start, end)
            if others:
                speaker.affiliation = others[0].actor
            dets = {c.lower_ for c in head.lefts if c.dep_ in ("det", "nummod", "amod", "predet")}
            plural_bare = head.tag_ in ("NNS", "NNPS") and not (dets & {"the", "these", "those"})
            if lemma in ANONYMOUS_HEADS and (dets & INDEFINITE or plural_bare):
                speaker.anonymous = True
            elif head.pos_ != "PROPN":
                self._nominal(head, lemma, speaker)
        self.history.append((speaker, lemma))
        return speaker

    def _pronoun(self, head: Token) -> int | None:
        lower = head.lower_
        types: tuple[str, ...]
        if lower in PERSON_PRONOUNS:
            types = ("person",)
        elif lower in GROUP_PRONOUNS:
            types = ("organization", "location")
        else:
            types = ("organization", "location")
        local = self._nearest(head.idx, types, sent_start=head.sent.start_char)
        if local is not None:
            return local
        for earlier, _ in reversed(self.history[-3:]):
            if earlier.actor is not None and self.actors[earlier.actor].type in types:
                return earlier.actor
        return self._nearest(head.idx, types)

    def _nominal(self, head: Token, lemma: str, speaker: Speaker) -> None:
        """Definite descriptions ("the group", "the official") point back to an earlier referent."""
        dets = {c.lower_ for c in head.lefts if c.dep_ == "det"}
        if not dets & {"the", "this", "that"}:
            return
        named = self._nearest(head.idx, (), word=lemma)
        if named is not None:
            speaker.actor = named
            return
        for earlier, earlier_lemma in reversed(self.history):
            if earlier_lemma == lemma:
                speaker.actor, speaker.anonymous = earlier.actor, earlier.anonymous
                speaker.affiliation = (
                    speaker.affiliation if speaker.affiliation is not None else earlier.affiliation
                )
                return
        if lemma in PERSON_NOUNS:
            speaker.actor = self._nearest(head.idx, ("person",))
        elif lemma in ORG_NOUNS:
            speaker.actor = self._nearest(head.idx, ("organization",))
