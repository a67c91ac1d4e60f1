"""Read side: database rows to the response models of the v1 API."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import BigInteger, Engine, and_, false, literal, literal_column, or_, tuple_
from sqlalchemy.orm import load_only
from sqlmodel import Session, col, func, select
from sqlmodel.sql.sqltypes import UTCDateTime

from app import models
from app.ingest import utc
from app.nlp import QuoteRule, SpeakerRule
from app.nlp.annotations import QuoteKind
from app.schemas import (
    ActorOut,
    ActorRef,
    ArticleActorOut,
    ArticleOut,
    ArticleRef,
    ArticleSummary,
    CorpusQuoteOut,
    CueOut,
    MentionOut,
    ParagraphOut,
    QuoteOut,
    SpeakerOut,
)
from app.search import WORD_END, full_text, name_words, rank_key, rank_of

Row = TypeVar("Row")
Table = TypeVar("Table", models.Article, models.Actor)
Rule = TypeVar("Rule", QuoteRule, SpeakerRule)
Key = list[int] | None
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class ArticleSort(StrEnum):
    """Orders of the article list; every one ends with the id, so the order is total."""

    NEWEST = "-published_at"
    INGESTED = "-ingested_at"
    RELEVANCE = "relevance"


# The first number of a cursor names the list and order it continues, so that a cursor given to
# another list or with another `sort` is refused instead of read as a different key.
_CURSOR_TAGS = {ArticleSort.NEWEST: 1, ArticleSort.INGESTED: 2, ArticleSort.RELEVANCE: 3}
_QUOTES_TAG = 4
ARTICLE_KEY_SIZE = 3  # tag, time or rank, article id
QUOTE_KEY_SIZE = 4  # tag, article time, article id, quote id
_FOREIGN_CURSOR = "Invalid cursor: it continues another list or order; pass `next` with the same parameters."
INVALID_CURSOR = "Invalid cursor: pass the `next` value of a previous page unchanged."
# Ids, and every number of a cursor, are 64-bit signed integers (SQLite INTEGER, PostgreSQL bigint).
MIN_INT64, MAX_INT64 = -(2**63), 2**63 - 1
# Ids live in INTEGER columns: 64 bits on SQLite but 32 on PostgreSQL, so no id is above this.
MAX_ID = 2**31 - 1


class InvalidQuery(ValueError):
    """Parameters that are each valid but cannot go together; the message says why, for the client."""


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """Every filter must hold; `actor_ids` and `speaker_ids` each name actors that all must match."""

    q: str | None = None
    actor_ids: list[int] = field(default_factory=list)
    speaker_ids: list[int] = field(default_factory=list)
    source: str | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None
    sort: ArticleSort = ArticleSort.NEWEST

    def only_searches(self) -> bool:
        """Whether the search text is the only filter."""
        others = (self.source, self.published_after, self.published_before)
        return self.q is not None and not self.actor_ids and not self.speaker_ids and others == (None,) * 3


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """Every filter must hold; `kinds` is any of those kinds."""

    speaker_id: int | None = None
    actor_id: int | None = None
    article_id: int | None = None
    kinds: list[QuoteKind] = field(default_factory=list)
    anonymous: bool | None = None
    q: str | None = None
    published_after: datetime | None = None
    published_before: datetime | None = None


def _micros(moment: datetime) -> int:
    """A time as whole microseconds since 1970, for an integer cursor."""
    return (utc(moment) - _EPOCH) // _MICROSECOND


def _number(value: int) -> Any:
    """A cursor's id or count as a 64-bit bound parameter: PostgreSQL would cast it to the 32-bit type
    of the column it is compared with, so a forged number beyond 32 bits would fail instead of
    matching no row (or every row)."""
    return literal(value, BigInteger())


def _moment(micros: int) -> Any:
    """Inverse of `_micros`, as a bound parameter compared like the stored columns; InvalidQuery for a
    number no stored time can have (a cursor this API did not make)."""
    try:
        return literal(_EPOCH + micros * _MICROSECOND, UTCDateTime())
    except OverflowError as error:
        raise InvalidQuery(INVALID_CURSOR) from error


def _page(rows: Sequence[Row], limit: int, key: Callable[[Row], list[int]]) -> tuple[list[Row], Key]:
    """Trim the one extra row fetched to learn whether another page exists; give its keyset."""
    page = list(rows[:limit])
    return page, key(page[-1]) if len(rows) > limit and page else None


def _id(row: models.Article | models.Quote | models.ArticleActor | models.Actor) -> int:
    assert row.id is not None, "rows read from the database have ids"
    return row.id


def stored(session: Session, table: type[Table], row_id: int) -> Table | None:
    """The row with this id, None when there is none: also for an id beyond 64 bits, which the
    database driver would refuse with an overflow instead of finding nothing."""
    return session.get(table, row_id) if 1 <= row_id <= MAX_ID else None


def corpus_revision(engine: Engine) -> int | None:
    """How many writes the stored articles have had (None on a database without the counter)."""
    with engine.connect() as connection:
        counter = models.CorpusRevision
        found = select(counter.revision).where(counter.id == models.CORPUS_REVISION_ROW)
        return connection.execute(found).scalar_one_or_none()


def count_articles(session: Session) -> int:
    return session.exec(select(func.count()).select_from(models.Article)).one()


def count_failed_annotations(session: Session) -> int:
    failed = select(func.count()).where(models.Article.annotation_status == models.AnnotationStatus.FAILED)
    return session.exec(failed).one()


def _published_between(query: Any, after: datetime | None, before: datetime | None) -> Any:
    if after is not None:
        query = query.where(col(models.Article.published_at) >= utc(after))
    if before is not None:
        query = query.where(col(models.Article.published_at) < utc(before))
    return query


def list_articles(
    session: Session, filters: ArticleFilters, limit: int, after: Key
) -> tuple[list[ArticleSummary], Key]:
    """Articles matching every filter, in the requested order; the keyset is that order's key.

    The page is chosen on narrow rows (id, the times, the rank), so that sorting many matches of a
    search moves no article text; its articles are read after by id. Only a relevance sort ranks.
    """
    after = _untagged(after, _CURSOR_TAGS[filters.sort])
    article = models.Article
    query: Any = select(article.id, article.dated_at, article.ingested_at)
    rank: Any = None
    if filters.q is not None:
        matches = full_text(session).articles(filters.q)
        if filters.sort is ArticleSort.RELEVANCE:
            rank = matches.c.rank
            query = query.add_columns(rank).join(matches, matches.c.id == col(article.id))
        else:
            member: Any = col(article.id)
            if filters.only_searches() and full_text(session).walk_dates_for(session, filters.q, limit + 1):
                member = member + literal_column("0")  # not a lookup by id: the planner walks the dates
            query = query.where(member.in_(select(matches.c.id)))
    elif filters.sort is ArticleSort.RELEVANCE:
        raise InvalidQuery("sort=relevance needs a search text `q`.")
    for actor_id in filters.actor_ids:
        linked = select(models.ArticleActor.article_id).where(models.ArticleActor.actor_id == actor_id)
        query = query.where(col(article.id).in_(linked))
    for speaker_id in filters.speaker_ids:
        spoken = select(models.Quote.article_id).where(models.Quote.speaker_actor_id == speaker_id)
        query = query.where(col(article.id).in_(spoken))
    if filters.source is not None:
        query = query.where(article.source == filters.source)
    query = _published_between(query, filters.published_after, filters.published_before)
    if filters.sort is ArticleSort.RELEVANCE:
        if after is not None:
            query = query.where(tuple_(rank, col(article.id)) > tuple_(rank_of(after[0]), _number(after[1])))
        query = query.order_by(rank, col(article.id))
    else:
        moment = col(article.dated_at if filters.sort is ArticleSort.NEWEST else article.ingested_at)
        if after is not None:
            query = query.where(
                tuple_(moment, col(article.id)) < tuple_(_moment(after[0]), _number(after[1]))
            )
        query = query.order_by(moment.desc(), col(article.id).desc())
    rows = session.exec(query.limit(limit + 1)).all()
    page, key = _page(rows, limit, lambda row: _article_key(filters.sort, *row))
    ids = [row[0] for row in page]
    stored = {_id(a): a for a in session.exec(select(article).where(col(article.id).in_(ids)))}
    articles = [stored[article_id] for article_id in ids]
    snippets = full_text(session).snippets(session, filters.q, ids) if filters.q else {}
    return summaries_out(session, articles, snippets), key


def _article_key(
    sort: ArticleSort, article_id: int, dated_at: datetime, ingested_at: datetime, rank: float | None = None
) -> list[int]:
    tag = _CURSOR_TAGS[sort]
    if sort is ArticleSort.RELEVANCE:
        assert rank is not None, "a relevance sort reads ranks"
        return [tag, rank_key(rank), article_id]
    return [tag, _micros(dated_at if sort is ArticleSort.NEWEST else ingested_at), article_id]


def _untagged(key: Key, tag: int) -> Key:
    """A cursor's key without its tag; InvalidQuery when the tag is another list's or order's."""
    if key is None:
        return None
    if key[0] != tag:
        raise InvalidQuery(_FOREIGN_CURSOR)
    return key[1:]


