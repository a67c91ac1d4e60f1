"""Full-text search behind one small interface, and the folded words of actor names.

The SQL backend answers with subqueries that the list queries join, so a search composes with every
other filter and sort: SQLite's FTS5 (`Fts5`) or PostgreSQL's `tsvector` (`PgFullText`), chosen by
the session's database (`full_text`). Keeping an index in step with its table is the schema's job,
not the caller's: migration 0003 adds FTS5 triggers, or generated tsvector columns, so every write
(ORM, raw SQL, cascading delete) updates the index in the same transaction.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Double, Subquery, Table, case, cast, column, false, func, literal_column, select, table
from sqlmodel import Session

from app.models import ARTICLE_FTS, PG_SEARCH_VECTOR, QUOTE_FTS, Article

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


def shows_body(body_passage: str, title_passage: str) -> bool:
    """A snippet is the body's passage when the body matches, the title's only when the title alone
    does: a list shows the title beside the snippet already, and every backend must choose alike."""
    return MARK_START in body_passage or MARK_START not in title_passage


def _fts_column(index: Table, name: str) -> int:
    """A column's position in an FTS5 index, as its auxiliary functions (snippet) number them."""
    return [column.name for column in index.columns].index(name)


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

    def walk_dates_for(self, session: Session, query: str, page_rows: int) -> bool:
        """Whether a date-ordered page of `page_rows` matches, with no other filter, is found faster
        by walking the articles' date index and testing each for a match than by looking every match
        up: where the database's own planner cannot tell (SQLite), the backend counts."""
        ...


class Fts5:
    """SQLite FTS5 (tables and triggers of migration 0003, tokenizer porter + unicode61)."""

    def walk_dates_for(self, session: Session, query: str, page_rows: int) -> bool:
        """SQLite looks every match up by id, then sorts them: one row read per match, however many.
        Walking the date index instead reads about `page_rows` x articles / matches rows (matches
        spread over time as articles are), so it is taken when that is fewer than the matches. The
        FTS5 count reads only the index's document list; the highest id bounds the article count
        without a scan (ids are never reused)."""
        table: Any = literal_column(ARTICLE_FTS.name)
        counted = select(func.count()).select_from(ARTICLE_FTS).where(_matching(table, query))
        matches: int = session.execute(counted).scalar_one()
        articles: int = session.execute(select(func.max(Article.id))).scalar_one() or 0
        return matches > 0 and page_rows * articles < matches * matches

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
        body, title = (
            func.snippet(table, column, MARK_START, MARK_END, ELLIPSIS, SNIPPET_TOKENS)
            for column in (_fts_column(ARTICLE_FTS, "text"), _fts_column(ARTICLE_FTS, "title"))
        )
        rows = session.execute(
            select(rowid, body, func.coalesce(title, ""))
            .select_from(ARTICLE_FTS)
            .where(_matching(table, query), rowid.in_(article_ids))
        )
        return {
            article_id: body_passage if shows_body(body_passage, title_passage) else title_passage
            for article_id, body_passage, title_passage in rows.all()
        }


# PostgreSQL (migration 0003): the text search configuration and the generated tsvector columns.
PG_CONFIG = "quotewire"
_PG_CONFIG_SQL: Any = literal_column(f"'{PG_CONFIG}'")
_PG_ARTICLE = table("article", column("id"), column("title"), column("text"), column(PG_SEARCH_VECTOR))
_PG_QUOTE = table("quote", column("id"), column(PG_SEARCH_VECTOR))
# ts_rank's weights of the labels D, C, B, A: the body is B, the title A, TITLE_WEIGHT times as much.
_PG_WEIGHTS = f"{{0, 0, {1 / TITLE_WEIGHT}, 1}}"
# ts_headline's options: the one passage of SNIPPET_TOKENS words around the best match (as FTS5's
# snippet), or, for a document no longer than that, all of it.
_PG_MARKS = f"StartSel={MARK_START}, StopSel={MARK_END}"
_PG_PASSAGE = (
    f"{_PG_MARKS}, MaxFragments=1, MaxWords={SNIPPET_TOKENS}, MinWords={SNIPPET_TOKENS - 1}, ShortWord=0"
)
_PG_WHOLE = f"{_PG_MARKS}, HighlightAll=true"


