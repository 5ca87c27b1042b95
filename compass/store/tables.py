"""The tables, declared once: migrations create them and the stores query them."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

group_session = Table(
    "group_session", metadata,
    Column("join_hash", String(64), primary_key=True),
    Column("adviser_hash", String(64), unique=True, nullable=False),
    Column("expires_at", BigInteger, nullable=False, index=True),  # seconds since 1970, UTC
    Column("participants", Integer, nullable=False, server_default="0"),
    Column("earn_while_learning", Integer, nullable=False, server_default="0"),
)

group_count = Table(
    "group_count", metadata,
    Column("join_hash", String(64), ForeignKey("group_session.join_hash", ondelete="CASCADE"),
           primary_key=True),
    Column("category", String(20), primary_key=True),
    Column("key", String(60), primary_key=True),
    Column("count", Integer, nullable=False),
)

# A short share code's record: its keyed digest (never the code), the answers as option ids
# and the roles hidden (never free text), and when it stops working.
shared_answers = Table(
    "shared_answers", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("record", Text, nullable=False),
    Column("expires_at", BigInteger, nullable=False, index=True),  # seconds since 1970, UTC
)
