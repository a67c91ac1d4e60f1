"""What the quote-rule tests assert about a quote or a draft, as plain comparable values."""

from __future__ import annotations

from dataclasses import dataclass

from app.nlp.annotations import Annotation, QuoteKind, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.draft import Draft


@dataclass(frozen=True)
class QuoteView:
    """A quote as a reader sees it: span texts, kind, rule, cue words, speaker words and actor."""

    spans: tuple[str, ...]
    kind: QuoteKind
    rule: QuoteRule
    cue: str | None
    speaker: str | None
    actor: str | None = None


@dataclass(frozen=True)
class DraftView:
    """A draft as a rule returns it: span texts, rule, cue words and source token."""

    spans: tuple[str, ...]
    rule: QuoteRule
    cue: str | None
    source: str | None


def quote_views(text: str, annotation: Annotation) -> list[QuoteView]:
    views: list[QuoteView] = []
    for q in annotation.quotes:
        speaker = q.speaker
        actor = None if speaker is None or speaker.actor is None else annotation.actors[speaker.actor].name
        views.append(
            QuoteView(
                tuple(text[s:e] for s, e in q.spans),
                q.kind,
                q.rule,
                None if q.cue is None else q.cue.text,
                None if speaker is None else speaker.text,
                actor,
            )
        )
    return views


def draft_view(ctx: QuoteContext, draft: Draft | None) -> DraftView | None:
    if draft is None:
        return None
    return DraftView(
        tuple(ctx.text[s:e] for s, e in draft.spans),
        draft.rule,
        None if draft.cue is None else ctx.text[draft.cue[0] : draft.cue[1]],
        None if draft.source is None else draft.source.text,
    )
