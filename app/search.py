"""Full-text search behind one small interface, and the folded words of actor names.

The SQL backend answers with subqueries that the list queries join, so a search composes with every
other filter and sort. SQLite's FTS5 is the one backend today; PostgreSQL can supply its own
(`tsvector`) by implementing `FullText`. Keeping an index in step with its table is the schema's job,
not the caller's: migration 0003 adds triggers, so every write (ORM, raw SQL, cascading delete)
updates the index in the same transaction.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Subquery, false, func, literal_column, select
from sqlmodel import Session

from app.models import ARTICLE_FTS, QUOTE_FTS

MARK_START = "<mark>"
MARK_END = "</mark>"
ELLIPSIS = "…"
SNIPPET_TOKENS = 24
# bm25 weight of a match in the title against one in the body (FTS5's default weight, 1): a title says
# what the article is about.
TITLE_WEIGHT = 4.0
# Past the last Unicode code point: `word < prefix + WORD_END` bounds a prefix range in an index.
WORD_END = "\U0010ffff"

_WORD = re.compile(r"\w+")
# Breaks between the words of a name; dots and apostrophes join ("U.S." is one word, "us"). Any
# other sign stays part of its word ("AT&T"), so "%x" looks for a word starting with "%x".
_NAME_BREAK = re.compile(r"[\s\-‐–—/,;:()]+")
_NAME_JOINER = re.compile(r"[.'’]")


def fold(text: str) -> str:
    """Lower case without accents: 'Guaidó' -> 'guaido'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_words(name: str) -> list[str]:
    """The folded words of a name or alias, dots and apostrophes dropped ('U.S.' -> 'us')."""
    words = (_NAME_JOINER.sub("", part) for part in _NAME_BREAK.split(fold(name)))
    return list(dict.fromkeys(w for w in words if w))


def _matching(table: Any, query: str) -> Any:
    """The condition that a full-text row holds every word of the user's text (each word quoted, so
    no operator syntax); a text without a word matches nothing."""
    words = _WORD.findall(query)
    if not words:
        return false()
    return table.op("MATCH")(" ".join(f'"{word}"' for word in words))


def rank_key(rank: float) -> int:
    """A float rank as an int with the same order, for an integer keyset cursor (exact round trip)."""
    bits: int = struct.unpack("<q", struct.pack("<d", rank))[0]
    return bits if bits >= 0 else -(bits & 0x7FFFFFFFFFFFFFFF)


def rank_of(key: int) -> float:
    """Inverse of `rank_key`."""
    bits = key if key >= 0 else (-key) | -0x8000000000000000
    rank: float = struct.unpack("<d", struct.pack("<q", bits))[0]
    return rank


class FullText(Protocol):
    """What the list queries need from a full-text backend."""

    def articles(self, query: str) -> Subquery:
        """Articles matching `query` (title or body): columns `id` and `rank` (lower = better)."""
        ...

    def quotes(self, query: str) -> Subquery:
        """Quotes whose words match `query`: column `id`."""
        ...

    def snippets(self, session: Session, query: str, article_ids: Sequence[int]) -> dict[int, str]:
        """Each article's best matching passage, matches between MARK_START and MARK_END."""
        ...


class Fts5:
    """SQLite FTS5 (tables and triggers of migration 0003, tokenizer porter + unicode61)."""

    def articles(self, query: str) -> Subquery:
        table: Any = literal_column(ARTICLE_FTS.name)
        return (
            select(
                literal_column("rowid").label("id"),
                func.bm25(table, TITLE_WEIGHT).label("rank"),
            )
            .select_from(ARTICLE_FTS)
            .where(_matching(table, query))
            .subquery("article_match")
        )

    def quotes(self, query: str) -> Subquery:
        table: Any = literal_column(QUOTE_FTS.name)
        return (
            select(literal_column("rowid").label("id"))
            .select_from(QUOTE_FTS)
            .where(_matching(table, query))
            .subquery("quote_match")
        )

    def snippets(self, session: Session, query: str, article_ids: Sequence[int]) -> dict[int, str]:
        table: Any = literal_column(ARTICLE_FTS.name)
        rowid: Any = literal_column("rowid")
        snippet: Any = func.snippet(table, -1, MARK_START, MARK_END, ELLIPSIS, SNIPPET_TOKENS)
        rows = session.execute(
            select(rowid, snippet)
            .select_from(ARTICLE_FTS)
            .where(_matching(table, query), rowid.in_(article_ids))
        )
        return {article_id: text for article_id, text in rows.all()}


FULL_TEXT: FullText = Fts5()
