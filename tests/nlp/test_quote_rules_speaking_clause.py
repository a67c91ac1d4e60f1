"""Rule 8, speaking clause: a long quotation in a clause whose subject can speak."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from app.nlp.annotations import Annotation, QuoteRule
from app.nlp.quote_context import QuoteContext
from app.nlp.quote_rules.speaking_clause import speaking_clause
from tests.nlp.quote_views import QuoteView, quote_views

Annotate = Callable[[str], Annotation]


def test_the_clause_subject_speaks(annotate: Annotate) -> None:
    text = "Senator Kim Ode has built her campaign on “cheaper buses, safer streets and cleaner air.”"
    assert quote_views(text, annotate(text)) == [
        QuoteView(
            ("“cheaper buses, safer streets and cleaner air.”",),
            "direct",
            QuoteRule.SPEAKING_CLAUSE,
            None,
            "Senator Kim Ode",
            "Kim Ode",
        )
    ]


def test_a_short_quotation_is_no_speech(nlp: Language) -> None:
    ctx = QuoteContext(nlp("Senator Kim Ode has built her campaign on “cheaper buses.”"))
    assert speaking_clause(ctx, ctx.group(0)) is None


def test_a_subject_that_cannot_speak(nlp: Language) -> None:
    ctx = QuoteContext(nlp("The storm brought “heavy rain, strong winds and a cold night” to the coast."))
    assert speaking_clause(ctx, ctx.group(0)) is None


def test_a_quotation_named_by_a_copula_is_nobodys_speech(annotate: Annotate) -> None:
    text = "Her first editor had a rule, and it was “Never print what you cannot prove.”"
    assert annotate(text).quotes == []
