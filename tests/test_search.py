"""Finding roles in the engine: words, filters and the route filters' meaning."""

from __future__ import annotations

import pytest

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Setting
from compass.search import RoleQuery, RouteFilter, SearchIndex, query_stems, route_labels


@pytest.fixture(scope="module")
def search(shipped_catalogue: Catalogue) -> SearchIndex:
    return SearchIndex.build(shipped_catalogue)


def ids(search: SearchIndex, query: RoleQuery) -> list[str]:
    return [r.id for r in search.find(query)]


def test_setting_and_route_filters_combine(search: SearchIndex) -> None:
    found = search.find(RoleQuery(setting=Setting.HOSPITAL, route=RouteFilter.EARN))
    assert found
    for role in found:
        assert Setting.HOSPITAL in role.settings and role.has_paid_way_in


def test_earn_while_you_learn_means_paid_from_the_start_with_no_degree_first(search: SearchIndex) -> None:
    earn = ids(search, RoleQuery(route=RouteFilter.EARN))
    assert "porter" in earn and "healthcare-assistant" in earn
    assert "clinical-psychologist" not in earn  # paid training, but only after a degree


def test_no_degree_and_degree_filters_split_on_the_route_rule(search: SearchIndex) -> None:
    no_degree = ids(search, RoleQuery(route=RouteFilter.NO_DEGREE))
    degree = ids(search, RoleQuery(route=RouteFilter.DEGREE))
    assert "porter" in no_degree and "porter" not in degree
    assert "surgeon" in degree and "surgeon" not in no_degree


def test_route_labels_name_the_filters_a_role_meets(shipped_catalogue: Catalogue) -> None:
    assert route_labels(shipped_catalogue.role("clinical-psychologist")) == [RouteFilter.DEGREE.label]
    assert RouteFilter.EARN.label in route_labels(shipped_catalogue.role("porter"))


def test_every_word_must_match_and_titles_count_most(search: SearchIndex) -> None:
    assert "physiotherapist" in ids(search, RoleQuery(words="physio"))[:3]
    assert ids(search, RoleQuery(words="hospital porter"))[0] == "porter"
    assert ids(search, RoleQuery(words="physio zzzqqq")) == []


def test_stems_match_word_forms() -> None:
    assert query_stems("coding coders") == ["cod"]
    assert query_stems("the physio") == ["physio"]
