"""quote dated_at

Adds `quote.dated_at`, a copy of its article's `dated_at` (ingest writes it, PATCH moves it with the
article), and the indexes `(dated_at DESC, article_id DESC, id)` and `(speaker_actor_id, dated_at
DESC, article_id DESC, id)`: the corpus-wide quote list's order, newest article first then text
order. Sorting on the article's column, a speaker's first page had to sort every quote of that
speaker, so it grew with the corpus; the second index walks them in order and stops at the page's
end. Existing rows are filled from their article. Downgrading drops the indexes and the column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_INDEX = "ix_quote_dated_at_desc_article_id_desc_id"
SPEAKER_ORDER_INDEX = "ix_quote_speaker_actor_id_dated_at_desc_article_id_desc_id"
ORDER = [sa.text("dated_at DESC"), sa.text("article_id DESC"), "id"]


def upgrade() -> None:
    # As article.dated_at (0003): with a time zone on PostgreSQL, added NOT NULL with a placeholder
    # default (no SQLite rebuild, which would drop the quote table's full-text triggers), then filled.
    dated_at = sa.DateTime().with_variant(sqlmodel.sql.sqltypes.UTCDateTime(), "postgresql")
    op.add_column(
        "quote", sa.Column("dated_at", dated_at, nullable=False, server_default="1970-01-01 00:00:00")
    )
    op.execute("UPDATE quote SET dated_at = (SELECT a.dated_at FROM article a WHERE a.id = quote.article_id)")
    op.create_index(ORDER_INDEX, "quote", ORDER, unique=False)
    op.create_index(SPEAKER_ORDER_INDEX, "quote", ["speaker_actor_id", *ORDER], unique=False)


def downgrade() -> None:
    op.drop_index(SPEAKER_ORDER_INDEX, table_name="quote")
    op.drop_index(ORDER_INDEX, table_name="quote")
    op.drop_column("quote", "dated_at")
