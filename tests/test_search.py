"""app/search.py: folded name words, rank keys, and FTS5 kept in step with its tables by the schema."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlmodel import Session, select

from app import ingest, models
from app.db import alembic_config
from app.nlp import Annotator
from app.nlp.annotations import Annotation
from app.search import (
    MARK_END,
    MARK_START,
    TITLE_WEIGHT,
    Fts5,
    PgFullText,
    _with_ellipses,
    fold,
    full_text,
    name_words,
    rank_key,
    rank_of,
)
from tests.conftest import Backend

WATER_BOARD = (
    "Renée Dufrêne met the Vessby Water Board (VWB) in Brannholm.\n\n"
    "“We agree on the flood plan,” Dufrêne said.\n\nThe VWB said it would pay."
)


def test_fold_drops_case_and_accents() -> None:
    assert fold("Renée DUFRÊNE") == "renee dufrene"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Renée Dufrêne", ["renee", "dufrene"]),
        ("U.S.", ["us"]),
        ("Q.B. Quillan", ["qb", "quillan"]),
        ("Jean-Luc O’Neill", ["jean", "luc", "oneill"]),
        ("AT&T", ["at&t"]),
        ("Vessby Water Board (VWB)", ["vessby", "water", "board", "vwb"]),
        ("Wirt, Wirt", ["wirt"]),
        ("...", []),
    ],
)
def test_name_words(name: str, words: list[str]) -> None:
    assert name_words(name) == words


def test_rank_keys_keep_the_order_of_ranks_and_round_trip() -> None:
    ranks = [-12.5, -3.25, -1e-9, 0.0, 1e-9, 2.0, 1e300]
    keys = [rank_key(r) for r in ranks]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(ranks)
    assert [rank_of(k) for k in keys] == ranks


def test_rank_keys_round_trip_bit_for_bit_even_at_zero() -> None:
    """The round trip is exact to the bit: 0.0 comes back as 0.0, not as -0.0 (equal to it as a number)."""
    ranks = [-2.5, 0.0, 2.5]
    assert [rank_of(rank_key(r)).hex() for r in ranks] == [r.hex() for r in ranks]


def article_ids(session: Session, query: str) -> list[int]:
    matches = full_text(session).articles(query)
    return sorted(row.id for row in session.execute(matches.select()))


def quote_ids(session: Session, query: str) -> list[int]:
    return sorted(row.id for row in session.execute(full_text(session).quotes(query).select()))


ARTICLE = (
    "INSERT INTO article (id, title, text, content_hash, annotator_version, ingested_at) "
    "VALUES (:id, :title, :text, :hash, 'v', '2026-11-01 00:00:00')"
)
QUOTE = (
    'INSERT INTO quote (id, article_id, paragraph, start, "end", spans, text, kind, speaker_anonymous) '
    "VALUES (:id, :article, 0, 0, 1, '[[0, 1]]', :text, 'direct', FALSE)"
)


def test_every_kind_of_write_keeps_the_index_in_step(engine: Engine, session: Session) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Ferry", "text": "The harbour froze.", "hash": "a"}
        )
        connection.execute(
            text(ARTICLE), {"id": 2, "title": "Snow", "text": "The harbour opened.", "hash": "b"}
        )
        connection.execute(text(QUOTE), {"id": 1, "article": 1, "text": "“Ice everywhere,”"})
        connection.execute(text(QUOTE), {"id": 2, "article": 2, "text": "“No ice,”"})
    assert article_ids(session, "harbour") == [1, 2]
    assert article_ids(session, "ferry") == [1]
    assert quote_ids(session, "ice") == [1, 2]
    with engine.begin() as connection:
        connection.execute(text("UPDATE article SET title = 'Ice road' WHERE id = 2"))
        connection.execute(text("UPDATE article SET source = 'Wire' WHERE id = 1"))
    assert article_ids(session, "snow") == []
    assert article_ids(session, "ice road") == [2]
    assert article_ids(session, "ferry") == [1]
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM article WHERE id = 1"))  # cascades to its quote
    assert article_ids(session, "harbour") == [2]
    assert quote_ids(session, "ice") == [2]


@pytest.fixture
def harbour_in_body_then_title(engine: Engine) -> None:
    """Article 1 says "harbour" in its body, article 2 in its title; the columns' lengths match."""
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Road", "text": "Ice closed the harbour.", "hash": "a"}
        )
        connection.execute(
            text(ARTICLE), {"id": 2, "title": "Harbour", "text": "Ice closed the road.", "hash": "b"}
        )


