"""A large stored corpus for read benchmarks only: N articles made by copying annotated rows.

A few seed articles go once through the real ingest (parse, annotate, store). Every other article is
a copy of one seed's rows (article, paragraphs, actor links, mentions, quotes) under new ids, a new
body hash and its own publication time, written with multi-row INSERTs, never annotated. In each copy
a seed's actor is kept (countries always, others with probability `SHARED_ACTOR_SHARE`) or replaced by
a new actor with a made-up name, so that the actor table grows as a real corpus's does: a few actors
in many articles and a long tail in one. The full-text indexes follow the inserts (SQLite's triggers,
PostgreSQL's generated columns); new actors are written with their final counts, aliases, roles and
name words, and the shared ones are recounted at the end by the app's own `ingest.refresh_actors`.

Not for production data: copies are annotations of texts that were never re-read.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text
from sqlmodel import Session, SQLModel

from app import ingest, models
from app.nlp import Annotator
from app.search import name_words

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "data" / "polnear-dev.jsonl"
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"
SEED_ARTICLES = 24
# Seed texts of a common news length: long enough to hold several actors and quotes.
SEED_CHARS = range(1500, 4500)
# Chance that a copy keeps a (non-country) seed actor rather than naming a new one.
SHARED_ACTOR_SHARE = 0.6
COPIES_PER_TRANSACTION = 500
RANDOM_SEED = 20261125
FIRST_PUBLISHED = datetime(2020, 1, 1, tzinfo=UTC)
PUBLISHED_EVERY = timedelta(minutes=7)
# Made-up names: each new actor's number written in these syllables is a name no other actor has.
SYLLABLES = ("ka", "ro", "mi", "te", "lu", "sa", "no", "vi", "de", "ra", "po", "li", "ze", "mo", "ta", "ne")
FIRST_NAME_SYLLABLES = 2


def seed_texts() -> list[str]:
    """PolNeAR dev texts of a common length when they are beside the repository, else the seed
    article varied (each variant's last paragraph differs, so each is a distinct body)."""
    if POLNEAR_DEV.exists():
        with POLNEAR_DEV.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if line.strip()]
        return [t for t in texts if len(t) in SEED_CHARS][:SEED_ARTICLES]
    seed = SEED.read_text(encoding="utf-8")
    return [f"{seed}\n\nUpdate {number}." for number in range(SEED_ARTICLES)]


def made_up_name(number: int) -> tuple[str, str]:
    """A name and its surname for new actor `number`; distinct numbers give distinct names."""
    digits = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        digits.append(SYLLABLES[digit])
        if not number:
            break
    first = "".join(digits[:FIRST_NAME_SYLLABLES]).capitalize()
    last = "".join(digits[FIRST_NAME_SYLLABLES:] or ["va"]).capitalize() + "sen"
    return f"{first} {last}", last


@dataclass
class SeedRows:
    """One seed article's stored rows, as column dicts without ids (the article's own id aside)."""

    article: dict[str, Any]
    paragraphs: list[dict[str, Any]]
    links: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    actors: dict[int, dict[str, Any]] = field(default_factory=dict)


def _rows(connection: Connection, table: Table, article_id: int) -> list[dict[str, Any]]:
    query = select(table).where(table.c.article_id == article_id).order_by(table.c.id)
    return [{k: v for k, v in row._mapping.items() if k != "id"} for row in connection.execute(query)]


def read_seed(connection: Connection, article_id: int) -> SeedRows:
    article, actor = models.Article.__table__, models.Actor.__table__  # type: ignore[attr-defined]
    row = connection.execute(select(article).where(article.c.id == article_id)).one()._mapping
    seed = SeedRows(
        article={k: v for k, v in row.items() if k != "id"},
        paragraphs=_rows(connection, models.Paragraph.__table__, article_id),  # type: ignore[attr-defined]
        links=_rows(connection, models.ArticleActor.__table__, article_id),  # type: ignore[attr-defined]
        mentions=_rows(connection, models.Mention.__table__, article_id),  # type: ignore[attr-defined]
        quotes=_rows(connection, models.Quote.__table__, article_id),  # type: ignore[attr-defined]
    )
    ids = [link["actor_id"] for link in seed.links]
    for found in connection.execute(select(actor).where(actor.c.id.in_(ids))):
        seed.actors[found.id] = dict(found._mapping)
    return seed


