"""Rendered API answers, served again until the next write.

Stored articles change only through ingest, re-annotation, PATCH and DELETE, and each of those
counts itself in the corpus revision (`ingest.bump_revision`). An answer rendered at one revision is
therefore right for every request for the same URL at that revision: it is kept, with its ETag and
Link, and the next such request costs one read of the counter instead of the queries and the
rendering. Keys carry the revision, so another API process's write (which bumps the shared counter)
makes every kept answer stale at once; nothing needs to be told.

On SQLite even that read is mostly skipped: `PRAGMA data_version`, asked on a connection of the
cache's own, changes whenever any other connection (of this process or another) has committed, and
costs microseconds without leaving the event loop; while it stands still, so does the revision.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import Message, Scope

from app import queries

# Enough for every per-article read of a busy corpus's hot set; the least recently used go first.
MAX_ANSWERS = 2048
# Larger answers (a long article's full text) are rendered each time rather than held.
MAX_ANSWER_BYTES = 512 * 1024

AnswerKey = tuple[int, str, str, str, bytes]


@dataclass(frozen=True, slots=True)
class Answer:
    """A 200 as it leaves revalidation: its start message (headers with ETag and Link) and body."""

    start: Message
    body: bytes
    etag: str


class SqliteCommits:
    """Whether any connection has committed to a SQLite file since the last look: `PRAGMA
    data_version` on a connection of its own, which never writes."""

    def __init__(self, database: str) -> None:
        self._connection = sqlite3.connect(database, check_same_thread=False, isolation_level=None)
        self._version: int | None = None

    def changed(self) -> bool:
        try:
            version: int = self._connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return True  # cannot tell: read the revision
        changed, self._version = version != self._version, version
        return changed


def sqlite_file(engine: Engine) -> str | None:
    """The file of a SQLite engine; None for another backend or an in-memory database."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return database


class AnswerCache:
    def __init__(self) -> None:
        self._answers: OrderedDict[AnswerKey, Answer] = OrderedDict()
        self._revision: int | None = None
        self._commits: SqliteCommits | None = None
        self._watched: Engine | None = None

    async def key(self, scope: Scope) -> AnswerKey | None:
        """The request's key at the current revision; None when answers cannot be kept (no counter)."""
        engine = getattr(scope["app"].state, "engine", None)
        if engine is None:
            return None
        if self._may_have_changed(engine) or self._revision is None:
            revision = await run_in_threadpool(queries.corpus_revision, engine)
            if revision is None:
                return None
            if revision != self._revision:
                self._answers.clear()  # every kept answer is older than this revision
                self._revision = revision
        host = Headers(scope=scope).get("host", "")
        return (self._revision, scope["scheme"], host, scope["path"], scope["query_string"])

    def _may_have_changed(self, engine: Engine) -> bool:
        """True unless a SQLite file's data version says nothing was committed since the last look
        (asked before the revision is read, so a write in between is caught by the next look)."""
        if engine is not self._watched:
            database = sqlite_file(engine)
            self._commits = None if database is None else SqliteCommits(database)
            self._watched = engine
        return self._commits is None or self._commits.changed()

    def get(self, key: AnswerKey | None) -> Answer | None:
        if key is None or (answer := self._answers.get(key)) is None:
            return None
        self._answers.move_to_end(key)
        return answer

    def put(self, key: AnswerKey | None, answer: Answer) -> None:
        if key is None or key[0] != self._revision or len(answer.body) > MAX_ANSWER_BYTES:
            return
        self._answers[key] = answer
        if len(self._answers) > MAX_ANSWERS:
            self._answers.popitem(last=False)
