"""Corpus out: stored articles as JSONL, one `ExportedArticle` a line, built by the API's queries.

Articles are read one at a time in id order (the order they were stored), so an export of any size
runs in constant memory, and ingesting the file elsewhere creates shared actors in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, TypeVar

from sqlmodel import Session, col, select

from app import models, queries
from app.ingest import utc
from app.queries import Key
from app.schemas import ExportedArticle

Item = TypeVar("Item")
_PAGE = 500


def exported_articles(session: Session, since: datetime | None = None) -> Iterator[ExportedArticle]:
    """Every stored article (or those ingested at or after `since`), oldest id first."""
    last_id = 0
    while True:
        query = select(models.Article).where(col(models.Article.id) > last_id)
        if since is not None:
            query = query.where(col(models.Article.ingested_at) >= utc(since))
        article = session.exec(query.order_by(col(models.Article.id)).limit(1)).first()
        if article is None or article.id is None:
            return
        last_id = article.id
        yield exported(session, article)
        session.expunge_all()


def exported(session: Session, article: models.Article) -> ExportedArticle:
    """The article as `GET /v1/articles/{id}` serves it, plus all its quotes and actors."""
    assert article.id is not None
    article_id = article.id
    served = queries.articles_out(session, [article])[0]
    return ExportedArticle(
        **dict(served),
        quotes=_all_pages(lambda limit, after: queries.article_quotes(session, article_id, limit, after)),
        actors=_all_pages(lambda limit, after: queries.article_actors(session, article_id, limit, after)),
    )


def _all_pages(page: Callable[[int, Key], tuple[list[Item], Key]]) -> list[Item]:
    items, after = page(_PAGE, None)
    while after is not None:
        more, after = page(_PAGE, after)
        items += more
    return items


def write_jsonl(articles: Iterator[ExportedArticle], out: IO[str]) -> int:
    """Write one article a line; return how many."""
    count = 0
    for article in articles:
        out.write(article.model_dump_json() + "\n")
        count += 1
    return count