@pytest.mark.usefixtures("harbour_in_body_then_title")
def test_a_title_match_outranks_the_same_match_in_the_body(session: Session) -> None:
    """Same word, same column lengths relative to their averages: only the title weight separates them."""
    matches = full_text(session).articles("harbour")
    ranked = session.execute(matches.select().order_by(matches.c.rank)).all()
    assert [row.id for row in ranked] == [2, 1]
    assert ranked[0].rank < ranked[1].rank


@pytest.mark.usefixtures("harbour_in_body_then_title")
def test_postgresql_ranks_a_title_match_title_weight_times_the_same_match_in_the_body(
    backend: Backend, session: Session
) -> None:
    """ts_rank with our label weights, not its defaults (which weigh a title 2.5 times a body)."""
    if backend is not Backend.POSTGRESQL:
        pytest.skip("ts_rank's weights; FTS5's bm25 also weighs the rarity and length of the match")
    matches = full_text(session).articles("harbour")
    title_rank, body_rank = session.execute(select(matches.c.rank).order_by(matches.c.id.desc())).scalars()
    assert title_rank / body_rank == pytest.approx(TITLE_WEIGHT)


def test_a_rolled_back_write_leaves_no_trace_in_the_index(engine: Engine, session: Session) -> None:
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Ferry", "text": "The harbour froze.", "hash": "a"}
        )
        raise RuntimeError("abort")
    assert article_ids(session, "harbour") == []


def test_snippets_mark_matches(engine: Engine, session: Session) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": None, "text": "Ice closed the harbour.", "hash": "a"}
        )
    assert full_text(session).snippets(session, "harbours", [1]) == {
        1: f"Ice closed the {MARK_START}harbour{MARK_END}."
    }
    assert full_text(session).snippets(session, "harbour", [2]) == {}


def test_snippets_leave_out_the_asked_articles_that_do_not_match(engine: Engine, session: Session) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Ferry", "text": "The harbour froze.", "hash": "a"}
        )
        connection.execute(text(ARTICLE), {"id": 2, "title": "Snow", "text": "The road froze.", "hash": "b"})
    assert full_text(session).snippets(session, "harbour", [1, 2]) == {
        1: f"The {MARK_START}harbour{MARK_END} froze."
    }


def test_a_snippet_is_the_body_passage_when_title_and_body_both_match(
    engine: Engine, session: Session
) -> None:
    """Every backend alike: the title is shown beside the snippet already."""
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Harbour news", "text": "Ice closed the harbour.", "hash": "a"}
        )
    assert full_text(session).snippets(session, "harbour", [1]) == {
        1: f"Ice closed the {MARK_START}harbour{MARK_END}."
    }


def test_snippets_mark_a_word_matched_without_its_accents(engine: Engine, session: Session) -> None:
    """A short body is marked whole, a long one as a passage: each by the index's own folding."""
    filler = " ".join(f"w{n}" for n in range(30))
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Board", "text": "Renée Dufrêne met the board.", "hash": "a"}
        )
        connection.execute(
            text(ARTICLE),
            {
                "id": 2,
                "title": "Board",
                "text": f"Renée Dufrêne met the board on Monday. {filler}.",
                "hash": "b",
            },
        )
    marked = f"Renée {MARK_START}Dufrêne{MARK_END} met the board"
    assert full_text(session).snippets(session, "dufrene", [1, 2]) == {
        1: f"{marked}.",
        2: f"{marked} on Monday. {' '.join(f'w{n}' for n in range(17))}…",
    }


def test_a_snippet_is_the_title_when_only_the_title_matches(engine: Engine, session: Session) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Harbour news", "text": "Ice closed the road.", "hash": "a"}
        )
    assert full_text(session).snippets(session, "harbour", [1]) == {1: f"{MARK_START}Harbour{MARK_END} news"}


@pytest.mark.parametrize(
    ("passage", "document", "snippet"),
    [
        ("<mark>Ice</mark> closed", "Ice closed the road.", "<mark>Ice</mark> closed…"),
        ("<mark>road</mark>.", "Ice closed the road.", "…<mark>road</mark>."),
        ("<mark>road</mark>", "(road)", "…<mark>road</mark>…"),
        ("the <mark>road</mark>", "the road and the road", "the <mark>road</mark>…"),
        ("\ue000<mark>b</mark>\ue001", "a <b> c", "…<<mark>b</mark>>…"),
        ("<mark>Ice</mark>", "Ice", "<mark>Ice</mark>"),
    ],
    ids=["at the start", "at the end", "one sign in", "its first occurrence", "angle brackets", "whole"],
)
def test_a_headline_gets_an_ellipsis_on_each_side_the_document_goes_on(
    passage: str, document: str, snippet: str
) -> None:
    assert _with_ellipses(passage, document) == snippet


