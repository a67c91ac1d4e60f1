"""Engine creation and schema migration; the schema only ever changes through Alembic."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from filelock import FileLock
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool
from sqlmodel import create_engine

_PACKAGE = Path(__file__).resolve().parent
# Inside a built wheel the migrations ship as app/migrations; in a source checkout they sit at the top.
MIGRATIONS_DIR = next(p for p in (_PACKAGE / "migrations", _PACKAGE.parent / "migrations") if p.is_dir())
# The PostgreSQL advisory lock every quotewire process takes to migrate a database: any fixed bigint
# that other software on the same database is unlikely to use ("quotewir" in ASCII).
MIGRATION_LOCK_KEY = 0x71756F7465776972


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, enforced foreign keys and its folder created."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    """Bring the database at `url` to the newest schema revision.

    Every API worker migrates at startup; a lock held across the whole upgrade makes the others wait
    and then find the schema current, instead of racing to create the same tables.
    """
    with migration_lock(make_url(url)):
        command.upgrade(alembic_config(url), "head")


def migration_lock(url: URL) -> AbstractContextManager[object]:
    """A lock shared by every process migrating this database: a PostgreSQL advisory lock, a lock
    file beside a SQLite file; none for an in-memory database (one process only)."""
    if url.get_backend_name() == "postgresql":
        return _advisory_lock(url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return nullcontext()
    path = Path(url.database)
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(f"{path}.migrate.lock")


@contextmanager
def _advisory_lock(url: URL) -> Iterator[None]:
    """Hold a session-level advisory lock on a connection of its own: the migration commits on its
    own connections, so the lock must outlive their transactions, and it is released even if this
    process dies (the server drops it with the connection)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()
    finally:
        engine.dispose()
