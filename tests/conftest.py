"""Shared fixtures for the whole suite."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
