"""Latency of `GET /v1/quotes?speaker_id=` over a corpus of stored articles, through the real app.

Usage: python -m benchmarks.quotes_query [--articles N] [--rounds R]
The seed article is annotated once; the other N-1 articles are copies of its rows made in SQL
(article, paragraphs, actor links, mentions, quotes; the full-text triggers index each copy), each
with its own body hash and publication day. The speaker is the seed's most quoted actor, so every
article holds quotes of it. Prints the median and best time of a first page (default limit) and the
article count; target: under 20 ms at 1,000 articles.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import Engine, text

from app.config import Settings
from app.db import make_engine
from app.main import create_app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"
DEFAULT_ARTICLES = 1000
DEFAULT_ROUNDS = 50
TARGET_MS = 20.0

_ARTICLE = (
    "INSERT INTO article (id, title, source, url, published_at, ingested_at, dated_at, text, "
    "content_hash, annotator_version) "
    "SELECT :copy, title, source, url, datetime('2020-01-01', '+' || :copy || ' days'), ingested_at, "
    "datetime('2020-01-01', '+' || :copy || ' days'), text, content_hash || '-' || :copy, "
    "annotator_version FROM article WHERE id = :seed"
)
# Every other table: copy the seed's rows with the new article id (ids are assigned afresh).
_CHILDREN = {
    "paragraph": 'article_id, "index", start, "end", text',
    "articleactor": "article_id, actor_id, aliases, roles, salience",
    "mention": 'article_id, actor_id, paragraph, start, "end", text, form',
    "quote": 'article_id, paragraph, start, "end", spans, text, kind, cue_text, cue_start, cue_end, '
    "speaker_text, speaker_start, speaker_end, speaker_anonymous, speaker_actor_id, "
    "speaker_affiliation_id, rule, speaker_rule",
}

_QUOTE_TIMES = "UPDATE quote SET dated_at = (SELECT a.dated_at FROM article a WHERE a.id = quote.article_id)"


def copy_articles(engine: Engine, seed_id: int, articles: int) -> None:
    with engine.begin() as connection:
        for copy in range(seed_id + 1, seed_id + articles):
            connection.execute(text(_ARTICLE), {"copy": copy, "seed": seed_id})
            for table, columns in _CHILDREN.items():
                rest = columns.split(", ", 1)[1]
                copied = f"SELECT :copy, {rest} FROM {table} WHERE article_id = :seed"
                connection.execute(
                    text(f"INSERT INTO {table} ({columns}) {copied}"), {"copy": copy, "seed": seed_id}
                )
        # Each quote holds its article's time (the copies' are new).
        connection.execute(text(_QUOTE_TIMES))


def most_quoted_speaker(engine: Engine) -> int:
    with engine.connect() as connection:
        speaker: int = connection.execute(
            text(
                "SELECT speaker_actor_id FROM quote WHERE speaker_actor_id IS NOT NULL "
                "GROUP BY speaker_actor_id ORDER BY count(*) DESC, speaker_actor_id LIMIT 1"
            )
        ).scalar_one()
    return speaker


async def measure(articles: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app(Settings(database_url=url))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench.test") as client:
                seed = await client.post(
                    "/v1/articles", content=SEED.read_bytes(), headers={"Content-Type": "text/plain"}
                )
                seed.raise_for_status()
                engine = make_engine(url)
                copy_articles(engine, seed.json()["id"], articles)
                speaker = most_quoted_speaker(engine)
                with engine.connect() as connection:
                    stored = connection.execute(text("SELECT count(*) FROM article")).scalar_one()
                    spoken = connection.execute(
                        text("SELECT count(*) FROM quote WHERE speaker_actor_id = :s"), {"s": speaker}
                    ).scalar_one()
                engine.dispose()
                times = []
                for _ in range(rounds):
                    started = time.perf_counter()
                    response = await client.get("/v1/quotes", params={"speaker_id": speaker})
                    times.append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()
                items = len(response.json()["items"])
    median = statistics.median(times)
    print(f"articles stored: {stored}; quotes by speaker {speaker}: {spoken}; page of {items}")
    best = min(times)
    print(
        f"GET /v1/quotes?speaker_id={speaker}: median {median:.1f} ms, best {best:.1f} ms ({rounds} rounds)"
    )
    print(f"target < {TARGET_MS:.0f} ms: {'met' if median < TARGET_MS else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    args = parser.parse_args()
    asyncio.run(measure(args.articles, args.rounds))


if __name__ == "__main__":
    main()
