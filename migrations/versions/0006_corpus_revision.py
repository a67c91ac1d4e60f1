"""corpus revision

Adds `corpusrevision`, one row counting writes to the stored articles. Every write (ingest,
re-annotation, PATCH, DELETE) increments it in its own transaction; the API keeps rendered answers
per count and serves them again until it changes. Downgrading drops the table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "corpusrevision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corpusrevision")),
    )
    op.bulk_insert(table, [{"id": 1, "revision": 0}])


def downgrade() -> None:
    op.drop_table("corpusrevision")
