"""Open the database named by a URL, bring its schema up to date, and turn failures into
:class:`~compass.groups.StoreUnavailable`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from compass.errors import CompassError
from compass.groups import StoreUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any fixed number: PostgreSQL holds this lock while one host migrates, so two hosts
# starting together never race to create the same table.
MIGRATION_LOCK = 0x43_4F_4D_50


class DatabaseUrlError(CompassError):
    """COMPASS_DATABASE_URL cannot be used."""


class Database:
    """One SQLAlchemy engine and the rules for using it safely."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self, what: str) -> Iterator[Connection]:
        """A connection in a transaction; any database failure becomes StoreUnavailable."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreUnavailable(f"the {what} store failed ({type(exc).__name__})") from None

    def ping(self, what: str = "database") -> None:
        with self.transaction(what) as connection:
            connection.execute(text("SELECT 1"))

    def upgrade(self) -> None:
        """Apply every migration not yet applied (Alembic's ``upgrade head``)."""
        with self.transaction("database") as connection:
            if self.dialect == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def after_fork(self) -> None:
        """Forget connections inherited from the parent process: call in each new worker."""
        self.engine.dispose(close=False)

    def close(self) -> None:
        """Close every pooled connection (at shutdown, and at the end of a test)."""
        self.engine.dispose()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def open_database(url: str) -> Database:
    """The database at ``url``, migrated to the newest schema.

    ``sqlite://`` (nothing after the slashes) is a private in-memory database, for tests.
    """
    try:
        if url in ("sqlite://", "sqlite:///:memory:"):
            engine = create_engine("sqlite://", poolclass=StaticPool,
                                   connect_args={"check_same_thread": False})
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise DatabaseUrlError(f"'{_redacted(url)}' is not a database URL this service can use ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    database = Database(engine)
    try:
        database.upgrade()
    except StoreUnavailable as exc:
        raise DatabaseUrlError(f"'{_redacted(url)}' cannot be opened: {exc}") from None
    return database


def _sqlite_pragmas(connection: object, _record: object) -> None:
    """Write-ahead logging for a database file: readers never wait for a writer, and a
    commit is one append to the log instead of rewriting pages under a whole-file lock
    (many threads and workers joining groups at once wait milliseconds, not seconds).
    With ``synchronous = NORMAL`` a commit survives the service stopping or crashing; only
    the machine losing power could undo the last few. An in-memory database ignores both."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        from sqlalchemy.engine import make_url
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(unreadable URL)"
