"""Group sessions for a class: anonymous counts only, kept for a day.

An adviser starts a session and gets two codes: a short *join code* to write on the board,
and a private *adviser key* to see the tally. Pupils who choose to join add only the job
families of their top roles, the kinds of route those roles start with, and whether they
want to earn while they learn. No answers, free text, roles, times or identifiers are kept:
a tally is a table of counts. Nothing is shown until ``MIN_GROUP_SIZE`` pupils have joined,
and a session and its counts are deleted a day after it starts.

:class:`TallyStore` is the interface; :class:`compass.store.SqlTallyStore` backs it with
SQLite (embedded) or PostgreSQL (shared by many hosts).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
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


def digest(secret: str) -> str:
    """What the store keeps instead of a code: its SHA-256 digest."""
    return hashlib.sha256(secret.encode()).hexdigest()
