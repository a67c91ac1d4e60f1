"""The quote context: which quotations count, and the span arithmetic every rule shares."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation
from app.nlp.quote_context import QuoteContext

Annotate = Callable[[str], Annotation]


def quoted_texts(ctx: QuoteContext) -> list[str]:
    return [ctx.text[s.start : s.end] for s in ctx.segments]


def test_titles_and_noun_labels_are_not_quotations(nlp: Language) -> None:
    ctx = QuoteContext(nlp("She was on “Harbor Nights” and spoke of a “zombie” bank. He said “no more.”"))
    assert quoted_texts(ctx) == ["“no more.”"]


def test_a_chant_is_not_a_title(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Fans shouted “Go Reds! Go Reds!” at the gate."))
    assert quoted_texts(ctx) == ["“Go Reds! Go Reds!”"]


def test_segment_at_and_group_follow_a_quotation_across_paragraphs(nlp: Language) -> None:
    text = "Ann Vale spoke.\n\n“We waited.\n\n“We are still waiting,” she said."
    ctx = QuoteContext(nlp(text))
    assert quoted_texts(ctx) == ["“We waited.", "“We are still waiting,”"]
    assert ctx.segment_at(text.index("waited")) == 0
    assert ctx.segment_at(text.index("spoke")) is None
    assert ctx.group(1) == [0, 1]
    assert ctx.para_of(text.index("still")) == 2


def test_widen_stretches_content_over_a_quotation_it_touches(nlp: Language) -> None:
    text = "Ann Vale said the rent was “far too high for families” in the city."
    ctx = QuoteContext(nlp(text))
    start = text.index("the rent")
    spans, segs = ctx.widen([(start, text.index("high") + len("high"))])
    assert [text[s:e] for s, e in spans] == ["the rent was “far too high for families”"]
    assert segs == [0]
    assert ctx.kind(spans, segs) == "mixed"
    assert ctx.kind([(ctx.segments[0].start, ctx.segments[0].end)], segs) == "direct"
    assert ctx.kind(spans, []) == "indirect"


def test_token_spans_split_at_gaps_and_drop_bare_punctuation(nlp: Language) -> None:
    text = "Rents rose , Ann Vale said, and wages fell."
    ctx = QuoteContext(nlp(text))
    doc = ctx.doc
    rents, rose, comma = 0, 1, 2
    wages = next(t.i for t in doc if t.text == "wages")
    spans = ctx.token_spans([rents, rose, comma, wages, wages + 1])
    assert [text[s:e] for s, e in spans] == ["Rents rose ,", "wages fell"]


def test_lead_in_reaches_back_to_the_sentence_start(nlp: Language) -> None:
    text = "Last winter the shelter “ran out of beds every night,” Ann Vale said."
    ctx = QuoteContext(nlp(text))
    assert text[ctx.lead_in(ctx.segments[0]) :].startswith("Last winter the shelter “ran")


def test_lead_in_stops_at_a_clause_of_the_writer(nlp: Language) -> None:
    text = "Ann Vale praised the “quiet work of the volunteers,” a colleague said."
    ctx = QuoteContext(nlp(text))
    assert ctx.lead_in(ctx.segments[0]) == ctx.segments[0].start


def test_reported_words_never_include_the_dateline(nlp: Language) -> None:
    text = "Cod quota cut.\n\nTROMSO, March 3 (Reuters) - Norway will cut the quota, Kari Nordvik said."
    ctx = QuoteContext(nlp(text))
    head, whole = (0, len("Cod quota cut")), (text.index("TROMSO"), text.index(", Kari"))
    assert [text[s:e] for s, e in ctx.without_dateline([head, whole])] == [
        "Cod quota cut",
        "Norway will cut the quota",
    ]


def test_reported_words_in_a_lead_start_after_the_dateline(annotate: Annotate) -> None:
    text = "TROMSO, March 3 (Reuters) - Norway will cut the quota, Kari Nordvik said on Tuesday."
    annotation = annotate(text)
    (quote,) = annotation.quotes
    assert quote.speaker is not None and quote.speaker.actor is not None
    assert (text[quote.start : quote.end], quote.kind, annotation.actors[quote.speaker.actor].name) == (
        "Norway will cut the quota",
        "indirect",
        "Kari Nordvik",
    )
