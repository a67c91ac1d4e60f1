"""Read side: database rows to the response models of the v1 API."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import and_, or_
from sqlmodel import Session, col, func, select

from app import models
from app.nlp import QuoteRule, SpeakerRule
from app.schemas import (
    ActorOut,
    ActorRef,
    ArticleActorOut,
    ArticleOut,
    CueOut,
    MentionOut,
    ParagraphOut,
    QuoteOut,
    SpeakerOut,
)

Row = TypeVar("Row")
Rule = TypeVar("Rule", QuoteRule, SpeakerRule)
Key = list[int] | None


def _page(rows: Sequence[Row], limit: int, key: Callable[[Row], list[int]]) -> tuple[list[Row], Key]:
    """Trim the one extra row fetched to learn whether another page exists; give its keyset."""
    page = list(rows[:limit])
    return page, key(page[-1]) if len(rows) > limit and page else None


def _id(row: models.Article | models.Quote | models.ArticleActor | models.Actor) -> int:
    assert row.id is not None, "rows read from the database have ids"
    return row.id


def count_articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(models.Article)).one()


def list_articles(session: Session, limit: int, after: Key) -> tuple[list[ArticleOut], Key]:
    """Newest first; ids grow with ingestion, so the id is the keyset."""
    return _articles_page(session, select(models.Article), limit, after)


def _articles_page(session: Session, query: Any, limit: int, after: Key) -> tuple[list[ArticleOut], Key]:
    if after is not None:
        query = query.where(col(models.Article.id) < after[0])
    rows = session.exec(query.order_by(col(models.Article.id).desc()).limit(limit + 1)).all()
    page, key = _page(rows, limit, lambda a: [_id(a)])
    return articles_out(session, page), key


def articles_out(session: Session, articles: Sequence[models.Article]) -> list[ArticleOut]:
    ids = [a.id for a in articles]
    paragraphs: dict[int, list[ParagraphOut]] = defaultdict(list)
    rows = session.exec(
        select(models.Paragraph)
        .where(col(models.Paragraph.article_id).in_(ids))
        .order_by(col(models.Paragraph.index))
    )
    for p in rows:
        paragraphs[p.article_id].append(ParagraphOut(index=p.index, start=p.start, end=p.end, text=p.text))
    quote_counts = _counts(session, models.Quote.article_id, ids)
    actor_counts = _counts(session, models.ArticleActor.article_id, ids)
    return [
        ArticleOut(
            id=a.id,
            title=a.title,
            source=a.source,
            url=a.url,
            published_at=a.published_at,
            ingested_at=a.ingested_at,
            annotator_version=a.annotator_version,
            text=a.text,
            paragraphs=paragraphs[a.id],
            quote_count=quote_counts.get(a.id, 0),
            actor_count=actor_counts.get(a.id, 0),
        )
        for a in articles
        if a.id is not None
    ]


def _counts(session: Session, column: Any, ids: Sequence[int | None]) -> dict[int, int]:
    rows = session.exec(select(column, func.count()).where(col(column).in_(ids)).group_by(column))
    return dict(rows.all())


def article_quotes(session: Session, article_id: int, limit: int, after: Key) -> tuple[list[QuoteOut], Key]:
    return _quotes(session, select(models.Quote).where(models.Quote.article_id == article_id), limit, after)


def actor_quotes(session: Session, actor_id: int, limit: int, after: Key) -> tuple[list[QuoteOut], Key]:
    return _quotes(
        session, select(models.Quote).where(models.Quote.speaker_actor_id == actor_id), limit, after
    )


def _quotes(session: Session, query: Any, limit: int, after: Key) -> tuple[list[QuoteOut], Key]:
    """Quotes in id order, which is text order within an article (they are stored sorted)."""
    if after is not None:
        query = query.where(col(models.Quote.id) > after[0])
    rows = session.exec(query.order_by(col(models.Quote.id)).limit(limit + 1)).all()
    quotes, key = _page(rows, limit, lambda q: [_id(q)])
    names = _actor_names(
        session, {i for q in quotes for i in (q.speaker_actor_id, q.speaker_affiliation_id) if i is not None}
    )
    return [quote_out(q, names) for q in quotes], key


def _actor_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.exec(select(models.Actor.id, models.Actor.name).where(col(models.Actor.id).in_(ids)))
    return {actor_id: name for actor_id, name in rows.all() if actor_id is not None}


def quote_out(q: models.Quote, names: dict[int, str]) -> QuoteOut:
    speaker = None
    if q.speaker_text is not None and q.speaker_start is not None and q.speaker_end is not None:
        affiliation = q.speaker_affiliation_id
        speaker = SpeakerOut(
            text=q.speaker_text,
            start=q.speaker_start,
            end=q.speaker_end,
            actor_id=q.speaker_actor_id,
            name=names.get(q.speaker_actor_id) if q.speaker_actor_id is not None else None,
            anonymous=q.speaker_anonymous,
            affiliation=ActorRef(actor_id=affiliation, name=names[affiliation])
            if affiliation in names
            else None,
            rule=_member(SpeakerRule, q.speaker_rule),
        )
    cue = None
    if q.cue_text is not None and q.cue_start is not None and q.cue_end is not None:
        cue = CueOut(text=q.cue_text, start=q.cue_start, end=q.cue_end)
    assert q.id is not None
    return QuoteOut(
        id=q.id,
        article_id=q.article_id,
        paragraph=q.paragraph,
        start=q.start,
        end=q.end,
        spans=[(s, e) for s, e in q.spans],
        text=q.text,
        kind=q.kind,  # type: ignore[arg-type]
        rule=_member(QuoteRule, q.rule),
        cue=cue,
        speaker=speaker,
    )


def _member(enum: type[Rule], value: str | None) -> Rule | None:
    """A stored rule as its enum member; a value the engine no longer has reads as not recorded
    (null), so renaming a rule never breaks reading rows stored before `quotewire reannotate`."""
    return next((member for member in enum if member == value), None)


def article_actors(
    session: Session, article_id: int, limit: int, after: Key
) -> tuple[list[ArticleActorOut], Key]:
    """An article's actors, most salient first (links are stored in salience order)."""
    query = (
        select(models.ArticleActor, models.Actor)
        .join(models.Actor, col(models.Actor.id) == col(models.ArticleActor.actor_id))
        .where(models.ArticleActor.article_id == article_id)
        .order_by(col(models.ArticleActor.id))
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(col(models.ArticleActor.id) > after[0])
    rows, key = _page(session.exec(query).all(), limit, lambda row: [_id(row[0])])
    actor_ids = [actor.id for _, actor in rows]
    mentions: dict[int, list[MentionOut]] = defaultdict(list)
    for m in session.exec(
        select(models.Mention)
        .where(models.Mention.article_id == article_id, col(models.Mention.actor_id).in_(actor_ids))
        .order_by(col(models.Mention.start))
    ):
        mentions[m.actor_id].append(
            MentionOut(start=m.start, end=m.end, text=m.text, paragraph=m.paragraph, form=m.form)
        )
    quote_counts = dict(
        session.exec(
            select(col(models.Quote.speaker_actor_id), func.count())
            .where(models.Quote.article_id == article_id, col(models.Quote.speaker_actor_id).in_(actor_ids))
            .group_by(col(models.Quote.speaker_actor_id))
        ).all()
    )
    return [
        ArticleActorOut(
            id=actor.id,
            name=actor.name,
            type=actor.type,  # type: ignore[arg-type]
            country_code=actor.country_code,
            aliases=link.aliases,
            roles=link.roles,
            salience=link.salience,
            mentions=mentions[actor.id],
            quote_count=quote_counts.get(actor.id, 0),
        )
        for link, actor in rows
        if actor.id is not None
    ], key


def list_actors(
    session: Session, limit: int, after: Key, name_prefix: str | None, actor_type: str | None
) -> tuple[list[ActorOut], Key]:
    """Actors by how many articles mention them, then by id; keyset (article count, id)."""
    article_count = func.count(col(models.ArticleActor.article_id)).label("article_count")
    counted = (
        select(col(models.ArticleActor.actor_id), article_count)
        .group_by(col(models.ArticleActor.actor_id))
        .subquery()
    )
    query = select(models.Actor, counted.c.article_count).join(counted, counted.c.actor_id == models.Actor.id)
    if name_prefix:
        escaped = name_prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(col(models.Actor.name).ilike(f"{escaped}%", escape="\\"))
    if actor_type:
        query = query.where(models.Actor.type == actor_type)
    if after is not None:
        count, last_id = after
        query = query.where(
            or_(
                counted.c.article_count < count,
                and_(counted.c.article_count == count, col(models.Actor.id) > last_id),
            )
        )
    rows = session.exec(
        query.order_by(counted.c.article_count.desc(), col(models.Actor.id)).limit(limit + 1)
    ).all()
    page, key = _page(rows, limit, lambda row: [row[1], _id(row[0])])
    return actors_out(session, [actor for actor, _ in page]), key


def actors_out(session: Session, actors: Sequence[models.Actor]) -> list[ActorOut]:
    ids = [a.id for a in actors]
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[str]] = defaultdict(list)
    article_counts: dict[int, int] = defaultdict(int)
    for link in session.exec(select(models.ArticleActor).where(col(models.ArticleActor.actor_id).in_(ids))):
        aliases[link.actor_id] += link.aliases
        roles[link.actor_id] += link.roles
        article_counts[link.actor_id] += 1
    quote_counts = _counts(session, models.Quote.speaker_actor_id, ids)
    return [
        ActorOut(
            id=a.id,
            name=a.name,
            type=a.type,  # type: ignore[arg-type]
            country_code=a.country_code,
            aliases=[n for n in dict.fromkeys(aliases[a.id]) if n != a.name],
            roles=list(dict.fromkeys(roles[a.id])),
            article_count=article_counts[a.id],
            quote_count=quote_counts.get(a.id, 0),
        )
        for a in actors
        if a.id is not None
    ]


def actor_articles(session: Session, actor_id: int, limit: int, after: Key) -> tuple[list[ArticleOut], Key]:
    linked = select(models.ArticleActor.article_id).where(models.ArticleActor.actor_id == actor_id)
    return _articles_page(
        session, select(models.Article).where(col(models.Article.id).in_(linked)), limit, after
    )
