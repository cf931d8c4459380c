"""Statistics: per group and day counters, answer-time histogram, ratings, author hashes.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"

# SQLite keeps these tables clustered by their primary key (see storage/stats.py).
COMPACT = {"sqlite_with_rowid": False}


def _day() -> sa.Column[object]:
    return sa.Column("day", sa.Date(), primary_key=True)


def _chat() -> sa.Column[object]:
    # Last in the key: summing over all groups then follows the key order (storage/stats.py).
    return sa.Column("chat_id", sa.BigInteger(), primary_key=True, autoincrement=False)


def upgrade() -> None:
    op.create_table(
        "stats_count",
        _day(),
        sa.Column("metric", sa.String(), primary_key=True),
        sa.Column("key", sa.String(), primary_key=True),
        _chat(),
        sa.Column("n", sa.Integer(), nullable=False),
        **COMPACT,
    )
    op.create_table(
        "stats_answer_time",
        _day(),
        sa.Column("bucket", sa.Integer(), primary_key=True, autoincrement=False),
        _chat(),
        sa.Column("n", sa.Integer(), nullable=False),
        **COMPACT,
    )
    op.create_table(
        "stats_doctor",
        _day(),
        sa.Column("doctor_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("specialty", sa.String(), primary_key=True),
        _chat(),
        sa.Column("up", sa.Integer(), nullable=False),
        sa.Column("down", sa.Integer(), nullable=False),
        **COMPACT,
    )
    op.create_table(
        "stats_author_seen",
        _day(),
        _chat(),
        sa.Column("author", sa.BigInteger(), primary_key=True, autoincrement=False),
        **COMPACT,
    )


def downgrade() -> None:
    op.drop_table("stats_author_seen")
    op.drop_table("stats_doctor")
    op.drop_table("stats_answer_time")
    op.drop_table("stats_count")
