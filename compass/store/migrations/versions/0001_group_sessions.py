"""Group sessions and their counts.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_session",
        sa.Column("join_hash", sa.String(64), primary_key=True),
        sa.Column("adviser_hash", sa.String(64), unique=True, nullable=False),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
        sa.Column("participants", sa.Integer, nullable=False, server_default="0"),
        sa.Column("earn_while_learning", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_group_session_expires_at", "group_session", ["expires_at"])
    op.create_table(
        "group_count",
        sa.Column("join_hash", sa.String(64),
                  sa.ForeignKey("group_session.join_hash", ondelete="CASCADE"), primary_key=True),
        sa.Column("category", sa.String(20), primary_key=True),
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("group_count")
    op.drop_index("ix_group_session_expires_at", "group_session")
    op.drop_table("group_session")