@dataclass
class Copier:
    """Writes copies of the seeds, numbering new articles and actors after the stored ones."""

    seeds: list[SeedRows]
    next_article: int
    next_actor: int
    chance: random.Random = field(default_factory=lambda: random.Random(RANDOM_SEED))
    pending: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def copy(self, number: int) -> None:
        seed = self.seeds[number % len(self.seeds)]
        article_id = self.next_article
        self.next_article += 1
        moment = FIRST_PUBLISHED + number * PUBLISHED_EVERY
        digest = hashlib.sha256(f"{seed.article['content_hash']}:{number}".encode()).hexdigest()
        self.pending["article"].append(
            seed.article
            | {"id": article_id, "content_hash": digest, "published_at": moment, "dated_at": moment}
            | {"ingested_at": moment}
        )
        self.pending["paragraph"] += [p | {"article_id": article_id} for p in seed.paragraphs]
        actor_of = {old: self._actor_in_copy(seed.actors[old]) for old in seed.actors}
        spoken: dict[int, int] = defaultdict(int)
        quotes = []
        for quote in seed.quotes:
            speaker, affiliation = quote["speaker_actor_id"], quote["speaker_affiliation_id"]
            copied = quote | {
                "article_id": article_id,
                "dated_at": moment,
                "speaker_actor_id": actor_of[speaker][0] if speaker is not None else None,
                "speaker_affiliation_id": actor_of[affiliation][0] if affiliation is not None else None,
            }
            if copied["speaker_actor_id"] is not None:
                spoken[copied["speaker_actor_id"]] += 1
            quotes.append(copied)
        self.pending["quote"] += quotes
        self.pending["mention"] += [
            m | {"article_id": article_id, "actor_id": actor_of[m["actor_id"]][0]} for m in seed.mentions
        ]
        for link in seed.links:
            new_id, surname = actor_of[link["actor_id"]]
            aliases = link["aliases"] if surname is None else [surname]
            self.pending["articleactor"].append(
                link | {"article_id": article_id, "actor_id": new_id, "aliases": aliases}
            )
            if surname is not None:
                self._new_actor(seed.actors[link["actor_id"]], new_id, aliases, link["roles"], spoken[new_id])

    def _actor_in_copy(self, actor: dict[str, Any]) -> tuple[int, str | None]:
        """The seed's actor and no surname when it is kept; else a new actor's id and surname."""
        if actor["country_code"] or self.chance.random() < SHARED_ACTOR_SHARE:
            return actor["id"], None
        number = self.next_actor
        self.next_actor += 1
        return number, made_up_name(number)[1]

    def _new_actor(
        self, like: dict[str, Any], actor_id: int, aliases: list[str], roles: list[str], quotes: int
    ) -> None:
        name = made_up_name(actor_id)[0]
        shown = [alias for alias in aliases if alias != name]
        self.pending["actor"].append(
            {
                "id": actor_id,
                "key": ingest.actor_key(name, like["type"], None),
                "name": name,
                "type": like["type"],
                "country_code": None,
                "article_count": 1,
                "quote_count": quotes,
                "aliases": shown,
                "roles": roles,
            }
        )
        words = dict.fromkeys(word for n in (name, *shown) for word in name_words(n))
        self.pending["actorword"] += [{"actor_id": actor_id, "word": word} for word in words]

    def flush(self, connection: Connection) -> None:
        """Insert what is pending, parents first."""
        for name in ("article", "actor", "paragraph", "articleactor", "mention", "quote", "actorword"):
            if self.pending[name]:
                connection.execute(insert(SQLModel.metadata.tables[name]), self.pending[name])
        self.pending.clear()


def _ingest_seeds(engine: Engine, annotator: Annotator, texts: list[str]) -> list[int]:
    ids = []
    with Session(engine) as session:
        for body in texts:
            article, _ = ingest.ingest(session, annotator, ingest.parse_plain_text(body))
            assert article.id is not None
            ids.append(article.id)
    return ids


def _max_id(connection: Connection, table: str) -> int:
    return int(connection.execute(select(func.max(SQLModel.metadata.tables[table].c.id))).scalar() or 0)


def _sequences_past_copies(connection: Connection) -> None:
    """PostgreSQL: move each id sequence past the ids given explicitly (SQLite's AUTOINCREMENT does)."""
    if connection.dialect.name != "postgresql":
        return
    for table in ("article", "actor"):
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        )


def batches(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def load(engine: Engine, annotator: Annotator, articles: int, texts: list[str]) -> None:
    """Fill a migrated, empty database with `articles` articles: the seed `texts` (distinct bodies)
    ingested, then copies of them."""
    seed_ids = _ingest_seeds(engine, annotator, texts)
    with engine.connect() as connection:
        seeds = [read_seed(connection, seed_id) for seed_id in seed_ids]
        copier = Copier(seeds, _max_id(connection, "article") + 1, _max_id(connection, "actor") + 1)
    for numbers in batches(max(articles - len(seed_ids), 0), COPIES_PER_TRANSACTION):
        with engine.begin() as connection:
            for number in numbers:
                copier.copy(number)
            copier.flush(connection)
    shared = {actor_id for seed in seeds for actor_id in seed.actors}
    with Session(engine) as session:
        ingest.refresh_actors(session, shared)
        ingest.bump_revision(session)
        session.commit()
    with engine.begin() as connection:
        _sequences_past_copies(connection)
