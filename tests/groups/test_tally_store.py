"""Group tallies: counts only, a minimum size, expiry after a day, codes stored hashed.

Each test runs against SQLite, and against PostgreSQL when the suite is given one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from compass.groups import MIN_GROUP_SIZE, Contribution, GroupError
from compass.store import Database, SqlTallyStore, open_database

START = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
PUPIL = Contribution(frozenset({"allied-health", "pharmacy"}), frozenset({"apprenticeship"}), True)


OPENED: list[Database] = []


@pytest.fixture(autouse=True)
def _close_databases() -> Iterator[None]:
    yield
    while OPENED:
        OPENED.pop().close()


def _open(url: str) -> Database:
    OPENED.append(open_database(url))
    return OPENED[-1]


def _store(url: str) -> SqlTallyStore:
    return SqlTallyStore(_open(url))


def test_counts_accumulate_and_show_only_from_the_minimum(database_url: str) -> None:
    store = _store(database_url)
    session = store.start_session(START)
    for i in range(MIN_GROUP_SIZE - 1):
        store.add(session.join_code.lower(), PUPIL, START + timedelta(minutes=i))
    tally = store.tally(session.adviser_key, START + timedelta(minutes=10))
    assert tally.participants == MIN_GROUP_SIZE - 1 and not tally.big_enough
    store.add(session.join_code, Contribution(frozenset({"pharmacy"}), frozenset({"degree"}), False), START)
    tally = store.tally(session.adviser_key, START)
    assert tally.big_enough
    assert tally.families == {"allied-health": 4, "pharmacy": 5}
    assert tally.route_kinds == {"apprenticeship": 4, "degree": 1}
    assert tally.earn_while_learning == 4


def test_sessions_expire_after_a_day(database_url: str) -> None:
    store = _store(database_url)
    session = store.start_session(START)
    assert store.join_code_is_open(session.join_code, START + timedelta(hours=23))
    later = START + timedelta(days=1, seconds=1)
    assert not store.join_code_is_open(session.join_code, later)
    with pytest.raises(GroupError):
        store.add(session.join_code, PUPIL, later)
    with pytest.raises(GroupError):
        store.tally(session.adviser_key, later)


def test_unknown_codes_and_keys_are_refused(database_url: str) -> None:
    store = _store(database_url)
    session = store.start_session(START)
    with pytest.raises(GroupError):
        store.add("ZZZZZZ", PUPIL, START)
    with pytest.raises(GroupError):
        store.tally(session.join_code, START)  # the join code is not the adviser key


def test_the_database_holds_no_codes_only_digests(tmp_path: Path) -> None:
    path = tmp_path / "groups.sqlite3"
    store = _store(f"sqlite:///{path}")
    session = store.start_session(START)
    store.add(session.join_code, PUPIL, START)
    raw = b"".join(f.read_bytes() for f in tmp_path.glob("groups.sqlite3*"))  # and its log
    assert b"allied-health" in raw  # the counts were read
    assert session.join_code.encode() not in raw
    assert session.adviser_key.encode() not in raw


def test_a_second_store_on_the_same_database_sees_the_first_ones_sessions(database_url: str) -> None:
    """What two hosts behind a load balancer rely on: one database, one truth."""
    first, second = _store(database_url), _store(database_url)
    session = first.start_session(START)
    assert second.join_code_is_open(session.join_code, START)
    second.add(session.join_code, PUPIL, START)
    assert first.tally(session.adviser_key, START).participants == 1


def test_migrations_run_once_and_again_harmlessly(database_url: str) -> None:
    database = _open(database_url)
    database.upgrade()  # already at the newest schema: nothing to do, nothing lost
    store = SqlTallyStore(database)
    session = store.start_session(START)
    _open(database_url).upgrade()
    assert store.join_code_is_open(session.join_code, START)