def test_migration_indexes_rows_stored_before_it(database_url: str, engine: Engine) -> None:
    config = alembic_config(database_url)
    command.downgrade(config, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(ARTICLE), {"id": 1, "title": "Ferry", "text": "The harbour froze.", "hash": "a"}
        )
        connection.execute(text(QUOTE), {"id": 1, "article": 1, "text": "“Ice everywhere,”"})
        connection.execute(
            text("INSERT INTO actor (id, key, name, type) VALUES (1, 'k', 'Renée Dufrêne', 'person')")
        )
        connection.execute(
            text(
                "INSERT INTO articleactor (article_id, actor_id, aliases, roles, salience) "
                """VALUES (1, 1, '["R.D."]', '[]', 0.5)"""
            )
        )
    command.upgrade(config, "head")
    with Session(engine) as session:
        assert article_ids(session, "harbour") == [1]
        assert quote_ids(session, "ice") == [1]
    with Session(engine) as session:
        words = session.exec(select(models.ActorWord.word).order_by(models.ActorWord.word)).all()
        dated = session.exec(select(models.Article.dated_at)).one()
    assert words == ["dufrene", "rd", "renee"]
    assert dated == datetime(2026, 11, 1, tzinfo=UTC)
    assert full_text_objects(engine) != []
    command.downgrade(config, "0002")
    assert full_text_objects(engine) == []


def full_text_objects(engine: Engine) -> list[str]:
    """FTS5's tables on SQLite; the tsvector columns and the text search configuration on PostgreSQL."""
    catalog = {
        "sqlite": "SELECT name FROM sqlite_master WHERE name LIKE '%fts%'",
        "postgresql": "SELECT column_name FROM information_schema.columns "
        "WHERE column_name = 'search_vector' "
        "UNION ALL SELECT cfgname FROM pg_ts_config WHERE cfgname = 'quotewire'",
    }
    with engine.connect() as connection:
        return list(connection.execute(text(catalog[engine.dialect.name])).scalars())


def actor_words(session: Session) -> list[str]:
    return sorted(session.exec(select(models.ActorWord.word)).all())


def stored(session: Session, annotator: Annotator, raw: str) -> models.Article:
    parsed = ingest.parse_plain_text(raw)
    return ingest.store_article(session, parsed, annotator.annotate(parsed.text), annotator.version)


def test_ingest_reannotate_and_delete_keep_actor_words_in_step(
    session: Session, annotator: Annotator
) -> None:
    plan = stored(session, annotator, WATER_BOARD)
    wirt = stored(session, annotator, "Oskar Wirt said the roads were closed.")
    board_words = ["board", "brannholm", "dufrene", "renee", "vessby", "vwb", "water"]
    assert actor_words(session) == sorted([*board_words, "oskar", "wirt"])
    # A link the engine would not make: re-annotating the plan article drops it, and its alias.
    (wirt_id,) = ingest.linked_actor_ids(session, wirt)
    session.add(models.ArticleActor(article_id=plan.id, actor_id=wirt_id, aliases=["Zed"]))
    ingest.refresh_actors(session, {wirt_id})
    session.commit()
    assert "zed" in actor_words(session)
    ingest.reannotate(session, plan, annotator)
    assert actor_words(session) == sorted([*board_words, "oskar", "wirt"])
    ingest.delete_article(session, plan)
    assert actor_words(session) == ["oskar", "wirt"]


@pytest.mark.sqlite_only("the choice is made for SQLite's planner; PostgreSQL's weighs it itself")
def test_fts5_walks_dates_only_when_a_page_is_nearer_than_the_matches(session: Session) -> None:
    bodies = [f"The harbour wall, day {n}." for n in range(8)] + [
        "The ferry ran, day 8.",
        "Rain fell, day 9.",
    ]
    for body in bodies:
        ingest.store_article(session, ingest.parse_plain_text(body), Annotation([], []), "test")
    fts5 = Fts5()
    # 10 articles: 8 harbour matches beat a walk of about 3 x 10 / 8 rows; one ferry match does not.
    assert fts5.walk_dates_for(session, "harbour", page_rows=3) is True
    assert fts5.walk_dates_for(session, "harbour", page_rows=7) is False  # 70 rows against 64
    assert fts5.walk_dates_for(session, "day", page_rows=9) is True  # 90 rows against 100
    assert fts5.walk_dates_for(session, "day", page_rows=10) is False  # a tie: the lookups stay
    assert fts5.walk_dates_for(session, "ferry", page_rows=3) is False
    assert fts5.walk_dates_for(session, "absent", page_rows=3) is False
    assert PgFullText().walk_dates_for(session, "harbour", page_rows=3) is False
