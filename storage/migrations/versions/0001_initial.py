"""Initial schema: chats and the audit log.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "chat",
        sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True, index=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("audit_event")
    op.drop_table("chat")
