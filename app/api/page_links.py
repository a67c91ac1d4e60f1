"""`html_url`: where people read an article the API serves, absolute and built from the request
as the `Link` headers are (so it names the host and scheme the client used)."""

from __future__ import annotations

from typing import TypeVar

from fastapi import Request

from app.schemas import ArticleOut, ArticleSummary, Page

ARTICLE_PAGE = "article-page"  # the name of the page route, app/web/pages.py

Article = TypeVar("Article", ArticleOut, ArticleSummary)


def with_html_url(request: Request, article: Article) -> Article:
    return article.model_copy(update={"html_url": str(request.url_for(ARTICLE_PAGE, article_id=article.id))})


def page_with_html_urls(request: Request, page: Page[ArticleSummary]) -> Page[ArticleSummary]:
    return Page(items=[with_html_url(request, item) for item in page.items], next=page.next)
