"""The real PostgreSQL and Redis that .ci/run starts for the tests, emptied for each use.

Without them (COMPASS_TEST_DATABASE_URL and COMPASS_TEST_REDIS_URL unset) the tests that
need them skip, and the rest run against the embedded defaults (SQLite, in-process memory).
"""

from __future__ import annotations

import os

TEST_DATABASE_URL = os.environ.get("COMPASS_TEST_DATABASE_URL", "")
TEST_REDIS_URL = os.environ.get("COMPASS_TEST_REDIS_URL", "")


def empty_postgresql(url: str) -> str:
    """Drop every table in the test PostgreSQL database, so a test starts from nothing."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def empty_redis(url: str) -> str:
    """Forget every count in the test Redis database."""
    import redis

    redis.Redis.from_url(url).flushdb()
    return url
