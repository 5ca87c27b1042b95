"""The real catalogue in roles_catalogue/ meets the content bar (issue: Role catalogue)."""

from __future__ import annotations

from collections import Counter

import pytest

from compass.catalogue import Catalogue, check_catalogue
from compass.catalogue.report import build_report
from compass.catalogue.vocab import Family


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    result = check_catalogue()
    assert not result.errors, "\n".join(p.render() for p in result.errors)
    assert result.catalogue is not None
    return result.catalogue


def test_validates_without_warnings(catalogue: Catalogue) -> None:
    assert not catalogue.warnings, "\n".join(p.render() for p in catalogue.warnings)


def test_breadth(catalogue: Catalogue) -> None:
    """The whole range (issue 13): 320+ roles, 8+ in every family, 160+ with a way in that
    needs no degree, and a way to try every one."""
    assert len(catalogue.roles) >= 320
    families = Counter(r.family for r in catalogue.roles)
    thin_families = {f.value: families[f] for f in Family if families[f] < 8}
    assert not thin_families
    assert sum(r.has_no_degree_way_in for r in catalogue.roles) >= 160
    assert sum(r.has_paid_way_in for r in catalogue.roles) >= 40
    assert [r.id for r in catalogue.roles if not catalogue.ways_to_try.keys() & set(r.ways_to_try)] == []


def test_no_thin_roles(catalogue: Catalogue) -> None:
    assert build_report(catalogue).thin_roles == {}


def test_leeds_signposting_covers_key_programmes(catalogue: Catalogue) -> None:
    assert "talent-hub" in catalogue.programmes
    assert "leeds-health-and-care-academy" in catalogue.providers
    assert sum(p.in_leeds for p in catalogue.providers.values()) >= 10
