"""Opening the database: write-ahead logging for a SQLite file, so many threads can write."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from compass.store import open_database


def test_a_sqlite_file_uses_write_ahead_logging(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'compass.sqlite3'}")
    try:
        with database.transaction("test") as connection:
            mode = connection.execute(text("PRAGMA journal_mode")).scalar()
            synchronous = connection.execute(text("PRAGMA synchronous")).scalar()
        assert mode == "wal"
        assert synchronous == 1  # NORMAL: safe across a crash of the service
    finally:
        database.close()


def test_many_threads_write_to_one_file_without_failing(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'compass.sqlite3'}")
    with database.transaction("test") as connection:
        connection.execute(text("CREATE TABLE counts (n INTEGER)"))
    failures: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(20):
                with database.transaction("test") as connection:
                    connection.execute(text("INSERT INTO counts VALUES (1)"))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=write) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        with database.transaction("test") as connection:
            assert connection.execute(text("SELECT COUNT(*) FROM counts")).scalar() == 160
    finally:
        database.close()
