"""A PostgreSQL database per test, on the server named by QUOTEWIRE_TEST_POSTGRES_URL.

Migrating a new database takes about a second on PostgreSQL; cloning one is a tenth of that. So the
session migrates one template database, and each test gets a fresh copy of it (CREATE DATABASE ...
TEMPLATE), or an empty database for the tests of migrations themselves, dropped when the test ends.
"""

from __future__ import annotations

import os
import uuid

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app.db import upgrade_to_head

POSTGRES_URL = os.environ.get("QUOTEWIRE_TEST_POSTGRES_URL") or None


class PostgresServer:
    """Creates and drops the suite's databases through the URL's own database."""

    def __init__(self, url: str) -> None:
        self._url = make_url(url)
        self._admin: Engine = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._prefix = f"{self._url.database}_qw_{uuid.uuid4().hex[:8]}"
        self._template = f"{self._prefix}_template"
        self._execute(f"CREATE DATABASE {self._template}")
        upgrade_to_head(self.url_of(self._template))

    def url_of(self, database: str) -> str:
        return self._url.set(database=database).render_as_string(hide_password=False)

    def create(self, *, migrated: bool) -> str:
        """A new database: a copy of the migrated template, or empty; its name."""
        name = f"{self._prefix}_{uuid.uuid4().hex[:12]}"
        self._execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {self._template}" if migrated else ""))
        return name

    def drop(self, database: str) -> None:
        """Drop it, ending the connections a test's engines still hold in their pools."""
        self._execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")

    def close(self) -> None:
        self.drop(self._template)
        self._admin.dispose()

    def _execute(self, statement: str) -> None:
        with self._admin.connect() as connection:
            connection.execute(text(statement))
