"""Rule 2, speaker labels: a paragraph "Name: words" (transcripts, headlines) is the name's quote.

Runs after the frames so a paragraph a frame already reports keeps the frame's reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.nlp.annotations import QuoteRule
from app.nlp.cues import LABEL_WORDS, NOT_SOURCES
from app.nlp.quote_context import CLAUSE_POS, QuoteContext
from app.nlp.quote_rules.draft import Draft

LABEL_COLON_WINDOW = 7  # the colon ends a label only among a paragraph's first tokens
LABEL_COLON = ":"


def speaker_labels(ctx: QuoteContext, found: Sequence[Draft]) -> list[Draft]:
    """One draft per "Name: words" paragraph whose words no earlier draft holds."""
    doc, text = ctx.doc, ctx.text
    taken = {sp for d in found for sp in d.spans}
    claimed = {k for d in found for k in d.segments}
    drafts: list[Draft] = []
    for start, end in ctx.paragraphs:
        first = ctx.token_at(start)
        colon = next(
            (
                j
                for j in range(first, min(len(doc), first + LABEL_COLON_WINDOW))
                if doc[j].text == LABEL_COLON
            ),
            None,
        )
        if colon is None or colon == first or doc[colon].idx >= end:
            continue
        label = doc[first:colon]
        if not all(t.is_title or t.pos_ == "PROPN" or t.is_punct or t.lower_ in LABEL_WORDS for t in label):
            continue
        if any(t.pos_ in CLAUSE_POS for t in label) or label.text.lower() in NOT_SOURCES:
            continue
        body = doc[colon].idx + 1
        while body < end and text[body].isspace():
            body += 1
        if body >= end or any(s < end and body < e for s, e in taken):
            continue
        spans, segs = ctx.widen([(body, end)])
        if any(g in claimed for g in segs):
            continue
        cue = (doc[colon].idx, doc[colon].idx + 1)
        drafts.append(Draft(QuoteRule.SPEAKER_LABEL, tuple(spans), cue, label.root, tuple(segs)))
    return drafts
