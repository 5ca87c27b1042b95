"""Quality checks: unreachable roles and near-duplicate roles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from compass.catalogue import DEFAULT_CATALOGUE, load_catalogue
from compass.cli import main
from compass.curation.quality import check_quality, near_duplicates, unreachable_roles

REPO = DEFAULT_CATALOGUE.parent


def test_unreachable_roles_are_those_in_nobodys_list(good_catalogue: Path) -> None:
    catalogue = load_catalogue(good_catalogue)
    assert unreachable_roles([{"porter"}, set()], catalogue) == ["estates-manager"]
    assert unreachable_roles([], catalogue) == ["estates-manager", "porter"]


def test_near_duplicates_finds_only_very_close_pairs() -> None:
    vectors = np.array([[1.0, 0.0, 0.0], [0.99, 0.05, 0.0], [0.0, 1.0, 0.0]])
    pairs = near_duplicates(("a", "b", "c"), vectors, threshold=0.95)
    assert [(a, b) for a, b, _ in pairs] == [("a", "b")]


def test_quality_checks_are_skipped_without_matching_models(good_catalogue: Path, tmp_path: Path) -> None:
    report = check_quality(good_catalogue, tmp_path / "no-models", REPO / "evaluation/personas.yaml")
    assert report.problems == ()
    assert report.skipped_because is not None


@pytest.mark.slow
def test_shipped_catalogue_has_no_quality_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    if not (REPO / "models" / "manifest.json").exists():
        pytest.skip("models/ not built; 'make test' builds them before the tests")
    report = check_quality(DEFAULT_CATALOGUE, REPO / "models", REPO / "evaluation/personas.yaml")
    assert report.skipped_because is None, report.skipped_because
    assert report.problems == (), [p.render() for p in report.problems]
    assert main(["validate"]) == 0
    assert "Quality checks skipped" not in capsys.readouterr().out
