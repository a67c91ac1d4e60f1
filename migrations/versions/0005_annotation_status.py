"""annotation status

Adds `article.annotation_status` (`done` or `failed`, indexed) and `article.annotation_error`: an
article whose annotation raised is stored with its text and the error instead of silently without
quotes, and `quotewire reannotate` tries it again. Existing rows are `done` (the column's server
default fills them, so SQLite adds it without a rebuild). Downgrading drops both columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 13:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "annotation_status", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default="done"
            )
        )
        batch_op.add_column(sa.Column("annotation_error", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.create_index(batch_op.f("ix_article_annotation_status"), ["annotation_status"], unique=False)


def downgrade() -> None:
    # Plain ALTER TABLE DROP COLUMN (SQLite 3.35+), not a batch rebuild: a rebuild would drop the
    # table's full-text triggers.
    op.drop_index("ix_article_annotation_status", table_name="article")
    op.drop_column("article", "annotation_error")
    op.drop_column("article", "annotation_status")
