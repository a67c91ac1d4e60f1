"""Every list query is served by indexes: EXPLAIN shows no scan of a whole table.

The statements are the ones the app really runs for each list request (captured from the engine),
on a database holding the flood corpus. SQLite: EXPLAIN QUERY PLAN. PostgreSQL: EXPLAIN with
sequential scans disabled, so the planner takes an index wherever one can serve (on tables this
small it would rightly prefer to read them whole); a "Seq Scan" left in the plan means none can.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, event, text

from tests.api.test_quotes_list import Flood, ingest_flood

pytestmark = pytest.mark.anyio

# A plan line reading a whole table. SQLite: "SCAN quote", not "SCAN quote USING INDEX ..." (an index
# walked in order, stopping at the page's end) nor "SCAN article_fts VIRTUAL TABLE ..." (FTS5 lookup).
# PostgreSQL: "Seq Scan on quote" (an "Index Scan" may walk an index in order the same way).
_WHOLE_TABLE = {
    "sqlite": re.compile(r"^SCAN (?P<table>\w+)$"),
    "postgresql": re.compile(r"Seq Scan on (?P<table>\w+)"),
}
_TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
}
_EXPLAIN = {"sqlite": "EXPLAIN QUERY PLAN", "postgresql": "EXPLAIN (COSTS OFF)"}


@pytest.fixture
def statements() -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT any engine runs while the test does."""
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


def whole_table_scans(engine: Engine, statements: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    dialect = engine.dialect.name
    with engine.connect() as connection:
        tables = set(connection.execute(text(_TABLES[dialect])).scalars())
        if dialect == "postgresql":
            connection.execute(text("SET enable_seqscan = off"))
        found = []
        for statement, parameters in statements:
            plan = connection.exec_driver_sql(f"{_EXPLAIN[dialect]} {statement}", parameters).all()
            for *_, detail in plan:
                scan = _WHOLE_TABLE[dialect].search(detail)
                if scan and scan["table"] in tables:
                    found.append((detail.strip(), statement))
    return found


def list_requests(flood: Flood) -> list[tuple[str, dict[str, Any]]]:
    ferrow, tollby = flood.actors["Ingrid Ferrow"], flood.actors["Tollby"]
    return [
        ("/v1/quotes", {}),
        ("/v1/quotes", {"speaker_id": ferrow}),
        ("/v1/quotes", {"actor_id": tollby}),
        ("/v1/quotes", {"article_id": flood.dam}),
        ("/v1/quotes", {"kind": ["direct", "mixed"]}),
        ("/v1/quotes", {"anonymous": "true"}),
        ("/v1/quotes", {"q": "flood"}),
        ("/v1/quotes", {"published_after": "2026-02-01", "published_before": "2026-03-01"}),
        ("/v1/articles", {}),
        ("/v1/articles", {"sort": "-ingested_at"}),
        ("/v1/articles", {"q": "flood"}),
        ("/v1/articles", {"q": "flood", "sort": "relevance"}),
        ("/v1/articles", {"actor_id": [ferrow, tollby]}),
        ("/v1/articles", {"speaker_id": ferrow}),
        ("/v1/articles", {"source": "Tollby Post"}),
        ("/v1/articles", {"published_after": "2026-02-01"}),
        ("/v1/actors", {}),
        ("/v1/actors", {"q": "ferr"}),
        ("/v1/actors", {"type": "location"}),
        ("/v1/actors", {"q": "ferr", "type": "person"}),
        (f"/v1/actors/{ferrow}/articles", {}),
        (f"/v1/actors/{ferrow}/quotes", {}),
        (f"/v1/articles/{flood.dam}/quotes", {}),
        (f"/v1/articles/{flood.dam}/actors", {}),
    ]


async def test_no_list_query_scans_a_whole_table(
    client: httpx.AsyncClient, engine: Engine, statements: list[tuple[str, Any]]
) -> None:
    flood = await ingest_flood(client)
    for path, params in list_requests(flood):
        statements.clear()
        # limit 1: the second page's query (with its keyset condition) is checked too.
        first = await client.get(path, params={**params, "limit": 1})
        assert first.status_code == 200, (path, first.text)
        if first.json()["next"]:
            page = await client.get(path, params={**params, "limit": 1, "cursor": first.json()["next"]})
            assert page.status_code == 200, (path, page.text)
        assert statements, path
        assert whole_table_scans(engine, statements) == [], (path, params)


def test_the_check_finds_a_whole_table_scan(engine: Engine) -> None:
    """The detector itself: a filter on a column without an index is reported."""
    statement, detail = {
        "sqlite": ("SELECT id FROM quote WHERE speaker_text = ?", "SCAN quote"),
        "postgresql": ("SELECT id FROM quote WHERE speaker_text = %s", "Seq Scan on quote"),
    }[engine.dialect.name]
    assert [found for found, _ in whole_table_scans(engine, [(statement, ("x",))])] == [detail]


# A plan line sorting rows: the list's order is not an index's, so every matching row is read first.
# Sorting only rows that tie on an index's leading columns is fine (SQLite: "... FOR RIGHT PART OF
# ORDER BY", PostgreSQL: "Incremental Sort"): the index still stops the walk at the page's end.
_SORT = {
    "sqlite": re.compile(r"USE TEMP B-TREE FOR ORDER BY"),
    "postgresql": re.compile(r"^(?:->\s+)?Sort$"),
}


def sorts(engine: Engine, statements: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    dialect = engine.dialect.name
    with engine.connect() as connection:
        if dialect == "postgresql":
            # As for scans: on tables this small sorting is cheaper, so only a sort nothing can avoid shows.
            connection.execute(text("SET enable_seqscan = off"))
            connection.execute(text("SET enable_sort = off"))
        found = []
        for statement, parameters in statements:
            plan = connection.exec_driver_sql(f"{_EXPLAIN[dialect]} {statement}", parameters).all()
            found += [(d.strip(), statement) for *_, d in plan if _SORT[dialect].search(d.strip())]
    return found


async def test_lists_that_grow_with_the_corpus_walk_an_index_in_their_order(
    client: httpx.AsyncClient, engine: Engine, statements: list[tuple[str, Any]]
) -> None:
    """A page of these reads stops after its rows instead of sorting all that match, so it costs the
    same at any corpus size: however many quotes a speaker has, however many actors there are."""
    flood = await ingest_flood(client)
    ferrow = flood.actors["Ingrid Ferrow"]
    for path, params in [
        ("/v1/quotes", {}),
        ("/v1/quotes", {"speaker_id": ferrow}),
        ("/v1/articles", {}),
        ("/v1/actors", {}),
        ("/v1/actors", {"type": "location"}),
        (f"/v1/actors/{ferrow}/quotes", {}),
    ]:
        statements.clear()
        first = await client.get(path, params={**params, "limit": 1})
        assert first.status_code == 200 and first.json()["next"], (path, first.text)
        page = await client.get(path, params={**params, "limit": 1, "cursor": first.json()["next"]})
        assert page.status_code == 200, (path, page.text)
        assert sorts(engine, statements) == [], (path, params)


def test_the_sort_check_finds_a_sort(engine: Engine) -> None:
    """The detector itself: an order no index has is reported."""
    statement, detail = {
        "sqlite": ("SELECT id FROM quote ORDER BY speaker_text", "USE TEMP B-TREE FOR ORDER BY"),
        "postgresql": ("SELECT id FROM quote ORDER BY speaker_text", "Sort"),
    }[engine.dialect.name]
    assert [found for found, _ in sorts(engine, [(statement, ())])] == [detail]
