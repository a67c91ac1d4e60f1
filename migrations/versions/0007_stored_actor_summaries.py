"""stored actor summaries

Adds to `actor` what the actor endpoints show of all its articles: `article_count`, `quote_count`,
`aliases` and `roles` (JSON lists: its links' aliases other than its name, and their roles, each
once, in link order), and the indexes `(article_count DESC, id)` and `(type, article_count DESC, id)`
that serve the list's order, most articles first, and its keyset pages, over all actors and over
one type. They were aggregated over every link on each request, so
the actor reads grew with the corpus; every write now keeps them in step (`ingest.refresh_actors`).

Existing rows are filled from their links and quotes. Downgrading drops the index and the columns.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 14:40:00
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RANKING_INDEX = "ix_actor_article_count_desc_id"
TYPED_RANKING_INDEX = "ix_actor_type_article_count_desc_id"
RANKING = [sa.text("article_count DESC"), "id"]
COUNT_COLUMNS = ("article_count", "quote_count")
LIST_COLUMNS = ("aliases", "roles")

_actor = sa.table(
    "actor",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    *(sa.column(name, sa.Integer) for name in COUNT_COLUMNS),
    *(sa.column(name, sa.JSON) for name in LIST_COLUMNS),
)
_link = sa.table(
    "articleactor",
    sa.column("id", sa.Integer),
    sa.column("actor_id", sa.Integer),
    *(sa.column(name, sa.JSON) for name in LIST_COLUMNS),
)
_quote = sa.table("quote", sa.column("speaker_actor_id", sa.Integer))


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _backfill() -> None:
    """Every actor's counts, aliases and roles from its links (in link order) and quotes."""
    connection = op.get_bind()
    names = dict(connection.execute(sa.select(_actor.c.id, _actor.c.name)).all())
    aliases: dict[int, list[str]] = defaultdict(list)
    roles: dict[int, list[str]] = defaultdict(list)
    articles: dict[int, int] = defaultdict(int)
    links = sa.select(_link.c.actor_id, _link.c.aliases, _link.c.roles).order_by(_link.c.id)
    for actor_id, link_aliases, link_roles in connection.execute(links):
        aliases[actor_id] += link_aliases or []
        roles[actor_id] += link_roles or []
        articles[actor_id] += 1
    speaker = _quote.c.speaker_actor_id
    spoken = sa.select(speaker, sa.func.count()).where(speaker.is_not(None)).group_by(speaker)
    quotes = dict(connection.execute(spoken).all())
    rows = [
        {
            "actor": actor_id,
            "article_count": articles[actor_id],
            "quote_count": quotes.get(actor_id, 0),
            "aliases": [alias for alias in _unique(aliases[actor_id]) if alias != name],
            "roles": _unique(roles[actor_id]),
        }
        for actor_id, name in names.items()
    ]
    if rows:
        filled = {name: sa.bindparam(name) for name in (*COUNT_COLUMNS, *LIST_COLUMNS)}
        connection.execute(_actor.update().where(_actor.c.id == sa.bindparam("actor")).values(filled), rows)


def upgrade() -> None:
    # Plain ADD COLUMN (a constant default lets SQLite add a NOT NULL column without a rebuild).
    for name in COUNT_COLUMNS:
        op.add_column("actor", sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    for name in LIST_COLUMNS:
        op.add_column("actor", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
    _backfill()
    op.create_index(RANKING_INDEX, "actor", RANKING, unique=False)
    op.create_index(TYPED_RANKING_INDEX, "actor", ["type", *RANKING], unique=False)


def downgrade() -> None:
    op.drop_index(TYPED_RANKING_INDEX, table_name="actor")
    op.drop_index(RANKING_INDEX, table_name="actor")
    for name in (*LIST_COLUMNS, *COUNT_COLUMNS):
        op.drop_column("actor", name)
