"""ids never reused

Rebuilds `article`, `actor` and `quote` on SQLite with AUTOINCREMENT, so that an id freed by a
DELETE is never handed to a new row: a saved link to /v1/articles/7 must not silently start pointing
at another article. Without AUTOINCREMENT SQLite takes max(id) + 1, which reuses the id of a deleted
newest row. Rows keep their ids; the rebuild copies them, the indexes and the tables' triggers (the
full-text triggers of 0003). Other databases never reuse sequence values, so this does nothing there.

Downgrading rebuilds the tables without AUTOINCREMENT.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 12:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("article", "actor", "quote")


def _rebuild(table: str, *, autoincrement: bool) -> None:
    connection = op.get_bind()
    triggers = connection.execute(
        sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table"),
        {"table": table},
    ).scalars()
    saved = list(triggers)
    with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}):
        pass
    for statement in saved:
        connection.execute(sa.text(statement))


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(table, autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        _rebuild(table, autoincrement=False)
