"""Read latency at 1,000 and at 100,000 stored articles: every read must stay within 1.5x.

Usage: python -m benchmarks.scale_reads [--small N] [--large N] [--rounds R] [--cache DIR]
Builds each database once with `benchmarks.corpus_loader` (copies of annotated seed articles, not
re-annotated) and reuses it while DIR/scale-N.db holds N articles. Starts the real app on both (in
this process, over httpx) and measures each read on both alternately, round after round, so that the
shared machine's noise falls on both columns alike. Every request carries a Host of its own, so the
rendered-answer cache (app/api/answer_cache.py) never answers it: the figures are the queries and the
rendering, what a first read after a write costs. Prints the median and p99 of each, and the ratio
of the medians, large over small, against the target.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import text

from app.config import Settings
from app.db import make_engine, upgrade_to_head
from app.main import create_app
from app.nlp import Annotator
from benchmarks import corpus_loader

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / "data" / "bench"
SMALL, LARGE = 1_000, 100_000
DEFAULT_ROUNDS = 300
WARMUP_ROUNDS = 20
TARGET_RATIO = 1.5
PERCENTILES = 100  # statistics.quantiles cut points: index 98 is the 99th percentile
P99 = 98
# The seed article ingested first: the same rows, ids and actors in every database.
ARTICLE = 1
# A read's path, with {article}, {speaker} and {name} filled from the stored data.
READS = (
    "/v1/articles/{article}",
    "/v1/articles/{article}/quotes",
    "/v1/articles/{article}/actors",
    "/v1/quotes",
    "/v1/quotes?speaker_id={speaker}",
    "/v1/articles?q={name}",
    "/v1/actors",
    "/v1/actors?q={name}",
    "/v1/actors/{speaker}",
    "/v1/actors/{speaker}/quotes",
)
# The speaker: the actor quoted most often in the first seed article.
_SPEAKER = text(
    "SELECT q.speaker_actor_id, a.name FROM quote q JOIN actor a ON a.id = q.speaker_actor_id "
    "WHERE q.article_id = :article GROUP BY q.speaker_actor_id, a.name "
    "ORDER BY count(*) DESC, q.speaker_actor_id LIMIT 1"
)


def database(cache: Path, articles: int, annotator: Annotator) -> str:
    """The URL of a database of `articles` articles: the cached file, else one built now."""
    path = cache / f"scale-{articles}.db"
    url = f"sqlite:///{path}"
    if path.exists():
        engine = make_engine(url)
        with engine.connect() as connection:
            stored = connection.execute(text("SELECT count(*) FROM article")).scalar_one()
        engine.dispose()
        if stored == articles:
            print(f"reusing {path} ({stored} articles)")
            return url
        path.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(url)
    engine = make_engine(url)
    started = time.perf_counter()
    corpus_loader.load(engine, annotator, articles, corpus_loader.seed_texts())
    engine.dispose()
    print(f"built {path}: {articles} articles in {time.perf_counter() - started:.0f} s")
    return url


def fill(url: str) -> dict[str, str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        speaker, name = connection.execute(_SPEAKER, {"article": ARTICLE}).one()
    engine.dispose()
    return {"article": str(ARTICLE), "speaker": str(speaker), "name": name.split()[-1]}


@asynccontextmanager
async def client_of(url: str) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=url, annotate_workers=0))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench.test") as client:
            yield client


@dataclass(frozen=True, slots=True)
class Timing:
    median_ms: float
    p99_ms: float


def timing(samples: list[float]) -> Timing:
    return Timing(statistics.median(samples), statistics.quantiles(samples, n=PERCENTILES)[P99])


async def measure(urls: list[str], rounds: int) -> dict[str, list[Timing]]:
    """Each read on each database in turn, `rounds` times after a warm-up: its timings per database."""
    samples: dict[str, list[list[float]]] = {read: [[] for _ in urls] for read in READS}
    values = fill(urls[0])
    assert values == fill(urls[-1]), "the seed article and its speaker are the same in every database"
    async with AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(client_of(url)) for url in urls]
        for number in range(WARMUP_ROUNDS + rounds):
            host = {"Host": f"round-{number}.bench.test"}  # a key the answer cache has not seen
            for read in READS:
                for client, kept in zip(clients, samples[read], strict=True):
                    started = time.perf_counter()
                    response = await client.get(read.format(**values), headers=host)
                    elapsed_ms = (time.perf_counter() - started) * 1000
                    response.raise_for_status()
                    if number >= WARMUP_ROUNDS:
                        kept.append(elapsed_ms)
    return {read: [timing(kept) for kept in per_database] for read, per_database in samples.items()}


def report(sizes: list[int], timings: dict[str, list[Timing]], values: dict[str, str]) -> None:
    small, large = sizes
    print(f"speaker {values['speaker']}, name searched {values['name']!r}; times in ms, uncached")
    header = f"{'read':<34} {f'{small:,} median':>14} {'p99':>7} {f'{large:,} median':>16} {'p99':>7}  ratio"
    print(header)
    for read, (at_small, at_large) in timings.items():
        ratio = at_large.median_ms / at_small.median_ms
        verdict = "ok" if ratio <= TARGET_RATIO else f"OVER {TARGET_RATIO}x"
        print(
            f"{read.format(**values):<34} {at_small.median_ms:>14.1f} {at_small.p99_ms:>7.1f} "
            f"{at_large.median_ms:>16.1f} {at_large.p99_ms:>7.1f}  {ratio:.2f}x {verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=SMALL)
    parser.add_argument("--large", type=int, default=LARGE)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    sizes = [args.small, args.large]
    annotator = Annotator(Settings().nlp_model)
    urls = [database(args.cache, size, annotator) for size in sizes]
    timings = asyncio.run(measure(urls, args.rounds))
    report(sizes, timings, fill(urls[0]))


if __name__ == "__main__":
    main()
