"""Assembly passes over the rules' drafts: join interrupted quotations and extend drafts back over
their lead-in words. Each returns new drafts, in order. A continuation paragraph stays a quote of
its own until the speaker sieve has decided whether the same speaker goes on (then
`join_continuations` makes it one more span of the quote it continues) or the other party answers."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace

from app.nlp.annotations import Quote, QuoteRule, SpeakerRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_marks import paragraphs
from app.nlp.quote_rules.draft import Draft

MAX_INTERRUPTION = 300  # characters between two parts of one quotation ("," said X, a ... of Y. ")


def join_interrupted(ctx: QuoteContext, drafts: list[Draft]) -> list[Draft]:
    """ "A," he said. "B." is one quotation in two spans: join quotations around their shared cue."""
    out = list(drafts)
    owner = {k: n for n, d in enumerate(out) for k in d.segments}  # segment -> index of its draft
    gone: set[int] = set()
    segments = ctx.segments
    for k in range(len(segments) - 1):
        a, b = segments[k], segments[k + 1]
        if b.continues:
            continue
        between = ctx.text[a.end : b.start]
        if len(between) > MAX_INTERRUPTION or "\n" in between:
            continue
        na, nb = owner.get(k), owner.get(k + 1)
        if na == nb:
            continue
        for lead_n, other_n in ((na, nb), (nb, na)):
            if lead_n is None:
                continue
            lead = out[lead_n]
            if lead.cue is None or not a.end <= lead.cue[0] < b.start:
                continue
            if (lead_n == na and lead.spans[-1][1] != a.end) or (
                lead_n == nb and lead.spans[0][0] != b.start
            ):
                continue  # the quotation must end (or start) the lead quote's content
            other = out[other_n] if other_n is not None else None
            if other is not None and other.cue is not None and other.cue != lead.cue:
                continue  # each part has its own cue ("..., he said. But he added, ..."): two quotes
            if other is not None and ctx.kind(other.spans, other.segments) != "direct":
                continue
            added = other.segments if other is not None else ctx.group(k + 1 if lead_n == na else k)
            out[lead_n] = replace(
                lead,
                spans=tuple(sorted(set(lead.spans) | {(segments[g].start, segments[g].end) for g in added})),
                segments=tuple(sorted(set(lead.segments) | set(added))),
            )
            for g in added:
                owner[g] = lead_n
            if other_n is not None:
                gone.add(other_n)
            break
    return [d for n, d in enumerate(out) if n not in gone]


def extend_lead_ins(ctx: QuoteContext, drafts: list[Draft]) -> list[Draft]:
    """A quotation cued after it starts where its sentence's reported words start."""
    out: list[Draft] = []
    for d in drafts:
        if d.lead_in:
            start = ctx.lead_in(ctx.segments[d.segments[0]])
            d = replace(d, spans=((start, d.spans[0][1]), *d.spans[1:]))
        out.append(d)
    return out


def join_continuations(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quotation that goes on with the quote before it, by the same speaker as the speaker sieve
    decided, is one more span of that quote, as multi-part quotations are annotated: a cue-less
    paragraph continuing the one before, or an action beat right after the speaker's own quote
    ("“A,” Smith said. “B.”" read as a beat). `quotes` must be sorted by start."""
    starts = [start for start, _ in paragraphs(text)]

    def para_of(pos: int) -> int:
        return bisect.bisect_right(starts, pos) - 1

    out: list[Quote] = []
    for quote in quotes:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "indirect" and _goes_on(prev, quote, para_of):
            prev.spans = sorted(prev.spans + quote.spans)
            prev.end = max(prev.end, quote.end)
            continue
        out.append(quote)
    return out


def _goes_on(prev: Quote, quote: Quote, para_of: Callable[[int], int]) -> bool:
    speaker, gap = quote.speaker, para_of(quote.start) - para_of(prev.end - 1)
    if speaker is None:
        return False
    if speaker.rule == SpeakerRule.CONTINUATION:
        return gap == 1
    same = prev.speaker is not None and speaker.actor is not None and prev.speaker.actor == speaker.actor
    return quote.rule == QuoteRule.ACTION_BEAT and same and gap in (0, 1)
