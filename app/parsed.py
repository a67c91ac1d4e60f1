"""The parse step's output: an article's paragraphs and metadata, before annotation.

Every input format (plain text, JSON, HTML pages) parses into a `ParsedArticle`; it lives apart from
`app/ingest.py` so that the HTML parser (`app/html_article.py`) and ingest can both use it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from app.schemas import MAX_TEXT_CHARS, NUL

PARAGRAPH_SEPARATOR = "\n\n"
NO_TEXT = "The article has no body text."
# Every format (a page, a plain-text body, a CLI file) ends here, so this holds whatever the parser kept.
NUL_IN_ARTICLE = "The article contains the NUL character (U+0000), which cannot be stored."


class InvalidArticle(ValueError):
    """The input cannot become an article; the message says why, for the client."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    paragraphs: list[str]
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def utc(moment: datetime) -> datetime:
    """A time in UTC, as it is stored (SQLite keeps no offset); a time without offset is taken as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def checked(article: ParsedArticle) -> ParsedArticle:
    """The article, if it has a body within the size limit and only text that can be stored."""
    if not article.paragraphs:
        raise InvalidArticle(NO_TEXT)
    if len(article.text) > MAX_TEXT_CHARS:
        raise InvalidArticle(f"The article body exceeds {MAX_TEXT_CHARS} characters.")
    if any(NUL in (text or "") for text in (article.text, article.title, article.source, article.url)):
        raise InvalidArticle(NUL_IN_ARTICLE)
    return article
