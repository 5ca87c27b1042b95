"""Group session tallies in the database. Codes are stored only as SHA-256 digests."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from compass.groups import (
    JOIN_ALPHABET,
    JOIN_CODE_LENGTH,
    SESSION_LIFETIME,
    Contribution,
    GroupError,
    GroupSession,
    Tally,
    digest,
    normalise_join_code,
)
from compass.store.database import Database
from compass.store.tables import group_count, group_session

STORE_NAME = "group session"


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())


class SqlTallyStore:
    """:class:`~compass.groups.TallyStore` over SQLAlchemy: SQLite or PostgreSQL."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def ping(self) -> None:
        self.database.ping(STORE_NAME)

    def _purge(self, connection: Connection, now: datetime) -> None:
        connection.execute(delete(group_session).where(group_session.c.expires_at <= _seconds(now)))

    def start_session(self, now: datetime | None = None) -> GroupSession:
        moment = _now(now)
        join_code = "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        adviser_key = secrets.token_urlsafe(18)
        expires = moment + SESSION_LIFETIME
        with self.database.transaction(STORE_NAME) as connection:
            self._purge(connection, moment)
            connection.execute(insert(group_session).values(
                join_hash=digest(join_code), adviser_hash=digest(adviser_key),
                expires_at=_seconds(expires), participants=0, earn_while_learning=0))
        return GroupSession(join_code, adviser_key, expires.replace(microsecond=0))

    def join_code_is_open(self, join_code: str, now: datetime | None = None) -> bool:
        with self.database.transaction(STORE_NAME) as connection:
            self._purge(connection, _now(now))
            row = connection.execute(select(group_session.c.join_hash).where(
                group_session.c.join_hash == digest(normalise_join_code(join_code)))).first()
        return row is not None

    def add(self, join_code: str, contribution: Contribution, now: datetime | None = None) -> None:
        join_hash = digest(normalise_join_code(join_code))
        with self.database.transaction(STORE_NAME) as connection:
            self._purge(connection, _now(now))
            updated = connection.execute(
                update(group_session).where(group_session.c.join_hash == join_hash).values(
                    participants=group_session.c.participants + 1,
                    earn_while_learning=group_session.c.earn_while_learning
                    + int(contribution.earn_while_learning))).rowcount
            if not updated:
                raise GroupError("That group code is not open.")
            self._bump(connection, join_hash, "family", contribution.families)
            self._bump(connection, join_hash, "route_kind", contribution.route_kinds)

    def _bump(self, connection: Connection, join_hash: str, category: str, keys: Iterable[str]) -> None:
        dialect = postgresql if self.database.dialect == "postgresql" else sqlite
        for key in sorted(keys):
            statement = dialect.insert(group_count).values(
                join_hash=join_hash, category=category, key=key, count=1)
            connection.execute(statement.on_conflict_do_update(
                index_elements=["join_hash", "category", "key"],
                set_={"count": group_count.c.count + 1}))

    def tally(self, adviser_key: str, now: datetime | None = None) -> Tally:
        with self.database.transaction(STORE_NAME) as connection:
            self._purge(connection, _now(now))
            row = connection.execute(select(
                group_session.c.join_hash, group_session.c.participants,
                group_session.c.earn_while_learning, group_session.c.expires_at,
            ).where(group_session.c.adviser_hash == digest(adviser_key))).first()
            if row is None:
                raise GroupError("That adviser key is not open.")
            counts = connection.execute(select(group_count.c.category, group_count.c.key, group_count.c.count)
                                        .where(group_count.c.join_hash == row.join_hash)).all()
        by_category: dict[str, dict[str, int]] = {"family": {}, "route_kind": {}}
        for category, key, count in counts:
            by_category[category][key] = count
        return Tally(participants=row.participants, families=by_category["family"],
                     route_kinds=by_category["route_kind"], earn_while_learning=row.earn_while_learning,
                     expires_at=datetime.fromtimestamp(row.expires_at, UTC))
