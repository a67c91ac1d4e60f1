"""corpus queries: full text, actor name words, sort and filter indexes

Adds, for the corpus queries of /v1/quotes, /v1/articles and /v1/actors:
- `article.dated_at` (published_at, else ingested_at: the time lists sort by), filled for existing
  rows. It is added NOT NULL with a constant server default, then filled, because SQLite can only add
  a NOT NULL column that way without rebuilding `article` (a rebuild would cascade-delete its rows).
- indexes on `article.source`, `article.published_at`, `article.dated_at`, `quote.kind`,
  `quote.speaker_anonymous`;
- `actorword`: every folded word of each actor's name and aliases, filled for existing actors;
- FTS5 indexes `article_fts` (title, text) and `quote_fts` (text) over their tables as external
  content, with triggers that keep them in step in the writing transaction, built for existing rows.

Downgrading drops all of it; nothing is lost that the tables do not hold.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:40:00
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from app.search import name_words

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TOKENIZER = "porter unicode61 remove_diacritics 2"
# Full-text index -> (content table, indexed columns).
FTS_INDEXES = {"article_fts": ("article", ("title", "text")), "quote_fts": ("quote", ("text",))}


def _fts_statements(index: str, table: str, columns: tuple[str, ...]) -> list[str]:
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    insert = f"INSERT INTO {index}(rowid, {names}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='{table}', content_rowid='id', "
        f"tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]


def _fill_actor_words() -> None:
    connection = op.get_bind()
    words: dict[int, list[str]] = defaultdict(list)
    for actor_id, name in connection.execute(sa.text("SELECT id, name FROM actor")):
        words[actor_id] += name_words(name)
    for actor_id, aliases in connection.execute(
        sa.text("SELECT actor_id, value FROM articleactor, json_each(articleactor.aliases)")
    ):
        words[actor_id] += name_words(aliases)
    rows = [{"actor_id": a, "word": w} for a, found in words.items() for w in dict.fromkeys(found)]
    if rows:
        connection.execute(sa.text("INSERT INTO actorword (actor_id, word) VALUES (:actor_id, :word)"), rows)


def upgrade() -> None:
    op.add_column(
        "article", sa.Column("dated_at", sa.DateTime(), nullable=False, server_default="1970-01-01 00:00:00")
    )
    op.execute("UPDATE article SET dated_at = coalesce(published_at, ingested_at)")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_dated_at"), ["dated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_published_at"), ["published_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_article_source"), ["source"], unique=False)
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_speaker_anonymous"), ["speaker_anonymous"], unique=False)
    op.create_table(
        "actorword",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("word", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.id"], name=op.f("fk_actorword_actor_id_actor"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actorword")),
        sa.UniqueConstraint("word", "actor_id", name=op.f("uq_actorword_word")),
    )
    with op.batch_alter_table("actorword", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actorword_actor_id"), ["actor_id"], unique=False)
    _fill_actor_words()
    for index, (table, columns) in FTS_INDEXES.items():
        for statement in _fts_statements(index, table, columns):
            op.execute(statement)


def downgrade() -> None:
    for index in FTS_INDEXES:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {index}_{trigger}")
        op.execute(f"DROP TABLE {index}")
    with op.batch_alter_table("actorword", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actorword_actor_id"))
    op.drop_table("actorword")
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_speaker_anonymous"))
        batch_op.drop_index(batch_op.f("ix_quote_kind"))
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_source"))
        batch_op.drop_index(batch_op.f("ix_article_published_at"))
        batch_op.drop_index(batch_op.f("ix_article_dated_at"))
    op.execute("ALTER TABLE article DROP COLUMN dated_at")
