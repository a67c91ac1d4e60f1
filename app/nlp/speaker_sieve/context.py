"""What every pass reads: the parse, the actors' mentions, and who has spoken so far.

`SieveContext` is built once per article and never changes; `Discourse` grows as quotes are
resolved in text order, so a later pronoun can lean on an earlier decision (never the reverse).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import get_args

from spacy.tokens import Doc, Span, Token

from app.nlp.annotations import Actor, MentionForm, Quote, QuoteRule, SpeakerRule
from app.nlp.dateline import dateline_span
from app.nlp.doc_text import text_of
from app.nlp.quote_marks import paragraphs, scan
from app.nlp.speaker_sieve.profiles import ActorProfile, build_profiles

ANY_FORM: frozenset[MentionForm] = frozenset(get_args(MentionForm))
# A demonym ("the Swede") names a person of that country, not the country.
NAME_FORMS: frozenset[MentionForm] = ANY_FORM - {"demonym"}
# Mentions overlapping a position are looked for among this many starting before its end.
MENTION_WINDOW = 64


@dataclass(frozen=True, slots=True)
class MentionRef:
    start: int
    end: int
    actor: int
    form: MentionForm


@dataclass(frozen=True, slots=True)
class Resolution:
    """A pass's decision for one speaker: which actor (if any), and whether the source is unnamed."""

    rule: SpeakerRule
    actor: int | None = None
    anonymous: bool = False
    affiliation: int | None = None
    words: tuple[int, int] | None = None  # other words that name the speaker (an earlier turn's)


@dataclass(frozen=True, slots=True)
class Slot:
    """One quote's speaker as the passes see it: the phrase, its head token, and the quote."""

    index: int
    quote: Quote
    phrase: Span | None
    head: Token | None

    @property
    def cueless(self) -> bool:
        """A quotation paragraph with no cue of its own, continuing the talk before it."""
        return self.quote.rule == QuoteRule.CONTINUATION

    @property
    def position(self) -> int:
        """Where the source is named, or where the quotation starts when it is not."""
        return self.head.idx if self.head is not None else self.quote.start


@dataclass(slots=True)
class Discourse:
    """Decisions so far, in text order: a head token's actor, and each quote's resolution."""

    by_token: dict[int, int] = field(default_factory=dict)
    turns: list[tuple[Slot, Resolution]] = field(default_factory=list)

    def record(self, slot: Slot, resolution: Resolution) -> None:
        self.turns.append((slot, resolution))
        if slot.head is not None and resolution.actor is not None:
            self.by_token.setdefault(slot.head.i, resolution.actor)


class SieveContext:
    """Read-only indexes over one article: mentions by position, quoted ranges, sentences, profiles."""

    def __init__(self, doc: Doc, actors: list[Actor]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.actors = actors
        refs = sorted(
            (MentionRef(m.start, m.end, i, m.form) for i, a in enumerate(actors) for m in a.mentions),
            key=lambda r: (r.start, r.end),
        )
        self.mentions = refs
        self.mention_starts = [r.start for r in refs]
        self.quoted = [(seg.start, seg.end) for seg in scan(self.text)]
        self.paragraph_starts = [start for start, _ in paragraphs(self.text)]
        self.dateline = dateline_span(self.text)
        self.profiles: list[ActorProfile] = build_profiles(doc, actors)

    @cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, token: Token) -> int:
        return bisect.bisect_right(self.sentence_starts, token.i) - 1

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.quoted, (pos, len(self.text) + 1)) - 1
        return k >= 0 and self.quoted[k][0] <= pos < self.quoted[k][1]

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def in_dateline(self, pos: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= pos < self.dateline[1]

    def actor_at(self, start: int, end: int, forms: frozenset[MentionForm] = ANY_FORM) -> int | None:
        """The actor of a mention overlapping [start, end), if any (the first by position)."""
        k = bisect.bisect_left(self.mention_starts, end)
        for ref in self.mentions[max(0, k - MENTION_WINDOW) : k]:
            if ref.end > start and ref.start < end and ref.form in forms:
                return ref.actor
        return None

    def token_actor(self, token: Token, discourse: Discourse) -> int | None:
        """The actor a token stands for: an earlier decision about it, or a mention it lies in."""
        if token.i in discourse.by_token:
            return discourse.by_token[token.i]
        if self.in_dateline(token.idx):
            return None
        return self.actor_at(token.idx, token.idx + len(token))

    def usable(self, ref: MentionRef) -> bool:
        """A mention that can be an antecedent: in the writer's words, not a quotation or dateline."""
        return not self.in_quote(ref.start) and not self.in_dateline(ref.start)

    def mentions_before(self, pos: int) -> list[MentionRef]:
        """Usable mentions ending before `pos`, nearest first."""
        k = bisect.bisect_left(self.mention_starts, pos)
        return [r for r in reversed(self.mentions[:k]) if r.end <= pos and self.usable(r)]

    def mentions_after(self, pos: int, paragraphs: int) -> list[MentionRef]:
        """Usable mentions starting at or after `pos`, nearest first, within the next `paragraphs`."""
        last = self.paragraph_index(pos) + paragraphs
        k = bisect.bisect_left(self.mention_starts, pos)
        return [r for r in self.mentions[k:] if self.paragraph_index(r.start) <= last and self.usable(r)]

    def first_mention(self, actor: int) -> int:
        return min(m.start for m in self.actors[actor].mentions)
