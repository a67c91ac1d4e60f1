"""corpus queries: full text, actor name words, sort and filter indexes

Adds, for the corpus queries of /v1/quotes, /v1/articles and /v1/actors:
- `article.dated_at` (published_at, else ingested_at: the time lists sort by), filled for existing
  rows. It is added NOT NULL with a constant server default, then filled, because SQLite can only add
  a NOT NULL column that way without rebuilding `article` (a rebuild would cascade-delete its rows).
- indexes on `article.source`, `article.published_at`, `article.dated_at`, `quote.kind`,
  `quote.speaker_anonymous`;
- `actorword`: every folded word of each actor's name and aliases, filled for existing actors;
- full text kept in step in the writing transaction, built for existing rows. SQLite: FTS5 indexes
  `article_fts` (title, text) and `quote_fts` (text) over their tables as external content, with
  triggers. PostgreSQL: a generated `search_vector` tsvector column on `article` (title weighted A,
  text B) and on `quote`, each with a GIN index, in the text search configuration `quotewire`
  (English snowball stems without a stop list, accents dropped by `unaccent` when the server has it),
  the nearest to FTS5's porter + unicode61 remove_diacritics.

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
# PostgreSQL: the configuration and the column app/search.py reads.
PG_CONFIG = "quotewire"
PG_STEMMER = "quotewire_stem"
PG_VECTOR = "search_vector"
# Parser token types that are words (the others, numbers, e-mails, URLs, keep english's mapping).
PG_WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"
# Table -> the tsvector expression of its generated column.
PG_VECTORS = {
    "article": f"setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A') || "
    f"setweight(to_tsvector('{PG_CONFIG}', text), 'B')",
    "quote": f"to_tsvector('{PG_CONFIG}', text)",
}
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
    each_alias = (
        "json_array_elements_text(articleactor.aliases)"
        if connection.dialect.name == "postgresql"
        else "json_each(articleactor.aliases)"
    )
    for actor_id, aliases in connection.execute(
        sa.text(f"SELECT actor_id, value FROM articleactor, {each_alias}")
    ):
        words[actor_id] += name_words(aliases)
    rows = [{"actor_id": a, "word": w} for a, found in words.items() for w in dict.fromkeys(found)]
    if rows:
        connection.execute(sa.text("INSERT INTO actorword (actor_id, word) VALUES (:actor_id, :word)"), rows)


def upgrade() -> None:
    # With a time zone on PostgreSQL, as published_at and ingested_at (SQLite stores all three alike).
    dated_at = sa.DateTime().with_variant(sqlmodel.sql.sqltypes.UTCDateTime(), "postgresql")
    op.add_column(
        "article", sa.Column("dated_at", dated_at, nullable=False, server_default="1970-01-01 00:00:00")
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
        # Compared by code point on PostgreSQL too (collation "C"), whatever the database's locale:
        # a name search is the range word >= prefix AND word < prefix || U+10FFFF (app/queries.py).
        sa.Column(
            "word",
            sqlmodel.sql.sqltypes.AutoString().with_variant(sa.String(collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.id"], name=op.f("fk_actorword_actor_id_actor"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actorword")),
        sa.UniqueConstraint("word", "actor_id", name=op.f("uq_actorword_word")),
    )
    with op.batch_alter_table("actorword", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actorword_actor_id"), ["actor_id"], unique=False)
    _fill_actor_words()
    if op.get_bind().dialect.name == "postgresql":
        _create_pg_full_text()
        return
    for index, (table, columns) in FTS_INDEXES.items():
        for statement in _fts_statements(index, table, columns):
            op.execute(statement)


def _create_pg_full_text() -> None:
    """The `quotewire` configuration, then a generated tsvector column and its GIN index per table:
    the server computes the column in the writing statement, so the index is never out of step."""
    connection = op.get_bind()
    has_unaccent = connection.execute(
        sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'unaccent'")
    ).scalar_one()
    op.execute(f"CREATE TEXT SEARCH DICTIONARY {PG_STEMMER} (TEMPLATE = snowball, Language = english)")
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = english)")
    dictionaries = PG_STEMMER
    if has_unaccent:
        op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema = connection.execute(
            sa.text("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'")
        ).scalar_one()
        dictionaries = f"{schema}.unaccent, {PG_STEMMER}"
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} ALTER MAPPING FOR {PG_WORD_TOKENS} WITH {dictionaries}"
    )
    for table, vector in PG_VECTORS.items():
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {PG_VECTOR} tsvector GENERATED ALWAYS AS ({vector}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_{PG_VECTOR} ON {table} USING gin ({PG_VECTOR})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in PG_VECTORS:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {PG_VECTOR}")  # and its index
        op.execute(f"DROP TEXT SEARCH CONFIGURATION {PG_CONFIG}")
        op.execute(f"DROP TEXT SEARCH DICTIONARY {PG_STEMMER}")
    else:
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
