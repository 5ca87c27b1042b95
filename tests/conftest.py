"""Shared fixtures for the whole suite."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from store_servers import TEST_DATABASE_URL, TEST_REDIS_URL, empty_postgresql, empty_redis

from compass.catalogue import Catalogue, load_catalogue
from compass.ranking.engine import Engine

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "catalogue" / "fixtures"


@pytest.fixture
def good_catalogue(tmp_path: Path) -> Path:
    """A writable copy of the small, valid test catalogue."""
    target = tmp_path / "catalogue"
    shutil.copytree(FIXTURES / "good", target)
    return target


@pytest.fixture(scope="session")
def shipped_catalogue() -> Catalogue:
    """The real catalogue in roles_catalogue/, loaded once."""
    return load_catalogue()


@pytest.fixture(scope="session")
def shipped_engine(shipped_catalogue: Catalogue) -> Engine:
    """An engine over the real catalogue and whatever ranker models/ holds (no free text used)."""
    return Engine.load(catalogue=shipped_catalogue)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database: a SQLite file, and PostgreSQL when COMPASS_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'compass.sqlite3'}"
    if not TEST_DATABASE_URL:
        pytest.skip("COMPASS_TEST_DATABASE_URL is not set (.ci/run sets it after starting PostgreSQL)")
    return empty_postgresql(TEST_DATABASE_URL)


@pytest.fixture
def redis_url() -> str:
    """A Redis emptied for this test; skipped when COMPASS_TEST_REDIS_URL is not set."""
    if not TEST_REDIS_URL:
        pytest.skip("COMPASS_TEST_REDIS_URL is not set (.ci/run sets it after starting Redis)")
    return empty_redis(TEST_REDIS_URL)