def _pg_query(query: str) -> Any:
    """The user's words as a tsquery that needs all of them (words only: no operator syntax)."""
    return func.plainto_tsquery(_PG_CONFIG_SQL, " ".join(_WORD.findall(query)))


def _pg_matching(vector: Any, query: str) -> Any:
    return vector.op("@@")(_pg_query(query)) if _WORD.search(query) else false()


class PgFullText:
    """PostgreSQL tsvector columns with GIN indexes (migration 0003), ranked by ts_rank; snippets by
    ts_headline, with an ellipsis where the passage stops short of the text's start or end, as FTS5's."""

    def walk_dates_for(self, session: Session, query: str, page_rows: int) -> bool:
        """PostgreSQL's planner weighs the two walks itself, from the GIN index's statistics."""
        return False

    def articles(self, query: str) -> Subquery:
        vector = _PG_ARTICLE.c[PG_SEARCH_VECTOR]
        rank = func.ts_rank(literal_column(f"'{_PG_WEIGHTS}'"), vector, _pg_query(query))
        # Negated (lower is better, as bm25) and as a double, so a cursor's float round-trips exactly.
        return (
            select(_PG_ARTICLE.c.id.label("id"), cast(-rank, Double).label("rank"))
            .where(_pg_matching(vector, query))
            .subquery("article_match")
        )

    def quotes(self, query: str) -> Subquery:
        return (
            select(_PG_QUOTE.c.id.label("id"))
            .where(_pg_matching(_PG_QUOTE.c[PG_SEARCH_VECTOR], query))
            .subquery("quote_match")
        )

    def snippets(self, session: Session, query: str, article_ids: Sequence[int]) -> dict[int, str]:
        article, tsquery = _PG_ARTICLE, _pg_query(query)
        title = func.coalesce(article.c.title, "")
        rows = session.execute(
            select(
                article.c.id,
                article.c.text,
                _headline(article.c.text, tsquery),
                title,
                _headline(title, tsquery),
            ).where(_pg_matching(article.c[PG_SEARCH_VECTOR], query), article.c.id.in_(article_ids))
        )
        return {
            article_id: (
                _with_ellipses(text_passage, text)
                if shows_body(text_passage, title_passage)
                else _with_ellipses(title_passage, title_text)
            )
            for article_id, text, text_passage, title_text, title_passage in rows.all()
        }


# ts_headline's parser reads "<...>" as an HTML tag and leaves it out of the passage; the snippet is
# the article's plain text, so angle brackets pass through it as two private-use characters.
_PG_TAG_SIGNS = "<>"
_PG_STAND_INS = "\ue000\ue001"
_RESTORE_TAG_SIGNS = str.maketrans(_PG_STAND_INS, _PG_TAG_SIGNS)


def _headline(document: Any, tsquery: Any) -> Any:
    document = func.translate(document, _PG_TAG_SIGNS, _PG_STAND_INS)
    words = func.regexp_count(document, r"\w+")  # as FTS5 counts tokens, roughly
    return case(
        (words <= SNIPPET_TOKENS, func.ts_headline(_PG_CONFIG_SQL, document, tsquery, _PG_WHOLE)),
        else_=func.ts_headline(_PG_CONFIG_SQL, document, tsquery, _PG_PASSAGE),
    )


def _with_ellipses(passage: str, document: str) -> str:
    """The passage, its angle brackets restored, with "…" on each side where the document goes on."""
    passage = passage.translate(_RESTORE_TAG_SIGNS)
    plain = passage.replace(MARK_START, "").replace(MARK_END, "")
    start = document.find(plain)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if start >= 0 and start + len(plain) < len(document) else ""
    return f"{before}{passage}{after}"


_BACKENDS: dict[str, FullText] = {"sqlite": Fts5(), "postgresql": PgFullText()}


def full_text(session: Session) -> FullText:
    """The full-text backend of the session's database."""
    return _BACKENDS[session.get_bind().dialect.name]
