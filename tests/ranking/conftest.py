"""Fixtures for the ranking tests: a small catalogue, a fake encoder and engines over them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ranking_helpers import PERSONAS_YAML, FakeEncoder, fixture_catalogue, write_catalogue

from compass.catalogue import Catalogue
from compass.ranking.engine import Engine


@pytest.fixture
def catalogue() -> Catalogue:
    return fixture_catalogue()


@pytest.fixture
def encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture
def engine(catalogue: Catalogue, encoder: FakeEncoder) -> Engine:
    return Engine(catalogue, encoder=encoder)


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    return write_catalogue(tmp_path / "catalogue")


@pytest.fixture
def personas_file(tmp_path: Path) -> Path:
    path = tmp_path / "personas.yaml"
    path.write_text(PERSONAS_YAML)
    return path