def _article_counts(session: Session, ids: Sequence[int | None]) -> tuple[dict[int, int], dict[int, int]]:
    """Quotes and actors of each article."""
    return _counts(session, models.Quote.article_id, ids), _counts(
        session, models.ArticleActor.article_id, ids
    )


def summaries_out(
    session: Session, articles: Sequence[models.Article], snippets: dict[int, str]
) -> list[ArticleSummary]:
    counts = _article_counts(session, [a.id for a in articles])
    return [
        ArticleSummary(**_article_fields(a, counts), snippet=snippets.get(a.id))
        for a in articles
        if a.id is not None
    ]


def _article_fields(article: models.Article, counts: tuple[dict[int, int], dict[int, int]]) -> dict[str, Any]:
    """The fields every article shape shares: metadata and how many quotes and actors it has."""
    quote_counts, actor_counts = counts
    article_id = article.id or 0
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published_at": article.published_at,
        "ingested_at": article.ingested_at,
        "annotator_version": article.annotator_version,
        "annotation_status": article.annotation_status,
        "annotation_error": article.annotation_error,
        "quote_count": quote_counts.get(article_id, 0),
        "actor_count": actor_counts.get(article_id, 0),
    }


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
    counts = _article_counts(session, ids)
    return [
        ArticleOut(**_article_fields(a, counts), text=a.text, paragraphs=paragraphs[a.id])
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
        query = query.where(col(models.Quote.id) > _number(after[0]))
    rows = session.exec(query.order_by(col(models.Quote.id)).limit(limit + 1)).all()
    quotes, key = _page(rows, limit, lambda q: [_id(q)])
    names = _speaker_names(session, quotes)
    return [quote_out(q, names) for q in quotes], key


def list_quotes(
    session: Session, filters: QuoteFilters, limit: int, after: Key
) -> tuple[list[CorpusQuoteOut], Key]:
    """Quotes across the corpus, newest article first (as the article list), then in text order.

    Keyset (article time, article id, quote id): the article part descends, the quote part ascends.
    The page is chosen on the quote's own columns (it holds its article's time), which its indexes
    keep in this order, overall and per speaker; its quotes and articles are read after by id.
    """
    quote, article = models.Quote, models.Article
    query: Any = select(quote.id, quote.article_id, quote.dated_at)
    if filters.speaker_id is not None:
        query = query.where(quote.speaker_actor_id == filters.speaker_id)
    if filters.actor_id is not None:
        linked = select(models.ArticleActor.article_id).where(
            models.ArticleActor.actor_id == filters.actor_id
        )
        query = query.where(col(quote.article_id).in_(linked))
    if filters.article_id is not None:
        query = query.where(quote.article_id == filters.article_id)
    if filters.kinds:
        query = query.where(col(quote.kind).in_(filters.kinds))
    if filters.anonymous is not None:
        query = query.where(quote.speaker_anonymous == filters.anonymous)
    if filters.q is not None:
        query = query.where(col(quote.id).in_(select(full_text(session).quotes(filters.q).c.id)))
    after_time, before_time = filters.published_after, filters.published_before
    if after_time is not None or before_time is not None:
        query = _published_between(query.join(article), after_time, before_time)
        # A published article's time is its publication: the same bounds on the quote's copy of it
        # let the order's index seek to them.
        if after_time is not None:
            query = query.where(col(quote.dated_at) >= utc(after_time))
        if before_time is not None:
            query = query.where(col(quote.dated_at) < utc(before_time))
    after = _untagged(after, _QUOTES_TAG)
    if after is not None:
        moment, article_id, quote_id = _moment(after[0]), _number(after[1]), _number(after[2])
        same_article = and_(col(quote.dated_at) == moment, col(quote.article_id) == article_id)
        query = query.where(
            or_(
                tuple_(col(quote.dated_at), col(quote.article_id)) < tuple_(moment, article_id),
                and_(same_article, col(quote.id) > quote_id),
            )
        )
    query = query.order_by(col(quote.dated_at).desc(), col(quote.article_id).desc(), col(quote.id))
    rows, key = _page(
        session.exec(query.limit(limit + 1)).all(),
        limit,
        lambda row: [_QUOTES_TAG, _micros(row[2]), row[1], row[0]],
    )
    quote_ids = [quote_id for quote_id, _, _ in rows]
    quotes = {_id(q): q for q in session.exec(select(quote).where(col(quote.id).in_(quote_ids)))}
    # Only the columns an ArticleRef shows: an article's text may be long.
    shown = load_only(*(getattr(article, name) for name in ArticleRef.model_fields))
    refs = select(article).options(shown).where(col(article.id).in_({a for _, a, _ in rows}))
    articles = {
        _id(a): ArticleRef(id=_id(a), title=a.title, source=a.source, url=a.url, published_at=a.published_at)
        for a in session.exec(refs)
    }
    names = _speaker_names(session, list(quotes.values()))
    return [
        CorpusQuoteOut(**_quote_fields(quotes[quote_id], names), article=articles[article_id])
        for quote_id, article_id, _ in rows
    ], key


def _speaker_names(session: Session, quotes: Sequence[models.Quote]) -> dict[int, str]:
    """Names of the actors these quotes are spoken by or affiliated with."""
    return _actor_names(
        session, {i for q in quotes for i in (q.speaker_actor_id, q.speaker_affiliation_id) if i is not None}
    )


def _actor_names(session: Session, ids: set[int]) -> dict[int, str]:
    rows = session.exec(select(models.Actor.id, models.Actor.name).where(col(models.Actor.id).in_(ids)))
    return {actor_id: name for actor_id, name in rows.all() if actor_id is not None}


def quote_out(q: models.Quote, names: dict[int, str]) -> QuoteOut:
    return QuoteOut(**_quote_fields(q, names))


def _quote_fields(q: models.Quote, names: dict[int, str]) -> dict[str, Any]:
    """A quote row as the fields of QuoteOut (and of the models extending it)."""
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
    return {
        "id": _id(q),
        "article_id": q.article_id,
        "paragraph": q.paragraph,
        "start": q.start,
        "end": q.end,
        "spans": [(s, e) for s, e in q.spans],
        "text": q.text,
        "kind": q.kind,
        "rule": _member(QuoteRule, q.rule),
        "cue": cue,
        "speaker": speaker,
    }


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
        .join(models.Actor)
        .where(models.ArticleActor.article_id == article_id)
        .order_by(col(models.ArticleActor.id))
        .limit(limit + 1)
    )
    if after is not None:
        query = query.where(col(models.ArticleActor.id) > _number(after[0]))
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
    """Actors by how many articles mention them, then by id; keyset (article count, id).

    `name_prefix`: each of its words starts a word of the actor's name or of one of its aliases,
    case and accents aside ("maduro", "guai", "u.s.").
    """
    actor = models.Actor
    query: Any = select(actor)
    if name_prefix is not None:
        words = name_words(name_prefix)
        if not words:
            query = query.where(false())
        for word in words:
            starting = select(models.ActorWord.actor_id).where(
                col(models.ActorWord.word) >= word, col(models.ActorWord.word) < word + WORD_END
            )
            query = query.where(col(actor.id).in_(starting))
    if actor_type:
        query = query.where(actor.type == actor_type)
    ranked = query.order_by(col(actor.article_count).desc(), col(actor.id))
    if after is None:
        rows = list(session.exec(ranked.limit(limit + 1)).all())
    else:
        # Two index ranges instead of one OR: the rest of the cursor's count, then every lower count.
        count, last_id = _number(after[0]), _number(after[1])
        rows = list(
            session.exec(ranked.where(actor.article_count == count, col(actor.id) > last_id).limit(limit + 1))
        )
        if len(rows) <= limit:
            lower = ranked.where(col(actor.article_count) < count).limit(limit + 1 - len(rows))
            rows += session.exec(lower).all()
    page, key = _page(rows, limit, lambda row: [row.article_count, _id(row)])
    return actors_out(page), key


def actors_out(actors: Sequence[models.Actor]) -> list[ActorOut]:
    """Actor rows as the API shows them: every figure is stored on the row (`ingest.refresh_actors`)."""
    return [
        ActorOut(
            id=a.id,
            name=a.name,
            type=a.type,  # type: ignore[arg-type]
            country_code=a.country_code,
            aliases=a.aliases,
            roles=a.roles,
            article_count=a.article_count,
            quote_count=a.quote_count,
        )
        for a in actors
        if a.id is not None
    ]


def actor_articles(
    session: Session, actor_id: int, limit: int, after: Key
) -> tuple[list[ArticleSummary], Key]:
    return list_articles(session, ArticleFilters(actor_ids=[actor_id]), limit, after)
