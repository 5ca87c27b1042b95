"""Alembic's entry point: run migrations on the connection the service hands over.

The service runs them when it starts (``compass.store.open_database``), under a PostgreSQL
advisory lock so that hosts starting together never race.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from compass.store.tables import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through compass.store.open_database, which passes a connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
