"""What the article page shows, from the API's own answers: the text as nested highlights, and
"who said what" grouped by speaker. No database and no HTML here: the template renders it."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.schemas import ArticleActorOut, ArticleOut, QuoteOut
from app.web.markup import Highlight, Layer, MarkedParagraph, mark_up


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is by, as a reader sees it: a linked actor, or the article's words for an
    unnamed source (with the actor it belongs to, when the article names one)."""

    name: str | None
    actor_id: int | None = None
    affiliation: str | None = None
    affiliation_id: int | None = None

    @classmethod
    def of(cls, quote: QuoteOut) -> Speaker:
        speaker = quote.speaker
        if speaker is None:
            return cls(name=None)
        affiliation = speaker.affiliation
        return cls(
            name=speaker.name if speaker.actor_id is not None else speaker.text,
            actor_id=speaker.actor_id,
            affiliation=affiliation.name if affiliation else None,
            affiliation_id=affiliation.actor_id if affiliation else None,
        )


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """A quote span's highlight: the quote, its speaker, and which of its spans this is."""

    quote: QuoteOut
    speaker: Speaker
    span: int


@dataclass(frozen=True, slots=True)
class MentionMark:
    actor: ArticleActorOut


Mark = QuoteMark | MentionMark


@dataclass(slots=True)
class SpeakerGroup:
    speaker: Speaker
    quotes: list[QuoteOut] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: ArticleOut
    paragraphs: list[MarkedParagraph[Mark]]
    actors: list[ArticleActorOut]
    speakers: list[SpeakerGroup]


def _highlights(quotes: list[QuoteOut], actors: list[ArticleActorOut]) -> list[Highlight[Mark]]:
    """One highlight per quote span (all of a quote's share its group) and one per mention."""
    marks: list[Highlight[Mark]] = [
        Highlight(start, end, Layer.QUOTE, ("quote", quote.id), QuoteMark(quote, Speaker.of(quote), index))
        for quote in quotes
        for index, (start, end) in enumerate(quote.spans)
    ]
    marks += [
        Highlight(m.start, m.end, Layer.MENTION, ("mention", actor.id, m.start), MentionMark(actor))
        for actor in actors
        for m in actor.mentions
    ]
    return marks


def _speaker_groups(quotes: list[QuoteOut]) -> list[SpeakerGroup]:
    """Quotes by speaker, speakers in the order they are first quoted; unnamed sources by their
    words ("a U.S. official"), quotes with no source together."""
    groups: dict[int | str | None, SpeakerGroup] = {}
    for quote in quotes:
        speaker = Speaker.of(quote)
        key = speaker.actor_id if speaker.actor_id is not None else speaker.name
        groups.setdefault(key, SpeakerGroup(speaker)).quotes.append(quote)
    return list(groups.values())


def article_view(article: ArticleOut, quotes: list[QuoteOut], actors: list[ArticleActorOut]) -> ArticleView:
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    return ArticleView(
        article=article,
        paragraphs=mark_up(article.text, paragraphs, _highlights(quotes, actors)),
        actors=actors,
        speakers=_speaker_groups(quotes),
    )
