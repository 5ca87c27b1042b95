"""Run-time state in a real database: SQLAlchemy over SQLite (embedded default) or PostgreSQL.

Everything the service writes while it runs (group session tallies today) goes through
here, so one setting, ``COMPASS_DATABASE_URL``, moves it from a file on one host to a
server that many hosts share. The schema is made and changed only by Alembic migrations.
"""

from compass.store.database import Database, open_database
from compass.store.tallies import SqlTallyStore

__all__ = ["Database", "SqlTallyStore", "open_database"]
