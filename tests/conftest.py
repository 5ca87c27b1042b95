"""Shared fixtures for the whole suite."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
