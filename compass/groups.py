"""Group sessions for a class: anonymous counts only, kept for a day.

An adviser starts a session and gets two codes: a short *join code* to write on the board,
and a private *adviser key* to see the tally. Pupils who choose to join add only the job
families of their top roles, the kinds of route those roles start with, and whether they
want to earn while they learn. No answers, free text, roles, times or identifiers are kept:
a tally is a table of counts. Nothing is shown until ``MIN_GROUP_SIZE`` pupils have joined,
and a session and its counts are deleted a day after it starts.

:class:`TallyStore` is the interface; :class:`SqliteTallyStore` backs it with an embedded
SQLite file (or memory). A server database can implement the same four methods.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from compass.errors import CompassError

if TYPE_CHECKING:
    from compass.suggestions import Suggestions

MIN_GROUP_SIZE = 5
SESSION_LIFETIME = timedelta(days=1)
JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to copy off a board
JOIN_CODE_LENGTH = 6


class StoreUnavailable(CompassError):
    """The store holding group sessions cannot be reached or used right now."""


class GroupError(CompassError):
    """A join code or adviser key is unknown or expired (deliberately not saying which)."""


@dataclass(frozen=True)
class GroupSession:
    join_code: str
    adviser_key: str
    expires_at: datetime


@dataclass(frozen=True)
class Contribution:
    """What one pupil adds: never answers, never free text."""

    families: frozenset[str]
    route_kinds: frozenset[str]
    earn_while_learning: bool

    @classmethod
    def from_suggestions(cls, suggestions: Suggestions) -> Contribution:
        """The job families and best-route kinds of a pupil's top list, and whether they want pay."""
        recommendations = suggestions.recommendations
        return cls(
            families=frozenset(r.role.family.value for r in recommendations),
            route_kinds=frozenset(r.route.route.kind.value for r in recommendations),
            earn_while_learning=suggestions.profile.constraints.earn_while_learning,
        )


@dataclass(frozen=True)
class Tally:
    participants: int
    families: dict[str, int]
    route_kinds: dict[str, int]
    earn_while_learning: int
    expires_at: datetime

    @property
    def big_enough(self) -> bool:
        return self.participants >= MIN_GROUP_SIZE


class TallyStore(Protocol):
    def start_session(self, now: datetime | None = None) -> GroupSession: ...

    def join_code_is_open(self, join_code: str, now: datetime | None = None) -> bool: ...

    def add(self, join_code: str, contribution: Contribution, now: datetime | None = None) -> None: ...

    def tally(self, adviser_key: str, now: datetime | None = None) -> Tally: ...

    def ping(self) -> None:
        """Raise :class:`StoreUnavailable` unless the store answers."""


def normalise_join_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS group_session (
    join_hash TEXT PRIMARY KEY,
    adviser_hash TEXT UNIQUE NOT NULL,
    expires_at TEXT NOT NULL,
    participants INTEGER NOT NULL DEFAULT 0,
    earn_while_learning INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS group_count (
    join_hash TEXT NOT NULL REFERENCES group_session(join_hash) ON DELETE CASCADE,
    category TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (join_hash, category, key)
);
"""


class SqliteTallyStore:
    """Tallies in SQLite. Codes are stored only as SHA-256 digests."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.executescript(_SCHEMA)

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        """The store's lock; any database failure becomes :class:`StoreUnavailable`."""
        with self._lock:
            try:
                yield
            except sqlite3.Error as exc:
                raise StoreUnavailable(f"the group session store failed ({type(exc).__name__})") from None

    def ping(self) -> None:
        with self._guarded():
            self._db.execute("SELECT 1").fetchone()

    def _purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM group_session WHERE expires_at <= ?", (now.isoformat(),))

    def start_session(self, now: datetime | None = None) -> GroupSession:
        moment = _now(now)
        join_code = "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        adviser_key = secrets.token_urlsafe(18)
        expires = moment + SESSION_LIFETIME
        with self._guarded():
            self._purge(moment)
            self._db.execute(
                "INSERT INTO group_session (join_hash, adviser_hash, expires_at) VALUES (?, ?, ?)",
                (_digest(join_code), _digest(adviser_key), expires.isoformat()))
        return GroupSession(join_code, adviser_key, expires)

    def join_code_is_open(self, join_code: str, now: datetime | None = None) -> bool:
        with self._guarded():
            self._purge(_now(now))
            row = self._db.execute("SELECT 1 FROM group_session WHERE join_hash = ?",
                                   (_digest(normalise_join_code(join_code)),)).fetchone()
        return row is not None

    def add(self, join_code: str, contribution: Contribution, now: datetime | None = None) -> None:
        join_hash = _digest(normalise_join_code(join_code))
        with self._guarded():
            self._purge(_now(now))
            self._db.execute("BEGIN")
            try:
                updated = self._db.execute(
                    "UPDATE group_session SET participants = participants + 1, "
                    "earn_while_learning = earn_while_learning + ? WHERE join_hash = ?",
                    (int(contribution.earn_while_learning), join_hash)).rowcount
                if not updated:
                    raise GroupError("That group code is not open.")
                self._bump(join_hash, "family", contribution.families)
                self._bump(join_hash, "route_kind", contribution.route_kinds)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def _bump(self, join_hash: str, category: str, keys: Iterable[str]) -> None:
        for key in sorted(keys):
            self._db.execute(
                "INSERT INTO group_count (join_hash, category, key, count) VALUES (?, ?, ?, 1) "
                "ON CONFLICT (join_hash, category, key) DO UPDATE SET count = count + 1",
                (join_hash, category, key))

    def tally(self, adviser_key: str, now: datetime | None = None) -> Tally:
        with self._guarded():
            self._purge(_now(now))
            row = self._db.execute(
                "SELECT join_hash, participants, earn_while_learning, expires_at FROM group_session "
                "WHERE adviser_hash = ?", (_digest(adviser_key),)).fetchone()
            if row is None:
                raise GroupError("That adviser key is not open.")
            counts = self._db.execute("SELECT category, key, count FROM group_count WHERE join_hash = ?",
                                      (row[0],)).fetchall()
        by_category: dict[str, dict[str, int]] = {"family": {}, "route_kind": {}}
        for category, key, count in counts:
            by_category[category][key] = count
        return Tally(participants=row[1], families=by_category["family"],
                     route_kinds=by_category["route_kind"], earn_while_learning=row[2],
                     expires_at=datetime.fromisoformat(row[3]))
