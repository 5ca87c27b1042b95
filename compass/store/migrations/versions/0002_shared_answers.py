"""Short share codes: a record per code, found by the code's keyed digest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shared_answers",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("expires_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_shared_answers_expires_at", "shared_answers", ["expires_at"])


def downgrade() -> None:
    op.drop_table("shared_answers")
